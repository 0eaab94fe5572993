"""The clearance record in the Meeting tab, driven with the keyboard: add a row, type the
office and name, pick a date and a status, clear a date, remove a row; undo covers it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from briefing_app.core.brief import Clearance


def type_into_editor(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def press_return(qtbot, table) -> None:
    """Return commits the cell; the delegate closes its editor on the next event loop turn."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.EditingState)


def test_clearances_are_edited_with_the_keyboard(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentWidget(window.meeting_form)
    clearances = window.meeting_form.clearances
    table = clearances.table
    clearances.add.click()  # a row, its office cell open for typing
    assert window.controller.brief.clearances == (Clearance(),)
    type_into_editor(qtbot, "ECON")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    type_into_editor(qtbot, "B. Jones")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)  # the date: today, from the calendar
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)  # the status list
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Down)
    press_return(qtbot, table)
    assert window.controller.brief.clearances == (
        Clearance(office="ECON", name="B. Jones", date=dt.date.today(),
                  status="cleared-with-edits"),)
    assert table.item(0, 4).text() == "Cleared with edits"
    table.setCurrentCell(0, 3)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key_Delete)  # no date yet after all
    assert window.controller.brief.clearances[0].date is None

    clearances.add.click()
    type_into_editor(qtbot, "POL")
    press_return(qtbot, table)
    assert [c.office for c in window.controller.brief.clearances] == ["ECON", "POL"]
    table.setCurrentCell(0, 1)
    clearances.remove.click()
    assert [c.office for c in window.controller.brief.clearances] == ["POL"]
    assert table.rowCount() == 1 and table.item(0, 1).text() == "POL"
    window.controller.undo_stack.undo()
    assert [c.office for c in window.controller.brief.clearances] == ["ECON", "POL"]
    assert table.item(0, 2).text() == "B. Jones"
