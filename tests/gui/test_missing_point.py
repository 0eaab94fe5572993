"""A brief naming a point the library no longer has is not stuck: the point shows as missing,
the rest previews and exports with the missing point named in a warning, and Delete, Remove,
Replace and a context menu deal with it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QComboBox

from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.brief_file import save_brief
from briefing_app.gui import dialogs
from briefing_app.gui.dialogs import ask_point as real_ask_point
from tests.gui.modal import answer_next_question
from tests.gui.test_workflow import chosen_titles, pdf_text

MISSING = "⚠ edge-before-2026 — not in the library"


@pytest.fixture
def window(make_window, tmp_path):
    path = tmp_path / "old.brief"
    save_brief(Brief(country="IT", carrier="tim", regime="sbu", points=(
        PointChoice(id="compulsion-law"),
        PointChoice(id="edge-before-2026", text="My words on the edge.", note="Ask about Milan."),
        PointChoice(id="base-commercial"))), path)
    return make_window(path)


def select_row(qtbot, window, row):
    lst = window.chosen_list.list
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    lst.setFocus()
    lst.setCurrentRow(0)
    for _ in range(row):
        qtbot.keyClick(lst, Qt.Key_Down)


def test_the_rest_previews_and_exports_with_a_warning(qtbot, window, tmp_path, monkeypatch):
    assert chosen_titles(window) == ["1. Chinese law obliges firms to assist state intelligence work",
                                     MISSING, "2. Most base traffic rides commercial networks"]
    window.preview.refresh_now()
    assert window.preview.stack.currentWidget() is window.preview.view
    officer = " ".join(pdf_text(window.preview.pdf_bytes).split())
    assert "Most base traffic" in officer and "My words on the edge" not in officer
    warnings = [f.reason for f in window.problems.problems() if f.warning]
    assert "point 'edge-before-2026' is no longer in the library and is left out; remove it, or " \
           "replace it with a library point" in warnings
    assert not [f for f in window.problems.problems() if not f.warning]
    select_row(qtbot, window, 1)
    assert "no longer has this point" in window.point_editor.heading.text()

    target = tmp_path / "old-officer.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    qtbot.keyClick(window.chosen_list.list, Qt.Key_E, Qt.ControlModifier)
    assert "Most base traffic" in pdf_text(target.read_bytes())


def test_delete_and_the_remove_button_take_it_out(qtbot, window):
    select_row(qtbot, window, 1)
    assert window.chosen_list.replace_button.isEnabled()
    qtbot.keyClick(window.chosen_list.list, Qt.Key_Delete)
    assert MISSING not in chosen_titles(window)
    window.controller.undo_stack.undo()
    assert MISSING in chosen_titles(window)
    select_row(qtbot, window, 1)
    qtbot.mouseClick(window.chosen_list.remove_button, Qt.LeftButton)
    assert chosen_titles(window) == ["1. Chinese law obliges firms to assist state intelligence work",
                                     "2. Most base traffic rides commercial networks"]
    select_row(qtbot, window, 0)
    assert not window.chosen_list.replace_button.isEnabled()  # only a missing point is replaced


def test_the_context_menu_replaces_it_with_a_library_point(qtbot, window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_point", real_ask_point)
    select_row(qtbot, window, 1)
    lst = window.chosen_list.list
    where = lst.visualItemRect(lst.item(1)).center()
    QApplication.sendEvent(lst.viewport(), QContextMenuEvent(QContextMenuEvent.Mouse, where,
                                                             lst.viewport().mapToGlobal(where)))
    menu = window.chosen_list.menu
    assert [a.text() for a in menu.actions()] == ["Move &Up", "Move &Down", "&Remove From Brief",
                                                  "Re&place With a Library Point…"]

    def choose_edge(dialog):
        combo = dialog.findChild(QComboBox)
        qtbot.keyClicks(combo, "Radio")  # type to find it
        qtbot.keyClick(dialog, Qt.Key_Return)

    seen = []
    answer_next_question(qtbot, seen, act=choose_edge)
    qtbot.keyClick(menu, Qt.Key_P)
    assert "The library no longer has 'edge-before-2026'" in seen[0]
    assert chosen_titles(window) == ["1. Chinese law obliges firms to assist state intelligence work",
                                     "2. Radio equipment now reaches the core ✎",
                                     "3. Most base traffic rides commercial networks"]
    choice = window.controller.brief.points[1]
    assert (choice.id, choice.text, choice.note) == ("edge-huawei", "My words on the edge.", "Ask about Milan.")
    qtbot.waitUntil(lambda: not [f for f in window.problems.problems() if "no longer in the library" in f.reason])
