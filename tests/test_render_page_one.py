"""Page 1 of the officer brief as a reviewer reads it: the meeting table marked once, in its
caption, under either marking scheme and in PDF and Word alike; a title that wraps with its
lines balanced, never one short word alone on the last, and still extracting as typed."""

from __future__ import annotations

import io
import re

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from briefing_app.core.brief import ControlledBy, Counterpart, CuiBlock
from briefing_app.core.produce import produce
from briefing_app.render.styles import load_styles
from tests.pdf_reading import reader
from tests.recommended_briefs import library, printed, recommended
from tests.test_render_fixtures import custom, meeting, produced

LABELS = ("Date and time", "Place", "Country / carrier", "Counterparts", "Our participants")
MARK = re.compile(r"\((U|SBU|CUI)\)")
CUI = CuiBlock(controlled_by=ControlledBy(agency="Department of State", office="Embassy Seoul POL"),
               categories=("PRVCY",), controls=("FEDCON",), poc="A. Officer, +82 2 397 4114")


def flat(text: str) -> str:
    return " ".join(text.split())


def page_one(data: bytes) -> str:
    return flat(reader(data).pages[0].extract_text())


def word_body(data: bytes) -> list[tuple[str, str]]:
    """(style or "table", text) of each paragraph and table of a Word file, in order."""
    word = docx.Document(io.BytesIO(data))
    found = []
    for element in word.element.body.iterchildren():
        if element.tag.endswith("}tbl"):
            cells = element.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
            found.append(("table", flat(" ".join(t.text for t in cells))))
        elif element.tag.endswith("}p"):
            paragraph = docx.text.paragraph.Paragraph(element, word._body)
            if paragraph.text.strip():
                found.append((paragraph.style.name, flat(paragraph.text)))
    return found


MARKED = {"us (sbu)": dict(), "us (cui)": dict(regime="cui", cui=CUI, customs=(
    custom(1, marking="CUI", releasable=False),)), "uk": dict(scheme="uk")}


@pytest.mark.parametrize("scheme", MARKED)
def test_the_meeting_table_is_marked_once_in_its_caption(scheme):
    """The table's one mark opens its caption, (U) as what it holds is uncontrolled, even in
    a brief marked higher; no row carries a mark of its own (a mark on the first row alone
    read as that row's). Under the UK scheme, which has no portion marks, the caption is bare."""
    text = page_one(produced("officer", **MARKED[scheme]).data)
    caption = "Meeting details" if scheme == "uk" else "(U) Meeting details"
    table = text[text.index(caption):text.index("Our participants") + len("Our participants")]
    assert table.startswith(f"{caption} Date and time"), table
    assert len(MARK.findall(table)) == (0 if scheme == "uk" else 1), table
    for label in LABELS:
        assert not re.search(rf"\(\w+\) {label}", text), label


@pytest.mark.parametrize("scheme", MARKED)
def test_word_marks_the_meeting_table_in_its_caption_kept_with_it(scheme):
    body = word_body(produced("officer", "docx", **MARKED[scheme]).data)
    caption = "Meeting details" if scheme == "uk" else "(U) Meeting details"
    at = body.index(("Caption", caption))
    assert body[at + 1][0] == "table" and body[at + 1][1].startswith("Date and time")
    assert not MARK.search(body[at + 1][1])
    word = docx.Document(io.BytesIO(produced("officer", "docx", **MARKED[scheme]).data))
    assert word.styles["Caption"].paragraph_format.keep_with_next


def test_counterparts_with_a_pronunciation_stay_in_the_one_marked_table():
    made = produced("officer", meeting=meeting(counterparts=(
        Counterpart(name="Kim Min-jun", title="Director", organisation="MSIT",
                    pronunciation="gim min-jun"),)))
    text = page_one(made.data)
    table = text[text.index("(U) Meeting details"):text.index("Our participants")]
    assert "Kim Min-jun, Director, MSIT (say: gim min-jun)" in table
    assert len(MARK.findall(table)) == 1


def title_lines(data: bytes) -> list[str]:
    """The lines of page 1 set in the largest type: the title, as printed."""
    runs: list[tuple[float, str]] = []

    def seen(text, cm, tm, font, size):
        if text.strip():
            runs.append((round(size * tm[0], 1), text.strip()))

    reader(data).pages[0].extract_text(visitor_text=seen)
    largest = max(size for size, text in runs if text != "UNCLASSIFIED")
    return [line for size, text in runs if size == largest for line in text.splitlines()]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("code, name", [("KR", "the Republic of Korea"),
                                        ("AE", "the United Arab Emirates")])
def test_a_wrapped_title_has_balanced_lines_and_extracts_as_typed(code, name, paper):
    data = printed(recommended(code, None, "government"), paper, "officer").produced.data
    lines = title_lines(data)
    title = load_styles().paragraph["title"]
    widths = [stringWidth(line, title.fontName, title.fontSize) for line in lines]
    assert len(lines) == 2, lines
    assert len(lines[-1].split()) >= 3 and min(widths) > 0.6 * max(widths), lines
    assert name.removeprefix("the ") in lines[-1]  # the country's name is not split
    text = reader(data).pages[0].extract_text()
    assert "\u00a0" not in text
    assert f"(U) Meeting with the Government of {name}" in flat(text)


def test_a_title_that_fits_one_line_or_wraps_well_is_set_as_before():
    """Only a short last line is rebalanced: the handout's title already ends on four words."""
    data = printed(recommended("DE", None, "government"), "a4", "officer").produced.data
    assert title_lines(data) == ["(U) Meeting with the Government of Germany"]
    data = printed(recommended("KR", None, "government"), "a4", "handout").produced.data
    assert title_lines(data) == ["Trusted suppliers for 5G networks in", "the Republic of Korea"]


def test_a_long_title_takes_no_more_lines_than_it_needs():
    long = ("Meeting with the Minister of Science and ICT, the Deputy Minister for Network "
            "Policy and the Director General of the Radio Policy Bureau on trusted 5G vendors")
    lines = title_lines(produced("officer", meeting=meeting(title=long)).data)
    title = load_styles().paragraph["title"]
    greedy = Paragraph(f"(U) {long}", title)
    greedy.wrap(A4[0] - 40 * mm, 1000)  # the text width between the 20 mm margins
    assert len(lines) == len(greedy.blPara.lines) == 4
    assert flat(" ".join(lines)) == f"(U) {long}"
    widths = [stringWidth(line, title.fontName, title.fontSize) for line in lines]
    assert min(widths) > 0.7 * max(widths), lines


def test_word_keeps_the_last_line_of_a_wrapped_title_together():
    """Word cannot balance lines: its title joins the PDF's last line with no-break spaces,
    and only that line, so Word breaks where the PDF does."""
    choice = recommended("KR", None, "government")
    word = docx.Document(io.BytesIO(produce(library(), choice.brief(), "officer", "docx").data))
    title = next(p.text for p in word.paragraphs if p.style.name == "Title")
    assert title == "(U) Meeting with the Government of\u00a0the\u00a0Republic\u00a0of\u00a0Korea"
