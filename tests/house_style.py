"""What U.S. Government Printing Office style rules out in the app's and the library's own
words: British spellings (proper names such as "National Cyber Security Centre" keep theirs)."""

from __future__ import annotations

import re

_STEMS = (r"authoris|organis|recognis|prioritis|criticis(?:e|ed|es|ing)\b|emphasis(?:e|ed|es|ing)\b|modernis|"
          r"digitalis|utilis|minimis|specialis(?:e|ed|es|ing|ation)\b|privatis|harmonis|finalis|summaris|stabilis|"
          r"mobilis|optimis|analys(?:e|ed|es|ing)\b|programme|defence|licence|centre|favour|"
          r"labour|behaviour|colour|honour|neighbour|rumour|endeavour|catalogue|travelled|"
          r"modelled|labelled|cancelled|cancelling|towards|amongst|whilst|judgement|enquir|"
          r"per cent")
_NAMES = ("Cyber Security Centre", "Cyber Security Evaluation Centre", "Hungarian Defence Forces",
          "Ministry of Defence", "Defence Force")
BRITISH = re.compile(rf"(?i)\b(?:{_STEMS})")


def british(text: str) -> re.Match | None:
    """The first British spelling in `text` outside the proper names that keep theirs."""
    for name in _NAMES:
        text = text.replace(name, "")
    return BRITISH.search(text)
