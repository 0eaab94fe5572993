"""Whatever the officer types prints literally in embedded fonts, on A4 or Letter, at any length,
and the same brief always gives the same bytes."""

from __future__ import annotations

import re

import pytest

from tests.pdf_reading import all_text, reader
from tests.test_render_fixtures import custom, make_brief, meeting, produced, produced_from, words

HOSTILE = "<b>not bold</b> & <font color=red>x</font> &amp; a < b > c <br/> <para>"
SCRIPTS = "Łódź Ærøskøbing naïve café · Ελληνικά γράμματα · Кириллица и русский текст"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("variant", ["officer", "handout"])
def test_markup_like_text_prints_literally(variant):
    brief = make_brief(customs=(custom(1, text=HOSTILE),),
                      meeting=meeting(title=HOSTILE, place=HOSTILE))
    text = flat(all_text(produced_from(brief, variant).data))
    assert HOSTILE in text


@pytest.mark.parametrize("variant", ["officer", "handout"])
def test_latin_greek_and_cyrillic_extract_back_as_typed(variant):
    brief = make_brief(customs=(custom(1, text=SCRIPTS),),  # a handout refuses our names
                       drafted_by=SCRIPTS if variant == "officer" else "A. Drafter")
    assert SCRIPTS in flat(all_text(produced_from(brief, variant).data))


@pytest.mark.parametrize("variant", ["officer", "handout"])
def test_every_font_is_an_embedded_truetype_subset(variant):
    brief = make_brief(customs=(custom(1, text=f"{SCRIPTS}\n{SCRIPTS}\t“quoted” – €5"),))
    fonts = fonts_of(produced_from(brief, variant).data)
    assert fonts
    for name, font in fonts.items():
        assert font["/Subtype"] == "/TrueType", name
        assert re.fullmatch(r"/[A-Z]{6}\+DejaVu[A-Za-z-]+", name), name  # no fallback needed
        assert "/FontFile2" in font["/FontDescriptor"], name


CJK = "김철수 과학기술정보통신부 · 総務省 ひらがな カタカナ · 华为 中兴通讯"


def fonts_of(data: bytes) -> dict[str, object]:
    fonts = {}
    for page in reader(data).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    return fonts


@pytest.mark.parametrize("variant", ["officer", "handout"])
def test_chinese_japanese_and_korean_print_in_the_embedded_fallback_font(variant):
    titled = custom(1, text=CJK).model_copy(update={"title": f"{CJK} title"})
    brief = make_brief(customs=(titled,),
                      meeting=meeting(title=CJK, place=CJK))
    result = produced_from(brief, variant)
    assert flat(all_text(result.data)).count(CJK) >= 2  # title and point text, not boxes
    names = {str(name).split("+")[1] for name in fonts_of(result.data)}
    assert "WenQuanYiMicroHei-0" in names and "DejaVuSerif" in names
    assert result.warnings == ()


@pytest.mark.parametrize("variant", ["officer", "handout"])
def test_symbols_a_dejavu_face_lacks_print_in_the_fallback_and_controls_are_dropped(variant):
    text = "Done ✓ step ① and \ufeffno\x91 marks"  # a byte-order mark and a C1 control
    titled = custom(1, text=text).model_copy(update={"title": "Checked ✓"})
    result = produced(variant, customs=(titled,))
    printed = flat(all_text(result.data))
    assert "Done ✓ step ① and no marks" in printed and "Checked ✓" in printed
    assert result.warnings == ()


@pytest.mark.parametrize("variant", ["officer", "handout"])
def test_characters_no_font_has_are_named_in_a_warning(variant):
    brief = make_brief(customs=(custom(1, text="Noted 😀 and ☃ in the text, 한국어 printed."),))
    warnings = produced_from(brief, variant).warnings
    assert [w for w in warnings if "empty boxes" in w] == [
        "2 character(s) are missing from the PDF fonts and may print as empty boxes: "
        "☃ (U+2603), 😀 (U+1F600)"]


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612, 792))])
@pytest.mark.parametrize("variant", ["officer", "handout"])
def test_paper_size(paper, size, variant):
    pdf = reader(produced(variant, paper=paper).data)
    for page in pdf.pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == size


def test_long_words_and_urls_wrap_instead_of_failing():
    url = "https://example.org/" + "a-very-long-path-segment" * 12
    brief = make_brief(customs=(custom(1, text=url + " " + "x" * 400),),
                      meeting=meeting(place="y" * 300))
    packed = "".join(all_text(produced_from(brief, "officer").data).split())
    assert url in packed and "x" * 400 in packed and "y" * 300 in packed


def test_a_hundred_points_export():
    customs = tuple(custom(n, text=words(60), background=words(40)) for n in range(1, 101))
    result = produced("officer", ids=(), customs=customs)
    text = flat(all_text(result.data))
    assert result.pages > 20
    assert "100. (U) Custom point 100." in text
    assert f"Page {result.pages} of {result.pages}" in text


def test_one_point_of_five_thousand_words_exports():
    result = produced("officer", ids=(), customs=(custom(1, text=words(5000)),))
    assert result.pages >= 8
    assert any(w.startswith("talking points run to") for w in result.warnings)


@pytest.mark.parametrize("variant", ["officer", "handout"])
def test_the_same_brief_gives_identical_bytes(variant):
    first = produced(variant, paper="letter").data
    second = produced(variant, paper="letter").data
    assert first == second
