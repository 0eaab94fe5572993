"""The offer of U.S. financing for trusted equipment is recommended where it can still weigh
in a decision: not to hosts that have already excluded high-risk vendors by law or binding
decision (the United Kingdom, Australia, Canada), where it reads as an argument they settled."""

from __future__ import annotations

from briefing_app.core.recommend import recommendations
from tests.recommended_briefs import library


def offered() -> dict[str, set[str | None]]:
    """Per host, the meetings (None for the government) the financing point is recommended for."""
    lib, found = library(), {}
    for country in lib.countries.values():
        for carrier in [None, *country.carriers]:
            verdict = next(r for r in recommendations(lib, country, carrier) if r.point_id == "sub-us-financing")
            if verdict.recommended:
                found.setdefault(country.code, set()).add(carrier and carrier.id)
    return found


def test_financing_is_not_recommended_to_hosts_that_have_excluded_high_risk_vendors():
    lib = library()
    excluded = {c.code for c in lib.countries.values() if c.stance == "excluded"}
    assert {"GB", "AU", "CA"} <= excluded
    hosts = offered()
    assert excluded.isdisjoint(hosts), excluded & set(hosts)
    assert {"HU", "NO", "NZ", "JP", "BE"} <= set(hosts)
    assert hosts["NO"] == {"telenor-no", "telia-no"}
    verdict = next(r for r in recommendations(lib, lib.country("GB"), None) if r.point_id == "sub-us-financing")
    assert "still deciding" in verdict.reason, verdict.reason


def test_a_carrier_still_replacing_under_an_excluding_host_hears_about_diverse_supply_instead():
    """TELUS, Optus, TPG and DIGI still run equipment their host's decision removes: the
    meeting offers diversity and open interfaces, not a financing argument the host settled."""
    lib = library()
    for country in (c for c in lib.countries.values() if c.stance == "excluded"):
        for carrier in (k for k in country.carriers if k.stance == "high-risk"):
            chosen = {r.point_id for r in recommendations(lib, country, carrier) if r.recommended}
            assert "mk-diversity" in chosen and "sub-us-financing" not in chosen, carrier.id
            assert len(chosen) >= 3, carrier.id
