"""A handout's public sources are the texts its printed words rest on. A source behind an
example only the officer's background gives (Germany's 2024 agreements, Canada's 2022
deadlines, Sweden's 2020 decision) stays in the officer brief: a counterpart reading the
handout would look in vain for those countries in its words."""

from __future__ import annotations

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.compose import compose
from briefing_app.core.recommend import recommendations
from tests.recommended_briefs import library

GERMANY = "Federal Ministry of the Interior and Community (BMI), Germany"
CANADA = "Devdiscourse"
SWEDEN = "Telecompaper"


def printed(code: str, point_id: str) -> tuple[str, str]:
    """The handout's and the officer brief's text with one point chosen."""
    brief = assemble(library(), Brief(country=code, points=(PointChoice(id=point_id),)))
    return compose(brief, "handout").text(), compose(brief, "officer").text()


@pytest.mark.parametrize(("code", "point_id", "background_only"), [
    ("GB", "im-remote-access", (GERMANY, CANADA)),
    ("HU", "aa-europe", (GERMANY, SWEDEN)),
    ("HU", "ec-management-systems", ("SZA Schilling, Zutt & Anschütz",)),
    ("HU", "sub-total-cost", (CANADA,)),
    ("KR", "mk-stay-trusted", (CANADA,)),
])
def test_a_handout_leaves_the_backgrounds_examples_to_the_officer_brief(code, point_id, background_only):
    handout, officer = printed(code, point_id)
    for publisher in background_only:
        assert publisher in officer, (point_id, publisher)
        assert publisher not in handout, (point_id, publisher)


def test_a_handout_still_cites_the_texts_its_words_rest_on():
    """The common European framework the handout names: the Toolbox and the Commission's texts."""
    handout, _ = printed("HU", "aa-europe")
    assert "EFE" in handout and "Cullen International" in handout
    handout, _ = printed("HU", "ec-management-systems")
    assert GERMANY in handout


def test_no_recommended_handout_cites_a_trade_report_where_a_primary_text_is_on_record():
    """The UK's July 2020 decision is on the handouts through the UK government's own text and
    the BBC, not Mobile World Live's trade report of it."""
    lib, checked = library(), 0
    for country in lib.countries.values():
        for carrier in [None, *country.carriers]:
            chosen = tuple(PointChoice(id=r.point_id) for r in recommendations(lib, country, carrier)
                           if r.recommended)
            brief = assemble(lib, Brief(country=country.code, carrier=carrier and carrier.id, points=chosen))
            assert "Mobile World Live" not in compose(brief, "handout").text(), (country.code, carrier)
            checked += 1
    assert checked > 80
    handout, officer = printed("TR", "aa-five-eyes")
    assert "UK Government (DCMS)" in handout and "Mobile World Live" in officer
