"""Marking schemes: the banner rolls up from portion marks, an understated banner is noticed, and
the list of marking words the handout check looks for covers both schemes."""

from briefing_app.core.markings import SCHEMES, marking_words


def test_banner_rolls_up_to_the_highest_portion():
    us, uk = SCHEMES["us"], SCHEMES["uk"]
    assert us.banner([]) == "UNCLASSIFIED"
    assert us.banner(["U", "SBU", "U"]) == "SENSITIVE BUT UNCLASSIFIED"
    assert us.banner(["CUI", "SBU"]) == "CUI"
    assert uk.banner(["U"]) == "OFFICIAL"
    assert uk.banner(["SBU"]) == "OFFICIAL-SENSITIVE"
    assert us.banner(["U"], override="CUI//SP-PRVCY") == "CUI//SP-PRVCY"


def test_portion_marks_only_in_the_us_scheme():
    assert SCHEMES["us"].portion("SBU") == "(SBU)"
    assert SCHEMES["uk"].portion("SBU") == ""


def test_a_banner_set_below_the_highest_portion_is_understated():
    us = SCHEMES["us"]
    assert us.understates("UNCLASSIFIED", ["U", "SBU"])
    assert not us.understates("CUI//SP-PRVCY", ["SBU"])
    assert not us.understates("SOMETHING LOCAL", ["CUI"])  # unknown banners are the officer's call
    assert SCHEMES["uk"].understates("OFFICIAL", ["SBU"])


def test_marking_words_cover_both_schemes_and_portion_marks():
    words = set(marking_words())
    assert {"UNCLASSIFIED", "SENSITIVE BUT UNCLASSIFIED", "CUI", "OFFICIAL", "OFFICIAL-SENSITIVE",
            "(U)", "(SBU)", "(CUI)"} <= words
