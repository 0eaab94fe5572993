"""The Meeting tab: who, when, where and why (each marked by the officer), plus the document's
marking and sign-off lines."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.brief import Brief, Counterpart
from ...core.language import words
from ...core.outputs import PAPERS
from ..controller import BriefController
from .clearance_table import ClearanceTable
from .cui_fields import CuiFields
from .form_table import FormTable
from .mark_combo import MarkCombo
from .objectives_editor import ObjectivesEditor
from .release_fields import ReleaseFields

COUNTERPART_FIELDS = ("name", "title", "organisation", "pronunciation")


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class MeetingForm(QScrollArea):
    def __init__(self, controller: BriefController, parent: QWidget | None = None):
        super().__init__(parent)
        self._shown: object = None
        self._controller = controller
        self._redrawing = False
        t = self.tr
        self.title = QLineEdit(accessibleName=t("Meeting title"))
        self.when_set = QCheckBox(t("Set"), accessibleName=t("Date and time set"))
        self.when = QDateTimeEdit(calendarPopup=True, accessibleName=t("Date and time"),
                                  displayFormat="yyyy-MM-dd HH:mm")
        self.place = QLineEdit(accessibleName=t("Place"))
        self.audience = QComboBox(accessibleName=t("Audience"))
        for value, label in (("both", t("Government and carrier")), ("government", t("Government")),
                             ("carrier", t("Carrier"))):
            self.audience.addItem(label, value)
        self.counterparts = FormTable(0, 4, accessibleName=t("Counterparts"))
        self.counterparts.setHorizontalHeaderLabels([t("Name"), t("Title"), t("Organization"),
                                                     t("Pronunciation")])
        self.counterparts.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.counterparts.verticalHeader().hide()
        self.counterparts.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.counterparts.setMinimumHeight(90)
        self.counterparts.setMaximumHeight(150)
        self.add_counterpart = QPushButton(t("Add Counterpart"), accessibleName=t("Add counterpart"))
        self.remove_counterpart = QPushButton(t("Remove"), accessibleName=t("Remove counterpart"))
        self.participants = self._box(t("Our participants, one per line"), 2)
        self.purpose = self._box(t("Purpose"), 2)
        self.purpose_marking = MarkCombo(t("Marking of the purpose"))
        self.objectives = ObjectivesEditor(controller)
        self.bluf = self._box(t("Bottom line up front"), 2)
        self.bluf_marking = MarkCombo(t("Marking of the BLUF"))
        self.post = QLineEdit(accessibleName=t("Post"), placeholderText=t("e.g. US Embassy Rome"))
        self.drafted_by = QLineEdit(accessibleName=t("Drafted by"))
        self.clearances = ClearanceTable(controller)
        self.us_forces_release = ReleaseFields(controller)
        self.marks = CuiFields(controller)
        self.paper = QComboBox(accessibleName=t("Paper size"))
        for paper in PAPERS.values():
            self.paper.addItem(paper.name, paper.id)
        self._build()
        self._connect()
        controller.brief_changed.connect(self._on_controller_brief_changed)
        self._on_controller_brief_changed(controller.brief)

    def _box(self, name: str, rows: int) -> QPlainTextEdit:
        box = QPlainTextEdit(accessibleName=name, placeholderText=name, tabChangesFocus=True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * rows + 14)
        return box

    def _build(self) -> None:
        t = self.tr
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # on a small screen, labels above fields
        when = QHBoxLayout()
        when.addWidget(self.when_set)
        when.addWidget(self.when, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_counterpart)
        buttons.addWidget(self.remove_counterpart)
        buttons.addStretch()
        people = QVBoxLayout()
        people.addWidget(self.counterparts)
        people.addLayout(buttons)
        for label, field in ((t("&Title:"), self.title), (QLabel(t("&When:"), buddy=self.when_set), when),
                             (t("&Place:"), self.place), (t("&Audience:"), self.audience),
                             (QLabel(t("Counterpart&s:"), buddy=self.counterparts), people),
                             (t("Our part&icipants:"), self.participants),
                             (QLabel(t("P&urpose:"), buddy=self.purpose),
                              _marked(self.purpose, self.purpose_marking)),
                             (t("Objectives:"), self.objectives),
                             (QLabel(t("&BLUF:"), buddy=self.bluf), _marked(self.bluf, self.bluf_marking)),
                             (t("Marking:"), self.marks),
                             (t("Post:"), self.post), (t("&Drafted by:"), self.drafted_by),
                             (t("Clearances:"), self.clearances), (t("US forces:"), self.us_forces_release),
                             (t("Paper:"), self.paper)):
            form.addRow(label, field)
        for combo in page.findChildren(QComboBox):  # long choices must not widen the whole form
            if not isinstance(combo, MarkCombo):
                combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(10)
        self.setWidget(page)
        self.setWidgetResizable(True)

    def _connect(self) -> None:
        c = self._controller
        self.title.textEdited.connect(lambda text: c.update_meeting(title=text))
        self.place.textEdited.connect(lambda text: c.update_meeting(place=text))
        self.when_set.toggled.connect(lambda _on: self._commit_when())
        self.when.dateTimeChanged.connect(lambda _value: self._commit_when())
        self.audience.activated.connect(lambda i: c.update_meeting(audience=self.audience.itemData(i)))
        boxes = (("purpose", self.purpose, str), ("bluf", self.bluf, str),
                 ("participants", self.participants, _lines))
        for name, box, convert in boxes:
            box.textChanged.connect(lambda n=name, b=box, f=convert: self._redrawing or
                                    c.update_meeting(**{n: f(b.toPlainText())}))
        self.counterparts.itemChanged.connect(lambda _item: self._redrawing or self._commit_counterparts())
        self.add_counterpart.clicked.connect(self._on_add_counterpart_clicked)
        self.remove_counterpart.clicked.connect(self._on_remove_counterpart_clicked)
        for name, combo in (("purpose_marking", self.purpose_marking), ("bluf_marking", self.bluf_marking)):
            combo.activated.connect(lambda _i, n=name, m=combo: c.update_meeting(**{n: m.mark()}))
        self.post.textEdited.connect(lambda text: c.update_brief(post=text))
        self.drafted_by.textEdited.connect(lambda text: c.update_brief(drafted_by=text))
        self.paper.activated.connect(lambda i: c.update_brief(paper=self.paper.itemData(i)))

    def _commit_when(self) -> None:
        if self._redrawing:
            return
        self.when.setEnabled(self.when_set.isChecked())
        when = None
        if self.when_set.isChecked():
            when = self.when.dateTime().toPython().replace(second=0, microsecond=0)
        self._controller.update_meeting(when=when)

    def _commit_counterparts(self) -> None:
        rows = []
        for row in range(self.counterparts.rowCount()):
            values = {f: (self.counterparts.item(row, col).text() if self.counterparts.item(row, col) else "")
                      for col, f in enumerate(COUNTERPART_FIELDS)}
            rows.append(Counterpart(**values))
        self._controller.update_meeting(counterparts=tuple(rows))

    def _on_add_counterpart_clicked(self) -> None:
        people = self._controller.brief.meeting.counterparts + (Counterpart(),)
        self._controller.update_meeting(merge=False, counterparts=people)
        self.counterparts.setCurrentCell(self.counterparts.rowCount() - 1, 0)
        self.counterparts.editItem(self.counterparts.currentItem())

    def _on_remove_counterpart_clicked(self) -> None:
        row = self.counterparts.currentRow()
        people = list(self._controller.brief.meeting.counterparts)
        if 0 <= row < len(people):
            del people[row]
            self._controller.update_meeting(merge=False, counterparts=tuple(people))

    def _title_placeholder(self, brief: Brief) -> str:
        """What the documents print as the title while it is empty, for this brief's carrier or
        country."""
        library = self._controller.library
        country = library.country(brief.country) if brief.country else None
        if country is None:
            return self.tr("e.g. 5G vendor security")
        carrier = country.carrier(brief.carrier) if brief.carrier else None
        w = words("en")
        who = carrier.name if carrier else w.government_of.format(country=country.in_text)
        return self.tr("Left empty: {0}").format(w.meeting_with.format(who=who))

    def _on_controller_brief_changed(self, brief: Brief) -> None:
        self.title.setPlaceholderText(self._title_placeholder(brief))
        shown = (brief.meeting, brief.scheme, brief.regime, brief.post, brief.drafted_by,
                 brief.clearances, brief.paper)
        if shown == self._shown:
            return  # a change elsewhere in the brief: leave the form (and its cursor) alone
        self._shown = shown
        self._redrawing = True
        for widget in self.findChildren(QWidget):
            widget.blockSignals(True)
        meeting = brief.meeting
        _set_text(self.title, meeting.title)
        _set_text(self.place, meeting.place)
        self.when_set.setChecked(meeting.when is not None)
        self.when.setEnabled(meeting.when is not None)
        self.when.setDateTime(QDateTime(meeting.when) if meeting.when else
                              QDateTime(dt.datetime.now().replace(minute=0, second=0, microsecond=0)))
        self.audience.setCurrentIndex(self.audience.findData(meeting.audience))
        _set_plain(self.participants, "\n".join(meeting.participants))
        _set_plain(self.purpose, meeting.purpose)
        _set_plain(self.bluf, meeting.bluf)
        self.purpose_marking.show_mark(brief, meeting.purpose_marking)
        self.bluf_marking.show_mark(brief, meeting.bluf_marking)
        self._show_counterparts(brief)
        _set_text(self.post, brief.post)
        _set_text(self.drafted_by, brief.drafted_by)
        self.clearances.show_brief(brief)
        self.paper.setCurrentIndex(self.paper.findData(brief.paper))
        for widget in self.findChildren(QWidget):
            widget.blockSignals(False)
        self._redrawing = False

    def _show_counterparts(self, brief: Brief) -> None:
        people = brief.meeting.counterparts
        current = [[self.counterparts.item(r, c).text() if self.counterparts.item(r, c) else ""
                    for c in range(4)] for r in range(self.counterparts.rowCount())]
        wanted = [[getattr(p, f) for f in COUNTERPART_FIELDS] for p in people]
        if current == wanted:
            return
        self.counterparts.setRowCount(len(people))
        for row, values in enumerate(wanted):
            for col, value in enumerate(values):
                self.counterparts.setItem(row, col, QTableWidgetItem(value))


def _marked(box: QWidget, mark: MarkCombo) -> QHBoxLayout:
    """A text box with its portion mark beside it."""
    row = QHBoxLayout()
    row.addWidget(box, 1)
    row.addWidget(mark, 0)
    return row


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)


def _set_plain(box: QPlainTextEdit, text: str) -> None:
    """Only replace differing text, so a redraw while typing leaves the cursor where it is.

    Lines are compared trimmed, since a list field drops the blank line the officer just typed."""
    if _lines(box.toPlainText()) != _lines(text) or (text and box.toPlainText().strip() != text.strip()):
        box.setPlainText(text)
