"""The keyboard: the window's commands are never swallowed by a field, Tab walks the Meeting tab
in order and leaves its tables, and every Alt+letter on screen means one thing."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QWidget,
)

from briefing_app.gui import dialogs
from tests.gui.test_workflow import choose_italy_and_tim


class EndOfLine(QObject):
    """A one-line box under X11's key scheme, where Ctrl+E moves to the end of the line: it
    claims the key before the window's Export shortcut sees it."""

    def eventFilter(self, watched, event):
        if event.type() == QEvent.ShortcutOverride and event.key() == Qt.Key_E \
                and event.modifiers() == Qt.ControlModifier:
            event.accept()
        return False


def test_ctrl_e_exports_from_every_text_field(qtbot, make_window, monkeypatch):
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    window.tabs.setCurrentWidget(window.meeting_form)
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, title, *a, **k: asked.append(title))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    fields = [w for w in window.findChildren(QLineEdit) + window.findChildren(QPlainTextEdit)
              if w.isVisible() and w.isEnabled()]
    assert len(fields) >= 8
    claim = EndOfLine()
    for field in fields:
        field.setFocus()
        field.installEventFilter(claim)  # after the window's: it sees the key first
        qtbot.keyClick(field, Qt.Key_E, Qt.ControlModifier)
        field.removeEventFilter(claim)
    assert asked == ["Export Officer Brief"] * len(fields)


def focus_chain(qtbot, start, presses, tables=()):
    """The widgets Tab visits from `start`; a cell being typed in counts as its table, and a
    field visited on consecutive presses (the date's day, month, year...) once."""
    start.setFocus()
    chain = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        seen = next((t for t in tables if t.isAncestorOf(widget)), widget)
        chain.append(seen)
        qtbot.keyClick(widget, Qt.Key_Tab)
    return chain


def test_tab_goes_from_the_country_box_through_the_meeting_tab_and_out_of_its_tables(qtbot, make_window):
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    form = window.meeting_form
    window.tabs.setCurrentWidget(form)
    qtbot.mouseClick(form.when_set, Qt.LeftButton)
    qtbot.mouseClick(form.objectives.add_button, Qt.LeftButton)
    qtbot.mouseClick(form.clearances.add, Qt.LeftButton)
    qtbot.mouseClick(form.add_counterpart, Qt.LeftButton)  # its name cell opens for typing
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tables = (form.counterparts, form.clearances.table)
    chain = focus_chain(qtbot, window.country_panel.country_box, 90, tables)
    panel = window.country_panel
    assert chain[:2] == [panel.country_box, panel.carrier_box]
    fields = [form.title, form.when_set, form.when, form.place, form.audience, form.counterparts,
              form.add_counterpart, form.remove_counterpart, form.participants, form.purpose,
              form.purpose_marking, form.objectives.texts[0], form.objectives.marks[0],
              form.objectives.add_button, form.bluf, form.bluf_marking, form.post, form.drafted_by,
              form.clearances.table, form.paper]
    start = chain.index(form.title)
    walked = [w for w in chain[start:chain.index(form.paper) + 1] if w in fields]
    assert [w for i, w in enumerate(walked) if i == 0 or w is not walked[i - 1]] == fields
    for table, after in ((form.counterparts, form.add_counterpart),
                         (form.clearances.table, form.clearances.add)):
        first = chain.index(table)
        cells = len(list(filter(lambda w: w is table, chain[first:first + 12])))
        assert cells <= table.rowCount() * table.columnCount() + 1  # a visit per cell at most
        assert chain[first + cells] is after  # then out of the table
    assert chain.count(panel.country_box) >= 2  # and round again: Tab is never stuck


def mnemonics(window) -> Counter:
    """Every Alt+letter on screen: the menu bar's, the tabs', and those of visible labels,
    buttons and group boxes."""
    texts = [a.text() for a in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, QScrollArea):
            continue
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QLabel) and widget.textFormat() != Qt.RichText and "<" not in widget.text():
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    return Counter(m.casefold() for text in texts for m in re.findall(r"(?<!&)&([^&\s])", text))


def test_every_alt_letter_on_a_visible_tab_means_one_thing(qtbot, make_window):
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    window.tabs.setCurrentWidget(window.meeting_form)
    seen = [mnemonics(window)]
    window.chosen_list.select("compulsion-law")  # a library point on the Point tab
    assert window.tabs.currentWidget() is window.point_editor
    seen.append(mnemonics(window))
    window.point_editor.show_point(window.controller.add_custom("Local point"))
    seen.append(mnemonics(window))
    for found in seen:
        assert {letter: n for letter, n in found.items() if n > 1} == {}
    assert {"h", "e", "l", "p", "u", "c"} <= set(seen[0])  # Help, Edit, Library, Place...
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key_2, Qt.ControlModifier)  # the handout, by key
    assert window.preview.handout.isChecked()
