"""Finding officer-only content in a handout's text: in its `Document` before anything is
written, and in the written file as the counterpart would receive it.

The handout is composed from releasable content only; this check is the second line of
defence (NSA, "Redacting with Confidence": verify the exported file by extracting its text).
It reports, by where it came from and never by quoting it, any background, if-raised text,
internal meeting notes, names, marking or portion mark it finds. What the handout `Document`
itself says is allowed (a BLUF may well say what a releasable point says); our own people's
names, the CUI block and markings never are, not even inside a releasable point's wording.

`find_leaks(material, text)` is the one matching function: it takes the officer-only
material and a text and returns the leaks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from .assemble import AssembledBrief
from .markings import marking_words

_SHORT = 16        # below this many letters a piece is matched as whole words only
_SENTENCE = 40     # sentences at least this long are also matched on their own

Pieces = tuple[tuple[str, str], ...]  # (where it comes from, text)


@dataclass(frozen=True)
class OfficerOnly:
    """What must not reach a handout, and what the handout may say."""

    people: Pieces      # our officers' names and the CUI block: never, anywhere
    text: Pieces        # officer-only text: not unless the handout's own words hold it
    markings: tuple[str, ...]
    wordings: Pieces    # the releasable points' wording, to name the point in a message
    allowed: str        # everything the handout document says


def officer_only(brief: AssembledBrief, allowed: str) -> OfficerOnly:
    """The officer-only material of `brief`; `allowed` is the handout document's text."""
    meeting, cui = brief.meeting, brief.cui
    people = [("the drafter's name", brief.drafted_by),
              *(("a clearer's name", c.name) for c in brief.clearances),
              *(("a participant's name", p) for p in meeting.participants),
              *(("the CUI designation block", v) for v in (cui.controlled_by.office, cui.poc))]
    text = [("the BLUF", meeting.bluf), ("the meeting purpose", meeting.purpose),
            ("the post", brief.post),
            *(("an objective", o.text) for o in meeting.objectives),
            *(("a counterpart's details", v) for c in meeting.counterparts
              for v in (c.name, c.pronunciation))]
    for point in brief.points:
        where = f"point {point.number} ({point.id})"
        text += [(f"the background of {where}", point.background),
                 (f"the private note on {where}", point.note)]
        for qa in point.if_raised:
            text += [(f"an if-raised question of {where}", qa.question),
                     (f"an if-raised answer of {where}", qa.answer)]
        if not point.releasable:
            text.append((f"the text of non-releasable {where}", point.text))
        elif brief.held_back(point):
            text += [(f"the wording of {where}, held back from the handout", point.text),
                     (f"the wording of {where}, held back from the handout", point.handout_text)]
        elif point.text != point.handout_text:
            text.append((f"the spoken text of {where}", point.text))
    markings = {brief.banner, *marking_words()} if brief.banner else set(marking_words())
    wordings = tuple((f"point {p.number} ({p.id})", f"{p.title}\n{p.handout_text}")
                     for p in brief.handout_points)
    return OfficerOnly(_filled(people), _filled(text), tuple(sorted(markings)), wordings, allowed)


def _filled(pieces: list[tuple[str, str]]) -> Pieces:
    return tuple((where, text) for where, text in pieces if text.strip())


def _spaced(text: str) -> str:
    return " ".join(text.split()).casefold()


def _packed(text: str) -> str:
    """Text without any white space, so a line break inside a wrapped word still matches."""
    return "".join(text.split()).casefold()


def _holds(text: str, piece: str) -> bool:
    return _contains(_spaced(text), _packed(text), piece)


def _in_wording(material: OfficerOnly, found: Callable[[str], object]) -> str:
    """Which releasable point's wording holds what `found(text)` finds, for the message."""
    for where, wording in material.wordings:
        if found(wording):
            return f", in the wording of {where}"
    return ""


def _pieces(text: str) -> list[str]:
    """The whole text and each of its longer sentences, so a partial copy is caught too."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) >= _SENTENCE]
    return [text, *sentences]


def _contains(document: str, packed_document: str, piece: str) -> bool:
    if len(_packed(piece)) < _SHORT:
        return re.search(rf"(?<!\w){re.escape(_spaced(piece))}(?!\w)", document) is not None
    return _packed(piece) in packed_document


def find_leaks(material: OfficerOnly, text: str) -> list[str]:
    """What in `text` (a handout's) should not be there, by where it came from; empty when
    it is clean."""
    document, packed = _spaced(text), _packed(text)
    allowed_spaced, allowed_packed = _spaced(material.allowed), _packed(material.allowed)
    leaks = []
    for where, name in material.people:
        if _contains(document, packed, name):
            leaks.append(f"{where}{_in_wording(material, partial(_holds, piece=name))}")
    for where, officer_text in material.text:
        for piece in _pieces(officer_text):
            if _contains(document, packed, piece) and \
                    not _contains(allowed_spaced, allowed_packed, piece):
                leaks.append(f"text from {where}")
                break
    for word in material.markings:
        pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
        if re.search(pattern, " ".join(text.split())):
            leaks.append(f"the marking '{word}'{_in_wording(material, partial(re.search, pattern))}")
    return leaks
