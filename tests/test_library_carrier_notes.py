"""What a carrier's note tells the officer beside its vendor record: the state the host's
decisions put the equipment in, said once and never contradicted by the vendor entries."""

from __future__ import annotations

import re

from tests.recommended_briefs import library
from tests.test_library_printed_record import officer_texts


def officer_text(code: str, carrier_id: str) -> str:
    return next(" ".join(text.split()) for c, k, text in officer_texts() if (c, k) == (code, carrier_id))


def test_telekom_deutschland_brief_says_what_the_2024_agreement_requires_of_its_huawei_radios():
    """Germany's July 2024 agreements leave the Huawei radios in place but set 2026 for the core
    and 2029 for the management systems: not 'no removal planned', nor a deadline for replacing
    the radios themselves."""
    text = officer_text("DE", "deutsche-telekom")
    assert "sets no date for removing its Huawei radios" in text
    assert "5G core by the end of 2026" in text
    assert "management functions in its access and transport networks replaced by the end of 2029" in text
    assert "no removal planned" not in text
    for carrier_id in ("deutsche-telekom", "vodafone-de", "telefonica-de"):
        assert "deadlines it is under for replacing it" not in officer_text("DE", carrier_id), carrier_id


def content_words(text: str) -> set[str]:
    small = {"a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "and", "or", "its", "it",
             "is", "was", "were", "be", "from", "with", "as", "that", "this", "which", "under"}
    return {w.strip(".,;:()") for w in text.lower().replace(",000", "000").split()} - small - {""}


def test_no_carrier_note_says_a_vendor_entrys_detail_again():
    """The snapshot prints each vendor's detail and then the carrier's note: 'ZTE, ... 2010
    contract for 6,000 base stations' followed by 'In 2010 ZTE won a contract ... to build 6,000
    base stations' says one fact twice. A note sentence holding three quarters of a detail's
    words repeats it."""
    checked, repeated = 0, []
    for country in library().countries.values():
        for carrier in country.carriers:
            sentences = re.split(r"(?<=\.)\s+", carrier.notes) if carrier.notes else []
            for vendor in (v for v in carrier.vendors if v.detail):
                detail = content_words(vendor.detail)
                for sentence in sentences:
                    checked += 1
                    if len(detail & content_words(sentence)) >= 0.75 * len(detail):
                        repeated.append(f"{carrier.id}: {vendor.detail!r} / {sentence!r}")
    assert repeated == []
    assert checked > 100
