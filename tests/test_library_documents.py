"""The recommended brief and handout for every built-in country, carrier and audience, read as
the documents they are: what the handout may say about US forces, and that it prints the
wording written to be handed over. Assertions come from the library's data, not fixed text."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, Meeting, PointChoice, UsForcesRelease
from briefing_app.core.compose import compose
from briefing_app.core.counterpart import CounterpartCheck
from briefing_app.core.library import Library, load_library
from briefing_app.core.paths import builtin_library
from briefing_app.core.produce import produce
from briefing_app.core.recommend import recommended_ids
from tests.pdf_reading import all_text

RELEASE = UsForcesRelease(by="Defense Attaché office", date=dt.date(2026, 11, 27))


@cache
def library() -> Library:
    return load_library([builtin_library()])


def flat(text: str) -> str:
    return " ".join(text.split())


def meetings():
    for country in sorted(library().countries.values(), key=lambda c: c.code):
        for carrier in [None, *country.carriers]:
            for audience in ("government", "carrier", "both"):
                yield country, carrier, audience


def recommended_brief(country, carrier, audience, **changes) -> Brief:
    meeting = Meeting(audience=audience)
    ids = recommended_ids(library(), country, carrier, meeting)
    return Brief(country=country.code, carrier=carrier.id if carrier else None, meeting=meeting,
                 points=tuple(PointChoice(id=i) for i in ids), **changes)


def test_us_forces_reach_a_handout_only_with_a_recorded_release():
    printed_with_release = 0
    for country, carrier, audience in meetings():
        held = assemble(library(), recommended_brief(country, carrier, audience))
        text = flat(compose(held, "handout").text())
        for point in held.points:
            if point.us_forces and point.handout_text:
                assert flat(point.handout_text) not in text, (country.code, point.id)
        for installation in country.us_forces:
            assert installation.name not in text, (country.code, installation.name)
        released = assemble(library(), recommended_brief(country, carrier, audience,
                                                         us_forces_release=RELEASE))
        text = flat(compose(released, "handout").text())
        for point in released.points:
            if point.us_forces and point.releasable:
                assert flat(point.handout_text) in text, (country.code, point.id)
                printed_with_release += 1
    assert printed_with_release > 50


def test_a_handout_prints_handout_wording_never_the_spoken_line():
    for country, carrier, audience in meetings():
        brief = assemble(library(), recommended_brief(country, carrier, audience,
                                                      us_forces_release=RELEASE))
        handout = flat(compose(brief, "handout").text())
        for point in brief.points:
            if point in brief.handout_points:
                assert flat(point.handout_text) in handout, point.id
            if flat(point.text) != flat(point.handout_text):
                assert flat(point.text) not in handout, point.id


@pytest.mark.parametrize("figure", ["market-share", "edge-core"])
def test_a_figure_prints_only_when_a_chosen_point_uses_it(figure):
    titles = {"market-share": "Telecom equipment revenue share", "edge-core": "edge of a 5G network"}
    for country, carrier, audience in meetings():
        brief = assemble(library(), recommended_brief(country, carrier, audience))
        uses = any(figure in p.figures for p in brief.handout_points)
        assert (titles[figure] in compose(brief, "handout").text()) == uses, (country.code, figure)


# Words about the tool rather than the subject, and field values that were never put into words.
TOOL_WORDS = re.compile(r"\blibrary\b|country profile|\btemplates?\b|applies_when|handout_text|"
                        r"host_stances|carrier_stances|\bus_forces\b|recorded in this",
                        re.IGNORECASE)
RAW_FIELDS = re.compile(r"in-service|\[['\"]|\b(?:by|on|since|in|of) None\b|\{\{|\{%|%\}|\}\}")


def natural_meetings():
    """Every country with no carrier (a government meeting) and with each carrier."""
    for country in sorted(library().countries.values(), key=lambda c: c.code):
        yield country, None, "government"
        for carrier in country.carriers:
            yield country, carrier, "carrier"


@cache
def rendered(code: str, carrier_id: str | None, audience: str, paper: str) -> tuple[str, str, Brief]:
    country = library().country(code)
    carrier = country.carrier(carrier_id) if carrier_id else None
    brief = recommended_brief(country, carrier, audience, paper=paper)
    officer, handout = (flat(all_text(produce(library(), brief, v).data)) for v in ("officer", "handout"))
    return officer, handout, brief


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_rendered_pages_carry_no_tool_words_no_raw_fields_and_no_citations_in_spoken_lines(paper):
    for country, carrier, audience in natural_meetings():
        officer, handout, brief = rendered(country.code, carrier and carrier.id, audience, paper)
        where = (country.code, carrier and carrier.id, paper)
        for text in (officer, handout):
            assert not TOOL_WORDS.search(text), (where, TOOL_WORDS.search(text).group(0))
            assert not RAW_FIELDS.search(text), (where, RAW_FIELDS.search(text).group(0))
        assembled = assemble(library(), brief)
        details = [v.detail for k in country.carriers for v in k.vendors if len(v.detail) > 8]
        for point in assembled.points:
            spoken = flat(point.text)
            assert spoken[-40:] in officer, (where, point.id)
            assert f"{spoken[-40:]} [" not in officer, (where, point.id)  # numbers raised, not inline
            for detail in details:  # the snapshot's short notes never reach a point's sentence
                assert detail not in spoken and detail not in flat(point.handout_text), (where, point.id)
        for installation in country.us_forces:  # the recommended handout holds no US-forces content
            assert installation.name not in handout, where


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_rendered_sentences_never_name_the_counterpart_among_its_own_examples(paper):
    for country, carrier, audience in natural_meetings():
        officer, handout, brief = rendered(country.code, carrier and carrier.id, audience, paper)
        check = CounterpartCheck(library(), country, carrier)
        for point in assemble(library(), brief).points:
            assert check(point.text) == "" and check(point.handout_text) == "", point.id
            assert flat(point.text)[:60] in officer
