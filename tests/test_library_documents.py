"""The recommended brief and handout for every built-in country, carrier and audience, A4 and
Letter, read as the documents they are: what the handout may say about U.S. forces, that it
prints the wording written to be handed over, that no page carries a tool's words, a raw field
or a second date style, and that the spoken lines carry no citation numbers. Assertions come
from the library's data, not from fixed text."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import UsForcesRelease
from briefing_app.core.compose import compose
from briefing_app.core.counterpart import CounterpartCheck
from tests.house_style import british
from tests.recommended_briefs import PAPERS, choices, library, meetings, printed, recommended

RELEASE = UsForcesRelease(by="Defense Attaché office", date=dt.date(2026, 11, 27))
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Words about the tool rather than the subject, and field values never put into words.
TOOL_WORDS = re.compile(r"\blibrary\b|country profile|\btemplates?\b|applies_when|handout_text|"
                        r"host_stances|carrier_stances|\bus_forces\b|recorded in this",
                        re.IGNORECASE)
RAW_FIELDS = re.compile(r"in-service|\[['\"]|(?<=[a-z,:;] )(?:None|True|False)\b|\{\{|\{%|%\}|\}\}|"
                        r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/])")
OTHER_DATE_STYLE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b")
# "US forces" rather than "U.S. forces"; "the Philippines's" rather than "the Philippines'".
HOUSE_STYLE = re.compile(r"\bUS\b(?!\$)|\b\w+s['\u2019]s\b|\bUSD\b|\bGBP\b")
REFERENCE_TO_A_POINT = re.compile(r"\b(?:see|the) points? (?:on|about)\b", re.IGNORECASE)


def flat(text: str) -> str:
    return " ".join(text.split())


def own_words(text: str, variant: str) -> str:
    """A document's text without its list of sources, whose titles are their authors' words."""
    if variant == "handout":
        return text.split("Public sources")[0]
    # the sources follow the snapshot, whose last line says when its facts were reviewed
    start = text.find(" Sources ", text.rfind("These facts were last reviewed"))
    return text[:start] + text[text.rfind("Drafted:"):] if start > 0 else text


def test_us_forces_reach_a_handout_only_with_a_recorded_release():
    printed_with_release = 0
    for country, carrier, audience in meetings():
        choice = recommended(country.code, carrier and carrier.id, audience)
        held = assemble(library(), choice.brief())
        text = flat(compose(held, "handout").text())
        for point in held.points:
            if point.us_forces and point.handout_text:
                assert flat(point.handout_text) not in text, (country.code, point.id)
        for installation in country.us_forces:
            assert installation.name not in text, (country.code, installation.name)
        released = assemble(library(), choice.brief(us_forces_release=RELEASE))
        text = flat(compose(released, "handout").text())
        for point in released.points:
            if point.us_forces and point.releasable:
                assert flat(point.handout_text) in text, (country.code, point.id)
                printed_with_release += 1
    assert printed_with_release > 50


def test_a_handout_prints_handout_wording_never_the_spoken_line():
    for choice in choices():
        brief = assemble(library(), choice.brief(us_forces_release=RELEASE))
        handout = flat(compose(brief, "handout").text())
        for point in brief.points:
            if point in brief.handout_points:
                assert flat(point.handout_text) in handout, point.id
            if flat(point.text) != flat(point.handout_text):
                assert flat(point.text) not in handout, point.id


@pytest.mark.parametrize("figure", ["market-share", "edge-core"])
def test_a_figure_prints_only_when_a_chosen_point_uses_it(figure):
    titles = {"market-share": "Telecom equipment revenue share", "edge-core": "edge of a 5G network"}
    for choice in choices():
        brief = assemble(library(), choice.brief())
        uses = any(figure in p.figures for p in brief.handout_points)
        assert (titles[figure] in compose(brief, "handout").text()) == uses, (choice, figure)


def proper_nouns() -> set[str]:
    """Words the library capitalizes inside a sentence: names, which keep their capital after
    "verify locally:" where an ordinary word takes a small letter."""
    prose = [p.background + " " + p.text for p in library().points.values()]
    prose += [f"{n.note} {n.verify}" for c in library().countries.values() for n in c.policy]
    prose += [f"{k.notes} {v.verify}" for c in library().countries.values() for k in c.carriers
              for v in k.vendors]
    return set(re.findall(r"(?<=[a-z,;] )([A-Z][\w.'-]*)", " ".join(prose)))


@pytest.mark.parametrize("paper", PAPERS)
def test_rendered_pages_speak_of_the_subject_in_one_house_style(paper):
    """No tool words, raw fields, second date style, "US" or "Philippines's" on any page, in
    the words the app and the library write (source titles are their authors')."""
    names = proper_nouns()
    for choice in choices():
        for variant in ("officer", "handout"):
            text = own_words(printed(choice, paper, variant).text, variant)
            where = (choice.code, choice.carrier_id, variant, paper)
            for rule in (TOOL_WORDS, RAW_FIELDS, OTHER_DATE_STYLE, HOUSE_STYLE,
                         REFERENCE_TO_A_POINT):
                found = rule.search(text)
                assert not found, (where, text[max(0, found.start() - 60):found.end() + 20])
            found = british(text)
            assert not found, (where, text[max(0, found.start() - 60):found.end() + 20])
            for note in re.findall(r"[Vv]erify locally: ([A-Z][\w.'-]*)", text):
                assert note.removesuffix("'s") in names, (where, note)


@pytest.mark.parametrize("paper", PAPERS)
def test_spoken_lines_carry_their_source_numbers_raised_and_the_handout_none(paper):
    for choice in choices():
        officer = printed(choice, paper, "officer").text
        handout = printed(choice, paper, "handout").text
        brief = assemble(library(), choice.brief(paper))
        for point in brief.points:
            spoken = flat(point.text)
            assert spoken[-40:] in officer, (choice, point.id)
            assert f"{spoken[-40:]} [" not in officer, (choice, point.id)
            if point in brief.handout_points:
                after = handout.split(flat(point.handout_text))[1][:3]
                assert not re.match(r"\s?[\[\d]", after), (choice, point.id, after)


@pytest.mark.parametrize("paper", PAPERS)
def test_rendered_points_fit_the_record_and_never_hold_up_the_counterpart(paper):
    """No recommended point written for another stance than the host's or the carrier's; no
    sentence naming the counterpart among its own examples; no vendor note pasted into a
    sentence; nothing about U.S. forces on a handout without a recorded release."""
    for choice in choices():
        country, carrier = choice.country, choice.carrier
        officer = printed(choice, paper, "officer").text
        handout = printed(choice, paper, "handout").text
        check = CounterpartCheck(library(), country, carrier)
        details = [v.detail for k in country.carriers for v in k.vendors if len(v.detail) > 8]
        for point in assemble(library(), choice.brief(paper)).points:
            record = library().points[point.id]
            assert not record.host_stances or country.stance in record.host_stances, point.id
            assert not (carrier and record.carrier_stances) \
                or carrier.stance in record.carrier_stances, (point.id, carrier.id)
            assert check(point.text) == check(point.handout_text) == "", (choice, point.id)
            assert flat(point.text)[:60] in officer, (choice, point.id)
            for detail in details:
                assert detail not in point.text and detail not in point.handout_text, point.id
            if record.us_forces:
                assert flat(point.handout_text or point.text)[:60] not in handout, point.id
        for installation in country.us_forces:
            assert installation.name not in handout, choice


def test_a_spoken_line_cites_the_host_decision_only_when_it_rests_on_it():
    """A point for any host, or one arguing with a host still deciding, cites its own sources,
    not the host's latest law (the snapshot lists that); a point thanking a host for its
    decision, asking how it is applied or printing its dates cites that decision."""
    resting = 0
    for choice in choices():
        note = choice.country.stance_note
        if note is None:
            continue
        brief = assemble(library(), choice.brief())
        decision = {brief.source_number(s) for s in note.sources}
        carrier = choice.carrier
        reports = {brief.source_number(s) for s in ([*(v.source for v in carrier.vendors),
                                                     *carrier.sources] if carrier else [])}
        for point in brief.points:
            record = library().points[point.id]
            printed = " ".join([record.title, record.text, record.background,
                                record.applies_when or "",
                                *(f"{q.question} {q.answer}" for q in record.if_raised)])
            rests = "undecided" not in record.host_stances or "country.stance" in printed
            added = set(point.source_numbers) - {brief.source_number(s) for s in point.cited}
            if rests:
                assert decision <= set(point.source_numbers), (choice, point.id)
                resting += 1
            else:
                assert not (decision - reports) & added, (choice, point.id)
    assert resting > 20
