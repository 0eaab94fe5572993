"""The leave-behind handout (a non-paper): releasable points in plain prose, public sources.

Built from releasable content only: nothing officer-only is ever handed to the layout, so
nothing can be hidden in it. No markings, letterhead or names; metadata is a title only.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..core.assemble import AssembledBrief
from .pages import build_pdf
from .styles import Styles, load_styles
from .text import para


def handout_title(brief: AssembledBrief) -> str:
    return f"Secure 5G networks in {brief.country.name}: choosing trusted suppliers"


def handout_story(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    p = styles.paragraph
    points = brief.handout_points
    story: list[Flowable] = [
        para(handout_title(brief), p["title"]),
        para("5G will carry the services a modern economy and its defence depend on. The "
             "points below set out why the choice of equipment suppliers matters, and how "
             "partners are approaching it.", p["subtitle"]),
    ]
    sources = []
    for point in points:
        story.append(KeepTogether([para(point.title, p["subheading"]),
                                   para(point.text, p["body"])]))
        for number in point.source_numbers:
            source = brief.sources[number - 1]
            if source not in sources:
                sources.append(source)
    if not points:
        story.append(para("No releasable points were chosen.", p["body"]))
    if sources:
        items = []
        for source in sources:
            text = f"{source.publisher}, \u201c{source.title}\u201d, {source.date.isoformat()}"
            items.append(para(text + (f", {source.url}" if source.url else ""), p["source"],
                              "\u2022\u00a0"))
        story += [Spacer(1, 6), KeepTogether([para("Public sources", p["subheading"]),
                                              items[0]]), *items[1:]]
    return story


def build_handout(brief: AssembledBrief) -> bytes:
    styles = load_styles()
    return build_pdf(handout_story(brief, styles), paper=brief.paper, styles=styles, banner="",
                     metadata={"title": handout_title(brief)})
