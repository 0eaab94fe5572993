"""Page budgets from read-ahead practice, checked against the finished layout.

A principal reads talking points of one page and background of two; a BLUF of four lines;
one to three objectives; a leave-behind of one or two pages. Going over is allowed (the
officer decides) but never silent: each overrun is a warning the command line prints and
the window can show.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.assemble import AssembledBrief
from .officer_sections import BACKGROUND, POINTS
from .pages import Layout

POINTS_PAGES = 1.0
BACKGROUND_PAGES = 2.0
BLUF_LINES = 4
OBJECTIVES = 3
HANDOUT_PAGES = 2
_SLACK = 0.02  # a line's rounding is not an overrun


@dataclass(frozen=True)
class RenderResult:
    """A rendered PDF with what the officer should know about it."""

    data: bytes
    pages: int
    warnings: tuple[str, ...] = ()


def officer_warnings(brief: AssembledBrief, layout: Layout, bluf_lines: int) -> tuple[str, ...]:
    found = []
    points = layout.extent(POINTS)
    if points > POINTS_PAGES + _SLACK:
        found.append(f"talking points run to {points:.1f} pages; keep them to one page "
                     f"(fewer or shorter points)")
    background = layout.extent(BACKGROUND)
    if background > BACKGROUND_PAGES + _SLACK:
        found.append(f"background runs to {background:.1f} pages; keep it to two pages")
    if bluf_lines > BLUF_LINES:
        found.append(f"the BLUF takes {bluf_lines} lines; keep it to {BLUF_LINES}")
    if len(brief.meeting.objectives) > OBJECTIVES:
        found.append(f"{len(brief.meeting.objectives)} objectives; a read-ahead has one to "
                     f"{OBJECTIVES}")
    if brief.banner_understated:
        found.append(f"the banner '{brief.banner}' is lower than the highest portion marking "
                     f"({brief.top_marking}) in the brief")
    return tuple(found) + tuple(w for p in brief.points for w in p.misfit_warning)


def handout_warnings(brief: AssembledBrief, layout: Layout) -> tuple[str, ...]:
    found = tuple(w for p in brief.handout_points for w in p.misfit_warning)
    if layout.pages > HANDOUT_PAGES:
        found += (f"the handout runs to {layout.pages} pages; a leave-behind should be one or "
                  f"two (choose fewer releasable points)",)
    return found
