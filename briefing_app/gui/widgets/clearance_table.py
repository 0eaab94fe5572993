"""The clearance record in the Meeting tab: one row per office that clears or approves the
brief, with its name, date and status, added and removed with buttons or the keyboard.

Role and status are picked from lists, the date from a calendar (Delete clears it), so a row
always holds what the brief format allows. Every edit goes to the controller as a whole new
list of clearances; the table redraws from the brief.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.brief import Brief, Clearance
from ..controller import BriefController
from .form_table import FormTable

ROLE, OFFICE, NAME, DATE, STATUS = range(5)


class _ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a list of (value, label); the item keeps the value as its data."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget):
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = QComboBox(parent)
        for value, label in self._choices:
            editor.addItem(label, value)
        return editor

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.UserRole))))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.UserRole)
        model.setData(index, editor.currentText(), Qt.DisplayRole)


class _DateDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        return QDateEdit(parent, calendarPopup=True, displayFormat="yyyy-MM-dd")

    def setEditorData(self, editor: QDateEdit, index: QModelIndex) -> None:  # noqa: N802
        text = index.data(Qt.DisplayRole)
        editor.setDate(QDate.fromString(text, "yyyy-MM-dd") if text else QDate.currentDate())

    def setModelData(self, editor: QDateEdit, model, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.date().toString("yyyy-MM-dd"), Qt.DisplayRole)


class _Table(FormTable):
    """Delete or Backspace on a date clears it (a clearance may have no date yet)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self.currentColumn() == DATE \
                and self.state() != QAbstractItemView.EditingState and self.currentItem():
            self.currentItem().setText("")
            return
        super().keyPressEvent(event)


class ClearanceTable(QWidget):
    def __init__(self, controller: BriefController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self._redrawing = False
        t = self.tr
        self.roles = [("cleared", t("Cleared")), ("approved", t("Approved"))]
        self.statuses = [("pending", t("Pending")), ("cleared", t("Cleared")),
                         ("cleared-with-edits", t("Cleared with edits"))]
        self.table = _Table(0, 5, accessibleName=t("Clearances"))
        self.table.setHorizontalHeaderLabels([t("Role"), t("Office"), t("Name"), t("Date"),
                                              t("Status")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.AllEditTriggers)
        self.table.setMinimumHeight(80)
        self.table.setMaximumHeight(140)
        self.table.setItemDelegateForColumn(ROLE, _ChoiceDelegate(self.roles, self))
        self.table.setItemDelegateForColumn(STATUS, _ChoiceDelegate(self.statuses, self))
        self.table.setItemDelegateForColumn(DATE, _DateDelegate(self))
        self.add = QPushButton(t("Add Clearance"), accessibleName=t("Add clearance"))
        self.remove = QPushButton(t("Remove"), accessibleName=t("Remove clearance"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        self.table.itemChanged.connect(lambda _item: self._redrawing or self._commit())
        self.add.clicked.connect(self._on_add_clicked)
        self.remove.clicked.connect(self._on_remove_clicked)

    def _commit(self) -> None:
        rows = []
        for row in range(self.table.rowCount()):
            cell = self.table.item
            date = cell(row, DATE).text() if cell(row, DATE) else ""
            rows.append(Clearance(role=cell(row, ROLE).data(Qt.UserRole),
                                  office=cell(row, OFFICE).text(), name=cell(row, NAME).text(),
                                  date=dt.date.fromisoformat(date) if date else None,
                                  status=cell(row, STATUS).data(Qt.UserRole)))
        if tuple(rows) != self._controller.brief.clearances:
            self._controller.update_brief(clearances=tuple(rows))

    def _on_add_clicked(self) -> None:
        clearances = self._controller.brief.clearances + (Clearance(),)
        self._controller.change(self._controller.brief.model_copy(update={"clearances": clearances}),
                                self.tr("Add clearance"))
        self.table.setFocus()
        self.table.setCurrentCell(self.table.rowCount() - 1, OFFICE)  # opens it for typing
        if self.table.state() != QAbstractItemView.EditingState:
            self.table.editItem(self.table.currentItem())

    def _on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        clearances = list(self._controller.brief.clearances)
        if 0 <= row < len(clearances):
            del clearances[row]
            self._controller.change(self._controller.brief.model_copy(
                update={"clearances": tuple(clearances)}), self.tr("Remove clearance"))

    def show_brief(self, brief: Brief) -> None:
        """Redraw from the brief (only when its clearances differ from what is shown)."""
        labels = {ROLE: dict(self.roles), STATUS: dict(self.statuses)}
        self._redrawing = True
        self.table.setRowCount(len(brief.clearances))
        for row, c in enumerate(brief.clearances):
            values = {ROLE: c.role, OFFICE: c.office, NAME: c.name,
                      DATE: c.date.isoformat() if c.date else "", STATUS: c.status}
            for column, value in values.items():
                item = QTableWidgetItem(labels[column][value] if column in labels else value)
                if column in (ROLE, STATUS):
                    item.setData(Qt.UserRole, value)
                self.table.setItem(row, column, item)
        self._redrawing = False
