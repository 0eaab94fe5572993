"""Finding officer-only content in a handout's text: in its `Document` before anything is
written, in the written file as the counterpart would receive it, and live in the window
while the officer writes a releasable point.

The handout is composed from releasable content only; this check is the second line of
defence (NSA, "Redacting with Confidence": verify the exported file by extracting its text).
It reports, by where it came from and never by quoting it, any background, if-raised text or
internal meeting notes it finds, and names the person's entry as the officer typed it, the
marking or the portion mark. What the handout `Document` itself says is allowed (a BLUF may
well say what a releasable point says); our own people's names, the CUI block and markings
never are, not even inside a releasable point's wording.

Text is compared folded (`leak_text`): a name is found however its letters were typed or
extracted. Names are found by their parts in any usual order (`leak_names`); markings in any
case when they cannot be an ordinary word ("Sensitive But Unclassified", "cui//sp-prvcy"),
in capitals when they can ("OFFICIAL").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from .assemble import AssembledBrief
from .brief import Brief
from .faults import Fault
from .leak_names import Name, as_typed, name_of, ordinary
from .leak_text import Folded, fold, phrase, tokens
from .markings import marking_words

_SHORT = 16        # below this many letters a piece is matched as whole words only
_SENTENCE = 40     # sentences at least this long are also matched on their own
# long forms, short forms and the controls of the US and UK markings, and the classified levels
OTHER_FORMS = ("CONTROLLED UNCLASSIFIED INFORMATION", "FOR OFFICIAL USE ONLY", "LIMITED OFFICIAL USE",
               "SBU", "FOUO", "NOFORN", "LIMDIS", "EXDIS", "NODIS", "CONFIDENTIAL", "SECRET", "TOP SECRET")
_PORTION = re.compile(r"[(\[]\s*(?:U|(?i:sbu|cui|fouo))\s*(?:/{1,2}[^()\[\]]{0,60})?[)\]]"
                      r"|(?:^|(?<=[.!?:;]\s))\(\s*u\s*(?:/{1,2}[^()]{0,60})?\)(?=\s)")  # "(u) We ..." too
_BETWEEN = r"[\s\-/_]*"  # what may stand between a marking's words: "OFFICIAL-SENSITIVE", "CUI//SP"

Pieces = tuple[tuple[str, str], ...]  # (where it comes from, text)


@dataclass(frozen=True)
class OfficerOnly:
    """What must not reach a handout, and what the handout may say."""

    people: tuple[tuple[str, Name], ...]  # our people's names and the CUI block: never, anywhere
    text: Pieces        # officer-only text: not unless the handout's own words hold it
    markings: tuple[tuple[str, re.Pattern[str], bool], ...]  # (word, pattern, casefolded)
    wordings: Pieces    # the releasable points' wording, to name the point in a message
    allowed: str        # everything the handout document says


def people_of(brief: AssembledBrief | Brief,
              vocabulary: frozenset[str] = frozenset()) -> tuple[tuple[str, Name], ...]:
    """Our people's names as the check looks for them, with what each is: drafter, clearers
    and approvers, participants, the point of contact of a CUI document; the office
    controlling it is looked for as typed, since it names an office, not a person."""
    cui = brief.cui
    people = [("the drafter's name", brief.drafted_by),
              *((f"{'an approver' if c.role == 'approved' else 'a clearer'}'s name", c.name)
                for c in brief.clearances),
              *(("a participant's name", p) for p in brief.meeting.participants),
              ("the CUI designation block", cui.poc)]
    found = [(f"{what} {_quoted(value)}", name_of(value, vocabulary)) for what, value in people if value.strip()]
    if office := cui.controlled_by.office.strip():
        found.append((f"the CUI designation block {_quoted(office)}", as_typed(office)))
    return tuple(found)


def _quoted(entry: str) -> str:
    """An entry as the officer typed it, for a message to the officer (never to a file)."""
    entry = " ".join("".join(c for c in word if c.isprintable()) for word in entry.split())
    return f"'{entry if len(entry) <= 60 else entry[:59] + '…'}'"


@cache
def marking_patterns(banner: str) -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """Every marking of every scheme, its long forms and the brief's own banner, each as a
    pattern over folded text, and whether that text is casefolded first."""
    found = {}
    for word in {*marking_words(), *OTHER_FORMS, *([fold(banner).strip()] if banner.strip() else [])}:
        if word.startswith("("):
            continue  # portion marks: `_PORTION`
        parts = tokens(word.casefold())
        plain = len(parts) == 1 and (ordinary(parts[0]) or len(parts[0]) <= 3)
        # in capitals, its letters may stand apart ("S.B.U.", "C U I")
        joined = r"[\s.]*".join(map(re.escape, word)) if plain else _BETWEEN.join(re.escape(p) for p in parts)
        found[word] = (word, re.compile(rf"(?<![\w-]){joined}(?![\w-])"), not plain)
    return tuple(found[w] for w in sorted(found, key=lambda w: (-len(w), w)))


def officer_only(brief: AssembledBrief, allowed: str) -> OfficerOnly:
    """The officer-only material of `brief`; `allowed` is the handout document's text."""
    meeting = brief.meeting
    people = people_of(brief, library_words(brief))
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
    wordings = tuple((f"point {p.number} ({p.id})", f"{p.title}\n{p.handout_text}")
                     for p in brief.handout_points)
    return OfficerOnly(people, _filled(text), marking_patterns(brief.banner), wordings, allowed)


def library_words(brief: AssembledBrief) -> frozenset[str]:
    """The words of what the library itself prints on the handout (its points' titles and
    wording, the country and carrier, the public sources): a surname that is one of them
    ("Chairman Rogers" in a source's title) is not looked for alone."""
    texts = [brief.country.name, brief.country.in_text, brief.carrier.name if brief.carrier else ""]
    texts += [f"{p.title} {p.handout_text}" for p in brief.handout_points if not p.custom]
    texts += [f"{s.title} {s.publisher}" for s in brief.sources]
    return frozenset(t for text in texts for t in tokens(fold(text).casefold()))


def find_leaks(material: OfficerOnly, text: str) -> list[str]:
    """What in `text` (a handout's) should not be there, by where it came from; empty when
    it is clean."""
    folded, allowed = Folded(text), Folded(material.allowed)
    leaks = []
    for where, name in material.people:
        if name.found_in(folded):
            leaks.append(f"{where}{_in_wording(material, name.found_in)}")
    for where, officer_text in material.text:
        for piece in _pieces(officer_text):
            if _contains(folded, piece) and not _contains(allowed, piece):
                leaks.append(f"text from {where}")
                break
    for word, found in marking_leaks(material.markings, folded):
        leaks.append(f"the marking '{word}'{_in_wording(material, found)}")
    return leaks


def marking_leaks(markings, text: Folded) -> list[tuple[str, Callable[[Folded], bool]]]:
    """The markings `text` holds, each with a test that finds it again (for the message); a
    marking inside a longer one found ("UNCLASSIFIED" in "SENSITIVE BUT UNCLASSIFIED", "SBU"
    in "(SBU)") is not named again."""
    found = [(mark, lambda t, mark=mark: mark in _portions(t)) for mark in dict.fromkeys(_portions(text))]
    for word, pattern, casefolded in markings:
        spelled = phrase(tokens(word.casefold())) if casefolded and " " not in word.strip() else ""

        def test(t: Folded, pattern=pattern, casefolded=casefolded, spelled=spelled) -> bool:
            return pattern.search(t.lower if casefolded else t.cased) is not None \
                or bool(spelled) and t.has_phrase(spelled)
        if test(text) and not any(phrase(tokens(word.casefold())) in phrase(tokens(longer.casefold()))
                                  for longer, _ in found):
            found.append((word, test))
    return found


def _portions(text: Folded) -> list[str]:
    return [re.sub(r"\s", "", m.upper()).replace("[", "(").replace("]", ")") for m in _PORTION.findall(text.cased)]


def releasable_leaks(brief: Brief, banner: str, name: str) -> list[Fault]:
    """For the window, while the officer writes: each releasable custom point whose title or
    wording holds one of our people's names or a marking, which the handout would refuse."""
    people = people_of(brief)
    markings = marking_patterns(banner)
    faults = []
    for number, choice in enumerate(brief.points, start=1):
        point = brief.custom(choice.id)
        if point is None or not point.releasable:
            continue
        faults += [Fault(name, f"point {number} ({point.id})", f"a releasable point holds {what}: "
                         "take it out, or the handout will be refused")
                   for what in _held(f"{point.title}\n{point.text}", people, markings)]
    return faults


@lru_cache(maxsize=256)
def _held(text: str, people: tuple[tuple[str, Name], ...], markings: tuple) -> tuple[str, ...]:
    """The names and markings one point's text holds; remembered, so a key typed in one point
    reads only that point again."""
    folded = Folded(text)
    found = [what for what, person in people if person.found_in(folded)]
    found += [f"the marking '{word}'" for word, _ in marking_leaks(markings, folded)]
    return tuple(dict.fromkeys(found))


def _filled(pieces: list[tuple[str, str]]) -> Pieces:
    return tuple((where, text) for where, text in pieces if text.strip())


def _in_wording(material: OfficerOnly, found: Callable[[Folded], bool]) -> str:
    """Which releasable point's wording holds what `found` finds, for the message."""
    for where, wording in material.wordings:
        if found(Folded(wording)):
            return f", in the wording of {where}"
    return ""


def _pieces(text: str) -> list[str]:
    """The whole text and each of its longer sentences, so a partial copy is caught too."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) >= _SENTENCE]
    return [text, *sentences]


def _contains(text: Folded, piece: str) -> bool:
    words = tokens(fold(piece).casefold())
    if len("".join(words)) < _SHORT:
        return bool(words) and text.has_phrase(phrase(words))
    return "".join(words) in text.packed
