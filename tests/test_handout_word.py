"""The leave-behind in Word, read back with python-docx as a clearer's Word would open it: set
on the PDF handout's page, in its fonts, and, where the PDF needs them to fit one page, in its
tighter spacing, without its figures and with its short source list; and the officer is told,
on export, when it runs past its page budget, as for the PDF."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.shared import Pt

from briefing_app.core.compose_handout import short_source_line
from briefing_app.core.language import words
from briefing_app.core.outputs import PAPERS as PAPER_SIZES
from briefing_app.core.produce import produce
from tests.pdf_reading import all_text
from tests.recommended_briefs import PAPERS, library, recommended
from tests.test_handout_fit import crowded, flat, public_sources

W = words("en")
FIGURE_POINTS = ("ec-5g-architecture", "mk-market-share")


def opened(data: bytes):
    return docx.Document(io.BytesIO(data))


def styles(word) -> dict:
    return {style.name: style for style in word.styles}


def captions(word) -> list[str]:
    return [p.text for p in word.paragraphs if p.style.name == "Caption"]


@pytest.mark.parametrize("paper", PAPERS)
def test_a_word_handout_is_set_on_the_pdf_handouts_page_in_its_fonts(paper):
    word = opened(produce(library(), recommended("PH", None).brief(paper), "handout", "docx").data)
    section = word.sections[0]
    assert (section.page_width.pt, section.page_height.pt) == pytest.approx(PAPER_SIZES[paper].size, abs=0.05)
    margins = [getattr(section, f"{side}_margin").mm for side in ("left", "right", "top", "bottom")]
    assert margins == pytest.approx([20] * 4, abs=0.01)
    found = styles(word)
    assert [found[name].font.size for name in ("Title", "Subtitle", "Normal", "Heading 2", "Public Source")] \
        == [Pt(16), Pt(10.5), Pt(10), Pt(10), Pt(7)]
    assert found["Normal"].font.name == "DejaVu Serif" and found["Public Source"].font.name == "DejaVu Sans"


@pytest.mark.parametrize("paper", PAPERS)
def test_a_word_handout_the_pdf_fits_tighter_and_without_figures_is_set_so_too(paper):
    """The Philippines' recommended handout fits one page in the PDF only with half the space
    between paragraphs, slightly closer lines and no figures; the Word file is set the same."""
    made = recommended("PH", None).brief(paper)
    text = flat(all_text(produce(library(), made, "handout").data))
    assert W.market_title not in text and W.diagram_title not in text
    word = opened(produce(library(), made, "handout", "docx").data)
    assert captions(word) == [] and word.tables == []
    normal = styles(word)["Normal"].paragraph_format
    assert normal.space_after == Pt(2.5)  # 5 points as styled
    assert normal.line_spacing.pt == pytest.approx(13.5 * 0.93, abs=0.05)  # 13.5 as styled
    assert styles(word)["Heading 2"].paragraph_format.space_before == Pt(3.5)  # 7 as styled
    sources = public_sources(made)
    listed = [p.text for p in word.paragraphs if p.style.name == "Public Source"]
    assert len(listed) == len(sources) and all("\u201c" in line for line in listed)  # with titles


@pytest.mark.parametrize("paper", PAPERS)
def test_a_word_handout_lists_its_sources_in_the_short_form_where_the_pdf_does(paper):
    """Hungary's recommended handout with two more points keeps every public source on its one
    page only without the titles: publisher, date and the full address, each publication once."""
    made = crowded().brief(paper)
    sources = public_sources(made)
    text = flat(all_text(produce(library(), made, "handout").data))
    assert sources and not any(s.title[:30] in text for s in sources)
    word = opened(produce(library(), made, "handout", "docx").data)
    listed = [p.text for p in word.paragraphs if p.style.name == "Public Source"]
    assert listed == [f"{W.bullet}\t{short_source_line(W, s)}" for s in sources]


def test_a_short_word_handout_keeps_its_figures_and_its_styled_spacing():
    made = recommended("PH", None).brief().model_copy(
        update={"points": tuple(p for p in recommended("PH", None).brief().points if p.id in FIGURE_POINTS)})
    assert len(made.points) == 2
    word = opened(produce(library(), made, "handout", "docx").data)
    assert captions(word) == [W.diagram_title, W.market_title]
    assert styles(word)["Normal"].paragraph_format.space_after == Pt(5)
    assert all("\u201c" in p.text for p in word.paragraphs if p.style.name == "Public Source")


def test_the_command_line_warns_when_a_word_handout_runs_past_its_page_budget(cli, tmp_path):
    """Every releasable point: more than a leave-behind's two pages, whose last holds sources
    alone. The Word export says so, as the PDF export does, and still writes the file."""
    eligible = sorted(p.id for p in library().points.values()
                      if p.releasable and p.handout_text and not p.us_forces)
    out = tmp_path / "handout.docx"
    result = cli("export", "--country", "DE", "--variant", "handout",
                 *(arg for i in eligible for arg in ("--point", i)), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote handout ({len(eligible)} points, Word, a4) to {out}"
    pages = re.search(rf"^{re.escape(str(out))}: warning: the handout runs to (\d+) pages; a "
                      r"leave-behind should be one or two \(choose fewer releasable points\)$",
                      result.stderr, re.MULTILINE)
    assert pages and int(pages[1]) > 2, result.stderr
    assert re.search(rf"^{re.escape(str(out))}: warning: the handout ends with \d page\(s\) of public "
                     r"sources alone", result.stderr, re.MULTILINE), result.stderr
    assert out.exists()


def test_a_word_handout_that_fits_is_not_warned_about(cli, tmp_path):
    out = tmp_path / "handout.docx"
    result = cli("export", "--country", "PH", "--variant", "handout", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Word, a4" in result.stdout and "runs to" not in result.stderr
    assert "public sources alone" not in result.stderr
