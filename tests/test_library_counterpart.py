"""Briefs and handouts read as the foreign counterpart would read them: no source whose
headline undercuts the point it backs, no wording that places the host outside a circle it
belongs to or promises what is unsettled, and no argument for a step the carrier has taken."""

from tests.recommended_briefs import printed, recommended


def test_the_five_eyes_point_hands_over_no_headline_that_undercuts_it():
    for code in ("AE", "TR"):
        choice = recommended(code, None, "government")
        assert "aa-five-eyes" in choice.ids, (code, choice.ids)
        for variant in ("handout", "officer"):
            text = printed(choice, "a4", variant).text
            assert "Close partners" in text, (code, variant)
            assert "iStart" not in text and "pressure," not in text, (code, variant)
            assert "RNZ" in text, (code, variant)
