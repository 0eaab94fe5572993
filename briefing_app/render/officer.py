"""The officer brief: marked, first page for the room, then points and reference material.

Section order follows read-ahead practice: what the officer needs in the room (meeting,
BLUF, purpose, objectives, talking points) first; background, objections, the country
snapshot and sources after; drafted/cleared lines last.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ..core.assemble import AssembledBrief
from .budgets import RenderResult, officer_warnings
from .officer_sections import (
    background,
    if_raised,
    portion_prefix,
    signatures,
    snapshot,
    sources,
    talking_points,
)
from .pages import PAPER, Layout, build_pdf
from .styles import Styles, load_styles
from .text import markup, noting_unprintable, para, unprintable_warning

LABEL_WIDTH = 36 * mm
NOT_SET = "to be confirmed"
BOX_PADDING = 6
# English names, whatever the machine's locale (the window's toolkit may set one).
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def meeting_title(brief: AssembledBrief) -> str:
    if brief.meeting.title:
        return brief.meeting.title
    who = brief.carrier.name if brief.carrier else f"the Government of {brief.country.in_text}"
    return f"Meeting with {who}"


def _when(brief: AssembledBrief) -> str:
    when = brief.meeting.when
    if when is None:
        return NOT_SET
    zone = f" {when.tzname()}" if when.tzinfo else ""
    return (f"{DAYS[when.weekday()]} {when.day} {MONTHS[when.month - 1]} {when.year}, "
            f"{when:%H:%M}{zone}")


def _people(brief: AssembledBrief, styles: Styles) -> list[tuple[str, Paragraph]]:
    cell = styles.paragraph["cell"]
    lines = []
    for person in brief.meeting.counterparts:
        text = markup(", ".join(p for p in (person.name, person.title, person.organisation) if p))
        if person.pronunciation:
            text += f" (say: {markup(person.pronunciation)})"
        lines.append(text)
    participants = "; ".join(brief.meeting.participants)
    return [("Counterparts", Paragraph("<br/>".join(lines) or NOT_SET, cell)),
            ("Our participants", para(participants or NOT_SET, cell))]


def _labelled_table(rows: list[tuple[str, Paragraph]], styles: Styles, width: float) -> Table:
    label = styles.paragraph["label"]
    table = Table([[para(k, label), v] for k, v in rows],
                  colWidths=[LABEL_WIDTH, width - LABEL_WIDTH])
    table.setStyle(TableStyle([
        styles.table_font,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.75, styles.colours["muted"]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, styles.colours["muted"]),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _meeting_block(brief: AssembledBrief, styles: Styles, width: float) -> list[Flowable]:
    cell = styles.paragraph["cell"]
    meeting = brief.meeting
    where = ("Country / carrier", f"{brief.country.name} / {brief.carrier.name}") \
        if brief.carrier else ("Country", brief.country.name)
    rows = [("Date and time", para(_when(brief), cell)),
            ("Place", para(meeting.place or NOT_SET, cell)),
            (where[0], para(where[1], cell)),
            *_people(brief, styles)]
    return [_labelled_table(rows, styles, width), Spacer(1, 8)]


def _cui_block(brief: AssembledBrief, styles: Styles, width: float) -> list[Flowable]:
    """The CUI designation indicator, required on the first page of a CUI document."""
    if brief.scheme != "us" or not brief.banner.upper().startswith("CUI"):
        return []
    cui = brief.cui
    rows = [("Controlled by", cui.controlled_by), ("Category", cui.category),
            ("Dissemination", cui.dissemination), ("POC", cui.poc)]
    text = "<br/>".join(f"<b>{k}:</b> {markup(v or 'not given')}" for k, v in rows)
    return [_boxed(Paragraph(text, styles.paragraph["cell"]), styles, width / 2, "RIGHT"),
            Spacer(1, 8)]


def _boxed(content: Flowable, styles: Styles, width: float, align: str = "CENTER",
           shade: bool = False) -> Table:
    box = Table([[content]], colWidths=[width], hAlign=align)
    box.setStyle(TableStyle([
        styles.table_font,
        *([("BACKGROUND", (0, 0), (-1, -1), styles.colours["shade"])] if shade else []),
        ("BOX", (0, 0), (-1, -1), 0.75, styles.colours["muted"]),
        ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return box


def _bluf(brief: AssembledBrief, styles: Styles) -> Paragraph:
    mark = portion_prefix(brief, brief.top_marking)
    return para(brief.meeting.bluf, styles.paragraph["bluf"], f"{mark}<b>BLUF:</b> ")


def bluf_lines(brief: AssembledBrief, styles: Styles, width: float) -> int:
    """How many lines the BLUF takes in its box (read-ahead practice: four at most)."""
    if not brief.meeting.bluf:
        return 0
    paragraph = _bluf(brief, styles)
    paragraph.wrap(width - 2 * BOX_PADDING, 10_000)
    return len(paragraph.blPara.lines)


def _bluf_box(brief: AssembledBrief, styles: Styles, width: float) -> Table | None:
    """The bottom line up front, boxed so it is the first thing the eye finds."""
    if not brief.meeting.bluf:
        return None
    return _boxed(_bluf(brief, styles), styles, width, shade=True)


def _opening(brief: AssembledBrief, styles: Styles, width: float) -> list[Flowable]:
    p = styles.paragraph
    meeting = brief.meeting
    mark = portion_prefix(brief, brief.top_marking)
    story: list[Flowable] = []
    box = _bluf_box(brief, styles, width)
    if box is not None:
        story += [box, Spacer(1, 8)]
    if meeting.purpose:
        story += [para("Purpose", p["subheading"]), para(meeting.purpose, p["body"], mark)]
    if meeting.objectives:
        story.append(para("Objectives", p["subheading"]))
        story += [para(o, p["point"], mark, f"{n}.")
                  for n, o in enumerate(meeting.objectives, start=1)]
    return story


def officer_story(brief: AssembledBrief, styles: Styles, width: float,
                  layout: Layout) -> list[Flowable]:
    p = styles.paragraph
    return [
        para(meeting_title(brief), p["title"]),
        para(f"Officer brief \u00b7 5G vendor security \u00b7 {brief.country.name}", p["subtitle"]),
        *_cui_block(brief, styles, width),
        *_meeting_block(brief, styles, width),
        *_opening(brief, styles, width),
        *talking_points(brief, styles, layout),
        *background(brief, styles, layout),
        *if_raised(brief, styles),
        *snapshot(brief, styles),
        *sources(brief, styles),
        *signatures(brief, styles),
    ]


def build_officer(brief: AssembledBrief) -> RenderResult:
    styles = load_styles()
    width = PAPER[brief.paper][0] - 2 * styles.margin
    layout = Layout()
    with noting_unprintable() as unprintable:
        story = officer_story(brief, styles, width, layout)
    data = build_pdf(story, paper=brief.paper, styles=styles, banner=brief.banner,
                     title=f"{meeting_title(brief)}: officer brief", layout=layout)
    warnings = officer_warnings(brief, layout, bluf_lines(brief, styles, width))
    return RenderResult(data, layout.pages, warnings + unprintable_warning(unprintable))
