"""What a carrier's note tells the officer beside its vendor record: the state the host's
decisions put the equipment in, said once and never contradicted by the vendor entries."""

from __future__ import annotations

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
