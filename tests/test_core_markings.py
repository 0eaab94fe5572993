"""Markings by the rules: the CUI banner and designation (32 CFR 2002, CUI Marking Handbook), one
US regime per brief, the UK scheme, banners reconciled with portions, and handouts of (U) only.
Exports go through the command line, as an officer's would."""

from __future__ import annotations

import json

import pytest

from briefing_app.cli import run_command
from briefing_app.core.brief import Brief, ControlledBy, CuiBlock, CustomPoint, Meeting, PointChoice
from briefing_app.core.brief_file import load_brief, save_brief
from briefing_app.core.cui_designation import cui_banner
from briefing_app.core.library import load_library
from briefing_app.core.markings import SCHEMES, Portion, marking_words, resolve
from tests.pdf_reading import page_texts

CUI = CuiBlock(controlled_by=ControlledBy(agency="Department of State", office="Embassy Rome ECON"),
               categories=("PRVCY",), controls=("FEDCON",), poc="A. Officer, rome-econ@example.gov")


def cui_brief(*, cui: CuiBlock = CUI, point_marking: str = "CUI", releasable: bool = False,
              **changes) -> Brief:
    """Italy/TIM with a (U) library point and a custom point the officer marked."""
    point = CustomPoint(id="custom-visit", title="Site visit", text="Offer a visit.",
                        marking=point_marking, releasable=releasable)
    fields = dict(country="IT", carrier="tim", cui=cui, custom_points=(point,),
                  points=(PointChoice(id="compulsion-law"), PointChoice(id="custom-visit")))
    return Brief(**{**fields, **changes})


def export(brief: Brief, tmp_path, mini_library, capsys, variant="officer"):
    path, out = tmp_path / "m.brief", tmp_path / f"{variant}.pdf"
    save_brief(brief, path)
    status = run_command(["export", str(path), "--library", str(mini_library), "--variant", variant,
                          "-o", str(out)])
    captured = capsys.readouterr()
    return status, out, captured.err, path


def test_cui_banner_lists_specified_categories_then_controls():
    assert cui_banner((), ()) == "CUI"
    assert cui_banner(("PRVCY",), ("FEDCON",)) == "CUI//FEDCON"  # basic categories stay off it
    assert cui_banner(("sp-prvcy", "SP-CTI", "PROPIN"), ("FEDCON", "NOFORN")) == \
        "CUI//SP-CTI/SP-PRVCY//NOFORN/FEDCON"


def test_fedcon_is_on_top_and_bottom_of_every_page(tmp_path, mini_library, capsys):
    long = tuple(CustomPoint(id=f"custom-{n}", title=f"Point {n}", text="Trusted suppliers. " * 60,
                             marking="CUI") for n in range(1, 7))
    brief = cui_brief(custom_points=long, points=tuple(PointChoice(id=p.id) for p in long))
    status, out, err, _ = export(brief, tmp_path, mini_library, capsys)
    assert status == 0, err
    pages = page_texts(out)
    assert len(pages) >= 2
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == "CUI//FEDCON" and "CUI//FEDCON" in lines[-2:], lines
    first = " ".join(pages[0].split())
    for line in ("Controlled by: Department of State", "Controlled by: Embassy Rome ECON",
                 "CUI Category: PRVCY", "Limited Dissemination Control: FEDCON",
                 "POC: A. Officer, rome-econ@example.gov"):
        assert line in first


@pytest.mark.parametrize("field, cui", [
    ("cui.controlled_by.agency", CUI.model_copy(update={"controlled_by": ControlledBy(office="POL")})),
    ("cui.controlled_by.office", CUI.model_copy(update={"controlled_by": ControlledBy(agency="DOS")})),
    ("cui.categories", CUI.model_copy(update={"categories": ()})),
    ("cui.poc", CUI.model_copy(update={"poc": "  "})),
])
def test_an_empty_designation_field_refuses_the_export(tmp_path, mini_library, capsys, field, cui):
    status, out, err, path = export(cui_brief(cui=cui), tmp_path, mini_library, capsys)
    assert status == 1 and not out.exists()
    assert f"{path}: field '{field}': is empty; a CUI document's first page names" in err


def test_unknown_or_contradictory_controls_refuse_the_export(tmp_path, mini_library, capsys):
    bad = CUI.model_copy(update={"controls": ("FEDCON", "NOCON", "FEDCOM"), "categories": ("prv cy",)})
    status, _, err, path = export(cui_brief(cui=bad), tmp_path, mini_library, capsys)
    assert status == 1
    assert f"{path}: field 'cui.controls': 'FEDCOM' is not a limited dissemination control" in err
    assert "FEDCON and NOCON contradict each other" in err
    assert "'prv cy' is not a CUI category marking" in err


@pytest.mark.parametrize("regime, other", [("cui", "SBU"), ("sbu", "CUI")])
def test_mixing_sbu_and_cui_is_refused(tmp_path, mini_library, capsys, regime, other):
    brief = cui_brief(point_marking=other, regime=regime)
    status, out, err, path = export(brief, tmp_path, mini_library, capsys)
    assert status == 1 and not out.exists()
    assert f"{path}: point 2 (custom-visit): is marked {other}, but this brief uses the" in err
    assert "CUI replaced SBU and a document uses one or the other" in err


def test_an_sbu_brief_is_marked_sbu_and_carries_no_designation(tmp_path, mini_library, capsys):
    status, out, err, _ = export(cui_brief(point_marking="SBU", regime="sbu"), tmp_path, mini_library, capsys)
    assert status == 0, err
    text = " ".join(page_texts(out)[0].split())
    assert text.startswith("SENSITIVE BUT UNCLASSIFIED") and "(SBU) Site visit" in text
    assert "Controlled by" not in text and "CUI" not in text


def test_an_overmarked_banner_warns_and_an_undermarked_one_is_refused(tmp_path, mini_library, capsys):
    status, out, err, _ = export(cui_brief(point_marking="U", marking="CUI"), tmp_path,
                                 mini_library, capsys)
    assert status == 0 and out.exists()
    assert (f"{tmp_path / 'officer.pdf'}: warning: the overall marking CUI is higher than every "
            "portion") in err
    status, _, err, path = export(cui_brief(marking="UNCLASSIFIED"), tmp_path, mini_library, capsys)
    assert status == 1
    assert (f"{path}: field 'marking': the overall marking UNCLASSIFIED is lower than point 2 "
            "(custom-visit), marked CUI") in err


def test_an_unclassified_brief_has_no_designation_block(tmp_path, mini_library, capsys):
    status, out, err, _ = export(cui_brief(point_marking="U"), tmp_path, mini_library, capsys)
    assert status == 0, err
    assert "UNCLASSIFIED" in page_texts(out)[0] and "Controlled by" not in "".join(page_texts(out))


def test_a_cui_releasable_custom_point_is_refused_for_the_handout(tmp_path, mini_library, capsys):
    status, out, err, path = export(cui_brief(releasable=True), tmp_path, mini_library, capsys,
                                    variant="handout")
    assert status == 1 and not out.exists()
    assert (f"{path}: point 2 (custom-visit): is marked CUI and ticked releasable; a handout "
            "carries (U) material only") in err
    assert export(cui_brief(releasable=True), tmp_path, mini_library, capsys)[0] == 0


def test_the_library_refuses_a_releasable_point_marked_above_u(library_copy):
    path = library_copy / "points/state-compulsion/compulsion-law.toml"
    path.write_text(path.read_text().replace('marking = "U"', 'marking = "CUI"'))
    library = load_library([library_copy])
    assert "compulsion-law" not in library.points
    (fault,) = library.errors
    assert fault.place == "field 'marking'"
    assert "a point marked CUI cannot be releasable: a handout carries (U) material only" in fault.reason


def test_uk_scheme_has_descriptors_no_portion_marks_and_no_designation():
    brief = cui_brief(scheme="uk", descriptor="LOCSEN")
    marks = resolve(brief, [Portion("point 1", "CUI")])
    assert marks.banner == "OFFICIAL-SENSITIVE LOCSEN" and marks.designation == ()
    assert marks.portion("CUI") == "" and marks.errors == ()
    official = resolve(brief, [Portion("point 1", "U")])
    assert official.banner == "OFFICIAL"
    assert "the descriptor LOCSEN goes with OFFICIAL-SENSITIVE" in official.errors[0].reason
    assert SCHEMES["uk"].label("CUI", "cui") == "OFFICIAL-SENSITIVE"


def test_marking_words_cover_both_schemes_and_portion_marks():
    words = set(marking_words())
    assert {"UNCLASSIFIED", "SENSITIVE BUT UNCLASSIFIED", "CUI", "OFFICIAL", "OFFICIAL-SENSITIVE",
            "OFFICIAL-SENSITIVE LOCSEN", "(U)", "(SBU)", "(CUI)"} <= words


def test_a_format_1_brief_opens_with_its_marks_kept(tmp_path):
    old = {"schema_version": 1, "country": "IT", "carrier": "tim", "scheme": "us",
           "marking": "CUI//SP-PRVCY//FEDCON",
           "cui": {"controlled_by": "Embassy Rome POL", "category": "", "dissemination": "",
                   "poc": "A. Officer"},
           "meeting": {"objectives": ["Secure a follow-up", "Ask for a timetable"]},
           "cleared_by": "B. Chief"}
    path = tmp_path / "old.brief"
    path.write_text(json.dumps(old))
    brief = load_brief(path)
    assert [(o.text, o.marking) for o in brief.meeting.objectives] == \
        [("Secure a follow-up", "U"), ("Ask for a timetable", "U")]
    assert brief.marking == "CUI" and brief.regime == "cui"
    assert brief.cui.controlled_by == ControlledBy(agency="Embassy Rome POL", office="")
    assert brief.cui.categories == ("SP-PRVCY",) and brief.cui.controls == ("FEDCON",)
    sbu = load_brief(_write(tmp_path, {**old, "marking": "SENSITIVE BUT UNCLASSIFIED",
                                       "cui": {"category": "PRVCY/PROPIN"}}))
    assert sbu.regime == "sbu" and sbu.cui.categories == ("PRVCY", "PROPIN")
    uk = load_brief(_write(tmp_path, {**old, "scheme": "uk", "marking": "OFFICIAL-SENSITIVE COMMERCIAL"}))
    assert (uk.marking, uk.descriptor) == ("OFFICIAL-SENSITIVE", "COMMERCIAL")


def _write(tmp_path, data) -> str:
    path = tmp_path / "other.brief"
    path.write_text(json.dumps(data))
    return path


def test_objectives_given_as_text_are_unmarked():
    assert Meeting.model_validate({"objectives": ["Ask"]}).objectives[0].marking == "U"
