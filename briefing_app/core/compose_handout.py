"""The leave-behind handout (a non-paper) as a `Document`: releasable points in the wording
written to be handed over (never the spoken text), the figures those points use with their
data, public sources. Points that speak of US forces wait for a recorded release.

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
    numbers = public_source_numbers(brief)
    if numbers:
        items = tuple(Item(w.bullet, plain(source_line(w, brief.sources[n - 1]), whole=True))
                      for n in numbers)
        blocks.append(Section("sources", Heading(w.public_sources, 2),
                              (ItemList("sources", items),)))
    notes = brief.missing_warnings + tuple(m for p in brief.handout_points for m in p.misfit_warning) \
        + held_back_notes(brief, w) + clearance_notes(brief, w)
    return Document("handout", brief.paper, tuple(blocks), Furniture("", w.page),
                    Metadata(title, language),
                    (Budget("pages", "", HANDOUT_PAGES, w.handout_too_long),), notes,
                    fit_one_page=True)
