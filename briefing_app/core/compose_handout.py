"""The leave-behind handout (a non-paper) as a `Document`: releasable points in plain prose,
two figures with their data, public sources.

Composed from releasable content only (deletion, not redaction): nothing officer-only is ever
read here, so nothing can hide in the layout. No markings, letterhead or names; the title is
the only metadata.
"""

from __future__ import annotations

from .assemble import AssembledBrief
from .compose import clearance_notes, run_in, source_line
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

HANDOUT_PAGES = 2
# Telecom-equipment market shares in 2017, as reported (IHS Markit, via the WSJ of 23 November
# 2018); the group is the legend entry: 0 headquartered in China, 1 in Europe.
MARKET_SHARES_2017 = (("Huawei", 22, 0), ("Nokia", 13, 1), ("Ericsson", 11, 1), ("ZTE", 10, 0))
MARKET_SCALE_MAX = 25  # per cent at the full bar length


def handout_title(brief: AssembledBrief, w: Words) -> str:
    return w.handout_title.format(country=brief.country.in_text)


def figures(w: Words) -> Figures:
    bars = tuple(Bar(vendor, share, group) for vendor, share, group in MARKET_SHARES_2017)
    chart = BarChart(w.market_title, bars, "%", MARKET_SCALE_MAX, w.market_legend,
                     w.market_source,
                     w.market_alt.format(bars=", ".join(f"{b.label} {b.value}%" for b in bars)))
    rows = tuple(DiagramRow(tag, edge, w.diagram_core, joined, note) for tag, edge, joined, note
                 in zip(("4G", "5G"), w.diagram_edge, (False, True), w.diagram_notes, strict=True))
    return Figures((chart, Diagram(w.diagram_title, rows, w.diagram_alt)))


def public_source_numbers(brief: AssembledBrief) -> list[int]:
    """The public sources behind the releasable points, in first-cited order: not those a
    point keeps to its background, nor the country and carrier records behind its facts."""
    numbers: list[int] = []
    for point in brief.handout_points:
        numbers += [n for n in point.handout_source_numbers if n not in numbers]
    return numbers


def handout(brief: AssembledBrief, w: Words, language: str) -> Document:
    name = brief.country.in_text
    title = handout_title(brief, w)
    blocks: list[Block] = [Title(title.replace(name, name.replace(" ", "\u00a0"))),  # never split
                           plain(w.handout_opening, "subtitle"), figures(w)]
    blocks += [Paragraph((run_in(p.title), Run(f" {p.text}")), whole=True)
               for p in brief.handout_points] or [plain(w.no_releasable)]
    numbers = public_source_numbers(brief)
    if numbers:
        items = tuple(Item(w.bullet, plain(source_line(w, brief.sources[n - 1]), whole=True))
                      for n in numbers)
        blocks.append(Section("sources", Heading(w.public_sources, 2),
                              (ItemList("sources", items),)))
    notes = tuple(m for p in brief.handout_points for m in p.misfit_warning) \
        + clearance_notes(brief, w)
    return Document("handout", brief.paper, tuple(blocks), Furniture("", w.page),
                    Metadata(title, language),
                    (Budget("pages", "", HANDOUT_PAGES, w.handout_too_long),), notes,
                    fit_one_page=True)
