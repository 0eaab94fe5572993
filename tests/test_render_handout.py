"""The handout carries releasable content only, with deliberate metadata, and the export refuses a
handout file that leaks (checked by planting unique strings in every officer-only field)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, UsForcesRelease
from briefing_app.core.compose import compose
from briefing_app.core.document import plain
from briefing_app.core.faults import InputError
from briefing_app.core.leakcheck import find_leaks, officer_only
from briefing_app.core.library import load_library
from briefing_app.core.produce import produce
from briefing_app.render import pdf
from tests.pdf_reading import all_text, page_texts, reader
from tests.test_render_fixtures import (
    LIBRARY_OFFICER_ONLY,
    OFFICER_ONLY,
    RELEASABLE_TEXT,
    custom,
    meeting,
    mini,
    produced,
    produced_from,
    words,
)
from tests.test_render_fixtures import brief as make_brief


def file_leaks(data: bytes, made: Brief) -> list[str]:
    """What the handout check finds in a PDF said to be `made`'s handout."""
    assembled = assemble(mini(), made)
    document = compose(assembled, "handout")
    contents = pdf.read_back(data, document)
    return [*contents.problems, *find_leaks(officer_only(assembled, document.text()), contents.text)]


@pytest.fixture(scope="module")
def handout() -> bytes:
    return produced("handout").data


def test_handout_prints_releasable_points_in_their_handout_wording_and_public_sources(handout):
    text = " ".join(all_text(handout).split())
    assert text.startswith("Trusted suppliers for 5G networks in Italy")
    for expected in (RELEASABLE_TEXT,
                     "Under Article 7 of China's 2017 National Intelligence Law, a Chinese supplier",
                     "Why the edge of a 5G network matters more", "Public sources",
                     "The Wall Street Journal, “Washington Asks Allies to Drop Huawei,” November 23, 2018"):
        assert expected in text
    spoken = "a supplier to TIM must support state intelligence work"  # the officer's line
    assert spoken in " ".join(all_text(produced("officer").data).split()) and spoken not in text
    assert "revenue share" not in text  # no chosen point uses the market chart
    assert 1 <= len(page_texts(handout)) <= 2


def test_us_forces_content_waits_for_a_recorded_release():
    held = produced("handout", us_forces_release=None)
    text = " ".join(all_text(held.data).split())
    assert "Where US forces are stationed" not in text and "Aviano" not in text
    assert any("point 3 (base-commercial) speaks of U.S. forces and is left off the handout" in w
               for w in held.warnings)
    released = produced("handout", us_forces_release=UsForcesRelease(
        by="Defense Attaché office, Rome", date=dt.date(2026, 11, 27)))
    text = " ".join(all_text(released.data).split())
    assert "Where US forces are stationed, most of their traffic crosses commercial networks, " \
        "as at Aviano Air Base." in text
    assert not any("U.S. forces" in w for w in released.warnings)


def test_a_releasable_point_without_handout_wording_stays_off_with_a_warning(library_copy):
    path = library_copy / "points/subsidy/subsidy-financing.toml"
    path.write_text("\n".join(line for line in path.read_text().splitlines()
                              if not line.startswith("handout_text")))
    made = make_brief(ids=("subsidy-financing",), customs=())
    result = produce(load_library([library_copy]), made, "handout")
    assert "trusted vendors" not in " ".join(all_text(result.data).split())
    assert any("has no handout wording" in w for w in result.warnings)
    from briefing_app.core.check import check_library
    assert any(f.warning and "without handout wording it stays off every handout" in f.reason
               and f.file.endswith("subsidy-financing.toml") for f in check_library(load_library([library_copy])))


@pytest.mark.parametrize("planted", [*OFFICER_ONLY.values(), *LIBRARY_OFFICER_ONLY])
def test_handout_carries_no_officer_only_text(handout, planted):
    packed = "".join(all_text(handout).split())
    assert "".join(planted.split()) not in packed


def test_handout_carries_no_markings_or_portion_marks(handout):
    text = all_text(handout)
    for word in ("UNCLASSIFIED", "SENSITIVE", "CUI", "OFFICIAL", "Drafted", "Cleared"):
        assert word not in text
    assert not re.search(r"\((U|SBU|CUI)\)", text)


def test_handout_metadata_is_a_title_and_a_neutral_producer_only(handout):
    assert b"ReportLab" not in handout
    pdf = reader(handout)
    assert dict(pdf.metadata) == {
        "/Title": "Trusted suppliers for 5G networks in Italy",
        "/Producer": "PDF document", "/Trapped": "/False"}
    root = pdf.trailer["/Root"]
    assert not {"/Outlines", "/Names", "/OpenAction", "/AA", "/AcroForm", "/Metadata"} & set(root)
    for page in pdf.pages:
        assert "/Annots" not in page
        assert not page["/Resources"].get("/XObject"), "figures must be vector, not images"


def test_a_clean_handout_passes_its_own_check(handout):
    assert file_leaks(handout, make_brief()) == []


def test_the_check_names_each_kind_of_leak_quoting_only_the_name_found():
    """The officer sees which name to take out; officer-only text is named by its field only."""
    leaks = file_leaks(produced("officer").data, make_brief())
    joined = " | ".join(leaks)
    for expected in ("the drafter's name 'Drafter Qzxwv'", "a clearer's name 'Clearer Jkvqp'",
                     "the BLUF", "the background of point 1",
                     "an if-raised question of point 1", "the text of non-releasable point 2",
                     "the marking 'SENSITIVE BUT UNCLASSIFIED'", "the marking '(U)'",
                     "a document title other than the handout's own"):
        assert expected in joined, expected
    assert "BLUF-PLANT" not in joined and "BACKGROUND-" not in joined


def test_the_check_finds_a_wrapped_copy_of_one_background_sentence():
    sentence = "The quiet ministry asked about the pipeline of replacement radio gear."
    brief = make_brief(customs=(custom(1, background="Intro. " + sentence),))
    leaky = make_brief(customs=(custom(1, text=words(20) + " " + sentence),))
    leaks = file_leaks(produced_from(leaky, "handout").data, brief)
    assert leaks == ["text from the background of point 4 (custom-p1)"]


def test_export_writes_a_clean_handout(tmp_path):
    out = tmp_path / "handout.pdf"
    result = produce(mini(), make_brief(), "handout", "pdf", out)
    assert out.read_bytes() == result.data and result.warnings == ()


def leaking_point() -> Brief:
    text = f"As {OFFICER_ONLY['drafted_by']} of ECON said, per the attaché office (SBU), we agree."
    return make_brief(customs=(custom(1, text=text),))


def test_a_leaking_handout_writes_nothing_and_an_earlier_file_survives(tmp_path):
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"yesterday's handout")
    with pytest.raises(InputError) as err:
        produce(mini(), leaking_point(), "handout", "pdf", out)
    assert out.read_bytes() == b"yesterday's handout"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]  # no temporary file left
    assert all(str(f).startswith(f"{out}: handout refused: it contains ") for f in err.value.faults)


def test_a_file_that_leaks_what_its_document_does_not_is_refused_after_reading_it_back(
        tmp_path, monkeypatch):
    """A backend gone wrong: the document is clean, the laid-out file is not. The file is
    read back from disk before it replaces anything, so the earlier file survives."""
    real = pdf.render
    monkeypatch.setattr(pdf, "render", lambda document: real(document._replace(
        blocks=(*document.blocks, plain(OFFICER_ONLY["bluf"])))))
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"yesterday's handout")
    with pytest.raises(InputError) as err:
        produce(mini(), make_brief(), "handout", "pdf", out)
    assert [f.reason for f in err.value.faults] == ["handout refused: it contains text from the BLUF"]
    assert out.read_bytes() == b"yesterday's handout"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]


def test_a_handout_past_two_pages_is_warned_about():
    customs = tuple(custom(n, text=words(120)) for n in range(1, 12))
    result = produced("handout", customs=customs)
    assert result.pages > 2
    assert result.warnings == (f"the handout runs to {result.pages} pages; a leave-behind should be "
                               "one or two (choose fewer releasable points)",)


def test_officer_text_that_matches_public_figure_words_is_no_leak():
    brief = make_brief(meeting=meeting(bluf="Core network", purpose="Huawei"))
    assert file_leaks(produced_from(brief, "handout").data, brief) == []


def test_the_command_line_refuses_a_leaking_handout(monkeypatch, tmp_path, capsys, mini_library):
    from briefing_app.cli import run_command
    from briefing_app.core import compose_handout, compose_officer

    monkeypatch.setattr(compose_handout, "handout", compose_officer.officer)  # composition gone wrong
    out = tmp_path / "handout.pdf"
    status = run_command(["export", "--library", str(mini_library), "--country", "IT",
                          "--carrier", "tim", "--variant", "handout", "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 1 and not out.exists()
    assert f"{out}: handout refused: it contains the marking '(U)'" in err
    assert "Traceback" not in err


def test_our_names_and_markings_typed_into_a_releasable_point_are_refused(tmp_path):
    """The wording of a releasable point is the officer's, but our own people's names and
    markings never belong on a handout; the message says which point to edit."""
    out = tmp_path / "handout.pdf"
    with pytest.raises(InputError) as err:
        produce(mini(), leaking_point(), "handout", "pdf", out)
    assert not out.exists()
    assert [f.reason for f in err.value.faults] == [
        "handout refused: it contains the drafter's name 'Drafter Qzxwv', in the wording of point 4 (custom-p1)",
        "handout refused: it contains the marking '(SBU)', in the wording of point 4 (custom-p1)"]


def test_a_counterpart_named_in_a_releasable_point_is_the_officers_choice(tmp_path):
    text = f"We thank {OFFICER_ONLY['counterpart']} for the frank discussion."
    result = produce(mini(), make_brief(customs=(custom(1, text=text),)), "handout", "pdf",
                     tmp_path / "h.pdf")
    assert result.warnings == ()
