"""The officer brief as a `Document`: marked, first page for the room, then reference material.

Section order follows read-ahead practice: a header block (post, date, the meeting in one
line), then what the officer needs in the room (meeting, BLUF, the purpose, the asks, talking
points) first; background, objections, the country snapshot and sources after; drafted/
cleared lines last. Under a scheme with portion marks every portion is marked (32 CFR
2002.20: once any portion is, all are): the header, title, meeting table (once, in its
caption), each paragraph, point, answer, fact and source; not the headings, the designation
indicator or the sign-off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .assemble import AssembledBrief, AssembledPoint
from .brief import Objective
from .compose import clearance_notes, clearer, day, portion, run_in, source_line
from .compose_snapshot import as_sentences, passed_deadlines, snapshot, verify_aside
from .document import (
    Block,
    Box,
    Budget,
    Document,
    Furniture,
    Heading,
    Item,
    ItemList,
    Metadata,
    Paragraph,
    Run,
    Section,
    Signoff,
    Table,
    Title,
    plain,
)
from .house_style import local_time, nested_quotes
from .language import Words
from .provenance import overdue

POINTS_PAGES, BACKGROUND_PAGES, BLUF_LINES, OBJECTIVES = 1.0, 2.0, 4, 3


def meeting_title(brief: AssembledBrief, w: Words) -> str:
    if brief.meeting.title:
        return brief.meeting.title
    who = brief.carrier.name if brief.carrier else w.government_of.format(
        country=brief.country.in_text)
    return w.meeting_with.format(who=who)


def _local(brief: AssembledBrief) -> tuple[dt.datetime, str] | None:
    """The meeting's time in the host's zone and the zone's abbreviation, if a time is set."""
    when, country = brief.meeting.when, brief.country
    return None if when is None else local_time(when, country.time_zone,
                                                 country.time_zone_abbreviation)


def _when(brief: AssembledBrief, w: Words) -> str:
    found = _local(brief)
    if found is None:
        return w.to_be_confirmed
    when, zone = found
    return w.date_time.format(day=w.days[when.weekday()], date=when.day,
                              month=w.months[when.month - 1], year=when.year,
                              time=f"{when:%H:%M}" + (f" {zone}" if zone else ""))


def _listed(items: list[str], w: Words) -> str:
    return w.list_and.format(rest=", ".join(items[:-1]), last=items[-1]) if len(items) > 1 \
        else "".join(items)


def _header(brief: AssembledBrief, w: Words) -> list[Block]:
    """The read-ahead's header block: the post and the meeting's date, then the meeting in
    one line (whom, when, where)."""
    meeting, found = brief.meeting, _local(brief)
    when, zone = found or (None, "")
    date = w.day_date.format(day=w.days[when.weekday()], date=when.day,
                             month=w.months[when.month - 1], year=when.year) \
        if when else w.to_be_confirmed
    names = [c.name for c in meeting.counterparts if c.name.strip()]
    bodies = list(dict.fromkeys(c.organisation for c in meeting.counterparts if c.organisation))
    who = w.people.format(names=_listed(names, w), bodies=", ".join(bodies)) if names and bodies \
        else _listed(names, w) or (brief.carrier.name if brief.carrier else
                                   w.government_of.format(country=brief.country.in_text))
    line = ", ".join(p for p in (w.header_meeting.format(who=who),
                                 f"{when:%H:%M} {zone}".strip() if when else "", meeting.place) if p)
    top = w.header_post.format(post=brief.post, date=date) if brief.post.strip() else date
    said = [top] if when or brief.post.strip() else []  # "to be confirmed" alone says nothing
    said += [line] if line != meeting_title(brief, w) else []  # nor the title said twice
    return [plain(text, "note", portion(brief, "U")) for text in said]


def _meeting_table(brief: AssembledBrief, w: Words) -> Table:
    """The meeting at a glance: one portion, marked once in its caption."""
    meeting = brief.meeting
    where = (w.country_carrier, f"{brief.country.name} / {brief.carrier.name}") \
        if brief.carrier else (w.country, brief.country.name)
    people = tuple(", ".join(p for p in (c.name, c.title, c.organisation) if p)
                   + (w.say.format(pronunciation=c.pronunciation) if c.pronunciation else "")
                   for c in meeting.counterparts)
    rows = ((w.date_and_time, _when(brief, w)), (w.place, meeting.place or w.to_be_confirmed),
            where, (w.counterparts, people if "\n".join(people) else (w.to_be_confirmed,)),
            (w.participants, "; ".join(meeting.participants) or w.to_be_confirmed))
    return Table(tuple(((label,), value if isinstance(value, tuple) else (value,))
                       for label, value in rows), labelled=True, portion=portion(brief, "U"),
                 caption=w.meeting_details)


def _cui_box(brief: AssembledBrief) -> list[Block]:
    """The CUI designation indicator on page 1, with the Handbook's labels; not portion-marked."""
    lines = brief.marks.designation
    runs: list[Run] = []
    for index, (label, value) in enumerate(lines):
        end = "\n" if index < len(lines) - 1 else ""
        runs += [Run(f"{label}:", bold=True), Run(f" {value}{end}")]
    return [Box((Paragraph(tuple(runs), "cell"),), align="right", width=0.5)] if runs else []


def _objectives(brief: AssembledBrief) -> list[Objective]:
    return [o for o in brief.meeting.objectives if o.text.strip()]


def _opening(brief: AssembledBrief, w: Words) -> list[Block]:
    meeting = brief.meeting
    blocks: list[Block] = []
    if meeting.bluf:
        blocks.append(Box((Paragraph((Run(w.bluf, bold=True), Run(f" {meeting.bluf}")), "bluf",
                                     portion(brief, meeting.bluf_marking)),), id="bluf", shade=True))
    if meeting.purpose.strip():  # a read-ahead says why we meet before what we ask, in body type
        blocks.append(Section("purpose", Heading(w.purpose, 2), (plain(
            meeting.purpose, "body", portion(brief, meeting.purpose_marking)),)))
    objectives = _objectives(brief)
    if objectives:  # a principal finds the asks at a glance, under the bottom line and purpose
        items = tuple(Item(w.number.format(n=n), plain(o.text, portion=portion(brief, o.marking),
                                                       whole=True))
                      for n, o in enumerate(objectives, start=1))
        blocks.append(Section("asks", Heading(w.asks, 2), (ItemList("points", items),)))
    return blocks


def _points(brief: AssembledBrief, w: Words) -> Section:
    items = tuple(Item(w.number.format(n=p.number), Paragraph(
        (run_in(p.title), Run(f" {p.text}")), portion=portion(brief, p.marking),
        refs=tuple(sorted(p.source_numbers)), whole=True, refs_raised=True)) for p in brief.points)
    body: Block = ItemList("points", items) if items else plain(w.no_points, portion=portion(brief, "U"))
    return Section("points", Heading(w.points), (body,))


def _per_point(section: str, title: str, brief: AssembledBrief, w: Words,
               body_of: Callable[[AssembledPoint], list[Block]]) -> list[Section]:
    """A section with one sub-heading per point that has something to say under it."""
    blocks: list[Block] = []
    for point in brief.points:
        content = body_of(point)
        if content:
            blocks += [Heading(f"{w.number.format(n=point.number)} {point.title}", 2), *content]
    return [Section(section, Heading(title), tuple(blocks))] if blocks else []


def _sources(brief: AssembledBrief, w: Words) -> list[Section]:
    """Every source, with its quotation where the library gives one (officer brief only);
    each is portion-marked and never split across pages."""
    items = tuple(Item(w.number.format(n=n), plain(
        source_line(w, s) + (f"\n{w.quote.format(quote=nested_quotes(s.quote))}" if s.quote else ""),
        portion=portion(brief, "U"), whole=True))
        for n, s in enumerate(brief.sources, start=1))
    return [Section("sources", Heading(w.sources), (ItemList("sources", items),))] if items else []


def _signoff(brief: AssembledBrief, w: Words) -> Signoff:
    """The clearance record in the usual form: who drafted, then one line per clearance."""
    roles, statuses = dict(w.clearance_roles), dict(w.clearance_status)
    lines = [(w.drafted, brief.drafted_by or w.not_given)]
    for c in brief.clearances:
        date = w.clearance_date.format(date=day(w, c.date)) if c.date else ""
        lines.append((roles[c.role], f"{clearer(c) or w.not_given}{date}{statuses[c.status]}"))
    if not brief.clearances:
        lines.append((roles["cleared"], w.not_given))
    return Signoff(tuple(Paragraph((Run(label, bold=True), Run(f" {text}")))
                         for label, text in lines))


def _notes(brief: AssembledBrief, w: Words) -> tuple[str, ...]:
    """What the officer should know that needs no layout to see."""
    found = list(brief.marks.warnings)
    if len(_objectives(brief)) > OBJECTIVES:
        found.append(w.too_many_objectives.format(count=len(_objectives(brief)), limit=OBJECTIVES))
    return brief.missing_warnings + tuple(found) + tuple(m for p in brief.points for m in p.misfit_warning) \
        + clearance_notes(brief, w)


def officer(brief: AssembledBrief, w: Words, language: str,
            today: dt.date | None = None) -> Document:
    """The officer brief; `today` decides which deadlines are reported as passed."""
    mark = portion
    today = today or dt.date.today()

    def background(p: AssembledPoint) -> list[Block]:
        text = [p.background] if p.background else []
        if p.fact and p.fact.verify:
            text.append(as_sentences(verify_aside(w, p.fact)).lstrip())
        if overdue(p.fact, p.cited, today):
            text.append(w.deadline_passed.format(date=day(w, p.fact.deadline)))
        blocks: list[Block] = [plain(t, portion=mark(brief, p.marking)) for t in text]
        if p.note.strip():  # the officer's private note: here, and never on a handout
            blocks.append(Paragraph((Run(w.note, bold=True), Run(f" {p.note.strip()}")),
                                    portion=mark(brief, p.marking)))
        return blocks

    def answers(p: AssembledPoint) -> list[Block]:
        return [plain(text, role, mark(brief, p.marking), whole=role == "body")  # asked, answered
                for qa in p.if_raised                                      # on one page
                for text, role in ((qa.question, "question"), (qa.answer, "body")) if text]

    title = meeting_title(brief, w)
    blocks: list[Block] = [
        *_header(brief, w), Title(title, mark(brief, "U")),
        plain(w.officer_subtitle.format(country=brief.country.name), "subtitle", mark(brief, "U")),
        *_cui_box(brief), _meeting_table(brief, w), *_opening(brief, w), _points(brief, w),
        *_per_point("background", w.background, brief, w, background),
        *_per_point("if-raised", w.if_raised, brief, w, answers),
        snapshot(brief, w, today), *_sources(brief, w), _signoff(brief, w)]
    budgets = (Budget("pages", "points", POINTS_PAGES, w.points_too_long),
               Budget("pages", "background", BACKGROUND_PAGES, w.background_too_long),
               Budget("lines", "bluf", BLUF_LINES, w.bluf_too_long))
    return Document("officer", brief.paper, tuple(blocks), Furniture(brief.banner, w.page),
                    Metadata(w.officer_file_title.format(title=title), language), budgets,
                    _notes(brief, w) + passed_deadlines(brief, w, today))
