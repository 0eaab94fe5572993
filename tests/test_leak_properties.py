"""Property tests of the handout leak check: one of our people's names, planted in random
releasable text in a randomly chosen shape, is always found; text without a name passes.

The shapes are those a careless officer or a copy and paste produce: either name order, titles
and offices around the name, each Unicode normal form, zero-width characters and soft hyphens
inside it, fullwidth letters, Cyrillic and Greek lookalikes, odd spaces, a hyphen at a line
break, capitals; Chinese, Japanese and Korean names joined to a particle or a title.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core.leak_names import ordinary
from tests.test_leak_check import fullwidth, leaks

CHECKED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROSE = ("the network operators vendors security trusted equipment market government carrier law "
         "review supply chain risk radio core transport management replacement deadline agree "
         "welcome cooperation partners digital investment open standards future rules europe "
         "decision public private sector resilience infrastructure services customers data "
         "we they our with for and of to in on by as at from will would should may can").split()
LOOKALIKES = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445",
              "y": "\u0443", "i": "\u0456", "A": "\u0391", "B": "\u0392", "E": "\u0395", "H": "\u0397",
              "K": "\u039a", "M": "\u039c", "O": "\u039f", "T": "\u03a4"}
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
SPACES = [" ", "\u00a0", "\u2800", "\u3000", "\u2003", "\u202f", "  ", "\n"]


def _capitalised(letters: str) -> str:
    return letters[:1].upper() + letters[1:]


# Name parts no dictionary holds: consonant-vowel syllables, 2 to 4 of them.
syllable = st.tuples(st.sampled_from("bdfgklmnprstvz"), st.sampled_from("aeiou"),
                     st.sampled_from(["", "n", "r", "l"])).map("".join)
part = st.lists(syllable, min_size=2, max_size=4).map("".join).filter(
    lambda p: len(p) >= 5 and not ordinary(p)).map(_capitalised)
prose = st.lists(st.sampled_from(PROSE), min_size=3, max_size=40).map(" ".join)


@st.composite
def entries(draw) -> tuple[str, str, str]:
    """(entry as typed in the drafter field, given name, surname)."""
    first, last = draw(part), draw(part)
    shape = draw(st.sampled_from(["{g} {s}", "{s}, {g}", "{g} {s} (ECON)", "Dr. {g} {s}, POL/Rome",
                                  "{g} Q. {s}", "{s}, {g} (PAS)", "Ms {g} {s} - Political Section",
                                  "{S}, {g}"]))
    return shape.format(g=first, s=last, S=last.upper()), first, last


def _transformed(draw, name: str) -> str:
    """`name` as it may reach a handout: each shape's letters and spaces disguised."""
    kind = draw(st.sampled_from(["NFC", "NFD", "NFKD", "zero-width", "fullwidth", "lookalikes",
                                 "spaces", "line break", "capitals", "lower", "mixed"]))
    if kind in ("NFC", "NFD", "NFKD"):
        return unicodedata.normalize(kind, name)
    if kind == "zero-width":
        cuts = draw(st.lists(st.integers(1, max(1, len(name) - 1)), min_size=1, max_size=4))
        for cut in sorted(cuts, reverse=True):
            name = name[:cut] + draw(st.sampled_from(INVISIBLE)) + name[cut:]
        return name
    if kind == "fullwidth":
        return fullwidth(name)
    if kind == "lookalikes":
        return "".join(LOOKALIKES.get(c, c) if draw(st.booleans()) else c for c in name)
    if kind == "spaces":
        return name.replace(" ", draw(st.sampled_from(SPACES)))
    if kind == "line break":
        word = max(name.split(), key=len)
        cut = draw(st.integers(2, len(word) - 2))
        return name.replace(word, f"{word[:cut]}{draw(st.sampled_from(['-', chr(0xAD)]))}\n{word[cut:]}", 1)
    if kind == "capitals":
        return name.upper()
    if kind == "lower":
        return name.lower()
    return "".join(c.upper() if draw(st.booleans()) else c for c in name)


@st.composite
def planted(draw) -> tuple[str, str]:
    entry, first, last = draw(entries())
    accent = draw(st.sampled_from(["", "\u0301", "\u0308"]))  # typed with an accent in the field
    if accent:
        entry = unicodedata.normalize("NFC", entry.replace(last, last[0] + accent + last[1:], 1))
        last = last[0] + accent + last[1:]
    form = draw(st.sampled_from(["{g} {s}", "{s}, {g}", "{s}", "Mr {s}", "Dr. {s}", "{g} {s} (ECON)",
                                 "Ambassador {s}", "{s}-san", "{g} {s}'s"]))
    name = _transformed(draw, form.format(g=first, s=unicodedata.normalize(draw(st.sampled_from(
        ["NFC", "NFD"])), last)))
    return entry, f"{draw(prose)} {name} {draw(prose)}."


@given(case=planted())
@CHECKED
def test_a_planted_name_in_any_shape_is_always_found(case):
    entry, text = case
    assert [leak for leak in leaks(text, drafted_by=entry) if leak.startswith("the drafter's name")], text


HANGUL = st.integers(0xAC00, 0xD7A3).map(chr)
HAN = st.sampled_from("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚")
KANA_TEXT = st.text(alphabet=st.sampled_from("のはがをにでとへもやかなしたすまいうえおあ会議支持感謝"), max_size=12)


@st.composite
def cjk_planted(draw) -> tuple[str, str]:
    script = draw(st.sampled_from(["korean", "chinese", "japanese"]))
    if script == "korean":
        name = "".join(draw(st.lists(HANGUL, min_size=3, max_size=3)))
        after = draw(st.sampled_from(["가", "는", "은", "씨", "님", "의", "에게", " 대사", ""]))
        text = f"우리는 {name}{after} 회의에 감사드립니다."
    elif script == "chinese":
        name = "".join(draw(st.lists(HAN, min_size=2, max_size=3)))
        after = draw(st.sampled_from(["先生", "女士", "的", "和", "博士", "", "大使"]))
        text = f"我们感谢{name}{after}的支持。"
    else:
        name = "".join(draw(st.lists(HAN, min_size=4, max_size=4)))
        after = draw(st.sampled_from(["さん", "様", "氏", "が", "は", "の"]))
        text = f"{draw(KANA_TEXT)}{name}{after}{draw(KANA_TEXT)}"
    entry = draw(st.sampled_from(["{n}", "{n} (ECON)", "{n}, POL"])).format(n=name)
    return entry, _transformed(draw, text) if draw(st.booleans()) else text


@given(case=cjk_planted())
@CHECKED
def test_a_planted_cjk_name_joined_to_what_follows_is_always_found(case):
    entry, text = case
    assert [leak for leak in leaks(text, participants=(entry,)) if leak.startswith("a participant's name")], text


@given(entry=entries(), text=prose, surname=st.sampled_from(["Young", "King", "Banks", "White", "Mills"]))
@CHECKED
def test_text_without_our_names_passes(entry, text, surname):
    """Random prose, even holding an ordinary word that is one of our surnames, is not refused."""
    typed, first, _ = entry
    assert leaks(f"{text} {surname.lower()} {text}.", drafted_by=typed,
                 participants=(f"{first} {surname}",)) == []
