"""The meeting's objectives, one line each with its own portion mark: a read-ahead lists one to
three, and each is marked for what it says, not for the highest point in the brief."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QToolButton, QWidget

from ...core.brief import Brief, Objective
from ..controller import BriefController
from .mark_combo import MarkCombo


class ObjectivesEditor(QWidget):
    def __init__(self, controller: BriefController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self.texts: list[QLineEdit] = []
        self.marks: list[MarkCombo] = []
        self._removers: list[QToolButton] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add Ob&jective"), accessibleName=self.tr("Add objective"))
        self.add_button.clicked.connect(self._on_add_clicked)
        controller.brief_changed.connect(self._on_controller_brief_changed)
        self._on_controller_brief_changed(controller.brief)

    def _objectives(self) -> tuple[Objective, ...]:
        return self._controller.brief.meeting.objectives

    def _commit(self, row: int, **change: str) -> None:
        objectives = list(self._objectives())
        if row < len(objectives):
            objectives[row] = objectives[row].model_copy(update=change)
            self._controller.update_meeting(objectives=tuple(objectives))

    def _on_add_clicked(self) -> None:
        self._controller.update_meeting(merge=False, objectives=self._objectives() + (Objective(),))
        self.texts[-1].setFocus()

    def _remove(self, row: int) -> None:
        objectives = list(self._objectives())
        if row < len(objectives):
            del objectives[row]
            self._controller.update_meeting(merge=False, objectives=tuple(objectives))

    def _add_row(self) -> None:
        row = len(self.texts)
        number = row + 1
        text = QLineEdit(accessibleName=self.tr("Objective {0}").format(number),
                         placeholderText=self.tr("What the meeting should achieve"))
        mark = MarkCombo(self.tr("Marking of objective {0}").format(number))
        remove = QToolButton(text="\u2715", accessibleName=self.tr("Remove objective {0}").format(number),
                             toolTip=self.tr("Remove this objective"))
        text.textEdited.connect(lambda value, r=row: self._commit(r, text=value))
        mark.activated.connect(lambda _i, r=row, m=mark: self._commit(r, marking=m.mark()))
        remove.clicked.connect(lambda _on=False, r=row: self._remove(r))
        for column, widget in enumerate((text, mark, remove)):
            self._grid.addWidget(widget, row, column)
        self.texts.append(text)
        self.marks.append(mark)
        self._removers.append(remove)

    def _drop_row(self) -> None:
        for widget in (self.texts.pop(), self.marks.pop(), self._removers.pop()):
            self._grid.removeWidget(widget)
            widget.deleteLater()

    def _on_controller_brief_changed(self, brief: Brief) -> None:
        objectives = brief.meeting.objectives
        while len(self.texts) < len(objectives):
            self._add_row()
        while len(self.texts) > len(objectives):
            self._drop_row()
        for text, mark, objective in zip(self.texts, self.marks, objectives, strict=True):
            if text.text() != objective.text:
                text.setText(objective.text)
            mark.show_mark(brief, objective.marking)
        self._grid.removeWidget(self.add_button)
        self._grid.addWidget(self.add_button, len(objectives), 0, 1, 1)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes through the rows as they are on screen, then to Add Objective (a row made
        later would otherwise come last)."""
        ours = [w for row in zip(self.texts, self.marks, self._removers, strict=True) for w in row]
        before = self.add_button.previousInFocusChain()
        while before in ours or before is self or before.focusPolicy() == Qt.NoFocus:
            before = before.previousInFocusChain()
        for widget in [*ours, self.add_button]:
            QWidget.setTabOrder(before, widget)
            before = widget
