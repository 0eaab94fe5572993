"""A leave-behind an officer hands over unedited: every recommended handout, for every built-in
country, carrier and audience, on A4 and Letter, is one page that lists each public source
once with its full web address; the titles give way only when they would push it onto a
second page; and a hand-picked handout that must run over carries a point on its last page,
never its sources alone."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing_app.core import document as doc
from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.house_style import nested_quotes
from briefing_app.core.models import Source
from briefing_app.core.produce import produce
from briefing_app.render.pdf import layout_pdf
from briefing_app.render.styles import load_styles
from briefing_app.render.text import break_urls
from tests.pdf_reading import page_texts
from tests.recommended_briefs import PAPERS, Choice, choices, library, printed, recommended


def flat(text: str) -> str:
    return " ".join(text.split())


def public_sources(made: Brief) -> list[Source]:
    """The library's public sources behind the points a handout prints, each publication once."""
    found: dict[tuple, Source] = {}
    for point in assemble(library(), made).handout_points:
        found.update((s.key, s) for s in point.cited if s.handout)  # its sources for this host
    return list(found.values())


def crowded() -> Choice:
    """Hungary's recommended handout with two more points: one page on A4 and Letter only with
    the short source list."""
    hungary = recommended("HU", None)
    return Choice("HU", None, tuple(dict.fromkeys((*hungary.ids, "aa-europe", "sub-total-cost"))))


def source_faults(pages: list[str], sources: list[Source], where: str) -> list[str]:
    """Each public source's address printed exactly once (a wrapped address reads back whole
    once the line breaks are taken out), and no other address."""
    packed = "".join("".join(pages).split())
    urls = [s.url for s in sources if s.url]
    faults = [f"{where}: {url} printed {packed.count(url)} times" for url in urls
              if packed.count(url) != sum(other.startswith(url) for other in urls)]
    if packed.count("://") != len(urls):
        faults.append(f"{where}: {packed.count('://')} web addresses for {len(urls)} sources")
    return faults


@pytest.mark.parametrize("paper", PAPERS)
def test_every_recommended_handout_is_one_page_listing_each_public_source_once(paper):
    faults = []
    for choice in choices():
        where = f"{choice.code}/{choice.carrier_id}/{paper}"
        pages = list(printed(choice, paper, "handout").pages)
        if len(pages) != 1:
            faults.append(f"{where}: {len(pages)} pages, the last: {flat(pages[-1])[:80]!r}")
        faults += source_faults(pages, public_sources(choice.brief(paper)), where)
    assert faults == []


@pytest.mark.parametrize("paper", PAPERS)
def test_source_titles_give_way_only_when_they_would_push_the_handout_onto_a_second_page(paper):
    """Each source reads "publisher, title, date", or on a crowded page "publisher, date"
    and its address; never a mix, and the short form only where the full one cannot fit. A
    hand-picked handout with two more points than Hungary's recommended ones is crowded
    enough to need the short form, so it is read even when every recommended one fits whole."""
    faults, short_forms = [], 0
    for choice in (*choices(), crowded()):
        where = f"{choice.code}/{choice.carrier_id}/{paper}"
        shown = printed(choice, paper, "handout")
        sources = public_sources(choice.brief(paper))
        titled = [flat(f"\u201c{nested_quotes(s.title)},\u201d") in shown.text for s in sources]
        if any(titled) and not all(titled):
            faults.append(f"{where}: {titled.count(False)} of {len(sources)} sources without a title")
        if sources and not any(titled):
            short_forms += 1
            for source in sources:
                if f"{source.publisher}, " not in shown.text:
                    faults.append(f"{where}: no publisher for {source.url}")
            document = shown.produced.document
            bare = tuple(b for b in document.blocks if not isinstance(b, doc.Figures))
            if layout_pdf(document._replace(blocks=bare), tight=True).pages == 1:
                faults.append(f"{where}: titles dropped from a list that fits with them")
    assert faults == []
    assert short_forms, "no recommended handout needed the short form; this test reads nothing"


@pytest.mark.parametrize("paper", PAPERS)
def test_a_hand_picked_handout_that_runs_over_carries_a_point_onto_each_later_page(paper):
    """More points than a page holds: the handout runs over, and the page after the points
    is not a list of sources alone (the last point goes over with them)."""
    eligible = sorted(p.id for p in library().points.values()
                      if p.releasable and p.handout_text and not p.us_forces)
    for count in range(2, len(eligible) + 1):
        made = Brief(country="DE", paper=paper,
                     points=tuple(PointChoice(id=i) for i in eligible[:count]))
        produced = produce(library(), made, "handout")
        if produced.pages > 1:
            break
    else:
        pytest.fail("every built-in handout point fits on one page")
    pages = page_texts(produced.data)
    titles = [library().points[i].title for i in eligible[:count]]
    for number, page in enumerate(pages[1:], start=2):
        assert any(flat(page).startswith(t) for t in titles), (number, flat(page)[:80])
    assert source_faults(pages, public_sources(made), f"{count} points") == []
    assert not [w for w in produced.warnings if "public sources alone" in w]


def test_a_handout_whose_sources_run_past_a_page_of_their_own_is_warned_about():
    """Every releasable point: the sources alone fill more than a page, so the handout
    ends with pages of sources, and the officer is told (in Problems and on export)."""
    eligible = sorted(p.id for p in library().points.values()
                      if p.releasable and p.handout_text and not p.us_forces)
    made = Brief(country="DE", points=tuple(PointChoice(id=i) for i in eligible))
    produced = produce(library(), made, "handout")
    pages = page_texts(produced.data)
    titles = [library().points[i].title for i in eligible]
    alone = next(n for n in range(len(pages), 0, -1)
                 if any(t in flat(pages[n - 1]) for t in titles))
    alone = len(pages) - alone
    assert alone >= 1 and flat(pages[-1]).startswith("\u2022")
    assert f"the handout ends with {alone} page(s) of public sources alone (choose fewer " \
        "releasable points)" in produced.warnings


def test_an_address_after_a_citation_stays_on_its_line_only_when_it_fits():
    style = load_styles().paragraph["public_source"]
    short = "https://www.example.org/a"
    assert break_urls(f"Publisher, May 1, 2025. {short}", style, 400) == \
        f"Publisher, May 1, 2025. {short}"
    long = "https://www.example.org/news/2025/05/01/" + "-".join(["long-words-in-a-slug"] * 6)
    lines = break_urls(f"Publisher, May 1, 2025. {long}", style, 300).split("\n")
    assert lines[0] == "Publisher, May 1, 2025." and "".join(lines[1:]) == long and len(lines) > 2
    for line in lines[1:]:
        assert stringWidth(line, style.fontName, style.fontSize) <= 300
