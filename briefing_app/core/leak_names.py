"""Our people's entries as the names a handout could hold.

An officer types a participant as "Margaret Thornbury (ECON)", a drafter as "Dorothea
Vanterpool, ECON/Rome", a clearer as "Thornbury, Margaret" or "Dr. M. A. Thornbury". The name
in such an entry is found by dropping what is not a name (titles, offices, places after it,
contact details) and is then looked for in every order a sentence could put it: given name
and surname either way round, middle names left out, the surname alone when it is
distinctive (not an ordinary English word, not a word the library's own handout text uses, at
least four letters), and any part after a title ("Mr Young") or before an honorific
("Sato-san"), since which part is the surname is not always known. Chinese, Japanese and
Korean names are looked for without word boundaries, since a particle or a title joins them
("김민수가", "王伟先生"). An email address or a telephone number in an entry is looked for too.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .leak_text import PHONE, Folded, fold, has_cjk, only_digits, phrase, tokens
from .paths import asset

HONORIFICS = ("mr mrs ms miss mx dr prof professor sir dame madam madame ambassador amb consul "
              "colonel col senator excellency counselor counsellor").split()
TITLES = frozenset(HONORIFICS) | frozenset(
    "lord lady hon honorable honourable rev minister secretary attache lieutenant lt ltc general "
    "gen major maj captain capt commander cdr admiral adm sergeant sgt deputy chief director "
    "officer jr sr ii iii iv phd md esq".split())
OFFICE_WORDS = frozenset(
    "econ pol polecon pol-econ pas pa pd dcm dao rso cons mgmt usaid fas fcs lega odc osc exec io "
    "ps ecpo state department bureau embassy consulate mission office section desk unit team "
    "division branch economic political public affairs defense defence military commercial "
    "management consular regional security cultural press and of the for us u s usa american "
    "british uk fcdo fco dos dod attache officer counselor specialist assistant adviser "
    "advisor analyst intern chargé charge post staff".split())
PARTICLES = frozenset("van von de der den da di del della des du la le bin binti ibn al el dos das "
                      "ter ten zu y".split())
# romanised honorifics after a name ("Sato-san", "Kim-ssi", "Gandhi-ji")
SUFFIXES = ("san", "sama", "kun", "chan", "sensei", "ssi", "nim", "ji", "sahib")
CJK_TITLES = ("先生", "女士", "小姐", "大使", "部长", "博士", "教授", "さん", "様", "氏", "殿",
              "씨", "님", "선생님", "대사", "박사")
_ASIDE = re.compile(r"[(\[{“\"«]([^)\]}”\"»]*)[)\]}”\"»]?")
_SEPARATOR = re.compile(r"\s*(?:[,;:|/\\\x00]|\s[-–—]\s|[–—])\s*")
_MOST = 3  # name parts kept from each end of a long entry: a name has few, and pairs grow as their square
_PART = re.compile(r"[^\W\d_]+(?:['’\-‐‑][^\W\d_]+)*\.?")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class Name(NamedTuple):
    """What to look for of one entry: word phrases (see `leak_text.phrase`), packed letters
    (for names whose parts were run together), CJK strings, and telephone digits."""

    phrases: tuple[str, ...]
    packed: tuple[str, ...]
    cjk: tuple[str, ...]
    digits: tuple[str, ...]

    def found_in(self, text: Folded) -> bool:
        return (any(text.has_phrase(p) for p in self.phrases)
                or any(p in text.packed for p in self.packed)
                or any(c in text.cjk for c in self.cjk)
                or any(d in text.phones for d in self.digits))


_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""))


@cache
def common_words() -> frozenset[str]:
    """Ordinary English words (SCOWL size 35, American and British; see the file's header),
    read the first time a check needs them."""
    text = asset("words", "common-english.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.split() if not line.startswith("#"))


def ordinary(word: str) -> bool:
    """Whether `word` (folded, casefolded) is an ordinary English word, an inflection of one
    included: a surname that is one ("Young", "Banks") is looked for only with a given name
    or a title."""
    words = common_words()
    return word in words or any(word.endswith(end) and word[:-len(end)] + stem in words
                                for end, stem in _ENDINGS)


def distinctive(part: tuple[str, ...], vocabulary: frozenset[str] = frozenset()) -> bool:
    """Whether a surname is worth looking for on its own."""
    letters = "".join(part)
    if has_cjk(letters) or len(letters) < 4:
        return False
    if len(part) > 1:
        return len(letters) >= 6
    return not ordinary(letters) and letters not in vocabulary


@cache
def name_of(entry: str, vocabulary: frozenset[str] = frozenset()) -> Name:
    """The patterns of one entry; `vocabulary` holds words the library's handout text uses,
    which a surname alone must not be."""
    text = fold(entry).replace("\n", " ")
    # the last eight digits: a number is written with or without its country and area codes
    digits = tuple(d[-8:] for d in (only_digits(p) for p in PHONE.findall(text)) if len(d) >= 7)
    emails = [phrase(tokens(e.casefold())) for e in _EMAIL.findall(text)]
    text = PHONE.sub(" ", _EMAIL.sub(" ", text))
    asides = [a for a in _ASIDE.findall(text) if a.strip()]
    nicknames = [n for n in map(_nickname, asides[:_MOST]) if n]
    # a nickname sits inside the name ("Margaret (Maggie) Thornbury"); other brackets end a segment
    main = _ASIDE.sub(lambda m: " " if _nickname(m.group(1)) else "\x00", text)
    separator = _SEPARATOR.search(main.strip())
    comma = separator is not None and separator.group().strip() == ","
    # before a comma, a word in capitals is a surname ("SMITH, John"), elsewhere an office code
    segments = [s for s in (_parts(s, codes=not (i == 0 and comma))
                            for i, s in enumerate(_SEPARATOR.split(main.strip()))) if s]
    parts, surname = _name_parts(segments, comma)
    if not parts:  # "ECON (Margaret Thornbury)": the name is the aside
        parts, surname = _name_parts([s for s in (_parts(a) for a in asides) if s], False)
        asides = []
    whole = tokens(text.casefold())
    phrases = {phrase(whole)} if whole else set()
    phrases.update(emails)
    phrases.update(_phrases(parts, surname, vocabulary, nicknames))
    cjk = _cjk(parts, asides)
    names = [p for p in parts if len("".join(p)) > 1 and not has_cjk("".join(p))]
    packed = {"".join(a + b) for a in names for b in names if a != b and len("".join(a + b)) >= 10}
    last = parts[surname] if 0 <= surname < len(parts) else ()
    if len("".join(last)) >= 9 and last in names and distinctive(last, vocabulary):
        packed.add("".join(last))  # "Thorn bury", split where no line breaks
    return Name(tuple(sorted(phrases)), tuple(sorted(packed)), cjk, digits)


def as_typed(entry: str) -> Name:
    """An entry looked for only as a whole, as typed (an office, not a person)."""
    words = tokens(fold(entry).casefold())
    packed = "".join(words)
    return Name((phrase(words),) if words else (), (packed,) if len(packed) >= 16 else (), (), ())


def _parts(segment: str, codes: bool = True) -> list[tuple[str, bool]]:
    """The name parts of a segment, each as (text as typed, written in capitals); titles,
    office words and (where `codes`) office codes left out."""
    found = [(p.rstrip("."), p.rstrip(".").isupper() and len(p.rstrip(".")) > 1)
             for p in _PART.findall(segment)]
    found = [(p, caps) for p, caps in found if "".join(tokens(p.casefold())) not in TITLES | OFFICE_WORDS]
    if codes and found and all(caps and len(p) <= 6 for p, caps in found):
        return []  # "ECON", "POL DCM": an office code, not a name
    return found


def _nickname(aside: str) -> str:
    """The one name in brackets or quotes ("Maggie"), or "" (an office, a name in full)."""
    parts = _parts(aside)
    return parts[0][0] if len(parts) == 1 and not parts[0][1] else ""


def _name_parts(segments: list[list[tuple[str, bool]]], comma: bool) -> tuple[list[tuple[str, ...]], int]:
    """The parts of the name (each a tuple of words) and the index of the surname; `comma`:
    the first segment ends at a comma, so "Surname, Given" is possible."""
    if not segments:
        return [], -1
    first, *rest = [_joined(segment) for segment in segments]
    comma_form = comma and bool(rest) and len(first) == 1 and 1 <= len(rest[0]) <= 3 \
        and not has_cjk(first[0][0])  # "王伟, 经济处" is a name and an office
    merged = rest[0] + first if comma_form else first
    parts = [tuple(tokens(t.casefold())) for t, _ in merged]
    capitals = [i for i, (t, caps) in enumerate(merged) if caps and len(t) > 1]
    surname = capitals[0] if len(capitals) == 1 and len(merged) > 1 else len(parts) - 1
    if len(parts) > 2 * _MOST:  # the given names and the surname, whatever lies between
        kept = [*range(_MOST), *range(len(parts) - _MOST, len(parts))]
        surname = kept.index(surname) if surname in kept else len(kept) - 1
        parts = [parts[i] for i in kept]
    return parts, surname


def _joined(segment: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """"van der Berg" as one part: particles join the part after them."""
    merged: list[tuple[str, bool]] = []
    for text, caps in segment:
        if merged and merged[-1][0].islower() and all(w in PARTICLES for w in merged[-1][0].split()):
            text = f"{merged.pop()[0]} {text}"
        merged.append((text, caps))
    return merged


def _phrases(parts: list[tuple[str, ...]], surname: int, vocabulary: frozenset[str],
             nicknames: list[str]) -> set[str]:
    names = [p for p in parts if len("".join(p)) > 1 and not has_cjk("".join(p))]
    if not names:
        return set()
    last = parts[surname] if 0 <= surname < len(parts) and parts[surname] in names else names[-1]
    names += [("".join(p),) for p in names if len(p) > 1 and p[0] not in PARTICLES]  # "Min-su" as "Minsu"
    found = {phrase(a + b) for a in names for b in names if a != b}
    # any part after a title or before an honorific: which part is the surname is not always known
    found.update(phrase((title, *part)) for title in HONORIFICS for part in names)
    found.update(phrase((*part, suffix)) for suffix in SUFFIXES for part in names)
    given = [p for p in names if p != last]
    core = (last[-1],) if len(last) > 1 and last[0] in PARTICLES else last  # "Beethoven"
    found.update(phrase(p) for p in [last, core, *given[1:]] if distinctive(p, vocabulary))
    found.update(phrase((*tokens(n.casefold()), *last)) for n in nicknames)
    return found


def _cjk(parts: list[tuple[str, ...]], asides: list[str]) -> tuple[str, ...]:
    """A Chinese, Japanese or Korean name without spaces, and its surname with a title."""
    names = ["".join("".join(p) for p in parts if has_cjk("".join(p)))]
    names += ["".join(tokens(a.casefold())) for a in asides[:_MOST] if has_cjk(a)]
    found = set()
    for name in names:
        if len(name) >= 2:
            found.add(name)
            surname = parts[0][0] if len(parts) > 1 and has_cjk(parts[0][0]) else name[:2 if len(name) == 4 else 1]
            found.update(surname + title for title in CJK_TITLES)
    return tuple(sorted(found))
