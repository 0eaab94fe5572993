"""Page 1 of the officer brief as a reviewer reads it: the meeting table marked once, in its
caption, under either marking scheme and in PDF and Word alike."""

from __future__ import annotations

import io
import re

import docx
import pytest

from briefing_app.core.brief import ControlledBy, Counterpart, CuiBlock
from tests.pdf_reading import reader
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
