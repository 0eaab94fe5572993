"""A sentence that names the counterpart beside others of its kind holds the counterpart up as
its own example: "Bell and TELUS chose other vendors … TELUS would be in good company", or
"Australia in 2018, the United Kingdom in 2020 …" said to the United Kingdom.

The counterpart is the host country, and the carrier when one is chosen. Its peers are the
library's other countries (for the country) and other carriers (for the carrier); a sentence
naming the counterpart and one of its peers is the fault. Names are matched case-sensitively,
as whole words, by every name the library knows them by.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .library import Library
from .models import Carrier, Country

_BREAK = re.compile(r"[.!?][)\u201d'\"]?\s+")
# A full stop that ends a word, not a sentence: "U.S. forces", "Art. 7", "e.g. Nokia".
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Za-z]\.)+|\b(?:Art|Arts|No|Nos|Mr|Ms|Dr|St|vs|etc))\.?$")


def sentences(text: str) -> list[str]:
    """`text` cut into sentences, keeping abbreviations inside theirs."""
    found, start = [], 0
    for end in _BREAK.finditer(text):
        if not _ABBREVIATION.search(text[start:end.start() + 1]):
            found.append(text[start:end.end()].strip())
            start = end.end()
    return [*found, text[start:].strip()] if text[start:].strip() else found


def _names(record: Country | Carrier) -> set[str]:
    names = {record.name, record.in_text, *record.aliases}
    return {n.removeprefix("the ").removeprefix("The ") for n in names if n}


def _pattern(names: Iterable[str]) -> re.Pattern | None:
    names = sorted(set(names), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


class CounterpartCheck:
    """Built once per meeting (country and carrier) and run on every text of the brief."""

    def __init__(self, library: Library, country: Country, carrier: Carrier | None):
        self.pairs: list[tuple[str, re.Pattern, re.Pattern, re.Pattern | None]] = []
        carriers = [c for k in library.countries.values() for c in k.carriers]
        # A country's name inside a carrier's ("Vodafone Germany") does not name the country.
        kinds = [(country, [c for c in library.countries.values() if c.code != country.code],
                  carriers)]
        if carrier is not None:
            kinds.append((carrier, [c for c in carriers if c.id != carrier.id], []))
        for own, peers, masked in kinds:
            mine = _names(own)
            theirs = {n for p in peers for n in _names(p)} - mine
            own_pattern, peer_pattern = _pattern(mine), _pattern(theirs)
            if own_pattern and peer_pattern:
                mask = _pattern({n for m in masked for n in _names(m)} | theirs)
                self.pairs.append((own.in_text, own_pattern, peer_pattern, mask))

    def __call__(self, text: str) -> str:
        """Why `text` names the counterpart among its own examples, in words; "" when it does
        not."""
        for sentence in sentences(text):
            for name, own, peers, mask in self.pairs:
                peer = peers.search(sentence)
                if peer and own.search(mask.sub(" ", sentence) if mask else sentence):
                    return f"it names {name} among its own examples, beside {peer.group(0)}"
        return ""
