"""Every point, rendered for every built-in country and carrier, speaks to where the host
stands: a host or carrier already under removal deadlines hears support for meeting them, not
advice on the path or the timetable; only a host still deciding is urged to decide; only NATO
members hear of NATO. Checked on the point text, background and if-raised answers alike."""

import re

import pytest

from briefing_app.core.library import load_library
from briefing_app.core.paths import builtin_library
from briefing_app.core.recommend import unmet_condition
from briefing_app.core.rendered import Rendered
from briefing_app.core.stance import stance_misfit
from briefing_app.core.template_context import template_context
from briefing_app.core.templating import render

ADVICE_ON_THE_PATH = re.compile(r"sensible path|realistic timetable|timetable should be realistic")
NATO_MEMBERS = {"BE", "CA", "DE", "ES", "GB", "GR", "HU", "IT", "NL", "NO", "PL", "RO", "TR"}


@pytest.fixture(scope="module")
def library():
    return load_library([builtin_library()])


def rendered(library):
    """(country, carrier, point id, text) for every point, country and carrier."""
    for country in sorted(library.countries.values(), key=lambda c: c.code):
        for carrier in [None, *country.carriers]:
            context = template_context(country, carrier)
            for point in library.points.values():
                templates = (point.text, point.handout_text, point.background,
                             *(f"{q.question} {q.answer}" for q in point.if_raised))
                text = " ".join(render(t, context) for t in templates)
                yield country, carrier, context, point.id, text


def test_a_host_or_carrier_under_deadlines_is_not_told_the_path(library):
    dated = 0
    for country, carrier, context, point_id, text in rendered(library):
        due = (carrier and context["carrier"]["deadline"]) or country.stance_deadline
        if due:
            dated += 1
            assert not ADVICE_ON_THE_PATH.search(text), (point_id, country.code, carrier and carrier.id)
    assert dated > 100


def test_only_a_host_still_deciding_is_told_to_decide_before_its_next_purchases(library):
    for country, carrier, _, point_id, text in rendered(library):
        if country.stance != "undecided":
            assert "before the next wave" not in text, (point_id, country.code, carrier and carrier.id)


def test_nato_is_spoken_of_only_with_nato_members(library):
    assert {c.code for c in library.countries.values() if c.nato} == NATO_MEMBERS
    for country, carrier, _, point_id, text in rendered(library):
        if not country.nato:
            assert "NATO" not in text, (point_id, country.code, carrier and carrier.id)
    german = library.country("DE")
    telekom = render(library.points["sub-transition-support"].text,
                     template_context(german, german.carrier("deutsche-telekom")))
    assert "on track for them" in telekom and "December 2026" in telekom, telekom


def printable(library):
    """(country, carrier, point, context) for every point a brief can print as fitting there:
    its stances and its condition hold."""
    for country in sorted(library.countries.values(), key=lambda c: c.code):
        for carrier in [None, *country.carriers]:
            here = Rendered(library, country, carrier)
            for point in library.points.values():
                if not stance_misfit(point, country, carrier) and not unmet_condition(point, here):
                    yield country, carrier, point, here.context()


def test_a_host_that_has_not_excluded_is_not_shown_what_excluding_hosts_operators_do_now(library):
    """"Operators in the United Kingdom and Canada are doing it now" reads, to Germany, as a
    model held up and, once their deadlines pass, as no longer true: an answer for a host that
    has not excluded high-risk vendors names no excluding host in a sentence about the present."""
    excluding = [c for c in library.countries.values() if c.stance == "excluded"]
    names = {n for c in excluding for n in (c.name, c.in_text.removeprefix("the "))} | {"UK"}
    names_them = re.compile(rf"\b({'|'.join(map(re.escape, sorted(names)))})\b")
    seen = 0
    for country, carrier, point, context in printable(library):
        if country.stance == "excluded":
            continue
        for qa in point.if_raised:
            for sentence in re.split(r"(?<=[.?!])\s+", render(qa.answer, context)):
                seen += 1
                assert not (names_them.search(sentence) and re.search(r"\b(now|today)\b", sentence)), \
                    (point.id, country.code, carrier and carrier.id, sentence)
    assert seen > 1000
