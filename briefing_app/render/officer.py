"""The officer brief: marked, with meeting block, points, background, if raised, snapshot, sources.

Section order follows read-ahead practice: what the officer needs in the room (meeting,
BLUF, points) first, reference material (background, objections, snapshot, sources) after.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..core.assemble import AssembledBrief, AssembledPoint
from .pages import PAPER, build_pdf
from .styles import Styles, load_styles
from .text import bold, markup, para


def meeting_title(brief: AssembledBrief) -> str:
    if brief.meeting.title:
        return brief.meeting.title
    who = brief.carrier.name if brief.carrier else f"the Government of {brief.country.name}"
    return f"Meeting with {who}"


def _refs(point: AssembledPoint) -> str:
    return f" [{', '.join(map(str, point.source_numbers))}]" if point.source_numbers else ""


def _heading(text: str, styles: Styles, first: list[Flowable] | Flowable) -> Flowable:
    """A heading kept on the page with the first thing(s) under it."""
    first = first if isinstance(first, list) else [first]
    return KeepTogether([para(text, styles.paragraph["heading"]), *first])


def _meeting_block(brief: AssembledBrief, styles: Styles, width: float) -> list[Flowable]:
    label, cell = styles.paragraph["label"], styles.paragraph["cell"]
    meeting = brief.meeting
    rows = []
    if meeting.when:
        rows.append(("Date and time", meeting.when.strftime("%A %d %B %Y, %H:%M")))
    if meeting.place:
        rows.append(("Place", meeting.place))
    country = brief.country.name + (f" / {brief.carrier.name}" if brief.carrier else "")
    rows.append(("Country / carrier", country))
    for person in meeting.counterparts:
        parts = [person.name, person.title, person.organisation]
        text = ", ".join(p for p in parts if p)
        if person.pronunciation:
            text += f" (pronounced {person.pronunciation})"
        rows.append(("Counterpart", text))
    if meeting.participants:
        rows.append(("Our participants", "; ".join(meeting.participants)))
    table = Table([[para(k, label), para(v, cell)] for k, v in rows],
                  colWidths=[38 * mm, width - 38 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, styles.colours["muted"]),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [table, Spacer(1, 6)]


def _cui_block(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    if not brief.banner.startswith("CUI"):
        return []
    cui = brief.cui
    lines = [("Controlled by", cui.controlled_by), ("Category", cui.category),
             ("Dissemination", cui.dissemination), ("POC", cui.poc)]
    text = "<br/>".join(f"<b>{k}:</b> {markup(v or 'not given')}" for k, v in lines)
    return [Paragraph(text, styles.paragraph["small"]), Spacer(1, 6)]


def _opening(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    body = styles.paragraph["body"]
    meeting = brief.meeting
    story: list[Flowable] = []
    if meeting.bluf:
        story.append(para(meeting.bluf, body, "<b>BLUF:</b> "))
    if meeting.purpose:
        story.append(para(meeting.purpose, body, "<b>Purpose:</b> "))
    if meeting.objectives:
        story.append(Paragraph("<b>Objectives</b>", body))
        story += [para(o, styles.paragraph["point"], "\u2022\u00a0") for o in meeting.objectives]
    return story


def _point_paragraph(brief: AssembledBrief, point: AssembledPoint, styles: Styles) -> Paragraph:
    mark = brief.portion(point.marking)
    prefix = f"{point.number}.\u00a0" + (f"{mark} " if mark else "") + bold(point.title) + ": "
    return Paragraph(prefix + markup(point.text) + markup(_refs(point)),
                     styles.paragraph["point"])


def _points(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    paras = [_point_paragraph(brief, p, styles) for p in brief.points]
    if not paras:
        return [_heading("Talking points", styles, para("No points chosen.",
                                                        styles.paragraph["body"]))]
    return [_heading("Talking points", styles, paras[0]), *paras[1:]]


def _per_point(title: str, brief: AssembledBrief, styles: Styles, body_of) -> list[Flowable]:
    blocks = []
    for point in brief.points:
        content = body_of(point)
        if not content:
            continue
        mark = brief.portion(point.marking)
        head = para(f"{point.number}. {point.title}", styles.paragraph["subheading"],
                    f"{mark} " if mark else "")
        blocks.append([head, *content])
    if not blocks:
        return []
    first = blocks[0]
    story: list[Flowable] = [_heading(title, styles, first[:2]), *first[2:]]
    for block in blocks[1:]:
        story += [KeepTogether(block[:2]), *block[2:]]
    return story


def _background(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    body = styles.paragraph["body"]
    return _per_point("Background", brief, styles,
                      lambda p: [para(p.background, body)] if p.background else [])


def _if_raised(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    question, body = styles.paragraph["question"], styles.paragraph["body"]

    def answers(point: AssembledPoint) -> list[Flowable]:
        out: list[Flowable] = []
        for qa in point.if_raised:
            out += [para(qa.question, question), para(qa.answer, body)]
        return out

    return _per_point("If raised", brief, styles, answers)


def _snapshot(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    body, sub = styles.paragraph["body"], styles.paragraph["subheading"]
    country = brief.country
    n = brief.source_number
    story: list[Flowable] = []
    forces = country.us_forces
    story.append(para("US forces hosted", sub))
    if forces:
        story += [para(f"{f.name}, {f.location} ({f.service})", body, "\u2022\u00a0")
                  for f in forces]
    else:
        story.append(para(f"{country.name} hosts no US forces on record.", body))
    story.append(para("Carriers and publicly reported vendors", sub))
    for carrier in country.carriers:
        vendors = "; ".join(f"{v.vendor} ({v.role}) [{n(v.source)}]" for v in carrier.vendors)
        line = f"{carrier.name}: {vendors or 'no vendors on public record (verify locally)'}"
        if carrier.notes:
            line += f". {carrier.notes}"
        story.append(para(line, body, "\u2022\u00a0"))
    if country.policy:
        story.append(para("Policy notes", sub))
        for note in sorted(country.policy, key=lambda p: p.date):
            refs = ", ".join(str(n(s)) for s in note.sources)
            story.append(para(f"{note.date.isoformat()}: {note.note} [{refs}]", body,
                              "\u2022\u00a0"))
    story.append(para(f"Country profile last reviewed {country.reviewed.isoformat()}.",
                      styles.paragraph["small"]))
    heading = _heading(f"Country snapshot: {country.name}", styles, story[0])
    return [heading, *story[1:]]


def _sources(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    style = styles.paragraph["source"]
    items = []
    for number, source in enumerate(brief.sources, start=1):
        text = f"{source.publisher}, \u201c{source.title}\u201d, {source.date.isoformat()}"
        if source.url:
            text += f", {source.url}"
        items.append(para(text, style, f"{number}.\u00a0"))
    if not items:
        return []
    return [_heading("Sources", styles, items[0]), *items[1:]]


def _signatures(brief: AssembledBrief, styles: Styles) -> list[Flowable]:
    body = styles.paragraph["body"]
    return [Spacer(1, 10),
            KeepTogether([para(brief.drafted_by or "(not given)", body, "<b>Drafted by:</b> "),
                          para(brief.cleared_by or "(not given)", body, "<b>Cleared by:</b> ")])]


def officer_story(brief: AssembledBrief, styles: Styles, width: float) -> list[Flowable]:
    p = styles.paragraph
    return [
        para(meeting_title(brief), p["title"]),
        para(f"5G vendor security: officer brief, {brief.country.name}", p["subtitle"]),
        *_cui_block(brief, styles),
        *_meeting_block(brief, styles, width),
        *_opening(brief, styles),
        *_points(brief, styles),
        *_background(brief, styles),
        *_if_raised(brief, styles),
        *_snapshot(brief, styles),
        *_sources(brief, styles),
        *_signatures(brief, styles),
    ]


def build_officer(brief: AssembledBrief) -> bytes:
    styles = load_styles()
    width = PAPER[brief.paper][0] - 2 * styles.margin
    metadata = {"title": f"{meeting_title(brief)}: officer brief", "subject": brief.banner}
    return build_pdf(officer_story(brief, styles, width), paper=brief.paper, styles=styles,
                     banner=brief.banner, metadata=metadata)
