"""Checking a written handout, as the counterpart would receive it, for officer-only content.

The handout is built from releasable content only; this check is the second line of defence
(NSA, "Redacting with Confidence": verify the exported file by extracting its text). It reads
the file back with pypdf and reports, by where it came from and never by quoting it, any
background, if-raised text, internal meeting notes, names, marking or portion mark it finds,
any metadata beyond the title and neutral producer, and any annotation, outline, attachment
or script.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from functools import partial

from pypdf import PdfReader

from ..core.assemble import AssembledBrief
from ..core.markings import marking_words
from .handout import handout_text, handout_title
from .pages import NEUTRAL_PRODUCER

_SHORT = 16        # below this many letters a piece is matched as whole words only
_SENTENCE = 40     # sentences at least this long are also matched on their own
_ALLOWED_INFO = {"/Title", "/Producer", "/Trapped"}
_FORBIDDEN_ROOT = {"/Outlines": "outlines", "/Names": "attachments or scripts",
                   "/OpenAction": "an open action", "/AA": "automatic actions",
                   "/AcroForm": "form fields", "/Metadata": "XMP metadata"}


def _spaced(text: str) -> str:
    return " ".join(text.split()).casefold()


def _packed(text: str) -> str:
    """Text without any white space, so a line break inside a wrapped word still matches."""
    return "".join(text.split()).casefold()


def _our_people(brief: AssembledBrief) -> list[tuple[str, str]]:
    """(where it comes from, text) for our own officers' names and the CUI block: never on a
    handout, not even typed into the wording of a releasable point."""
    cui = brief.cui
    found = [("the drafter's name", brief.drafted_by), ("the clearer's name", brief.cleared_by),
             *(("a participant's name", p) for p in brief.meeting.participants),
             *(("the CUI designation block", v) for v in (cui.controlled_by, cui.poc))]
    return [(where, text) for where, text in found if text.strip()]


def _officer_only(brief: AssembledBrief) -> list[tuple[str, str]]:
    """(where it comes from, text) for the rest the handout must not carry, unless the officer
    put the same words in a releasable point (a BLUF may well say what a point says)."""
    meeting = brief.meeting
    found = [("the BLUF", meeting.bluf), ("the meeting purpose", meeting.purpose),
             *(("an objective", o) for o in meeting.objectives),
             *(("a counterpart's details", v) for c in meeting.counterparts
               for v in (c.name, c.pronunciation))]
    for point in brief.points:
        where = f"point {point.number} ({point.id})"
        found.append((f"the background of {where}", point.background))
        for qa in point.if_raised:
            found += [(f"an if-raised question of {where}", qa.question),
                      (f"an if-raised answer of {where}", qa.answer)]
        if not point.releasable:
            found += [(f"the text of non-releasable {where}", point.text)]
    return [(where, text) for where, text in found if text.strip()]


def _holds(text: str, piece: str) -> bool:
    return _contains(_spaced(text), _packed(text), piece)


def _in_wording(brief: AssembledBrief, found: Callable[[str], object]) -> str:
    """Which releasable point's wording holds what `found(text)` finds, for the message."""
    for point in brief.handout_points:
        if found(f"{point.title}\n{point.text}"):
            return f", in the wording of point {point.number} ({point.id})"
    return ""


def _pieces(text: str) -> list[str]:
    """The whole text and each of its longer sentences, so a partial copy is caught too."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) >= _SENTENCE]
    return [text, *sentences]


def _contains(document: str, packed_document: str, piece: str) -> bool:
    if len(_packed(piece)) < _SHORT:
        return re.search(rf"(?<!\w){re.escape(_spaced(piece))}(?!\w)", document) is not None
    return _packed(piece) in packed_document


def _text_leaks(text: str, brief: AssembledBrief) -> list[str]:
    allowed = "\n".join(handout_text(brief))
    document, packed = _spaced(text), _packed(text)
    allowed_spaced, allowed_packed = _spaced(allowed), _packed(allowed)
    leaks = []
    for where, name in _our_people(brief):
        if _contains(document, packed, name):
            leaks.append(f"{where}{_in_wording(brief, partial(_holds, piece=name))}")
    for where, officer_text in _officer_only(brief):
        for piece in _pieces(officer_text):
            if _contains(document, packed, piece) and \
                    not _contains(allowed_spaced, allowed_packed, piece):
                leaks.append(f"text from {where}")
                break
    words = {brief.banner, *marking_words()} if brief.banner else set(marking_words())
    for word in sorted(words):
        pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
        if re.search(pattern, " ".join(text.split())):
            leaks.append(f"the marking '{word}'{_in_wording(brief, partial(re.search, pattern))}")
    return leaks


def _structure_leaks(reader: PdfReader, brief: AssembledBrief) -> list[str]:
    leaks = []
    info = reader.metadata or {}
    for key in sorted(set(info) - _ALLOWED_INFO):
        leaks.append(f"metadata field {key}")
    if info.get("/Title") != handout_title(brief):
        leaks.append("a document title other than the handout's own")
    if info.get("/Producer", NEUTRAL_PRODUCER) != NEUTRAL_PRODUCER:
        leaks.append("a producer other than the neutral one")
    root = reader.trailer["/Root"]
    leaks += [what for key, what in _FORBIDDEN_ROOT.items() if key in root]
    for number, page in enumerate(reader.pages, start=1):
        leaks += [f"{what} on page {number}" for key, what in
                  (("/Annots", "annotations"), ("/AA", "page actions")) if key in page]
    return leaks


def handout_leaks(pdf: bytes, brief: AssembledBrief) -> list[str]:
    """What in this handout file should not be there; empty when it is clean."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    info_text = "\n".join(str(v) for v in (reader.metadata or {}).values())
    return _structure_leaks(reader, brief) + _text_leaks(text + "\n" + info_text, brief)
