"""Marking schemes: portion marks per paragraph and the overall banner that rolls them up.

The banner is the highest portion marking in the document unless the officer sets one.
The US scheme portion-marks paragraphs; the UK scheme marks the document only.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import MARKING_RANK
from .outputs import SCHEME_IDS


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    banners: dict[str, str]
    portion_marks: bool

    def banner(self, portions: list[str], override: str | None = None) -> str:
        if override:
            return override
        return self.banners[highest(portions)]

    def portion(self, marking: str) -> str:
        return f"({marking})" if self.portion_marks else ""

    def rank_of_banner(self, banner: str) -> int | None:
        """The rank of a banner such as `CUI//SP-PRVCY`, or None if this scheme lacks it."""
        head = banner.split("//")[0].strip().upper()
        ranks = [MARKING_RANK[k] for k, v in self.banners.items() if v == head]
        return max(ranks) if ranks else None

    def understates(self, banner: str, portions: list[str]) -> bool:
        """True when a banner the officer set is lower than a portion inside the document,
        which would mislabel the paper."""
        rank = self.rank_of_banner(banner)
        return rank is not None and rank < MARKING_RANK[highest(portions)]


def highest(portions: list[str]) -> str:
    return max(portions, key=MARKING_RANK.__getitem__, default="U")


SCHEMES = {
    "us": Scheme("us", "United States", {"U": "UNCLASSIFIED", "SBU": "SENSITIVE BUT UNCLASSIFIED",
                                         "CUI": "CUI"}, True),
    "uk": Scheme("uk", "United Kingdom", {"U": "OFFICIAL", "SBU": "OFFICIAL-SENSITIVE",
                                          "CUI": "OFFICIAL-SENSITIVE"}, False),
}
assert tuple(SCHEMES) == SCHEME_IDS


def marking_words() -> tuple[str, ...]:
    """Every banner word and portion mark of every scheme: none may appear on a handout."""
    words = {banner for scheme in SCHEMES.values() for banner in scheme.banners.values()}
    words |= {f"({marking})" for marking in MARKING_RANK}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))
