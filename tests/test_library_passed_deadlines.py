"""Deadlines that have passed, as the officer brief prints them: a date that is behind us is
not spoken of as still to come, and a carrier's replacement planned to end in a past year
says what the officer must confirm about whether it did."""

from __future__ import annotations

import datetime as dt
import re

from briefing_app.core.house_style import after_colon
from tests.recommended_briefs import library
from tests.test_library_documents import proper_nouns
from tests.test_library_printed_record import officer_texts

TODAY = dt.date(2026, 11, 29)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def passed_years_in_present_tense(text: str) -> list[str]:
    """"directions ... require Huawei to leave network cores by December 31, 2023", "to be
    phased out by January 1, 2025": a requirement still to come whose date is behind us."""
    flat = " ".join(text.split())
    found = re.finditer(rf"\b(?:requires?|must|to be) [^.;]*? by "
                        rf"(?:the end of |(?:{MONTHS})(?: \d+,)? )?(\d{{4}})\b", flat)
    past = r"\b(?:required|was|were)\b[^.;]*$"  # "required ... to be removed by": said of the past
    return [m.group(1) for m in found
            if int(m.group(1)) < TODAY.year and not re.search(past, flat[max(0, m.start() - 80):m.start()])]


def test_no_brief_speaks_of_a_passed_deadline_as_still_to_come():
    assert passed_years_in_present_tense("directions require Huawei to leave cores by December 31, 2023") == ["2023"]
    assert passed_years_in_present_tense("directions required it by December 31, 2023, and require it by 2027") == []
    assert passed_years_in_present_tense("products to be phased out by January 1, 2025") == ["2025"]
    assert passed_years_in_present_tense("products were to be phased out by January 1, 2025") == []
    for code, carrier_id, text in officer_texts():
        assert passed_years_in_present_tense(text) == [], (code, carrier_id)


def test_a_replacement_reported_years_ago_says_what_to_confirm():
    """A replacement whose deadline has passed, or that was reported more than two years ago
    with none (Proximus and Orange Belgium, planned for 2023; Telenor Norway, about 2024; One
    Hungary, 2025), tells the officer what to confirm about whether it is done."""
    checked = 0
    for country in library().countries.values():
        for carrier in country.carriers:
            for vendor in (v for v in carrier.vendors if v.status == "replacing"):
                old = (TODAY - vendor.source.date).days > 2 * 365
                if vendor.deadline and vendor.deadline < TODAY or old and not vendor.deadline:
                    assert "confirm" in vendor.verify.lower(), (carrier.id, vendor.vendor, vendor.verify)
                    checked += 1
    assert checked >= 4


def test_a_passed_deadline_on_a_policy_note_says_what_to_confirm():
    for country in library().countries.values():
        for note in country.policy:
            if note.deadline and note.deadline < TODAY:
                assert note.verify, (country.code, note.date)


def verify_notes() -> list[str]:
    """Every "verify locally" note the library holds: points, forces, policy, vendors."""
    lib = library()
    notes = [p.verify for p in lib.points.values()]
    for country in lib.countries.values():
        notes += [f.verify for f in country.us_forces] + [n.verify for n in country.policy]
        notes += [v.verify for c in country.carriers for v in c.vendors]
    notes = [n for n in notes if n]
    assert len(notes) > 40
    return notes


def test_verify_notes_read_inside_the_brackets_the_brief_puts_them_in():
    """The brief prints "(verify locally: ...)": a note with brackets of its own closes with
    "))", and one that ends "confirm locally" says it twice."""
    for note in verify_notes():
        assert "(" not in note and ")" not in note, note
        assert "locally" not in note, note


def test_every_verify_note_opens_small_after_its_colon_unless_with_a_name():
    """Every note, not only those the recommended briefs print, reads on after "verify
    locally:" ("whether the law has passed", never "Whether ..."); one that opens with a name
    (a word the library capitalizes mid-sentence) keeps its capital."""
    names = proper_nouns()
    for note in verify_notes():
        first = after_colon(note).split(" ", 1)[0]
        assert first.islower() or first.removesuffix("'s") in names, note
