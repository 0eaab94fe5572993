"""The leave-behind handout (a non-paper): releasable points in plain prose, public sources.

Built from releasable content only: nothing officer-only is ever handed to the layout, so
nothing can be hidden in it. No markings, letterhead or names; metadata is a title only.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ..core.assemble import AssembledBrief
from .budgets import RenderResult, handout_warnings
from .figures import edge_diagram, figure_text, market_chart
from .officer_sections import BULLET, source_line
from .pages import PAPER, Layout, build_pdf
from .styles import Styles, load_styles
from .text import heading, noting_unprintable, para, run_in, unprintable_warning

OPENING = ("5G networks will carry the services that economies and their security depend on. "
           "This paper sets out why the choice of equipment supplier matters.")


def handout_title(brief: AssembledBrief) -> str:
    return f"Trusted suppliers for 5G networks in {brief.country.in_text}"


def handout_text(brief: AssembledBrief) -> list[str]:
    """Every piece of text the handout is allowed to print, for the leak check."""
    styles = load_styles()
    return [handout_title(brief), OPENING, *figure_text(styles, _half(styles, brief.paper)),
            *(part for p in brief.handout_points for part in (p.title, p.text)),
            *(source_line(brief, n) for n in handout_source_numbers(brief))]


def handout_source_numbers(brief: AssembledBrief) -> list[int]:
    """The public sources behind the releasable points, in first-cited order: not those a
    point keeps to its background, nor the country and carrier records behind its facts."""
    numbers: list[int] = []
    for point in brief.handout_points:
        numbers += [n for n in point.handout_source_numbers if n not in numbers]
    return numbers


def _half(styles: Styles, paper: str) -> float:
    """The width of each figure: half the text width, less the gap between them."""
    return (PAPER[paper][0] - 2 * styles.margin - styles.figure["gap"]) / 2


def _figures(styles: Styles, paper: str) -> Table:
    half = _half(styles, paper)
    row = Table([[market_chart(styles, half), "", edge_diagram(styles, half)]],
                colWidths=[half, styles.figure["gap"], half])
    row.setStyle(TableStyle([styles.table_font, ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                             ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return row


def handout_story(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    p = styles.paragraph
    name = brief.country.in_text
    title = handout_title(brief).replace(name, name.replace(" ", "\u00a0"))  # never split a name
    story: list[Flowable] = [para(title, p["title"]),
                             para(OPENING, p["subtitle"]),
                             _figures(styles, brief.paper), Spacer(1, 10)]
    story += [para(point.text, p["body"], run_in(point.title))
              for point in brief.handout_points]
    if not brief.handout_points:
        story.append(para("No releasable points were chosen.", p["body"]))
    numbers = handout_source_numbers(brief)
    if numbers:
        story += heading("Public sources", p["subheading"], styles.keep)
        story += [para(source_line(brief, n), p["source"], bullet=BULLET) for n in numbers]
    return story


def build_handout(brief: AssembledBrief) -> RenderResult:
    styles = load_styles()
    layout = Layout()
    with noting_unprintable() as unprintable:
        story = handout_story(brief, styles)
    data = build_pdf(story, paper=brief.paper, styles=styles, banner="",
                     title=handout_title(brief), layout=layout)
    return RenderResult(data, layout.pages,
                        handout_warnings(brief, layout) + unprintable_warning(unprintable))
