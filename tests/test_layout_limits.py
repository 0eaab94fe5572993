"""Any field of any length is laid out: a cell taller than a page splits across pages, a
paragraph longer than many pages prints whole, a title too long for a heading is cut with a
warning that says so; in the PDF and in Word. (Layout time against length: see
benchmarks/long_fields.py.)"""

from __future__ import annotations

import io
import re

import docx
import pytest

from briefing_app.core.brief import Counterpart, CuiBlock
from briefing_app.core.document_bounds import TITLE_LIMIT
from briefing_app.core.produce import produce
from tests.pdf_reading import all_text, reader
from tests.test_core_markings import cui_brief
from tests.test_render_fixtures import brief, custom, meeting, mini, words


def packed(text: str) -> str:
    return "".join(text.split())


def printed(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        return all_text(data)
    word = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def long_text(count: int, end: str) -> str:
    return words(count) + " " + end


CASES = {
    "a BLUF of 6,000 characters": lambda: brief(meeting=meeting(bluf=long_text(800, "BLUF-ENDS-HERE"))),
    "70 counterparts": lambda: brief(meeting=meeting(counterparts=tuple(
        Counterpart(name=f"Counterpart {n}", title="Director General", organisation="Ministry")
        for n in range(1, 71)))),
    "a place of two pages": lambda: brief(meeting=meeting(place=long_text(1500, "PLACE-ENDS-HERE"))),
    "a point of contact of two pages": lambda: cui_brief(cui=CuiBlock(poc=long_text(1500, "POC-ENDS-HERE"))),
    "a point of 100,000 characters": lambda: brief(customs=(custom(1, text=long_text(12_000, "TEXT-ENDS-HERE")),)),
}
ENDS = {"a BLUF of 6,000 characters": "BLUF-ENDS-HERE", "70 counterparts": "Counterpart 70",
        "a place of two pages": "PLACE-ENDS-HERE", "a point of contact of two pages": "POC-ENDS-HERE",
        "a point of 100,000 characters": "TEXT-ENDS-HERE"}


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_field_taller_than_a_page_prints_whole(case, fmt):
    result = produce(mini(), CASES[case](), "officer", fmt)
    text = packed(printed(result.data, fmt))
    assert packed(ENDS[case]) in text
    if fmt == "pdf":
        assert result.pages >= 2


def test_a_long_cell_splits_across_pages_in_the_pdf():
    """The place cell starts under its label on one page and runs on over the next ones, to
    the row after it (the read-ahead's header line before the table holds the place too)."""
    place = "PLACE-STARTS-HERE " + long_text(1500, "PLACE-ENDS-HERE")
    data = produce(mini(), brief(meeting=meeting(place=place)), "officer", "pdf").data
    pages = [packed(page.extract_text()) for page in reader(data).pages]
    first = next(n for n, page in enumerate(pages) if "PlacePLACE-STARTS-HERE" in page)
    last = next(n for n, page in enumerate(pages) if "PLACE-ENDS-HERECountry/carrier" in page)
    assert last >= first + 2  # a cell of two pages' height, split twice
    body = re.sub(r"SENSITIVEBUTUNCLASSIFIED(Page\d+of\d+)?", "", "".join(pages[first:last + 1]))
    assert packed(place) in body


@pytest.mark.parametrize("variant", ["officer", "handout"])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_title_of_300000_characters_is_cut_with_a_warning(variant, fmt):
    title = "Supply chains " + "and trusted vendors " * 15_000
    result = produce(mini(), brief(customs=(custom(1).model_copy(update={"title": title}),)), variant, fmt)
    warning = next(w for w in result.warnings if "characters long" in w)
    assert f'the title "{title[:40]}…" is {len(title.strip()):,} characters long' in warning
    assert len([w for w in result.warnings if "characters long" in w]) == 1
    assert f"a title may be at most {TITLE_LIMIT} characters" in warning
    text = packed(printed(result.data, fmt))
    assert packed(title[:200]) in text and packed(title[:2 * TITLE_LIMIT]) not in text
    assert packed("RELEASABLE-PLANT-3141") in text  # the point's text still prints after it
