"""The leave-behind handout (a non-paper) as a `Document`: releasable points in the wording
written to be handed over (never the spoken text), the figures those points use with their
data, public sources. Points that speak of US forces wait for a recorded release.

Composed from releasable content only (deletion, not redaction): nothing officer-only is ever
read here, so nothing can hide in the layout. No markings, letterhead or names; the title is
the only metadata.
"""

from __future__ import annotations

from collections.abc import Callable

from .assemble import AssembledBrief
from .compose import clearance_notes, day, run_in, source_line
from .document import (
    Bar,
    BarChart,
    Block,
    Budget,
    Diagram,
    DiagramRow,
    Document,
    Figures,
    Furniture,
    Heading,
    Item,
    ItemList,
    Metadata,
    Paragraph,
    Run,
    Section,
    Title,
    plain,
)
from .language import Words
from .models import Source

HANDOUT_PAGES = 2
# Worldwide telecom equipment revenue shares in 2024 (Dell'Oro Group, as reported by iTWire on
# 20 March 2025: the latest full year published); the group is the legend entry: 0
# headquartered in China, 1 elsewhere.
MARKET_SHARES_2024 = (("Huawei", 31, 0), ("Nokia", 14, 1), ("Ericsson", 13, 1), ("ZTE", 11, 0),
                      ("Cisco", 4, 1), ("Ciena", 3, 1), ("Samsung", 2, 1), ("Juniper", 2, 1))
MARKET_SCALE_MAX = 35  # per cent at the full bar length


def handout_title(brief: AssembledBrief, w: Words) -> str:
    return w.handout_title.format(country=brief.country.in_text)


def market_chart(w: Words) -> BarChart:
    bars = tuple(Bar(vendor, share, group) for vendor, share, group in MARKET_SHARES_2024)
    return BarChart(w.market_title, bars, "%", MARKET_SCALE_MAX, w.market_legend,
                    w.market_source,
                    w.market_alt.format(bars=", ".join(f"{b.label} {b.value}%" for b in bars)))


def edge_core_diagram(w: Words) -> Diagram:
    rows = tuple(DiagramRow(tag, edge, w.diagram_core, joined, note) for tag, edge, joined, note
                 in zip(("4G", "5G"), w.diagram_edge, (False, True), w.diagram_notes, strict=True))
    return Diagram(w.diagram_title, rows, w.diagram_alt)


FIGURES = {"market-share": market_chart, "edge-core": edge_core_diagram}


def figures(brief: AssembledBrief, w: Words) -> list[Figures]:
    """The figures the chosen releasable points use, side by side; none when no point uses one."""
    drawn = tuple(FIGURES[name](w) for name in brief.handout_figures)
    return [Figures(drawn)] if drawn else []


def public_source_numbers(brief: AssembledBrief) -> list[int]:
    """The public sources behind the releasable points, in first-cited order: not those a
    point keeps to its background, nor the country and carrier records behind its facts."""
    numbers: list[int] = []
    for point in brief.handout_points:
        numbers += [n for n in point.handout_source_numbers if n not in numbers]
    return numbers


def short_source_line(w: Words, source: Source) -> str:
    """A public source without its title, its web address straight after the date: the
    short form a handout falls back to when the full list would push it onto a second page.
    The address, in full, still says what the publication is."""
    text = w.short_source.format(publisher=source.publisher, date=day(w, source.date))
    return f"{text}. {source.url}" if source.url else text


def public_sources(sources: list[Source], w: Words, line: Callable[[Words, Source], str]) -> Section:
    """The handout's public sources, each publication once, set small and close together."""
    items = tuple(Item(w.bullet, plain(line(w, source), whole=True)) for source in sources)
    return Section("sources", Heading(w.public_sources, 2), (ItemList("public-sources", items),))


def held_back_notes(brief: AssembledBrief, w: Words) -> tuple[str, ...]:
    """Why each releasable point the officer chose is not on the handout, in words."""
    said = {"us-forces": w.held_us_forces, "no-wording": w.held_no_wording}
    return tuple(said[why].format(n=p.number, id=p.id) for p in brief.points
                 if p.releasable and (why := brief.held_back(p)))


def handout(brief: AssembledBrief, w: Words, language: str) -> Document:
    name = brief.country.in_text
    title = handout_title(brief, w)
    blocks: list[Block] = [Title(title.replace(name, name.replace(" ", "\u00a0"))),  # never split
                           plain(w.handout_opening, "subtitle"), *figures(brief, w)]
    blocks += [Paragraph((run_in(p.title), Run(f" {p.handout_text}")), whole=True)
               for p in brief.handout_points] or [plain(w.no_releasable)]
    sources = [brief.sources[n - 1] for n in public_source_numbers(brief)]
    if sources:
        blocks.append(public_sources(sources, w, source_line))
    notes = brief.missing_warnings + tuple(m for p in brief.handout_points for m in p.misfit_warning) \
        + held_back_notes(brief, w) + clearance_notes(brief, w)
    return Document("handout", brief.paper, tuple(blocks), Furniture("", w.page),
                    Metadata(title, language),
                    (Budget("pages", "", HANDOUT_PAGES, w.handout_too_long),
                     Budget("spill", "sources", 0, w.handout_sources_alone)), notes,
                    fit_one_page=True,
                    compact=(public_sources(sources, w, short_source_line),) if sources else ())
