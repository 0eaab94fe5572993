"""Each fact prints once in a brief: a carrier's note is the snapshot's, not also a point's
background; the host's policy notes are the snapshot's, which the host-record point names
by date; a carrier's note adds to its vendor entries instead of saying them again; and a
carrier with no vendor on record ends its reason with a full stop and cites it."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief
from briefing_app.core.compose import compose
from tests.recommended_briefs import choices, library, printed
from tests.test_library_printed_record import officer_texts

REFS = re.compile(r"\s*\[\d+(?:\s*[,\u2013-]\s*\d+)*\]")
MARKS = re.compile(r"\((?:U|CUI|SBU)\)\s*|\u2022\s*")


def long_sentences(text: str) -> list[str]:
    """The sentences of twelve words or more, without source numbers, portion marks and
    bullets, so that a note in the snapshot and the same note in a background compare equal
    (a point's title, echoed in the sources, is shorter)."""
    text = MARKS.sub("", REFS.sub("", " ".join(text.split())))
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 12]


def printed_twice(text: str) -> list[str]:
    return [s for s, n in Counter(long_sentences(text)).items() if n > 1]


def test_no_officer_brief_with_every_point_prints_a_sentence_twice():
    """Every country, with no carrier and with each carrier, every point chosen."""
    found = {(code, carrier_id): printed_twice(text) for code, carrier_id, text in officer_texts()}
    assert len(found) > 80
    assert {where: s for where, s in found.items() if s} == {}


def test_no_recommended_officer_pdf_prints_a_sentence_twice():
    """The same over the text extracted from every recommended officer brief's PDF."""
    found = {(c.code, c.carrier_id): printed_twice(printed(c, "a4", "officer").text) for c in choices()}
    assert len(found) > 80
    assert {where: s for where, s in found.items() if s} == {}


def test_the_check_catches_a_note_printed_in_snapshot_and_background():
    text = ("(U) Globe: Huawei, radio access network [3]. Globe is controlled by the Ayala group. "
            "It launched Southeast Asia's first 5G broadband service with Huawei equipment in 2019; "
            "in July 2020 its parent's chairman told lawmakers it would keep using Huawei. "
            "2. Background (U) On the public record, Globe uses Huawei. It launched Southeast "
            "Asia's first 5G broadband service with Huawei equipment in 2019; in July 2020 its "
            "parent's chairman told lawmakers it would keep using Huawei. [4]")
    assert len(printed_twice(text)) == 1


def carriers_without_vendors():
    return [(country.code, carrier) for country in library().countries.values()
            for carrier in country.carriers if carrier.vendors_unknown]


@pytest.mark.parametrize(("code", "carrier"), carriers_without_vendors(), ids=lambda x: getattr(x, "id", x))
def test_a_carrier_without_vendors_ends_its_reason_with_a_full_stop_and_its_source(code, carrier):
    """Türk Telekom's line lost its full stop and printed no source number."""
    assembled = assemble(library(), Brief(country=code, carrier=carrier.id))
    text = " ".join(compose(assembled, "officer").text().split())
    reason = " ".join(carrier.vendors_unknown.split())
    assert reason.endswith(".") and carrier.sources
    numbers = ", ".join(str(assembled.source_number(s)) for s in carrier.sources)
    assert f"{carrier.name}: no vendor on public record: {reason} [{numbers}]" in text


# What the reviewer found a carrier's note saying again after its vendor entries.
REPEATS = [
    ("CA", "rogers", "long-time Ericsson customer"),
    ("JP", "kddi", "Nokia also supplies its mobile core"),
    ("JP", "kddi", "Samsung was also reported as a 5G supplier"),
    ("JP", "rakuten-mobile", "NEC also won its 5G core contract"),
    ("JP", "ntt-docomo", "shifted purchases toward Ericsson and Nokia"),
    ("DE", "vodafone-de", "about half of its roughly 26,000 radio sites"),
    ("DE", "telefonica-de", "replacing its Huawei 5G equipment"),
    ("DE", "1und1", "built with Rakuten Symphony"),
    ("IT", "windtre", "Ericsson has supplied its core since 2018"),
    ("AU", "tpg-telecom", "replaces Huawei where 5G is installed"),
    ("AE", "du", "used Huawei and Nokia equipment in its 5G network"),
]


@pytest.mark.parametrize(("code", "carrier_id", "phrase"), REPEATS)
def test_a_carriers_note_does_not_say_its_vendor_entries_again(code, carrier_id, phrase):
    carrier = library().country(code).carrier(carrier_id)
    assert carrier.vendors and phrase not in carrier.notes


def test_corrected_facts_print_in_their_briefs():
    texts = {(code, carrier_id): " ".join(text.split()) for code, carrier_id, text in officer_texts()}
    tpg = texts[("AU", "tpg-telecom")]
    assert "awaited court approval" not in tpg
    assert "Vodafone Hutchison Australia, which merged with TPG in July 2020" in tpg
    assert "VHA, TPG conclude merger" in tpg
    germany = texts[("DE", None)]
    assert "December 5, 2025 The NIS2 implementing law took effect" not in germany
    assert "The NIS2 implementing law was published, taking effect the next day, December 6" in germany
    globe = texts[("PH", "globe")]
    assert "was weighing Huawei" not in globe
    assert "put Huawei base stations into its 5G network around Seoul at the 2019 launch" in globe
