"""The officer brief as a reader sees it: sections in order, banner and page numbers on every page,
markings rolled up from the points, the CUI block, and page-budget warnings."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing_app.core.brief import Brief, ControlledBy, CuiBlock, Objective, PointChoice, UsForcesRelease
from tests.pdf_reading import all_text, page_texts, reader
from tests.test_render_fixtures import (
    OFFICER_ONLY,
    custom,
    make_brief,
    meeting,
    produced,
    produced_from,
    words,
)

CUI = CuiBlock(controlled_by=ControlledBy(agency="Department of State", office="Embassy Rome POL"),
               categories=("PRVCY",), controls=("FEDCON",), poc="A. Officer, +39 06 4674 0000")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_sections_come_in_read_ahead_order():
    text = flat(all_text(produced("officer").data))
    order = ["Tuesday, December 1, 2026", "Meeting with Counterpart Vzqkj (TIM), 10:00",
             "Meeting with TIM on 5G suppliers", "Date and time", "Tuesday, December 1, 2026, 10:00",
             "Counterparts", OFFICER_ONLY["pronunciation"], "Our participants", "BLUF:",
             "Purpose", OFFICER_ONLY["purpose"], "Asks", OFFICER_ONLY["objective"], "Talking points",
             "1. (U) Chinese law obliges", "Background",
             "If raised", "QUESTION-COMPULSION", "ANSWER-COMPULSION", "Country snapshot: Italy",
             "U.S. forces hosted", "Aviano Air Base", "Carriers and publicly reported vendors",
             "Sources", "Drafted: " + OFFICER_ONLY["drafted_by"],
             f"Cleared: ECON: {OFFICER_ONLY['cleared_by']}, November 28, 2026"]
    position = 0
    for expected in order:
        found = text.find(expected, position)
        assert found >= 0, f"{expected!r} missing or out of order"
        position = found + len(expected)


def test_points_are_numbered_and_cite_their_sources_by_number():
    text = flat(all_text(produced("officer").data))
    assert re.search(r"1\. \(U\) Chinese law obliges .*when asked\.1 ", text)
    assert "asked. [1]" not in text  # the number is raised out of the line read aloud:
    sizes: dict[str, float] = {}   # set smaller than the point's own words

    def seen(run, cm, tm, font, size):
        if run.strip():
            sizes.setdefault(run.strip(), size * tm[0])

    reader(produced("officer").data).pages[0].extract_text(visitor_text=seen)
    assert sizes["1"] < 0.7 * max(size for run, size in sizes.items() if "Chinese law" in run)
    assert re.search(r"2\. \(SBU\) Radio equipment now reaches the core\.", text)
    assert "1. (U) The Wall Street Journal, “Washington Asks Allies to Drop Huawei,” November 23, 2018" in text


def test_every_page_has_the_banner_twice_and_page_n_of_m():
    long = tuple(custom(n, text=words(150)) for n in range(1, 9))
    pages = page_texts(produced("officer", customs=long).data)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert [line.strip() for line in page.splitlines()].count("SENSITIVE BUT UNCLASSIFIED") == 2
        assert f"Page {number} of {len(pages)}" in page


@pytest.mark.parametrize(("changes", "markings", "banner"), [
    ({}, ("U",), "UNCLASSIFIED"),
    ({}, ("U", "SBU"), "SENSITIVE BUT UNCLASSIFIED"),
    ({"regime": "cui", "cui": CUI.model_copy(update={"controls": ()})}, ("CUI", "U"), "CUI"),
    ({"regime": "cui", "cui": CUI.model_copy(update={"categories": ("SP-PRVCY", "PROPIN"),
                                                    "controls": ("FEDCON",)})},
     ("CUI",), "CUI//SP-PRVCY//FEDCON"),
    ({"scheme": "uk"}, ("U",), "OFFICIAL"),
    ({"scheme": "uk"}, ("U", "SBU"), "OFFICIAL-SENSITIVE"),
    ({"scheme": "uk", "descriptor": "LOCSEN"}, ("SBU",), "OFFICIAL-SENSITIVE LOCSEN"),
    ({"marking": "SENSITIVE BUT UNCLASSIFIED"}, ("U",), "SENSITIVE BUT UNCLASSIFIED"),
])
def test_banner_is_the_highest_portion_marking_unless_set(changes, markings, banner):
    customs = tuple(custom(n, marking=m, releasable=False)
                    for n, m in enumerate(markings, start=1))
    pages = page_texts(produced("officer", ids=(), customs=customs, **changes).data)
    for page in pages:
        lines = [line.strip() for line in page.splitlines()]
        assert lines.count(banner) == 2, lines


def test_us_scheme_marks_portions_and_uk_does_not():
    customs = (custom(1, marking="SBU", text="Alpha point text."),)
    marked = meeting(bluf_marking="SBU")
    us = flat(all_text(produced("officer", ids=(), customs=customs, meeting=marked).data))
    uk = flat(all_text(produced("officer", ids=(), customs=customs, scheme="uk").data))
    assert "1. (SBU) Custom point 1. Alpha point text." in us
    assert "(SBU) BLUF:" in us
    assert "1. Custom point 1. Alpha point text." in uk
    assert not re.search(r"\((U|SBU|CUI)\)", uk)


def test_the_officer_marks_bluf_purpose_and_objectives_not_the_highest_point():
    """A (U) BLUF stays (U) in a brief with an SBU point: marks do not roll down."""
    marked = meeting(purpose_marking="SBU", objectives=(Objective(text="Offer DFC/EXIM contacts."),
                                                        Objective(text="Ask", marking="SBU")))
    text = flat(all_text(produced("officer", meeting=marked).data))
    assert "(U) BLUF:" in text
    assert f"(SBU) {OFFICER_ONLY['purpose']}" in text
    assert "1. (U) Offer DFC/EXIM contacts." in text and "2. (SBU) Ask" in text


def test_the_purpose_comes_before_the_asks_in_body_type_with_its_mark():
    """A read-ahead states the purpose first, then the asks, both in the type of the body."""
    made = produced("officer", meeting=meeting(objectives=(Objective(text="Ask for a timetable."),)))
    text = flat(all_text(made.data))
    purpose = text.find(f"Purpose (U) {OFFICER_ONLY['purpose']}")
    assert 0 <= purpose < text.find("Asks 1. (U) Ask for a timetable.")
    sizes: dict[str, float] = {}

    def seen(run, cm, tm, font, size):
        if run.strip():
            sizes.setdefault(run.strip(), size * tm[0])

    reader(made.data).pages[0].extract_text(visitor_text=seen)
    body = sizes["(U) BACKGROUND-COMPULSION: the law entered into force on 28 June 2017."]
    assert sizes[f"(U) {OFFICER_ONLY['purpose']}"] == body
    assert sizes["(U) Tuesday, December 1, 2026"] < body  # the note type it must not take


def test_cui_designation_block_is_on_the_first_page_only_of_a_cui_brief():
    pages = page_texts(produced("officer", customs=(custom(1, marking="CUI", releasable=False),),
                                ids=("compulsion-law",), regime="cui", cui=CUI).data)
    first = flat(pages[0])
    for line in ("Controlled by: Department of State", "Controlled by: Embassy Rome POL",
                 "CUI Category: PRVCY", "Limited Dissemination Control: FEDCON",
                 "POC: A. Officer, +39 06 4674 0000"):
        assert line in first
    assert all("Controlled by" not in page for page in pages[1:])
    for changes in ({"regime": "cui", "ids": ("compulsion-law",), "customs": ()}, {},
                    {"scheme": "uk"}):
        plain = all_text(produced("officer", cui=CUI, **changes).data)
        assert "Controlled by" not in plain, changes


def test_a_short_brief_has_no_warnings():
    assert produced("officer").warnings == ()


def test_talking_points_past_one_page_are_warned_about():
    customs = tuple(custom(n, text=words(90), background="") for n in range(1, 13))
    warnings = produced("officer", customs=customs).warnings
    assert any(w.startswith("talking points run to") for w in warnings), warnings
    assert not any("background" in w for w in warnings)


def test_background_past_two_pages_is_warned_about():
    customs = tuple(custom(n, text="Short.", background=words(400)) for n in range(1, 5))
    warnings = produced("officer", customs=customs).warnings
    assert any(w.startswith("background runs to") for w in warnings), warnings
    assert not any("talking points" in w for w in warnings)


def test_long_bluf_too_many_objectives_and_an_overmarked_banner_are_warned_about():
    brief = make_brief(ids=("compulsion-law",), customs=(),
                       meeting=meeting(bluf=words(120),
                                       objectives=tuple(Objective(text=c) for c in "abcd")),
                       marking="SENSITIVE BUT UNCLASSIFIED")
    warnings = " | ".join(produced_from(brief, "officer").warnings)
    assert "the BLUF takes" in warnings
    assert "4 objectives" in warnings
    assert "the overall marking SENSITIVE BUT UNCLASSIFIED is higher than every portion" in warnings


def test_the_command_line_prints_page_budget_warnings(tmp_path, capsys, mini_library):
    from briefing_app.cli import run_command
    from briefing_app.core.brief_file import save_brief
    from tests.test_render_fixtures import brief

    path, out = tmp_path / "long.brief", tmp_path / "long.pdf"
    save_brief(brief(customs=tuple(custom(n, text=words(90)) for n in range(1, 13))), path)
    status = run_command(["export", str(path), "--library", str(mini_library), "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 0 and out.exists()
    assert f"{out}: warning: talking points run to" in captured.err
    assert "Wrote officer (15 points," in captured.out


def test_a_hand_picked_point_whose_condition_fails_is_warned_about():
    """New Zealand hosts no US forces and Spark reports no Huawei: the officer may still tick
    these points, but is told their wording may say otherwise."""
    brief = Brief(country="NZ", carrier="spark", points=(
        PointChoice(id="base-commercial"), PointChoice(id="edge-huawei"),
        PointChoice(id="compulsion-law")),
        us_forces_release=UsForcesRelease(by="Defense Attaché office", date=dt.date(2026, 11, 27)))
    misfits = [
        "point 1 (base-commercial) does not fit this meeting (condition not met: "
        "country.hosts_us_forces); check that its wording is true here",
        "point 2 (edge-huawei) does not fit this meeting (condition not met: "
        "carrier and 'Huawei' in carrier.vendor_names); check that its wording is true here"]
    assert [w for w in produced_from(brief, "officer").warnings if "does not fit" in w] == misfits
    assert [w for w in produced_from(brief, "handout").warnings if "does not fit" in w] == misfits[:1]


def test_the_clearance_record_prints_one_line_each_and_pending_is_a_warning(tmp_path, capsys,
                                                                          mini_library):
    from briefing_app.cli import run_command
    from briefing_app.core.brief import Clearance
    from briefing_app.core.brief_file import save_brief

    clearances = (Clearance(office="ECON", name="B. Jones", date=dt.date(2026, 11, 27),
                            status="cleared-with-edits"),
                  Clearance(office="POL", name="C. Smith", status="pending"),
                  Clearance(role="approved", office="DCM", name="D. Lee", status="pending"))
    path, out = tmp_path / "clearing.brief", tmp_path / "clearing.pdf"
    save_brief(make_brief(clearances=clearances), path)
    status = run_command(["export", str(path), "--library", str(mini_library), "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 0 and out.exists()
    text = all_text(out)
    lines = [line.strip() for line in text.splitlines()]
    assert lines[lines.index(f"Drafted: {OFFICER_ONLY['drafted_by']}") + 1:][:3] == [
        "Cleared: ECON: B. Jones, November 27, 2026 (cleared with edits)",
        "Cleared: POL: C. Smith (pending)",
        "Approved: DCM: D. Lee (pending)"]
    assert f"{out}: warning: clearance by POL: C. Smith is still pending" in captured.err
    assert f"{out}: warning: approval by DCM: D. Lee is still pending" in captured.err


def test_a_point_tailored_for_this_brief_prints_its_own_background_answers_and_note():
    text = flat(all_text(produced("officer").data))
    background = text[text.index("Background"):text.index("If raised")]
    assert "Officer's note: " + OFFICER_ONLY["note"] in background
    assert "Officer's note: " + OFFICER_ONLY["custom_note"] in background
    assert OFFICER_ONLY["tailored_background"] in background
    assert "BACKGROUND-BASE: DoD has its own network" not in text  # the library's, replaced
    raised = text[text.index("If raised"):text.index("Country snapshot")]
    assert OFFICER_ONLY["tailored_question"] in raised and OFFICER_ONLY["tailored_answer"] in raised
    assert "QUESTION-COMPULSION" in raised  # points not tailored keep the library's answers


def _portions(document) -> list[tuple[str, object]]:
    """(first words as printed, portion) of every portion of an officer brief: each paragraph,
    list item, the title and the meeting table; not headings, the designation or sign-off."""
    from briefing_app.core import document as doc

    found = []
    for block in document.walk():
        if isinstance(block, doc.Title):
            found.append((block.text, block.portion))
        elif isinstance(block, doc.Table):
            found.append((block.caption, block.portion))
        elif isinstance(block, doc.Paragraph):
            found.append((block.text, block.portion))
        elif isinstance(block, doc.ItemList):
            found += [(item.paragraph.text, item.paragraph.portion) for item in block.items]
        elif isinstance(block, doc.Box) and block.id == "bluf":
            found += [(p.text, p.portion) for p in block.paragraphs]
    return found


def test_every_paragraph_of_a_us_brief_opens_with_its_portion_mark():
    """Title, header, meeting table, BLUF, asks, purpose, points, background, questions and
    answers, snapshot facts and sources all carry a mark, in the PDF's text as printed."""
    made = produced("officer", customs=(custom(1, marking="SBU", releasable=False),),
                    meeting=meeting(objectives=(Objective(text="Ask for a timetable."),)),
                    post="US Embassy Rome")
    text = flat(all_text(made.data))
    portions = _portions(made.document)
    assert len(portions) > 20
    for words_printed, mark in portions:
        assert mark is not None and mark.mark in ("(U)", "(SBU)"), words_printed
        start = " ".join(flat(words_printed).split()[:6])
        if not start.startswith(mark.mark):
            start = f"{mark.mark} {start}"
        assert start in text, start
    assert text.count("(U) ") + text.count("(SBU) ") >= len(portions)
    assert "(U) Meeting details Date and time" in text and "(U) Meeting with TIM on 5G suppliers" in text
    assert "(U) US Embassy Rome · Tuesday, December 1, 2026 (U) Meeting with Counterpart" in text
    assert "Drafted:" in text and "(U) Drafted" not in text


def test_a_uk_brief_carries_no_portion_marks():
    made = produced("officer", scheme="uk")
    assert all(not mark or not mark.mark for _, mark in _portions(made.document))
    assert not re.search(r"\((U|SBU|CUI)\)", all_text(made.data))
