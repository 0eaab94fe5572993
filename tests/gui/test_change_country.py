"""Changing the country or carrier of a brief with work in it asks first and can keep that work;
fields that still name the old carrier are pointed out; Ctrl+Z in the Country box goes back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from briefing_app.gui import dialogs
from briefing_app.gui.dialogs import ask_keep_work as real_ask_keep_work
from tests.gui.modal import answer_next_question
from tests.gui.test_country_picker import type_into
from tests.gui.test_workflow import chosen_titles


def pick(qtbot, box, text):
    type_into(qtbot, box, text)
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)


def brief_with_work(qtbot, window, monkeypatch):
    """Italy / WindTre, with a hand-picked point, a reworded one, a custom point put first and
    meeting details naming the carrier."""
    panel = window.country_panel
    pick(qtbot, panel.country_box, "ital")
    pick(qtbot, panel.carrier_box, "wind")
    assert chosen_titles(window) == ["1. Chinese law obliges firms to assist state intelligence work",
                                     "2. Most base traffic rides commercial networks",
                                     "3. Financing for trusted vendors"]
    window.controller.set_chosen("edge-huawei", True)  # not recommended for WindTre
    window.controller.reword("compulsion-law", "Our own words.")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Visit to Rome", True))
    qtbot.mouseClick(window.point_editor.add_button, Qt.LeftButton)
    for _ in range(4):
        window.controller.move_point("custom-1", -1)
    form = window.meeting_form
    qtbot.keyClicks(form.title, "5G security with WindTre")
    qtbot.keyClicks(form.bluf, "WindTre should plan its 5G core with trusted vendors.")
    qtbot.mouseClick(form.add_counterpart, Qt.LeftButton)
    form.counterparts.item(0, 2).setText("WindTre")
    assert not [f for f in window.problems.problems() if "still names" in f.reason]


def test_keeping_the_work_when_the_country_changes(qtbot, make_window, monkeypatch):
    window = make_window()
    brief_with_work(qtbot, window, monkeypatch)
    monkeypatch.setattr(dialogs, "ask_keep_work", real_ask_keep_work)
    seen = []
    answer_next_question(qtbot, seen)  # Enter: Keep My Work
    pick(qtbot, window.country_panel.country_box, "zealand")
    assert "Change from Italy / WindTre to New Zealand?" in seen[0]
    assert "takes out 1 point only the old choice recommended" in seen[0]
    assert window.controller.brief.country == "NZ"
    assert chosen_titles(window) == ["1. Visit to Rome (custom)",
                                     "2. Chinese law obliges firms to assist state intelligence work ✎",
                                     "3. Radio equipment now reaches the core",
                                     "4. Financing for trusted vendors"]
    assert window.meeting_form.title.text() == "5G security with WindTre"
    old = {(f.place, f.reason) for f in window.problems.problems() if "still names" in f.reason}
    assert old == {(where, "still names WindTre; the brief is now for New Zealand")
                   for where in ("meeting title", "BLUF", "counterpart 1")}
    assert window.problems_dock.isVisible()

    # Ctrl+Z with the cursor still in the Country box: back to Italy / WindTre, as it was.
    box = window.country_panel.country_box
    window.activateWindow()  # back from the question, which a window manager does by itself
    qtbot.waitUntil(window.isActiveWindow)
    assert box.hasFocus()
    qtbot.keyClick(box.lineEdit(), Qt.Key_Z, Qt.ControlModifier)
    assert (window.controller.brief.country, window.controller.brief.carrier) == ("IT", "windtre")
    assert box.currentText() == "Italy (IT)"
    assert window.country_panel.carrier_box.currentText() == "WindTre"
    assert len(chosen_titles(window)) == 5
    assert not [f for f in window.problems.problems() if "still names" in f.reason]


def test_recommended_points_only_or_cancel(qtbot, make_window, monkeypatch):
    window = make_window()
    brief_with_work(qtbot, window, monkeypatch)
    before = chosen_titles(window)
    monkeypatch.setattr(dialogs, "ask_keep_work", real_ask_keep_work)
    seen = []
    answer_next_question(qtbot, seen, "Cancel")
    pick(qtbot, window.country_panel.country_box, "zealand")
    assert window.controller.brief.country == "IT"
    assert window.country_panel.country_box.currentText() == "Italy (IT)"
    assert chosen_titles(window) == before

    answer_next_question(qtbot, seen, "&Recommended Points Only")
    pick(qtbot, window.country_panel.country_box, "zealand")
    assert "ticks exactly the 2 points recommended for New Zealand; 2 points of yours go." in seen[1]
    assert window.controller.brief.country == "NZ"
    assert chosen_titles(window) == ["1. Visit to Rome (custom)",
                                     "2. Chinese law obliges firms to assist state intelligence work ✎",
                                     "3. Financing for trusted vendors"]


def test_a_brief_without_work_changes_without_a_question(qtbot, make_window):
    window = make_window()
    pick(qtbot, window.country_panel.country_box, "ital")
    pick(qtbot, window.country_panel.carrier_box, "tim")
    pick(qtbot, window.country_panel.country_box, "zealand")  # would fail if it asked
    assert window.controller.brief.country == "NZ"
    assert [c.id for c in window.controller.brief.points] == ["compulsion-law", "subsidy-financing"]
