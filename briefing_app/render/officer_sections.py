"""The officer brief's sections after the first page block: points, background, if raised,
country snapshot, sources, drafted/cleared lines.

Each heading is preceded by a conditional page break (see `text.heading`), so it never ends
a page alone while long paragraphs still split across pages; every section is a flat list.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..core.assemble import AssembledBrief, AssembledPoint
from .pages import Layout, SectionMark
from .styles import Styles
from .text import bold, heading, para, run_in

BULLET = "\u2022"
POINTS, BACKGROUND = "Talking points", "Background"  # sections with page budgets


def portion_prefix(brief: AssembledBrief, marking: str) -> str:
    """The portion mark that opens a paragraph, as trusted markup ("" in the UK scheme)."""
    mark = brief.portion(marking)
    return f"{mark}\u00a0" if mark else ""


def source_line(brief: AssembledBrief, number: int) -> str:
    source = brief.sources[number - 1]
    text = f"{source.publisher}, \u201c{source.title}\u201d, {source.date.isoformat()}"
    return text + (f"\n{source.url}" if source.url else "")  # a URL on its own line breaks less


def _head(text: str, styles: Styles, level: str = "heading",
          mark: Flowable | None = None) -> list[Flowable]:
    return heading(text, styles.paragraph[level], styles.keep, mark)


def talking_points(brief: AssembledBrief, styles: Styles, layout: Layout) -> list[Flowable]:
    p = styles.paragraph
    story = _head(POINTS, styles, mark=SectionMark(layout, f"{POINTS}:start"))
    for point in brief.points:
        numbers = sorted(point.source_numbers)
        refs = f" [{', '.join(map(str, numbers))}]" if numbers else ""
        prefix = portion_prefix(brief, point.marking) + run_in(point.title)
        story.append(para(point.text + refs, p["point"], prefix, f"{point.number}."))
    if not brief.points:
        story.append(para("No points chosen.", p["body"]))
    return [*story, SectionMark(layout, f"{POINTS}:end")]


def _per_point(title: str, brief: AssembledBrief, styles: Styles,
               body_of: Callable[[AssembledPoint, str], list[Flowable]],
               layout: Layout | None = None) -> list[Flowable]:
    """A section with one sub-heading per point that has something to say under it; with a
    layout, its start and end are marked so its length can be measured."""
    story: list[Flowable] = []
    for point in brief.points:
        content = body_of(point, portion_prefix(brief, point.marking))
        if content:
            story += [*_head(f"{point.number}. {point.title}", styles, "subheading"), *content]
    if not story:
        return []
    if layout is None:
        return [*_head(title, styles), *story]
    start, end = SectionMark(layout, f"{title}:start"), SectionMark(layout, f"{title}:end")
    return [*_head(title, styles, mark=start), *story, end]


def background(brief: AssembledBrief, styles: Styles, layout: Layout) -> list[Flowable]:
    body = styles.paragraph["body"]
    return _per_point(BACKGROUND, brief, styles,
                      lambda p, mark: [para(p.background, body, mark)] if p.background else [],
                      layout)


def if_raised(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    question, body = styles.paragraph["question"], styles.paragraph["body"]

    def answers(point: AssembledPoint, mark: str) -> list[Flowable]:
        out: list[Flowable] = []
        for qa in point.if_raised:
            out += [para(qa.question, question, mark), para(qa.answer, body, mark)]
        return out

    return _per_point("If raised", brief, styles, answers)


def snapshot(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    """Public, sourced facts about the host country: forces, carriers and vendors, policy."""
    country = brief.country
    n = brief.source_number
    item, mark = styles.paragraph["item"], portion_prefix(brief, "U")
    story = [*_head(f"Country snapshot: {country.name}", styles),
             *_head("US forces hosted", styles, "subheading")]
    if country.us_forces:
        story += [para(f"{f.name}, {f.location} ({f.service})", item, mark, BULLET)
                  for f in country.us_forces]
    else:
        story.append(para(f"{country.at_start} hosts no US forces on record.", item, mark, BULLET))
    story += _head("Carriers and publicly reported vendors", styles, "subheading")
    for carrier in country.carriers:
        vendors = "; ".join(f"{v.vendor} ({v.phrase}{', ' + v.detail if v.detail else ''}) "
                            f"[{n(v.source)}]" for v in carrier.vendors)
        line = f"{vendors or 'no vendors on public record (verify locally)'}"
        if carrier.notes:
            line += f". {carrier.notes}"
        story.append(para(line, item, mark + bold(carrier.name) + ": ", BULLET))
    if country.policy:
        story += _head("Policy notes", styles, "subheading")
        for note in sorted(country.policy, key=lambda p: p.date):
            refs = ", ".join(str(n(s)) for s in note.sources)
            story.append(para(f"{note.note} [{refs}]", item,
                              mark + bold(note.date.isoformat()) + " ", BULLET))
    story.append(para(f"Country profile last reviewed {country.reviewed.isoformat()}.",
                      styles.paragraph["small"]))
    return story


def sources(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    style = styles.paragraph["source"]
    items = [para(source_line(brief, n), style, bullet=f"{n}.")
             for n in range(1, len(brief.sources) + 1)]
    return [*_head("Sources", styles), *items] if items else []


def signatures(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    body = styles.paragraph["body"]
    return [Spacer(1, 10),
            KeepTogether([para(brief.drafted_by or "(not given)", body, "<b>Drafted by:</b> "),
                          para(brief.cleared_by or "(not given)", body, "<b>Cleared by:</b> ")])]

