"""The built-in library argues each host and carrier from where it stands: what it recommends
fits the recorded stances, never holds the counterpart up as its own example, and every
releasable point has handout wording written to be handed over. Checked for every built-in
country, carrier and meeting audience, from the library's own data."""

import re

import pytest

from briefing_app.core.brief import Meeting
from briefing_app.core.counterpart import CounterpartCheck
from briefing_app.core.library import load_library
from briefing_app.core.paths import builtin_library
from briefing_app.core.recommend import recommendations
from briefing_app.core.template_context import template_context
from briefing_app.core.templating import render

FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|us)\b")
REFERENCE_TO_A_POINT = re.compile(r"\b(?:see|the) points? (?:on|about)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def library():
    return load_library([builtin_library()])


def meetings(library):
    """Every built-in country with no carrier, and with each of its carriers, for every
    audience the meeting can have."""
    for country in sorted(library.countries.values(), key=lambda c: c.code):
        for carrier in [None, *country.carriers]:
            for audience in ("government", "carrier", "both"):
                yield country, carrier, Meeting(audience=audience)


def recommended(library, country, carrier, meeting):
    verdicts = recommendations(library, country, carrier, meeting)
    return [library.points[v.point_id] for v in verdicts if v.recommended], verdicts


def test_no_recommended_point_contradicts_the_recorded_stances(library):
    seen = 0
    for country, carrier, meeting in meetings(library):
        points, _ = recommended(library, country, carrier, meeting)
        for point in points:
            assert not point.host_stances or country.stance in point.host_stances, \
                (point.id, country.code, country.stance)
            if carrier is not None:
                assert not point.carrier_stances or carrier.stance in point.carrier_stances, \
                    (point.id, carrier.id, carrier.stance)
            seen += 1
    assert seen > 500


def test_every_recorded_stance_gets_points_written_for_it(library):
    """Hosts that decided get thanks and implementation, those still deciding persuasion,
    carriers on trusted vendors reinforcement: each stance on record has points of its own."""
    hosts = {c.stance for c in library.countries.values()}
    carriers = {k.stance for c in library.countries.values() for k in c.carriers}
    assert hosts == {"undecided", "restricting", "excluded"}
    assert {"high-risk", "replacing", "trusted"} <= carriers
    for stance in hosts:
        assert any(stance in p.host_stances and len(p.host_stances) < 3
                   for p in library.points.values()), stance
    # reinforcement serves carriers on trusted vendors and those whose 5G already is (legacy)
    own = {"high-risk": [["high-risk"]], "replacing": [["replacing"]],
           "trusted": [["trusted"], ["trusted", "legacy"]], "legacy": [["trusted", "legacy"]]}
    for stance in ("high-risk", "replacing", "trusted", "legacy"):
        assert any(p.carrier_stances in own[stance] for p in library.points.values()), stance
    for country, carrier, meeting in meetings(library):
        if meeting.audience != "both":
            continue
        points, _ = recommended(library, country, carrier, meeting)
        assert len(points) >= 3, (country.code, carrier and carrier.id)


def test_no_recommended_sentence_names_the_counterpart_among_its_own_examples(library):
    for country, carrier, meeting in meetings(library):
        check = CounterpartCheck(library, country, carrier)
        context = template_context(country, carrier)
        points, verdicts = recommended(library, country, carrier, meeting)
        assert not [v for v in verdicts if "among its own examples" in v.reason], \
            (country.code, carrier and carrier.id)  # the library is written right, not filtered
        for point in points:
            for text in (point.text, point.handout_text):
                assert check(render(text, context)) == "", (point.id, country.code, carrier and carrier.id)


def test_every_releasable_point_has_impersonal_handout_wording(library):
    countries = [c for c in library.countries.values()]
    names = {n for c in countries for n in (c.name, c.in_text.removeprefix("the "), *c.aliases)}
    named = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    for point in library.points.values():
        if not point.releasable:
            continue
        assert point.handout_text.strip(), point.id
        for country in countries:
            for carrier in [None, *country.carriers]:
                text = render(point.handout_text, template_context(country, carrier))
                assert len(text.split()) < 75, point.id
                assert not FIRST_PERSON.search(text), (point.id, FIRST_PERSON.search(text).group(0))
                assert not re.search(r"\bhere\b", text, re.IGNORECASE), point.id
                # no third country held up as the model, no comment on the host's government
                assert not named.search(text), (point.id, named.search(text).group(0))


def test_backgrounds_refer_to_no_other_point(library):
    for point in library.points.values():
        for country in library.countries.values():
            for carrier in [None, *country.carriers]:
                background = render(point.background, template_context(country, carrier))
                assert not REFERENCE_TO_A_POINT.search(background), (point.id, background)


def test_spoken_points_fit_the_page(library):
    for point in library.points.values():
        for country in library.countries.values():
            for carrier in [None, *country.carriers]:
                text = render(point.text, template_context(country, carrier))
                assert len(text.split()) < 75, (point.id, country.code, len(text.split()))


def test_a_host_that_has_decided_never_hears_the_case_for_deciding(library):
    """Every point names the host stances it was written for (all three when it suits any
    host), so what a host that excluded high-risk vendors hears was written for a host that
    has decided: thanks and implementation, never a lecture on a decision it already made."""
    for point in library.points.values():
        assert point.host_stances, point.id
    decided = 0
    for country, carrier, meeting in meetings(library):
        if country.stance != "excluded":
            continue
        points, _ = recommended(library, country, carrier, meeting)
        for point in points:
            assert "excluded" in point.host_stances, (point.id, country.code)
            decided += 1
    assert decided > 50


def test_families_and_an_alliance_only_where_the_record_has_them(library):
    """Nothing said to the counterpart speaks of families at rotational or deployed sites, or
    of an alliance with a country bound to the United States by no defense treaty (a
    background may still tell the officer what NATO allies agreed)."""
    for country in library.countries.values():
        families = any(f.families for f in country.us_forces)
        for carrier in [None, *country.carriers]:
            context = template_context(country, carrier)
            for point in library.points.values():
                for template in (point.text, point.handout_text,
                                 *(f"{q.question} {q.answer}" for q in point.if_raised)):
                    text = render(template, context)
                    assert families or "families" not in text, (point.id, country.code)
                    assert country.us_ally or not re.search(r"\balliance\b|\ballies\b", text), \
                        (point.id, country.code)


def test_a_host_that_has_decided_hears_its_thanks_first(library):
    """A government that excluded high-risk vendors is first thanked and asked how its decision
    is going, before anything else is said; a carrier replacing them, how its replacement is."""
    for country in library.countries.values():
        for carrier in [None, *country.carriers]:
            acted = country.stance == "excluded" if carrier is None else carrier.stance == "replacing"
            if not acted:
                continue
            audience = "government" if carrier is None else "carrier"
            points, _ = recommended(library, country, carrier, Meeting(audience=audience))
            assert points[0].topic == "implementation", (country.code, carrier and carrier.id)
