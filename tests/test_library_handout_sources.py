"""A handout's public sources are the texts its printed words rest on. A source behind an
example only the officer's background gives (Germany's 2024 agreements, Canada's 2022
deadlines, Sweden's 2020 decision) stays in the officer brief: a counterpart reading the
handout would look in vain for those countries in its words."""

from __future__ import annotations

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.compose import compose
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
