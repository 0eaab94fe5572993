"""The small things an officer notices: the unsaved mark, the Title's hint, About, a problem
listed once, and a folder that cannot be opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.brief_file import save_brief
from briefing_app.gui import dialogs
from tests.gui.test_workflow import choose_italy_and_tim


def trigger(window, text: str) -> None:
    next(a for a in window.findChildren(QAction) if a.text() == text).trigger()


def test_typing_and_deleting_back_to_the_saved_text_clears_the_unsaved_mark(qtbot, make_window, tmp_path):
    path = tmp_path / "rome.brief"
    save_brief(Brief(country="IT", carrier="tim", points=(PointChoice(id="compulsion-law"),)), path)
    window = make_window(path)
    assert not window.isWindowModified()
    title = window.meeting_form.title
    title.setFocus()
    qtbot.keyClicks(title, "Rome")
    assert window.isWindowModified() and window.controller.modified
    for _ in "Rome":
        qtbot.keyClick(title, Qt.Key_Backspace)
    assert title.text() == ""
    assert not window.isWindowModified() and not window.controller.modified
    qtbot.keyClicks(title, "X")
    qtbot.keyClick(title, Qt.Key_Z, Qt.ControlModifier)  # undone: as saved again
    assert window.controller.brief.meeting.title == "" and not window.isWindowModified()


def test_the_title_hint_says_what_prints_for_this_carrier_or_country(qtbot, make_window):
    window = make_window()
    title = window.meeting_form.title
    assert "TIM" not in title.placeholderText()
    choose_italy_and_tim(qtbot, window)
    assert title.placeholderText() == "Left empty: Meeting with TIM"
    window.controller.choose_country("NZ")
    assert title.placeholderText() == "Left empty: Meeting with the Government of New Zealand"


def test_about_names_the_version_and_a_single_review_date_once(qtbot, make_window, library_dir, monkeypatch):
    for path in library_dir.rglob("*.toml"):
        text = path.read_text()
        path.write_text(text.replace("reviewed = 2020-01-01", "reviewed = 2026-11-20"))
    window = make_window()
    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    trigger(window, "&About Briefing Builder")
    from briefing_app import __version__

    assert f"Briefing Builder {__version__}" in shown[0]
    assert "every entry reviewed on 2026-11-20" in shown[0] and "between" not in shown[0]


def test_an_unknown_country_is_listed_once_and_the_preview_says_why(qtbot, make_window, tmp_path):
    path = tmp_path / "old.brief"
    save_brief(Brief(country="ZZ", points=(PointChoice(id="compulsion-law"),)), path)
    window = make_window(path)
    window.preview.refresh_now()
    reasons = [f.reason for f in window.problems.problems()]
    assert sum("'ZZ'" in r for r in reasons) == 1, reasons
    assert "unknown country 'ZZ'" in window.preview.message.text()


def test_open_library_folder_without_a_file_manager_names_the_folder(qtbot, make_window, library_dir,
                                                                    monkeypatch):
    window = make_window()
    shown = []
    monkeypatch.setattr(dialogs, "show_folder", lambda folder: False)
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append((title, text)))
    trigger(window, "&Open Library Folder")
    assert shown and shown[0][0] == "Library folder"
    assert str(window.loader.folders()[-1]) in shown[0][1]


def test_choosing_a_fifo_or_a_proc_file_in_the_open_dialog_names_it_and_never_hangs(qtbot, make_window,
                                                                                   tmp_path, monkeypatch):
    """The Open dialog hands over whatever the officer typed, /proc/kmsg included (a read of it
    blocks for root); the window refuses it at once and keeps the open brief."""
    import os

    window = make_window()
    choose_italy_and_tim(qtbot, window)
    fifo = tmp_path / "pipe.brief"
    os.mkfifo(fifo)
    shown = []
    monkeypatch.setattr(dialogs, "show_faults", lambda parent, title, faults: shown.append((title, faults)))
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda parent, name: "discard")
    for path in (fifo, Path("/proc/kmsg")):
        monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, folder, p=path: p)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key_O, Qt.ControlModifier)
    assert [title for title, _ in shown] == ["Cannot open brief"] * 2
    assert str(fifo) in str(shown[0][1][0]) and "/proc/kmsg" in str(shown[1][1][0])
    assert window.controller.brief.country == "IT"


def test_library_titles_show_in_full_with_title_and_review_date_in_the_tooltip(qtbot, make_window):
    window = make_window()
    tree = window.point_tree
    window.splitter.setSizes([280, 400, 400])  # a narrow left panel, as on a laptop
    qtbot.waitUntil(lambda: tree.width() < 300)
    item = tree.item("compulsion-law")
    title = "Chinese law obliges firms to assist state intelligence work"
    assert item.text(0) == title
    assert item.toolTip(0) == f"{title}\nReviewed 2026-11-20\nWritten for any host and carrier"
    line = tree.tree.fontMetrics().height()
    rect = tree.tree.visualItemRect(item)
    assert rect.height() >= 2 * line  # wrapped over two lines or more, not cut off
    assert tree.tree.fontMetrics().horizontalAdvance(title) > tree.tree.columnWidth(0)


@pytest.mark.parametrize("left", [280, 520])
def test_the_library_list_fits_its_panel_without_sideways_scrolling(qtbot, make_window, left):
    """A laptop's narrow left panel keeps title and reason readable and names the stances in
    the tooltip; a wide one shows the stances too; neither scrolls sideways."""
    window = make_window()
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.splitter.setSizes([left, 400, 480])
    tree = window.point_tree.tree
    qtbot.waitUntil(lambda: abs(window.point_tree.width() - left) < 40)
    assert not tree.horizontalScrollBar().isVisible()
    assert tree.isColumnHidden(2) == (left < 480)
    shown = [c for c in range(3) if not tree.isColumnHidden(c)]
    assert sum(tree.columnWidth(c) for c in shown) <= tree.viewport().width()
    assert tree.columnWidth(1) >= 0.25 * tree.viewport().width()  # the reasons stay in sight


def test_the_user_guide_reads_without_sideways_scrolling(qtbot, make_window):
    window = make_window()
    trigger(window, "&User Guide")
    guide = window.guide
    qtbot.waitExposed(guide)
    assert "1024×600" in guide.browser.toPlainText()  # both screenshots are described
    assert guide.browser.horizontalScrollBar().maximum() == 0
    guide.resize(640, 600)
    qtbot.waitUntil(lambda: guide.browser.viewport().width() < 620)
    qtbot.waitUntil(lambda: guide.browser.horizontalScrollBar().maximum() == 0, timeout=2000)


def test_chosen_points_wrap_in_a_narrow_panel_rather_than_scroll_sideways(qtbot, make_window):
    window = make_window()
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    choose_italy_and_tim(qtbot, window)
    window.splitter.setSizes([240, 460, 700])
    chosen = window.chosen_list.list
    qtbot.waitUntil(lambda: chosen.viewport().width() < 240)
    longest = max((chosen.item(row) for row in range(chosen.count())),
                  key=lambda item: chosen.fontMetrics().horizontalAdvance(item.text()))
    assert chosen.fontMetrics().horizontalAdvance(longest.text()) > chosen.viewport().width()
    qtbot.waitUntil(lambda: chosen.visualItemRect(longest).height() >= 2 * chosen.fontMetrics().height())
    assert chosen.visualItemRect(longest).right() <= chosen.viewport().width()
    assert not chosen.horizontalScrollBar().isVisible()
