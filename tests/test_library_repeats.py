"""A carrier's snapshot line says each 'verify locally' note once: two vendors under one
replacement program (SoftBank's Huawei and ZTE base stations) share the note, not repeat it."""

from __future__ import annotations

from briefing_app.core.library import load_library
from briefing_app.core.paths import builtin_library


def test_no_carrier_repeats_a_verify_note():
    library = load_library([builtin_library()])
    repeated = []
    for country in library.countries.values():
        for carrier in country.carriers:
            notes = [v.verify for v in carrier.vendors if v.verify]
            repeated += [f"{country.code}/{carrier.id}: {n}" for n in set(notes) if notes.count(n) > 1]
    assert repeated == []
