"""Brief files round-trip, save atomically and privately, and refuse what they cannot read."""

import datetime as dt
import json
import os
import stat

import pytest

from briefing_app.core.brief import SCHEMA_VERSION, Answer, Brief, Counterpart, CustomPoint, Meeting, PointChoice
from briefing_app.core.brief_file import load_brief, save_brief
from briefing_app.core.faults import InputError

BRIEF = Brief(
    meeting=Meeting(title="Meeting with the CTO of TIM", when=dt.datetime(2026, 12, 1, 10, 0),
                    place="Rome", counterparts=(Counterpart(name="Ἀλέξανδρος Ωμέγα", title="CTO",
                                                            organisation="TIM"),),
                    objectives=("Secure a follow-up",)),
    country="it", carrier="tim",
    points=(PointChoice(id="compulsion-law"), PointChoice(id="custom-local", text=None),
            PointChoice(id="edge-huawei", text="Reworded <b>&amp; kept</b>", background="Our own",
                        if_raised=(Answer(question="Cost?", answer=""),), note="Ask about 2027")),
    custom_points=(CustomPoint(id="custom-local", title="Local point", text="Ёжик"),),
    drafted_by="A. Officer",
)


def test_round_trip_keeps_everything(tmp_path):
    path = tmp_path / "meeting.brief"
    save_brief(BRIEF, path)
    assert load_brief(path) == BRIEF
    assert BRIEF.country == "IT"
    assert next(iter(json.loads(path.read_text()))) == "schema_version"


def test_save_is_private_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "meeting.brief"
    save_brief(BRIEF, path)
    save_brief(BRIEF.model_copy(update={"drafted_by": "B"}), path)
    assert os.listdir(tmp_path) == ["meeting.brief"]
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_brief(path).drafted_by == "B"


@pytest.mark.parametrize("content, words", [
    ("", "is empty"),
    ('{"schema_version": 1, "country": "IT"', "not valid brief JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"country": "IT"}', "schema_version"),
    ('{"schema_version": 99}', "newer Briefing Builder"),
    ('{"schema_version": 1, "country": "Italy"}', "field 'country'"),
    ('{"schema_version": 1, "colour": "red"}', "field 'colour'"),
    ('{"schema_version": 1, "points": [{"id": "Bad Id"}]}', "field 'points.0.id'"),
])
def test_bad_files_are_refused_in_words(tmp_path, content, words):
    path = tmp_path / "bad.brief"
    path.write_text(content)
    with pytest.raises(InputError) as err:
        load_brief(path)
    message = str(err.value)
    assert str(path) in message and words in message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_brief(tmp_path / "nope.brief")
    with pytest.raises(InputError, match="is a folder"):
        load_brief(tmp_path)


def test_a_format_before_the_first_is_refused(tmp_path):
    path = tmp_path / "old.brief"
    path.write_text('{"schema_version": 0}')
    with pytest.raises(InputError, match="format 0 is not one this app can read"):
        load_brief(path)


def test_a_format_1_brief_opens_and_saves_in_the_current_format(tmp_path):
    path = tmp_path / "old.brief"
    path.write_text(json.dumps({"schema_version": 1, "country": "IT", "carrier": "tim",
                                "points": [{"id": "compulsion-law"}], "drafted_by": "A. Officer"}))
    brief = load_brief(path)
    assert (brief.country, brief.drafted_by, brief.points[0].id) == ("IT", "A. Officer", "compulsion-law")
    point = brief.points[0]  # keeps the library's background and answers, and has no note
    assert (point.background, point.if_raised, point.note) == (None, None, "")
    save_brief(brief, path)
    assert json.loads(path.read_text())["schema_version"] == 2


@pytest.mark.parametrize("version", [1, 2])
def test_an_old_cleared_by_line_opens_as_one_clearance_given(tmp_path, version):
    """Format 1 (and format 2 as saved before the clearance record) had one `cleared_by`
    line; it opens as a clearance with status cleared, and saves without the old field."""
    path = tmp_path / "old.brief"
    path.write_text(json.dumps({"schema_version": version, "country": "IT",
                                "drafted_by": "A. Officer", "cleared_by": "ECON: B. Chief"}))
    brief = load_brief(path)
    assert [(c.role, c.name, c.status, c.date) for c in brief.clearances] == [
        ("cleared", "ECON: B. Chief", "cleared", None)]
    save_brief(brief, path)
    saved = json.loads(path.read_text())
    assert "cleared_by" not in saved
    assert saved["clearances"] == [{"role": "cleared", "office": "", "name": "ECON: B. Chief",
                                    "date": None, "status": "cleared"}]


def test_a_custom_point_saved_with_its_old_topic_still_opens(tmp_path):
    """Custom points once carried `topic: "custom"`, which nothing read; such briefs open."""
    for version in (1, SCHEMA_VERSION):
        path = tmp_path / f"old-{version}.brief"
        path.write_text(json.dumps({"schema_version": version, "custom_points": [
            {"id": "custom-1", "title": "Own point", "topic": "custom", "text": "Our own words."}],
            "points": [{"id": "custom-1"}]}), encoding="utf-8")
        brief = load_brief(path)
        assert brief.custom("custom-1").text == "Our own words."


EARLY_FORMAT_2 = {  # saved between format 2 and the markings' present shape
    "schema_version": 2, "country": "IT", "carrier": "tim", "points": [{"id": "compulsion-law"}],
    "meeting": {"title": "Rome talks", "objectives": ["Ask for a timeline"]},
    "marking": "CUI//SP-PRVCY//FEDCON", "drafted_by": "A. Officer", "cleared_by": "ECON: B. Chief",
    "cui": {"controlled_by": "Department of State", "category": "SP-PRVCY/PROPIN",
            "dissemination": "FEDCON", "poc": "J. Smith, +39 06 4674 1"}}


def test_a_format_2_brief_with_the_early_cui_block_opens_migrated(tmp_path):
    """A format 2 brief saved before the CUI block took the Handbook's lines (agency and
    office, categories and controls as lists) opens with what it said, and saves in the
    present shape."""
    path = tmp_path / "early.brief"
    path.write_text(json.dumps(EARLY_FORMAT_2), encoding="utf-8")
    brief = load_brief(path)
    assert (brief.cui.controlled_by.agency, brief.cui.controlled_by.office) == ("Department of State", "")
    assert (brief.cui.categories, brief.cui.controls) == (("SP-PRVCY", "PROPIN"), ("FEDCON",))
    assert (brief.marking, brief.regime, brief.cui.poc) == ("CUI", "cui", "J. Smith, +39 06 4674 1")
    assert brief.meeting.objectives[0].text == "Ask for a timeline"
    assert brief.clearances[0].name == "ECON: B. Chief"
    save_brief(brief, path)
    saved = json.loads(path.read_text(encoding="utf-8"))["cui"]
    assert saved["controlled_by"] == {"agency": "Department of State", "office": ""}
    assert "category" not in saved and "dissemination" not in saved
    assert load_brief(path) == brief


def test_an_early_format_2_brief_exports_once_its_designation_is_complete(tmp_path, capsys):
    """The early block had no office line: the export names the file and the empty line, and
    once it is filled in prints the banner and designation the old brief asked for."""
    from briefing_app.cli import run_command
    from tests.pdf_reading import page_texts

    path, out = tmp_path / "early.brief", tmp_path / "early.pdf"
    path.write_text(json.dumps(EARLY_FORMAT_2), encoding="utf-8")
    code, err = run_command(["export", str(path), "-o", str(out)]), capsys.readouterr().err
    assert code != 0 and str(path) in err and "field 'cui.controlled_by.office'" in err
    brief = load_brief(path)
    save_brief(brief.model_copy(update={"cui": brief.cui.model_copy(update={
        "controlled_by": brief.cui.controlled_by.model_copy(update={"office": "Embassy Rome ECON"})})}), path)
    code, err = run_command(["export", str(path), "-o", str(out)]), capsys.readouterr().err
    assert code == 0, err
    first = " ".join(page_texts(out)[0].split())
    assert "CUI//SP-PRVCY//FEDCON" in first and "Controlled by: Department of State" in first


@pytest.mark.parametrize("cui, field, words", [
    ({"controlled_by": 5}, "cui.controlled_by", "should be a group of fields, not a single value"),
    ({"classification": "SECRET"}, "cui.classification", "is not a field of a brief this app "
     "knows; was the file written by another program or a newer version?"),
])
def test_a_cui_block_that_cannot_be_read_is_named_in_words(tmp_path, cui, field, words):
    """What no migration can make sense of is named: the file, the field, what is wrong, in
    words rather than the validator's class names."""
    path = tmp_path / "odd.brief"
    path.write_text(json.dumps({"schema_version": 2, "country": "IT", "cui": cui}), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_brief(path)
    assert str(raised.value) == f"{path}: field '{field}': {words}"
