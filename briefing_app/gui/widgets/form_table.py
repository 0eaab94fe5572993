"""A table inside a form (counterparts, clearances) that Tab can leave.

Tab moves from cell to cell, as in a spreadsheet, also while a cell is being typed in; from
the last cell it goes on to the next field, and Shift+Tab from the first cell to the one
before, where a plain table would start over at its first cell and keep the officer in it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableWidget, QWidget


class FormTable(QTableWidget):
    def _at_end(self, forward: bool) -> bool:
        index = self.currentIndex()
        if not index.isValid():
            return True
        if forward:
            return index.row() == self.rowCount() - 1 and index.column() == self.columnCount() - 1
        return index.row() == 0 and index.column() == 0

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:  # noqa: N802
        forward = action == QAbstractItemView.MoveNext
        if action in (QAbstractItemView.MoveNext, QAbstractItemView.MovePrevious) and self._at_end(forward):
            return QModelIndex()  # Tab is not taken here, so it moves the focus on
        return super().moveCursor(action, modifiers)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        forward = hint == QAbstractItemDelegate.EditNextItem
        if hint in (QAbstractItemDelegate.EditNextItem, QAbstractItemDelegate.EditPreviousItem) \
                and self._at_end(forward):
            super().closeEditor(editor, QAbstractItemDelegate.NoHint)
            self.focusNextPrevChild(forward)
            return
        super().closeEditor(editor, hint)
