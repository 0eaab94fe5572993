"""What the officer brief and handout print from one host's or one carrier's record, where a
reader found it wrong: each test names the host and the fact, and reads the rendered pages."""

from __future__ import annotations

import re

from tests.recommended_briefs import library, printed, recommended
from tests.test_library_printed_record import officer_texts


def pages(code: str, carrier_id: str | None, variant: str) -> str:
    return printed(recommended(code, carrier_id), "a4", variant).text


def test_spain_brief_tells_the_officer_congress_asked_for_a_review_of_intelligence_sharing():
    """The answer 'No' to 'Is the United States threatening ... to stop sharing intelligence?'
    needs beside it that the intelligence committees' chairs asked the DNI for such a review in
    July 2025, as oversight, with the administration's position to be checked."""
    officer = pages("ES", "movistar", "officer")
    assert "stop sharing intelligence?" in officer
    assert "Senator Tom Cotton and Representative Rick Crawford" in officer
    assert "review intelligence sharing with Spain" in officer
    assert "not an administration decision" in officer
    assert "Verify locally: the administration's current position" in officer
    assert "Cotton" not in pages("ES", "movistar", "handout")


def test_no_carrier_note_prints_twice_in_an_officer_brief():
    """The snapshot prints each carrier's note; the background of the point on the carrier's
    Huawei equipment printed it again ('Its parent said in July 2025 ...', KPN's April 2019
    plan, TIM's 2020 core tender)."""
    checked, repeated = 0, []
    for code, carrier_id, text in officer_texts():
        flat = " ".join(text.split())
        for carrier in library().country(code).carriers:
            for sentence in filter(None, re.split(r"(?<=\.)\s+", (carrier.notes or "").strip())):
                checked += 1
                if flat.count(sentence) > 1:
                    repeated.append(f"{code}/{carrier_id}: {sentence}")
    assert repeated == []
    assert checked > 400


def test_movistar_contract_renewed_in_late_2024_and_reported_in_august_2025():
    officer = pages("ES", "movistar", "officer")
    assert "renewed its consumer 5G core contract with Huawei in late 2024, to run until 2030" in officer
    assert "reported renewed" not in officer
