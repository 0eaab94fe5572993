"""While the officer types, Problems names a releasable point that holds one of our people's
names or a marking, before any export is tried; the row goes when the text is fixed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from tests.gui.modal import refused_export


def leak_rows(window) -> list[tuple[str, str]]:
    return [(f.place, f.reason) for f in window.problems.problems() if "releasable point holds" in f.reason]


def test_a_name_typed_into_a_releasable_point_is_listed_at_once(qtbot, make_window, monkeypatch):
    window = make_window()
    window.controller.choose_country("IT", "tim")
    qtbot.keyClicks(window.meeting_form.drafted_by, "Thornbury, Margaret (ECON)")
    editor = window.point_editor
    window.tabs.setCurrentWidget(editor)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Next steps", True))
    qtbot.mouseClick(editor.add_button, Qt.LeftButton)
    editor.releasable.setChecked(True)
    qtbot.keyClicks(editor.brief_text, "As Ms. ")
    editor.brief_text.insertPlainText("Thorn\u200bbury")  # pasted, with a zero-width space inside
    qtbot.keyClicks(editor.brief_text, " said, we will send the paper.")
    assert leak_rows(window) == [(
        "point 5 (custom-1)", "a releasable point holds the drafter's name 'Thornbury, Margaret (ECON)': "
        "take it out, or the handout will be refused")]
    assert "error" in window.problems_dock.windowTitle()

    editor.brief_text.selectAll()
    qtbot.keyClicks(editor.brief_text, "Our engineers will send the paper.")
    assert leak_rows(window) == []

    qtbot.keyClicks(editor.brief_text, " (SBU)")
    assert [reason for _, reason in leak_rows(window)] == [
        "a releasable point holds the marking '(SBU)': take it out, or the handout will be refused"]
    editor.releasable.setChecked(False)  # not on the handout: no longer a leak
    assert leak_rows(window) == []


def test_exporting_the_handout_is_refused_naming_the_field_and_the_name(qtbot, make_window, tmp_path,
                                                                        monkeypatch):
    window = make_window()
    window.controller.choose_country("IT", "tim")
    window.meeting_form.participants.insertPlainText("김민수 (ECON)")  # pasted into the box
    point_id = window.controller.add_custom("Next steps")
    window.controller.update_custom(point_id, text="김민수가 자료를 보내드립니다.", releasable=True)
    target = tmp_path / "rome-handout.pdf"
    target.write_bytes(b"yesterday's handout")
    title, faults = refused_export(qtbot, window, monkeypatch, "handout", target)
    assert title == "Cannot export"
    assert [f.reason for f in faults] == ["handout refused: it contains a participant's name '김민수 (ECON)', "
                                          "in the wording of point 5 (custom-1)"]
    assert target.read_bytes() == b"yesterday's handout"
