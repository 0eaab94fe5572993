"""An officer prepares a meeting with TIM in Rome, from an empty window to two PDFs."""

from __future__ import annotations

import io
import os
import stat

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from briefing_app.gui import dialogs


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def choose_italy_and_tim(qtbot, window):
    panel = window.country_panel
    panel.country_box.setFocus()
    qtbot.keyClicks(panel.country_box.lineEdit(), "ital")
    popup = panel.country_box.lineEdit().completer().popup()
    assert popup.isVisible() and panel.country_box.offers() == ["Italy (IT)"]  # type-ahead
    qtbot.keyClick(panel.country_box.lineEdit(), Qt.Key_Return)  # the only match
    assert not popup.isVisible()
    assert window.controller.brief.country == "IT"
    assert panel.country_box.currentText() == "Italy (IT)"
    panel.carrier_box.setFocus()
    panel.carrier_box.lineEdit().selectAll()  # as focusing it with Tab does
    qtbot.keyClicks(panel.carrier_box.lineEdit(), "TIM")
    qtbot.keyClick(panel.carrier_box.lineEdit(), Qt.Key_Return)
    assert panel.carrier_box.currentText() == "TIM"
    assert window.controller.brief.carrier == "tim"


def chosen_titles(window):
    lst = window.chosen_list.list
    return [lst.item(row).text() for row in range(lst.count())]


def test_officer_prepares_saves_reopens_and_exports(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    assert window.windowTitle().startswith("Untitled")
    assert "Choose a country" in window.preview.message.text()
    choose_italy_and_tim(qtbot, window)
    assert "Aviano Air Base" in window.country_panel.profile.toPlainText()
    assert "Huawei" in window.country_panel.profile.toPlainText()

    # Recommended points are ticked, each with its reason; the stale one is marked.
    tree = window.point_tree
    reasons = {pid: tree.item(pid).text(1) for pid in ("compulsion-law", "edge-huawei", "base-commercial")}
    assert reasons["edge-huawei"] == "TIM has reported Huawei radio equipment"
    assert reasons["base-commercial"] == "Italy hosts US forces"
    assert reasons["compulsion-law"] == "core point for every meeting"
    assert all(tree.item(pid).checkState(0) == Qt.Checked for pid in reasons)
    assert tree.item("subsidy-financing").text(0).startswith("⚠")
    assert window.isWindowModified()
    assert chosen_titles(window) == [
        "1. Chinese law obliges firms to assist state intelligence work",
        "2. Radio equipment now reaches the core",
        "3. Most base traffic rides commercial networks",
        "4. Financing for trusted vendors"]

    # Untick the stale subsidy point with the keyboard.
    tree.tree.setFocus()
    tree.tree.setCurrentItem(tree.item("subsidy-financing"))
    qtbot.keyClick(tree.tree, Qt.Key_Space)
    assert tree.item("subsidy-financing").checkState(0) == Qt.Unchecked
    assert len(chosen_titles(window)) == 3

    # Reorder: base traffic first, with Alt+Up twice.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.chosen_list.select("base-commercial")
    window.chosen_list.list.setFocus()
    qtbot.keyClick(window.chosen_list.list, Qt.Key_Up, Qt.AltModifier)
    qtbot.keyClick(window.chosen_list.list, Qt.Key_Up, Qt.AltModifier)
    assert chosen_titles(window)[0] == "1. Most base traffic rides commercial networks"

    # Reword the compulsion point: the difference shows, the list marks it.
    window.chosen_list.select("compulsion-law")
    editor = window.point_editor
    assert window.tabs.currentWidget() is editor
    assert "Article 7" in editor.library_text.toPlainText()
    editor.brief_text.setFocus()
    editor.brief_text.moveCursor(editor.brief_text.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.brief_text, " Ownership changes nothing.")
    assert "Reworded" in editor.difference.text()
    assert "Ownership" in editor.difference.text()
    assert "✎" in chosen_titles(window)[1]

    # Reword the edge point, then revert it to the library wording.
    window.chosen_list.select("edge-huawei")
    editor.brief_text.selectAll()
    qtbot.keyClicks(editor.brief_text, "Something else entirely.")
    assert "✎" in chosen_titles(window)[2]
    qtbot.mouseClick(editor.revert_button, Qt.LeftButton)
    assert "✎" not in chosen_titles(window)[2]
    assert editor.brief_text.toPlainText() == editor.library_text.toPlainText()
    assert "Same as the library" in editor.difference.text()

    # Ctrl+Z, even in a text field, undoes the brief: the rewording comes back; redo reverts again.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(editor.brief_text, Qt.Key_Z, Qt.ControlModifier)
    assert editor.brief_text.toPlainText() == "Something else entirely."
    assert "✎" in chosen_titles(window)[2]
    qtbot.keyClick(editor.brief_text, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert "✎" not in chosen_titles(window)[2]
    qtbot.keyClick(editor.brief_text, Qt.Key_Z, Qt.ControlModifier)
    qtbot.keyClick(editor.brief_text, Qt.Key_Y, Qt.ControlModifier)
    assert editor.brief_text.toPlainText() == editor.library_text.toPlainText()

    # Add a custom point and write it.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Offer a technical dialogue", True))
    qtbot.mouseClick(editor.add_button, Qt.LeftButton)
    assert chosen_titles(window)[-1] == "4. Offer a technical dialogue (custom)"
    qtbot.keyClicks(editor.brief_text, "Our engineers can meet yours next month.")
    editor.releasable.setChecked(True)

    # Meeting details.
    window.tabs.setCurrentWidget(window.meeting_form)
    qtbot.keyClicks(window.meeting_form.title, "5G security with TIM")
    qtbot.keyClicks(window.meeting_form.drafted_by, "J. Officer")

    # Save with Ctrl+S: the file is private and the unsaved mark goes.
    target = tmp_path / "rome.brief"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    window.activateWindow()
    qtbot.keyClick(window.meeting_form.title, Qt.Key_S, Qt.ControlModifier)
    assert target.is_file()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("rome.brief")
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    saved_order = chosen_titles(window)
    window.close()
    assert not window.isVisible()

    # Reopen in a fresh window and find everything.
    again = make_window()
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: target)
    again.open_dialog()
    assert chosen_titles(again) == saved_order
    assert again.meeting_form.title.text() == "5G security with TIM"
    assert again.meeting_form.drafted_by.text() == "J. Officer"
    again.chosen_list.select("compulsion-law")
    assert again.point_editor.brief_text.toPlainText().endswith("Ownership changes nothing.")
    again.chosen_list.select("custom-1")
    assert again.point_editor.brief_text.toPlainText() == "Our engineers can meet yours next month."
    assert again.point_tree.item("subsidy-financing").checkState(0) == Qt.Unchecked
    assert again.settings.recent_files[0] == target.resolve()

    # Export both PDFs and read them back.
    officer_pdf, handout_pdf = tmp_path / "officer.pdf", tmp_path / "handout.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: officer_pdf)
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    qtbot.keyClick(again.meeting_form.title, Qt.Key_E, Qt.ControlModifier)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: handout_pdf)
    qtbot.keyClick(again.meeting_form.title, Qt.Key_E, Qt.ControlModifier | Qt.ShiftModifier)
    officer = " ".join(pdf_text(officer_pdf.read_bytes()).split())
    handout = " ".join(pdf_text(handout_pdf.read_bytes()).split())
    assert "Ownership changes nothing." in officer
    assert "BACKGROUND-COMPULSION" in officer
    assert "Our engineers can meet yours next month." in officer
    assert "Huawei radio equipment would take on core tasks" in officer
    assert "Financing for trusted vendors" not in officer
    assert officer.index("Most base traffic") < officer.index("Chinese law obliges")
    assert "Ownership changes nothing." not in handout  # the spoken line; the handout has its own
    assert "a Chinese supplier must support state intelligence work when asked" in handout
    assert "Our engineers can meet yours next month." in handout
    assert "BACKGROUND" not in handout
    assert "Huawei radio equipment" not in handout
    assert "J. Officer" not in handout


def test_tick_recommended_after_the_audience_changes(qtbot, make_window):
    window = make_window()
    menu_action = next(a for a in window.edit_menu.actions() if a.text() == "&Tick Recommended Points")
    menu_action.trigger()
    assert "Choose a country first" in window.statusBar().currentMessage()
    choose_italy_and_tim(qtbot, window)
    button = window.point_tree.recommend_button
    assert not button.isEnabled()  # the ticks are the recommendations
    window.controller.reword("compulsion-law", "Our own wording.")
    window.controller.add_custom("Offer a technical dialogue")
    window.controller.move_point("edge-huawei", -1)
    before = chosen_titles(window)

    # A carrier meeting: the government-only base point is no longer recommended.
    window.tabs.setCurrentWidget(window.meeting_form)
    form = window.meeting_form.audience
    form.setFocus()
    qtbot.keyClicks(form, "Carrier")
    form.activated.emit(form.currentIndex())
    assert window.controller.brief.meeting.audience == "carrier"
    assert window.point_tree.item("base-commercial").text(1) == ""
    assert window.point_tree.item("base-commercial").checkState(0) == Qt.Checked  # not yet
    assert button.isEnabled()

    qtbot.mouseClick(button, Qt.LeftButton)
    assert window.point_tree.item("base-commercial").checkState(0) == Qt.Unchecked
    assert chosen_titles(window) == [
        "1. Radio equipment now reaches the core",
        "2. Chinese law obliges firms to assist state intelligence work ✎",
        "3. Financing for trusted vendors",
        "4. Offer a technical dialogue (custom)"]
    assert not button.isEnabled()
    menu_action.trigger()
    assert "already the ones ticked" in window.statusBar().currentMessage()

    window.controller.undo_stack.undo()
    assert chosen_titles(window) == before


def test_tick_recommended_keeps_the_brief_when_its_country_left_the_library(qtbot, make_window,
                                                                              library_dir):
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    window.controller.set_chosen("subsidy-financing", False)
    before = chosen_titles(window)
    assert window.point_tree.recommend_button.isEnabled()
    (library_dir / "countries" / "it.toml").write_text('code = "IT"\nname = 5\n')  # now broken
    window.loader.reload()
    assert not window.point_tree.recommend_button.isEnabled()
    next(a for a in window.edit_menu.actions() if a.text() == "&Tick Recommended Points").trigger()
    assert "no country IT" in window.statusBar().currentMessage()
    assert chosen_titles(window) == before



def test_the_window_borrows_the_cjk_font_where_the_system_has_none(qtbot, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    from briefing_app import app

    class NoCjkSystem(QFontDatabase):
        @staticmethod
        def families(*system):
            return [] if system else QFontDatabase.families()

    korean = QFontDatabase.WritingSystem.Korean
    QFontDatabase.removeAllApplicationFonts()  # earlier windows in this run may have lent it
    if "WenQuanYi Micro Hei" in QFontDatabase.families(korean):
        pytest.skip("this system has the font installed")
    monkeypatch.setattr(app, "QFontDatabase", NoCjkSystem)
    app.lend_cjk_font()
    assert "WenQuanYi Micro Hei" in QFontDatabase.families(korean)
