"""The officer marks what the officer writes, in the window: the BLUF, the purpose, each
objective and each custom point; the CUI designation shows by the rule the document prints it
by; a point marked above (U) cannot be ticked for the handout; a bad marking stops the export
in a dialog naming the field."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt

from briefing_app.core.brief import Brief, CustomPoint, Meeting, PointChoice
from briefing_app.core.brief_file import save_brief
from tests.gui.modal import refused_export


def open_cui_brief(make_window, tmp_path, **changes):
    """Italy/TIM under CUI, one (U) library point and a releasable (U) custom point."""
    visit = CustomPoint(id="custom-visit", title="Site visit", text="Offer a visit.", releasable=True)
    fields = dict(meeting=Meeting(title="Rome", bluf="Ask for a timetable."), country="IT",
                  carrier="tim", regime="cui", custom_points=(visit,),
                  points=(PointChoice(id="compulsion-law"), PointChoice(id="custom-visit")))
    path = tmp_path / "rome.brief"
    save_brief(Brief(**{**fields, **changes}), path)
    return make_window(path)


def choose(qtbot, combo, label: str) -> None:
    """Pick an item of a closed combo box with the arrow keys, as an officer would."""
    combo.setFocus()
    target = combo.findText(label)
    assert target >= 0, [combo.itemText(i) for i in range(combo.count())]
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key_Down if combo.currentIndex() < target else Qt.Key_Up)


def preview_text(window) -> str:
    window.preview.refresh_now()
    pages = PdfReader(io.BytesIO(window.preview.pdf_bytes)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages)


def test_marking_a_custom_point_cui_takes_it_off_the_handout_and_asks_for_the_designation(
        qtbot, make_window, tmp_path):
    window = open_cui_brief(make_window, tmp_path)
    marks, editor = window.meeting_form.marks, window.point_editor
    assert not marks.designation.isVisibleTo(marks)
    editor.show_point("custom-visit")
    assert editor.releasable.isChecked() and editor.releasable.isEnabled()
    choose(qtbot, editor.marking, "(CUI)")
    custom = window.controller.brief.custom("custom-visit")
    assert (custom.marking, custom.releasable) == ("CUI", False)
    assert not editor.releasable.isEnabled() and not editor.releasable.isChecked()
    assert marks.designation.isVisibleTo(marks)
    errors = [f.place for f in window.problems.problems() if not f.warning]
    assert "field 'cui.poc'" in errors and "field 'cui.controlled_by.agency'" in errors
    qtbot.keyClicks(marks.agency, "Department of State")
    qtbot.keyClicks(marks.office, "Embassy Rome ECON")
    qtbot.keyClicks(marks.categories, "PRVCY")
    qtbot.mouseClick(marks.controls["FEDCON"], Qt.LeftButton)
    qtbot.keyClicks(marks.poc, "A. Officer, +39 06 4674 0000")
    assert window.controller.brief.cui.controls == ("FEDCON",)
    assert not [f for f in window.problems.problems() if not f.warning]
    text = preview_text(window)
    assert text.startswith("CUI//FEDCON")
    assert "Controlled by: Department of State Controlled by: Embassy Rome ECON" in text
    assert "2. (CUI) Site visit" in text


def test_an_empty_designation_field_stops_the_export_in_a_dialog(qtbot, make_window, tmp_path,
                                                                 monkeypatch):
    visit = CustomPoint(id="custom-visit", title="Site visit", text="Offer a visit.", marking="CUI")
    window = open_cui_brief(make_window, tmp_path, custom_points=(visit,))
    target = tmp_path / "rome-officer.pdf"
    title, faults = refused_export(qtbot, window, monkeypatch, "officer", target)
    assert title == "Cannot export" and not target.exists()
    assert "field 'cui.controlled_by.agency'" in [f.place for f in faults]


def test_a_releasable_cui_point_from_a_file_can_be_unticked_and_its_handout_is_refused(
        qtbot, make_window, tmp_path, monkeypatch):
    visit = CustomPoint(id="custom-visit", title="Site visit", text="Offer a visit.", marking="CUI",
                        releasable=True)
    window = open_cui_brief(make_window, tmp_path, custom_points=(visit,))
    problems = [str(f) for f in window.problems.problems()]
    assert any("point 2 (custom-visit): is marked CUI and ticked releasable" in p for p in problems)
    _title, faults = refused_export(qtbot, window, monkeypatch, "handout", tmp_path / "h.pdf")
    assert faults[0].place == "point 2 (custom-visit)" and not (tmp_path / "h.pdf").exists()
    editor = window.point_editor
    editor.show_point("custom-visit")
    assert editor.releasable.isEnabled()
    qtbot.mouseClick(editor.releasable, Qt.LeftButton)
    assert not window.controller.brief.custom("custom-visit").releasable
    assert not editor.releasable.isEnabled()


def test_the_officer_marks_the_bluf_purpose_and_each_objective(qtbot, make_window, tmp_path):
    window = open_cui_brief(make_window, tmp_path, regime="sbu")
    form = window.meeting_form
    choose(qtbot, form.bluf_marking, "(SBU)")
    qtbot.mouseClick(form.objectives.add_button, Qt.LeftButton)
    qtbot.keyClicks(form.objectives.texts[0], "Offer DFC/EXIM contacts.")
    qtbot.mouseClick(form.objectives.add_button, Qt.LeftButton)
    qtbot.keyClicks(form.objectives.texts[1], "Ask who decides.")
    choose(qtbot, form.objectives.marks[1], "(SBU)")
    meeting = window.controller.brief.meeting
    assert meeting.bluf_marking == "SBU"
    assert [(o.text, o.marking) for o in meeting.objectives] == \
        [("Offer DFC/EXIM contacts.", "U"), ("Ask who decides.", "SBU")]
    text = preview_text(window)
    assert text.startswith("SENSITIVE BUT UNCLASSIFIED") and "(SBU) BLUF:" in text
    assert "1. (U) Offer DFC/EXIM contacts." in text and "2. (SBU) Ask who decides." in text
    qtbot.mouseClick(form.objectives._removers[0], Qt.LeftButton)
    assert [o.text for o in window.controller.brief.meeting.objectives] == ["Ask who decides."]


def test_changing_the_regime_remarks_what_the_officer_wrote(qtbot, make_window, tmp_path):
    visit = CustomPoint(id="custom-visit", title="Site visit", text="Offer a visit.", marking="SBU")
    window = open_cui_brief(make_window, tmp_path, regime="sbu", custom_points=(visit,),
                            meeting=Meeting(bluf="Ask.", bluf_marking="SBU"))
    marks = window.meeting_form.marks
    choose(qtbot, marks.regime, "CUI")
    brief = window.controller.brief
    assert brief.regime == "cui" and brief.meeting.bluf_marking == "CUI"
    assert brief.custom("custom-visit").marking == "CUI"
    assert marks.designation.isVisibleTo(marks)
    window.controller.undo_stack.undo()
    assert window.controller.brief.custom("custom-visit").marking == "SBU"


def test_the_uk_scheme_has_descriptors_and_no_cui_fields(qtbot, make_window, tmp_path):
    visit = CustomPoint(id="custom-visit", title="Site visit", text="Offer a visit.", marking="CUI")
    window = open_cui_brief(make_window, tmp_path, custom_points=(visit,))
    marks = window.meeting_form.marks
    assert marks.designation.isVisibleTo(marks)
    choose(qtbot, marks.scheme, "United Kingdom")
    assert not marks.designation.isVisibleTo(marks)
    assert marks.descriptor.isVisibleTo(marks) and not marks.regime.isVisibleTo(marks)
    window.point_editor.show_point("custom-visit")
    assert window.point_editor.marking.currentText() == "OFFICIAL-SENSITIVE"
    choose(qtbot, marks.descriptor, "LOCSEN")
    text = preview_text(window)
    assert text.startswith("OFFICIAL-SENSITIVE LOCSEN")
    assert "(U)" not in text and "(CUI)" not in text and "Controlled by" not in text


def test_the_post_typed_in_the_meeting_tab_heads_the_read_ahead(qtbot, make_window, tmp_path):
    window = open_cui_brief(make_window, tmp_path)
    qtbot.keyClicks(window.meeting_form.post, "US Embassy Rome")
    assert window.controller.brief.post == "US Embassy Rome"
    text = preview_text(window)
    assert text.startswith("UNCLASSIFIED (U) US Embassy Rome \u00b7 to be confirmed "
                           "(U) Meeting with TIM (U) Rome")
