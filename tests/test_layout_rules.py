"""Pages an ambassador would accept, checked on every built-in country and carrier, both
variants, A4 and Letter: no stub pages, no page that opens inside a talking point, a handout on
one page whenever it can be, web addresses broken only at `/`, `.` or `-`, and type a
principal can read aloud."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from briefing_app.core import document as doc
from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.produce import produce
from briefing_app.render.pdf import layout_pdf
from briefing_app.render.styles import load_styles
from briefing_app.render.text import break_urls
from tests.pdf_reading import reader
from tests.recommended_briefs import Printed, choices, library, printed, recommended

MIN_WORDS = 60
PAGE_LABEL = re.compile(r"^Page \d+ of \d+$")


def body_lines(page: str, banner: str) -> list[str]:
    """A page's text lines without its furniture (banner and page number)."""
    return [line.strip() for line in page.splitlines()
            if line.strip() and line.strip() != banner and not PAGE_LABEL.match(line.strip())]


def squeeze(text: str) -> str:
    return " ".join(text.split())


def point_texts(document: doc.Document) -> list[str]:
    """What each talking point prints: the numbered items of the officer brief's points
    section, or the handout's point paragraphs (kept whole)."""
    found = []
    for block in document.walk():
        if isinstance(block, doc.ItemList) and block.kind == "points":
            found += [squeeze(item.paragraph.text) for item in block.items]
        elif isinstance(block, doc.Paragraph) and block.whole and document.variant == "handout":
            found.append(squeeze(block.text))
    return found


def page_faults(printed: Printed, where: str) -> list[str]:
    document = printed.produced.document
    pages = [body_lines(page, document.furniture.banner) for page in printed.pages]
    faults = []
    if len(pages) > 1:
        faults += [f"{where}: page {n} holds {len(' '.join(lines).split())} words"
                   for n, lines in enumerate(pages, 1) if len(" ".join(lines).split()) < MIN_WORDS]
    points = point_texts(document)
    for n, lines in enumerate(pages[1:], start=2):
        opening = squeeze(" ".join(lines))[:40]
        if any(opening in text and not text.startswith(opening) for text in points):
            faults.append(f"{where}: page {n} begins inside a talking point: {opening!r}")
        if lines and re.match(r"^(https?://|[-.])\S*$", lines[0]):  # an address, or its tail
            faults.append(f"{where}: page {n} begins inside a source: {lines[0]!r}")
    if document.variant == "handout" and len(pages) > 1:
        bare = tuple(b for b in document.blocks if not isinstance(b, doc.Figures))
        if layout_pdf(document._replace(blocks=bare), tight=True).pages == 1:
            faults.append(f"{where}: a handout that fits on one page has {len(pages)}")
    return faults


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_country_and_carrier_prints_pages_an_ambassador_would_accept(paper):
    """Every distinct recommendation, over every country, carrier and audience."""
    faults = []
    for choice in choices():
        for variant in ("officer", "handout"):
            faults += page_faults(printed(choice, paper, variant),
                                  f"{choice.code}/{choice.carrier_id}/{variant}/{paper}")
    assert faults == []


def heading_endings(printed: Printed, where: str) -> list[str]:
    """Pages (all but the last) whose text ends with a heading: a heading left at the foot."""
    document = printed.produced.document
    headings = {squeeze(b.text) for b in document.walk() if isinstance(b, doc.Heading)}
    pages = [squeeze(" ".join(body_lines(page, document.furniture.banner)))
             for page in printed.pages[:-1]]
    return [f"{where}: page {n} ends with the heading {h!r}"
            for n, text in enumerate(pages, 1) for h in headings if text.endswith(h)]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_officer_brief_page_ends_with_a_heading(paper):
    """Sources, Background, If raised, a point's sub-heading: each keeps the first whole entry
    under it on its page, however tall that entry is."""
    faults = []
    for choice in choices():
        faults += heading_endings(printed(choice, paper, "officer"),
                                  f"{choice.code}/{choice.carrier_id}/{paper}")
    assert faults == []


def test_a_short_handout_drops_its_figures_to_fit_on_one_page():
    """Five releasable points, two of them with a figure: the text and every source fit on
    one page only once the figures give way."""
    ids = ("sc-intelligence-law", "ec-5g-architecture", "mk-market-share", "mk-diversity",
           "sc-no-independent-check")
    spain = Brief(country="ES", carrier="movistar", points=tuple(PointChoice(id=i) for i in ids))
    assert {f for i in ids for f in library().points[i].figures} == {"edge-core", "market-share"}
    produced = produce(library(), spain, "handout")
    text = squeeze(" ".join(p.extract_text() for p in reader(produced.data).pages))
    sources = {s.url for i in ids for s in library().points[i].sources if s.handout and s.url}
    assert len(reader(produced.data).pages) == 1
    assert "Telecom equipment revenue share" not in text  # the figures gave way to the text
    assert "edge of a 5G network" not in text
    assert text.count("http") == len(sources)  # every public source is still there


def test_the_sign_off_keeps_company_on_the_last_page():
    brief = recommended("CA", None).brief()
    produced = produce(library(), brief, "officer")
    last = body_lines(reader(produced.data).pages[-1].extract_text(), produced.document.furniture.banner)
    assert last[-2].startswith("Drafted:") and last[-1].startswith("Cleared:")
    assert len(" ".join(last).split()) >= MIN_WORDS


def test_web_addresses_break_after_a_slash_or_before_a_dot_or_hyphen():
    style = load_styles().paragraph["source"]
    url = ("https://www.gov.uk/government/publications/targeted-consultations-on-proposed-"
           "designated-vendor-direction-and-designation-notice/proposals-to-issue-a-designation")
    text = break_urls(f"UK Government, \u201cProposals\u201d, 2022-10-13\n{url}", style, 300)
    lines = text.split("\n")[1:]
    assert len(lines) > 2 and "".join(lines) == url
    for before, after in pairwise(lines):
        assert before.endswith("/") or after[0] in ".-", (before, after)


def test_the_banner_is_body_size_or_more_and_talking_points_are_set_at_12_points():
    brief = recommended("IT", "tim").brief()
    produced = produce(library(), brief, "officer")
    sizes: dict[str, float] = {}

    def seen(text, cm, tm, font, size):
        if text.strip():
            sizes.setdefault(squeeze(text)[:24], size * tm[0])

    for page in reader(produced.data).pages[:2]:
        page.extract_text(visitor_text=seen)
    banner = sizes["UNCLASSIFIED"]
    first = library().points[brief.points[0].id]
    point = next(v for k, v in sizes.items() if k.startswith(first.title[:20]))
    background = next(v for k, v in sizes.items() if k.startswith("(U) " + first.background[:16]))
    assert point == 12 and background < point and banner >= background
