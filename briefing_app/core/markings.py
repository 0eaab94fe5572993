"""Marking schemes: portion marks per paragraph and the overall banner that rolls them up.

The banner is the highest portion marking in the document unless the officer sets one.
The US scheme portion-marks paragraphs; the UK scheme marks the document only.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import MARKING_RANK


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    banners: dict[str, str]
    portion_marks: bool

    def banner(self, portions: list[str], override: str | None = None) -> str:
        if override:
            return override
        top = max(portions, key=MARKING_RANK.__getitem__, default="U")
        return self.banners[top]

    def portion(self, marking: str) -> str:
        return f"({marking})" if self.portion_marks else ""


SCHEMES = {
    "us": Scheme("us", "United States", {"U": "UNCLASSIFIED", "SBU": "SENSITIVE BUT UNCLASSIFIED",
                                         "CUI": "CUI"}, True),
    "uk": Scheme("uk", "United Kingdom", {"U": "OFFICIAL", "SBU": "OFFICIAL-SENSITIVE",
                                          "CUI": "OFFICIAL-SENSITIVE"}, False),
}
