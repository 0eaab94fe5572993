"""Text as the leak check reads it: the same letters however they were typed, pasted or
extracted from a file.

A name reaches a handout in many shapes that a reader takes for the same name: composed or
decomposed accents (a Mac pastes NFD), fullwidth or mathematical letters, Cyrillic and Greek
lookalikes, zero-width characters inside it, a soft hyphen or a hyphen where a line broke,
U+2800 or another odd space between its parts. `fold` maps all of these to one plain form;
`Folded` holds a text in the views the check searches (words with and without line-break
hyphens joined, initials left out, letters spaced out joined, everything packed, and Chinese,
Japanese and Korean without spaces, since those scripts do not separate words).
"""

from __future__ import annotations

import re
import unicodedata

# Letters of other scripts that print like Latin ones (after Unicode's confusables list).
_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТХУЅІЈԚԜҮаеорсухѕіјԁһӏԛԝүкмтвнɡ"  # Cyrillic
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοριυχνκτϲ"  # Greek
    "օսհոցıȷɑɩʟᴀʙᴄᴅᴇɢʜɪᴊᴋᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ",  # Armenian, Latin variants and small capitals
    "ABEKMHOPCTXYSIJQWYaeopcyxsijdhlqwykmtbhg"
    "ABEZHIKMNOPTYXaopiuxvktc"
    "ouhngijailabcdeghijkmnoprstuvwyz")
_ODD_SPACES = re.compile("[\u2800\u3164\u115f\u1160\uffa0\u17b4\u17b5]")
_SOFT_BREAK = re.compile("\u00ad(?:[^\\S\n]*\n\\s*)?")  # a soft hyphen, and the line break it may stand at
_LINE_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011]\s*\n\s*(?=[^\W\d_])")
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f]")
_WORD = re.compile(r"[^\W_]+")
_CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_GAP = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_HAS_CJK = re.compile(f"[{_CJK}]")
PHONE = re.compile(r"\+?\d[\d\s().\-/]{5,}\d")


def fold(text: str) -> str:
    """`text` in one plain form, case and punctuation kept, line breaks kept, other runs of
    white space as one space: NFKC, format and zero-width characters removed, soft hyphens
    joined, odd spaces as spaces, accents on Latin, Greek and Cyrillic letters dropped,
    lookalikes as the Latin letters they look like."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", _SOFT_BREAK.sub("", text))
        text = _ODD_SPACES.sub(" ", text)
        text = "".join(c for c in text if unicodedata.category(c) != "Cf")
        text = unicodedata.normalize("NFC", _ACCENTS.sub("", unicodedata.normalize("NFD", text)))
        text = text.translate(_LOOKALIKES)
    return re.sub(r"[^\S\n]+", " ", text)


def only_digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def has_cjk(text: str) -> bool:
    return _HAS_CJK.search(text) is not None


def tokens(text: str) -> list[str]:
    """The words of folded, casefolded text: runs of letters and digits."""
    return _WORD.findall(text)


def phrase(words: list[str] | tuple[str, ...]) -> str:
    """Words as the word views hold them: one space between and around them."""
    return f" {' '.join(words)} "


class Folded:
    """One text in every view the check searches; built once per text checked."""

    def __init__(self, text: str) -> None:
        folded = fold(text)
        self.cased = folded.replace("\n", " ")  # case kept: markings such as (U) and OFFICIAL
        lower = folded.casefold()
        self.lower = lower.replace("\n", " ")
        plain, joined = tokens(lower), tokens(_LINE_HYPHEN.sub("", lower))
        views = [plain, joined, [t for t in plain if len(t) > 1 or t.isdigit()], _spelled(plain)]
        self.words = "|".join(phrase(view) for view in views)
        self.vocabulary = frozenset(word for view in views for word in view)
        self.packed = "".join(joined)
        self.cjk = _CJK_GAP.sub("", phrase(joined)) if has_cjk(lower) else ""
        self.phones = "\n".join(only_digits(p) for p in PHONE.findall(self.lower))

    def has_phrase(self, words: str) -> bool:
        """`words` (a `phrase`) as whole words in any word view; a phrase whose first word the
        text does not hold is passed over without searching (the live check runs per key)."""
        first = words.split(maxsplit=1)[:1]
        return bool(first) and first[0] in self.vocabulary and words in self.words


def _spelled(words: list[str]) -> list[str]:
    """Letters typed apart ("T h o r n b u r y") joined back into the word they spell."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and not word.isdigit() and not has_cjk(word):
            run.append(word)
            continue
        out += ["".join(run)] if len(run) >= 3 else run
        run = []
        if word:
            out.append(word)
    return out
