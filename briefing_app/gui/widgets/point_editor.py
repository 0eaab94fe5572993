"""The Point tab: a point as this brief words it beside the library's wording, with what
differs; the background and "if raised" answers, which the officer may also word for this brief;
a private note; custom points too."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.assemble import AssembledPoint
from ...core.brief import Brief, PointChoice
from ...core.faults import InputError
from ...core.library_config import layer_label
from ...core.models import CONTROLLED
from ...core.stance import written_for
from ..controller import BriefController
from .library_change import LibraryChangeNote
from .mark_combo import MarkCombo
from .tailored_field import TailoredField, answers_text, parse_answers, set_plain, text_box


class PointEditor(QScrollArea):
    point_shown = Signal(object)

    def __init__(self, controller: BriefController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self.point_id: str | None = None
        self._library: AssembledPoint | None = None
        t = self.tr
        self.heading = QLabel(wordWrap=True, textFormat=Qt.RichText, accessibleName=t("Point"))
        self.add_button = QPushButton(t("Add Cu&stom Point…"), accessibleName=t("Add custom point"))
        self.remove_button = QPushButton(t("Remove Custom Point"), accessibleName=t("Remove custom point"))
        self.title_edit = QLineEdit(accessibleName=t("Custom point title"))
        self.library_change = LibraryChangeNote()
        self.library_text = text_box(t("Library wording"), 3)
        self.library_text.setReadOnly(True)
        self.wording = TailoredField(t("This brief's wording"), t("This &brief's wording:"),
                                     t("Rever&t to Library"), 4)
        self.background = TailoredField(t("Background"), t("Bac&kground (officer only):"),
                                        t("Revert Background"), 3)
        self.if_raised = TailoredField(t("If raised"), t("&If raised (officer only; a line \"Q:\" "
                                                         "for each question, \"A:\" for its answer):"),
                                       t("Revert Answers"), 5)
        self.if_raised.box.setPlaceholderText(t("Nothing prepared."))
        self.note = text_box(t("Private note"), 2)
        self.note.setPlaceholderText(t("For you: printed in your officer brief, never on the handout"))
        self.note_label = QLabel(t("Priv&ate note (officer brief only):"), buddy=self.note)
        self.releasable = QCheckBox(t("Releasable (may appear on the handout)"))
        self.marking = MarkCombo(t("Portion marking"))
        self._build()
        self._connect()
        controller.brief_changed.connect(self._on_controller_brief_changed)
        controller.library_changed.connect(lambda _lib: self.show_point(self.point_id))
        self.show_point(None)

    # the spoken text's parts, by the names the window and its tests use
    brief_text = property(lambda self: self.wording.box)
    difference = property(lambda self: self.wording.difference)
    revert_button = property(lambda self: self.wording.revert_button)

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
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        for widget in (self.custom_form, self.library_change, self.library_label, self.library_text, self.wording,
                       self.background, self.if_raised, self.note_label, self.note):
            layout.addWidget(widget)
        layout.addWidget(self.remove_button, 0, Qt.AlignLeft)
        layout.addStretch()
        self.setWidget(page)
        self.setWidgetResizable(True)

    def _connect(self) -> None:
        c = self._controller
        self.title_edit.textEdited.connect(lambda t: self._edit_custom(title=t) if t.strip() else None)
        self.wording.edited.connect(self._on_wording_edited)
        self.wording.reverted.connect(lambda: c.tailor(self.point_id, "text", None))
        self.background.edited.connect(self._on_background_edited)
        self.background.reverted.connect(lambda: c.tailor(self.point_id, "background", None))
        self.if_raised.edited.connect(self._on_if_raised_edited)
        self.if_raised.reverted.connect(lambda: c.tailor(self.point_id, "if_raised", None))
        self.note.textChanged.connect(
            lambda: self.note.isReadOnly() or c.tailor(self.point_id, "note", self.note.toPlainText()))
        self.releasable.toggled.connect(lambda on: self._edit_custom(releasable=on))
        self.marking.activated.connect(lambda _i: self._on_marking_chosen(self.marking.mark()))
        self.add_button.clicked.connect(self.add_custom)
        self.library_change.accepted.connect(lambda: c.accept_library_wording(self.point_id))
        self.remove_button.clicked.connect(lambda: c.remove_custom(self.point_id))

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
        chosen = next((c for c in brief.points if c.id == self.point_id), None)
        missing = bool(self.point_id) and custom is None and self.point_id not in self._controller.library.points
        if missing and chosen is None:
            self.point_id = missing = None
        assembled, problem = None, ""
        if self.point_id and custom is None and not missing:
            try:
                assembled = self._controller.assembled_point(self.point_id)
            except InputError as err:
                problem = "; ".join(f.reason for f in err.faults)
        self._library = assembled
        self._show_kind(custom is not None, assembled is not None, chosen is not None and not missing)
        self.library_change.show_change(self._controller.wording_changes().get(self.point_id)
                                        if assembled is not None and chosen is not None else None)
        set_plain(self.note, chosen.note if chosen else "")
        if custom is not None:
            self._show_custom(brief, custom)
        elif assembled is not None:
            self._show_library_point(assembled, chosen)
        else:
            hint = self.tr("<i>Select a point in the library or the chosen list to read and reword it.</i>")
            if missing:
                problem = self.tr("The library no longer has this point (an update removed or renamed "
                                  "it), so it is left out of the documents. Remove it, or Replace it "
                                  "with a library point: the buttons under the chosen points, or "
                                  "right-click it.")
            failed = f"<b>{escape(self.point_id or '')}</b><br>{escape(problem)}"
            self.heading.setText(failed if problem else hint)

    def _show_custom(self, brief: Brief, custom) -> None:
        self.heading.setText(self.tr("<b>{0}</b><br>Custom point of this brief").format(escape(custom.title)))
        if self.title_edit.text() != custom.title:
            self.title_edit.setText(custom.title)
        set_plain(self.wording.box, custom.text)
        set_plain(self.background.box, custom.background)
        self.releasable.blockSignals(True)
        self.releasable.setChecked(custom.releasable)
        self.releasable.blockSignals(False)
        # A handout carries (U) only; a box ticked by hand in the file stays free to untick.
        self.releasable.setEnabled(custom.marking not in CONTROLLED or custom.releasable)
        self.releasable.setToolTip("" if self.releasable.isEnabled() else self.tr(
            "A point marked above (U) cannot go on the handout: mark it (U) to release it."))
        self.marking.show_mark(brief, custom.marking)

    def _show_library_point(self, point: AssembledPoint, chosen: PointChoice | None) -> None:
        use = self.tr("releasable: on the handout") if point.releasable else self.tr("officer only")
        state = "" if chosen else self.tr(" — <i>not in this brief; tick it to reword it</i>")
        aim = written_for(self._controller.library.points[point.id])
        aim = self.tr("Written for {0}").format(aim) if aim else self.tr("Written for any host and carrier")
        warn = f"<br><span style='color:#a15c00'>⚠ {escape(point.misfit)}</span>" if point.misfit else ""
        layer = self._layer(point.id)
        self.heading.setText(f"<b>{escape(point.title)}</b><br>{escape(point.topic)} · ({point.marking}) · "
                             f"{use}{state}<br>{escape(aim)} · {escape(layer)}{warn}")
        set_plain(self.library_text, point.library_text)
        editable = chosen is not None
        same = self.tr("Same as the library wording.")
        self.wording.show_text(point.library_text, point.text, editable, same)
        self.background.show_text(point.library_background, point.background, editable, same)
        answers = answers_text(point.if_raised)
        typed = self.if_raised.box.toPlainText()
        shown = typed if chosen and answers_text(parse_answers(typed)) == answers else answers
        self.if_raised.show_text(answers_text(point.library_if_raised), answers, editable, same, shown)

    def _layer(self, point_id: str) -> str:
        """Which library layer the point came from (provenance)."""
        layer = layer_label(self._controller.library, f"point:{point_id}")
        if layer == "built-in":
            return self.tr("from the built-in library")
        if layer == "local folder":
            return self.tr("from your local folder (unsigned)")
        return self.tr("from library {0}").format(layer)

    def _show_kind(self, custom: bool, library: bool, chosen: bool) -> None:
        self.custom_form.setVisible(custom)
        self.remove_button.setVisible(custom)
        for widget in (self.library_label, self.library_text, self.if_raised):
            widget.setVisible(library)
        for widget in (self.wording, self.background):
            widget.setVisible(custom or library)
            widget.difference.setVisible(library)
            widget.revert_button.setVisible(library)
        for widget in (self.note_label, self.note):
            widget.setVisible(chosen)
        self.note.setReadOnly(not chosen)
        self.wording.box.setReadOnly(not chosen)
        self.background.box.setReadOnly(not chosen)
        self.if_raised.box.setReadOnly(not chosen)

    def _edit_custom(self, **fields: object) -> None:
        if self.point_id and self._controller.brief.custom(self.point_id):
            self._controller.update_custom(self.point_id, **fields)

    def _on_marking_chosen(self, marking: str) -> None:
        """Marking a point above (U) takes it off the handout in the same step."""
        if marking in CONTROLLED:
            self._edit_custom(marking=marking, releasable=False)
        else:
            self._edit_custom(marking=marking)

    def _on_wording_edited(self, text: str) -> None:
        if self._controller.brief.custom(self.point_id):
            self._edit_custom(text=text)
        elif self._library is not None:
            self._controller.tailor(self.point_id, "text", None if text == self._library.library_text else text)

    def _on_background_edited(self, text: str) -> None:
        if self._controller.brief.custom(self.point_id):
            self._edit_custom(background=text)
        elif self._library is not None:
            same = text == self._library.library_background
            self._controller.tailor(self.point_id, "background", None if same else text)

    def _on_if_raised_edited(self, text: str) -> None:
        if self._library is None:
            return
        answers = parse_answers(text)
        same = answers_text(answers) == answers_text(self._library.library_if_raised)
        self._controller.tailor(self.point_id, "if_raised", None if same else answers)
