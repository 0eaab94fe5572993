"""The officer brief as a `Document`: marked, first page for the room, then reference material.

Section order follows read-ahead practice: what the officer needs in the room (meeting,
BLUF, purpose, objectives, talking points) first; background, objections, the country
snapshot and sources after; drafted/cleared lines last.
"""

from __future__ import annotations

from collections.abc import Callable

from .assemble import AssembledBrief, AssembledPoint
from .brief import Objective
from .compose import clearance_notes, clearer, portion, run_in, source_line
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
from .language import Words

POINTS_PAGES, BACKGROUND_PAGES, BLUF_LINES, OBJECTIVES = 1.0, 2.0, 4, 3


def meeting_title(brief: AssembledBrief, w: Words) -> str:
    if brief.meeting.title:
        return brief.meeting.title
    who = brief.carrier.name if brief.carrier else w.government_of.format(
        country=brief.country.in_text)
    return w.meeting_with.format(who=who)


def _when(brief: AssembledBrief, w: Words) -> str:
    when = brief.meeting.when
    if when is None:
        return w.to_be_confirmed
    zone = f" {when.tzname()}" if when.tzinfo else ""
    return w.date_time.format(day=w.days[when.weekday()], date=when.day,
                              month=w.months[when.month - 1], year=when.year,
                              time=f"{when:%H:%M}{zone}")


def _meeting_table(brief: AssembledBrief, w: Words) -> Table:
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
                       for label, value in rows), labelled=True)


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
    if meeting.purpose:
        blocks.append(Section("purpose", Heading(w.purpose, 2),
                              (plain(meeting.purpose, portion=portion(brief, meeting.purpose_marking)),)))
    objectives = _objectives(brief)
    if objectives:
        items = tuple(Item(w.number.format(n=n), plain(o.text, portion=portion(brief, o.marking)))
                      for n, o in enumerate(objectives, start=1))
        blocks.append(Section("objectives", Heading(w.objectives, 2),
                              (ItemList("points", items),)))
    return blocks


def _points(brief: AssembledBrief, w: Words) -> Section:
    items = tuple(Item(w.number.format(n=p.number), Paragraph(
        (run_in(p.title), Run(f" {p.text}")), portion=portion(brief, p.marking),
        refs=tuple(sorted(p.source_numbers)))) for p in brief.points)
    body: Block = ItemList("points", items) if items else plain(w.no_points)
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


def _snapshot(brief: AssembledBrief, w: Words) -> Section:
    """Public, sourced facts about the host country: forces, carriers and vendors, policy."""
    country, number = brief.country, brief.source_number
    mark = portion(brief, "U")

    def facts(lines: list[Paragraph]) -> ItemList:
        return ItemList("facts", tuple(Item(w.bullet, line) for line in lines))

    forces = [plain(w.installation.format(name=f.name, location=f.location, service=f.service),
                    portion=mark) for f in country.us_forces] \
        or [plain(w.no_us_forces.format(country=country.at_start), portion=mark)]
    carriers = []
    for carrier in country.carriers:
        vendors = "; ".join(w.vendor.format(vendor=v.vendor, ref=number(v.source),
                                            phrase=v.phrase + (f", {v.detail}" if v.detail else ""))
                            for v in carrier.vendors)
        line = vendors or w.no_vendors
        if carrier.notes:
            line += f". {carrier.notes}"
        carriers.append(Paragraph((Run(carrier.name, bold=True), Run(f": {line}")), portion=mark))
    blocks: list[Block] = [Heading(w.us_forces, 2), facts(forces), Heading(w.carriers, 2),
                           facts(carriers)]
    if country.policy:
        notes = [Paragraph((Run(n.date.isoformat(), bold=True), Run(f" {n.note}")), portion=mark,
                           refs=tuple(number(s) for s in n.sources))
                 for n in sorted(country.policy, key=lambda p: p.date)]
        blocks += [Heading(w.policy, 2), facts(notes)]
    blocks.append(plain(w.reviewed.format(date=country.reviewed.isoformat()), "note"))
    return Section("snapshot", Heading(w.snapshot.format(country=country.name)), tuple(blocks))


def _sources(brief: AssembledBrief, w: Words) -> list[Section]:
    items = tuple(Item(w.number.format(n=n), plain(source_line(w, s)))
                  for n, s in enumerate(brief.sources, start=1))
    return [Section("sources", Heading(w.sources), (ItemList("sources", items),))] if items else []


def _signoff(brief: AssembledBrief, w: Words) -> Signoff:
    """The clearance record in the usual form: who drafted, then one line per clearance."""
    roles, statuses = dict(w.clearance_roles), dict(w.clearance_status)
    lines = [(w.drafted, brief.drafted_by or w.not_given)]
    for c in brief.clearances:
        date = w.clearance_date.format(date=c.date.isoformat()) if c.date else ""
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
    return tuple(found) + tuple(m for p in brief.points for m in p.misfit_warning) \
        + clearance_notes(brief, w)


def officer(brief: AssembledBrief, w: Words, language: str) -> Document:
    mark = portion

    def background(p: AssembledPoint) -> list[Block]:
        return [plain(p.background, portion=mark(brief, p.marking))] if p.background else []

    def answers(p: AssembledPoint) -> list[Block]:
        return [para for qa in p.if_raised for para in (
            plain(qa.question, "question", mark(brief, p.marking)),
            plain(qa.answer, portion=mark(brief, p.marking)))]

    title = meeting_title(brief, w)
    blocks: list[Block] = [
        Title(title), plain(w.officer_subtitle.format(country=brief.country.name), "subtitle"),
        *_cui_box(brief), _meeting_table(brief, w), *_opening(brief, w), _points(brief, w),
        *_per_point("background", w.background, brief, w, background),
        *_per_point("if-raised", w.if_raised, brief, w, answers),
        _snapshot(brief, w), *_sources(brief, w), _signoff(brief, w)]
    budgets = (Budget("pages", "points", POINTS_PAGES, w.points_too_long),
               Budget("pages", "background", BACKGROUND_PAGES, w.background_too_long),
               Budget("lines", "bluf", BLUF_LINES, w.bluf_too_long))
    return Document("officer", brief.paper, tuple(blocks), Furniture(brief.banner, w.page),
                    Metadata(w.officer_file_title.format(title=title), language), budgets,
                    _notes(brief, w))
