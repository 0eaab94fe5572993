"""What the officer brief and handout print from one host's or one carrier's record, where a
reader found it wrong: each test names the host and the fact, and reads the rendered pages."""

from __future__ import annotations

from tests.recommended_briefs import printed, recommended


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
