"""The Point tab: the library's wording beside this brief's, what differs, and the reference
material (background, if raised) an officer reads before the meeting; custom points too."""

from __future__ import annotations

import difflib
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.assemble import AssembledPoint
from ...core.brief import Brief
from ...core.faults import InputError
from ...core.models import CONTROLLED
from ...core.stance import written_for
from ..controller import BriefController
from .mark_combo import MarkCombo


def word_diff_html(old: str, new: str) -> str:
    """Words taken out struck through in red, words put in underlined in green."""
    a, b = old.split(), new.split()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            out.append(f"<s style='color:#b00020'>{escape(' '.join(a[i1:i2]))}</s>")
        if tag in ("insert", "replace"):
            out.append(f"<u style='color:#1b5e20'>{escape(' '.join(b[j1:j2]))}</u>")
        if tag == "equal":
            out.append(escape(" ".join(a[i1:i2])))
    return " ".join(out)


def _box(name: str, rows: int) -> QPlainTextEdit:
    """A text box about `rows` lines high (a little more room to grow), so the reference
    material below it stays in view."""
    box = QPlainTextEdit(accessibleName=name, tabChangesFocus=True)
    line = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(line * rows + 12)
    box.setMaximumHeight(line * (rows + 2) + 12)
    return box


class PointEditor(QScrollArea):
    point_shown = Signal(object)
    def __init__(self, controller: BriefController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self.point_id: str | None = None
        self._library_text = ""
        self.heading = QLabel(wordWrap=True, textFormat=Qt.RichText, accessibleName=self.tr("Point"))
        self.add_button = QPushButton(self.tr("Add Cu&stom Point…"),
                                      accessibleName=self.tr("Add custom point"))
        self.remove_button = QPushButton(self.tr("Remove Custom Point"),
                                         accessibleName=self.tr("Remove custom point"))
        self.title_edit = QLineEdit(accessibleName=self.tr("Custom point title"))
        self.library_text = _box(self.tr("Library wording"), 3)
        self.library_text.setReadOnly(True)
        self.brief_text = _box(self.tr("This brief's wording"), 4)
        self.difference = QLabel(wordWrap=True, textFormat=Qt.RichText, accessibleName=self.tr("Difference"))
        self.revert_button = QPushButton(self.tr("&Revert to Library"),
                                         accessibleName=self.tr("Revert to library wording"))
        self.background = _box(self.tr("Background"), 3)
        self.if_raised = QTextBrowser(accessibleName=self.tr("If raised"))
        self.if_raised.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.releasable = QCheckBox(self.tr("Releasable (may appear on the handout)"))
        self.marking = MarkCombo(self.tr("Portion marking"))
        self._build()
        self.title_edit.textEdited.connect(lambda t: self._edit_custom(title=t) if t.strip() else None)
        self.brief_text.textChanged.connect(self._on_brief_text_changed)
        self.background.textChanged.connect(self._on_background_changed)
        self.releasable.toggled.connect(lambda on: self._edit_custom(releasable=on))
        self.marking.activated.connect(lambda _i: self._on_marking_chosen(self.marking.mark()))
        self.revert_button.clicked.connect(lambda: self._controller.reword(self.point_id, None))
        self.add_button.clicked.connect(self.add_custom)
        self.remove_button.clicked.connect(lambda: self._controller.remove_custom(self.point_id))
        controller.brief_changed.connect(self._on_controller_brief_changed)
        controller.library_changed.connect(lambda _lib: self.show_point(self.point_id))
        self.show_point(None)

    def _build(self) -> None:
        page = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.add_button, 0, Qt.AlignTop)
        self.custom_form = QWidget()
        custom = QFormLayout(self.custom_form)
        custom.setContentsMargins(0, 0, 0, 0)
        custom.addRow(self.tr("&Title:"), self.title_edit)
        custom.addRow(self.tr("Marking:"), self.marking)
        custom.addRow("", self.releasable)
        self.library_label = QLabel(self.tr("Library wording (read-only):"))
        self.brief_label = QLabel(self.tr("This &brief's wording:"), buddy=self.brief_text)
        diff_row = QHBoxLayout()
        diff_row.addWidget(self.difference, 1)
        diff_row.addWidget(self.revert_button, 0, Qt.AlignTop)
        self.background_label = QLabel(self.tr("Background (officer only):"))
        self.if_raised_label = QLabel(self.tr("If raised (officer only):"))
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.custom_form)
        for widget in (self.library_label, self.library_text, self.brief_label, self.brief_text):
            layout.addWidget(widget)
        layout.addLayout(diff_row)
        for widget in (self.background_label, self.background, self.if_raised_label, self.if_raised):
            layout.addWidget(widget)
        layout.addWidget(self.remove_button, 0, Qt.AlignLeft)
        layout.addStretch()
        self.setWidget(page)
        self.setWidgetResizable(True)

    def add_custom(self) -> None:
        title, ok = QInputDialog.getText(self, self.tr("Add Custom Point"),
                                         self.tr("Title of the new point:"))
        if ok and title.strip():
            self.show_point(self._controller.add_custom(title.strip()))

    def show_point(self, point_id: str | None) -> None:
        self.point_id = point_id
        self._on_controller_brief_changed(self._controller.brief)
        self.point_shown.emit(point_id)

    def _on_controller_brief_changed(self, brief: Brief) -> None:
        custom = brief.custom(self.point_id) if self.point_id else None
        if self.point_id and custom is None and self.point_id not in self._controller.library.points:
            self.point_id = None
        chosen = next((c for c in brief.points if c.id == self.point_id), None)
        assembled, problem = None, ""
        if self.point_id and custom is None:
            try:
                assembled = self._controller.assembled_point(self.point_id)
            except InputError as err:
                problem = "; ".join(f.reason for f in err.faults)
        self._show_kind(custom is not None, assembled is not None)
        if custom is not None:
            self.heading.setText(self.tr("<b>{0}</b><br>Custom point of this brief")
                                 .format(escape(custom.title)))
            self._set(self.title_edit, custom.title)
            self._set(self.brief_text, custom.text)
            self._set(self.background, custom.background)
            self.releasable.blockSignals(True)
            self.releasable.setChecked(custom.releasable)
            self.releasable.blockSignals(False)
            # A handout carries (U) only; a box ticked by hand in the file stays free to untick.
            self.releasable.setEnabled(custom.marking not in CONTROLLED or custom.releasable)
            self.releasable.setToolTip("" if self.releasable.isEnabled() else self.tr(
                "A point marked above (U) cannot go on the handout: mark it (U) to release it."))
            self.marking.show_mark(brief, custom.marking)
        elif assembled is not None:
            self._show_library_point(assembled, chosen is not None)
        else:
            hint = self.tr("<i>Select a point in the library or the chosen list to read and reword it.</i>")
            failed = f"<b>{escape(self.point_id or '')}</b><br>{escape(problem)}"
            self.heading.setText(failed if problem else hint)

    def _show_library_point(self, point: AssembledPoint, chosen: bool) -> None:
        use = self.tr("releasable: on the handout") if point.releasable else self.tr("officer only")
        state = "" if chosen else self.tr(" — <i>not in this brief; tick it to reword it</i>")
        aim = written_for(self._controller.library.points[point.id])
        aim = self.tr("Written for {0}").format(aim) if aim else self.tr("Written for any host and carrier")
        warn = f"<br><span style='color:#a15c00'>⚠ {escape(point.misfit)}</span>" if point.misfit else ""
        self.heading.setText(f"<b>{escape(point.title)}</b><br>{escape(point.topic)} · ({point.marking}) · "
                             f"{use}{state}<br>{escape(aim)}{warn}")
        self._library_text = point.library_text
        self._set(self.library_text, point.library_text)
        self._set(self.brief_text, point.text)
        self.brief_text.setReadOnly(not chosen)
        self._set(self.background, point.background)
        qa = "".join(f"<p><b>Q:</b> {escape(q.question)}<br><b>A:</b> {escape(q.answer)}</p>"
                     for q in point.if_raised)
        self.if_raised.setHtml(qa or self.tr("<i>Nothing prepared.</i>"))
        self.revert_button.setEnabled(point.reworded)
        self.difference.setText(
            self.tr("<b style='color:#b00020'>✎ Reworded</b> — differs from the library:<br>") +
            word_diff_html(point.library_text, point.text) if point.reworded
            else self.tr("<span style='color:#555'>Same as the library wording.</span>"))

    def _show_kind(self, custom: bool, library: bool) -> None:
        self.custom_form.setVisible(custom)
        self.remove_button.setVisible(custom)
        for widget in (self.library_label, self.library_text, self.difference, self.revert_button,
                       self.if_raised_label, self.if_raised):
            widget.setVisible(library)
        for widget in (self.brief_label, self.brief_text, self.background_label, self.background):
            widget.setVisible(custom or library)
        self.background.setReadOnly(not custom)
        self.brief_text.setReadOnly(not custom and not library)

    @staticmethod
    def _set(widget: QPlainTextEdit | QLineEdit, text: str) -> None:
        """Update a field only when it differs, so typing keeps its cursor and undo redraws it."""
        current = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        if current != text:
            widget.blockSignals(True)
            widget.setPlainText(text) if isinstance(widget, QPlainTextEdit) else widget.setText(text)
            widget.blockSignals(False)

    def _edit_custom(self, **fields: object) -> None:
        if self.point_id and self._controller.brief.custom(self.point_id):
            self._controller.update_custom(self.point_id, **fields)

    def _on_marking_chosen(self, marking: str) -> None:
        """Marking a point above (U) takes it off the handout in the same step."""
        if marking in CONTROLLED:
            self._edit_custom(marking=marking, releasable=False)
        else:
            self._edit_custom(marking=marking)

    def _on_brief_text_changed(self) -> None:
        if not self.point_id or self.brief_text.isReadOnly():
            return
        text = self.brief_text.toPlainText()
        if self._controller.brief.custom(self.point_id):
            self._edit_custom(text=text)
        else:
            self._controller.reword(self.point_id, None if text == self._library_text else text)

    def _on_background_changed(self) -> None:
        if not self.background.isReadOnly():
            self._edit_custom(background=self.background.toPlainText())
