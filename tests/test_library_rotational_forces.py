"""U.S. forces on rotation are worded for what the record says: Norway's agreed facilities
and the Philippines' EDCA sites host forces that rotate through, not 'our personnel at' a
base of ours."""

from __future__ import annotations

import re

from tests.recommended_briefs import library
from tests.test_library_printed_record import officer_texts


def flat(code: str, carrier_id: str | None = None) -> str:
    return next(" ".join(t.split()) for c, k, t in officer_texts() if (c, k) == (code, carrier_id))


def test_an_installation_the_record_calls_rotational_is_marked_so():
    marked = 0
    for country in library().countries.values():
        for installation in country.us_forces:
            said = "rotational" in installation.service.lower()
            assert installation.rotational == said, (country.code, installation.name)
            marked += installation.rotational
    assert marked >= 9


def test_no_brief_places_our_personnel_at_a_site_forces_only_rotate_through():
    checked = 0
    for code, carrier_id, text in officer_texts():
        text = " ".join(text.split())
        for installation in (i for i in library().country(code).us_forces if i.rotational):
            assert not re.search(rf"Our personnel at [^.]*{re.escape(installation.name)}", text), (code, carrier_id)
            checked += 1
        assert "our installations" not in text, (code, carrier_id)
    assert checked > 30
    norway = flat("NO")
    assert "U.S. forces on rotation at Evenes Air Station, Ramsund Naval Station and Rygge Air Station" in norway
    assert "Norway hosts U.S. forces on rotation" in norway
    germany = flat("DE")
    assert "Our personnel at Ramstein Air Base" in germany and "Germany hosts U.S. forces, and" in germany
