"""What the library cites for a host, as the printed briefs show it: an EU text only to EU
members, NATO's only to NATO members, and on a handout handed to a government the primary
public texts, not a commercial news service."""

from __future__ import annotations

from functools import cache

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.compose import compose
from briefing_app.core.recommend import unmet_condition
from briefing_app.core.rendered import Rendered
from briefing_app.core.stance import stance_misfit
from tests.recommended_briefs import library

EU_MEMBERS = {"BE", "DE", "ES", "GR", "HU", "IT", "NL", "PL", "RO"}
EU_TEXTS = ("EU Toolbox", "EU 5G Toolbox", "EU to restrict 'high risk' providers",
            "The European Union warns")
NATO_TEXTS = ("NATO set to update security requirements", "NATO Calls For Secure 5G")
COMMERCIAL = ("Seeking Alpha", "Law360", "Communications Daily", "Broadband Breakfast")


@cache
def printed(code: str, variant: str, carrier_id: str | None = None) -> str:
    """The brief for `code` (and a carrier) with every library point that fits there chosen."""
    lib = library()
    country = lib.country(code)
    carrier = country.carrier(carrier_id) if carrier_id else None
    here = Rendered(lib, country, carrier)
    fitting = [p.id for p in lib.points.values()
               if not stance_misfit(p, country, carrier) and not unmet_condition(p, here)]
    brief = Brief(country=code, carrier=carrier_id, points=[PointChoice(id=i) for i in fitting])
    return compose(assemble(lib, brief), variant).text()


def codes() -> list[str]:
    return sorted(library().countries)


def test_the_eu_flag_marks_the_member_states():
    assert {c.code for c in library().countries.values() if c.eu} == EU_MEMBERS


def meetings() -> list[tuple[str, str | None]]:
    """Every host's government meeting and a meeting with each of its carriers."""
    return [(c.code, k) for c in library().countries.values() for k in [None, *(k.id for k in c.carriers)]]


@pytest.mark.parametrize(("code", "carrier_id"), meetings())
def test_eu_and_nato_texts_are_cited_only_to_their_members(code, carrier_id):
    country = library().country(code)
    for variant in ("officer", "handout"):
        text = printed(code, variant, carrier_id)
        if not country.eu and code != "NO":  # Norway hears of Europe's framework as a European partner
            assert not [t for t in EU_TEXTS if t in text], (code, carrier_id, variant)
        if not country.nato:
            assert not [t for t in NATO_TEXTS if t in text], (code, carrier_id, variant)


@pytest.mark.parametrize("code", ["JP", "DE", "GB", "AU", "PH"])
def test_a_handout_cites_primary_us_texts_not_commercial_reports(code):
    handout = printed(code, "handout")
    assert not [t for t in COMMERCIAL if t in handout], code
    if "Federal telecom subsidies may no longer pay" in handout:
        assert "Federal Register" in handout and "DA 20-690" in handout, code
