"""The officer brief's country snapshot, and how far each printed fact can be trusted today.

The snapshot lists the host's public, sourced facts (US forces, carriers and their vendors,
policy steps); every fact carries its "verify locally" note and, once its deadline has passed
unchecked, says so, in the snapshot and in a talking point's background alike, and the export
warns of it (`passed_deadlines`). Kept apart from the brief's layout (`compose_officer`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from .assemble import AssembledBrief
from .compose import day, portion
from .document import Block, Heading, Item, ItemList, Paragraph, Run, Section, plain
from .house_style import after_colon
from .language import Words
from .models import Carrier, Fact, Source
from .provenance import overdue


def verify_aside(w: Words, fact: Fact | None) -> list[str]:
    return [w.verify_aside.format(what=after_colon(fact.verify).rstrip("."))] \
        if fact and fact.verify else []


def _asides(w: Words, fact: Fact, sources: Iterable[Source], today: dt.date) -> list[str]:
    """What the officer must know about how far a recorded fact can be trusted today."""
    found = verify_aside(w, fact)
    if overdue(fact, sources, today):
        found.append(w.deadline_aside.format(date=day(w, fact.deadline)))
    return found


# A fact's asides always follow it in parentheses, never run into its words: after a phrase
# as a phrase ("U.S. Army (verify locally: ...)"), after a sentence as sentences of their own.
def _phrase(asides: list[str]) -> str:
    return f" ({'; '.join(asides)})" if asides else ""


def as_sentences(asides: list[str]) -> str:
    return f" ({' '.join(f'{a[:1].upper()}{a[1:]}.' for a in asides)})" if asides else ""


def _carrier_line(carrier: Carrier, number: Callable[[Source], int], w: Words, today: dt.date) -> str:
    """The carrier's vendors in words, each with its source number; a carrier without any says
    why none is on public record, or that the library has not recorded them. The reason and
    the note are sentences, printed with their full stops (the carrier's own sources follow
    the line)."""
    vendors = "; ".join(
        w.vendor.format(vendor=v.vendor, ref=number(v.source),
                        phrase=v.phrase + (f", {v.detail}" if v.detail else ""))
        + _phrase(_asides(w, v, (v.source,), today))
        for v in carrier.vendors)
    if not vendors:
        why = carrier.vendors_unknown.strip().rstrip(".")
        vendors = w.no_vendors.format(why=f"{why}.") if why else w.vendors_not_recorded
    return vendors + (f"{'' if vendors.endswith('.') else '.'} {carrier.notes}" if carrier.notes else "")


def snapshot(brief: AssembledBrief, w: Words, today: dt.date) -> Section:
    """Public, sourced facts about the host country: forces, carriers and vendors, policy."""
    country, number = brief.country, brief.source_number
    mark = portion(brief, "U")

    def facts(lines: list[Paragraph]) -> ItemList:
        return ItemList("facts", tuple(Item(w.bullet, line) for line in lines))

    forces = [plain(w.installation.format(name=f.name, location=f.location, service=f.service)
                    + _phrase(_asides(w, f, country.sources, today)), portion=mark)
              for f in country.us_forces] \
        or [plain(w.no_us_forces.format(country=country.at_start), portion=mark)]
    carriers = [Paragraph((Run(c.name, bold=True), Run(f": {_carrier_line(c, number, w, today)}")),
                          portion=mark, refs=tuple(number(s) for s in c.sources))
                for c in country.carriers]
    blocks: list[Block] = [Heading(w.us_forces, 2), facts(forces), Heading(w.carriers, 2),
                           facts(carriers)]
    if country.policy:
        notes = [Paragraph((Run(day(w, n.date), bold=True),
                            Run(f" {n.note}" + as_sentences(_asides(w, n, n.sources, today)))),
                           portion=mark, refs=tuple(number(s) for s in n.sources))
                 for n in sorted(country.policy, key=lambda p: p.date)]
        blocks += [Heading(w.policy, 2), facts(notes)]
    blocks.append(plain(w.reviewed.format(date=day(w, country.reviewed)), "note", mark))
    return Section("snapshot", Heading(w.snapshot.format(country=country.name)), tuple(blocks))


def passed_deadlines(brief: AssembledBrief, w: Words, today: dt.date) -> tuple[str, ...]:
    """Export warnings for every printed fact whose deadline has passed unchecked."""
    country = brief.country
    snapshot: list[tuple[str, Fact, Iterable[Source]]] = [
        *((f.name, f, country.sources) for f in country.us_forces),
        *((day(w, n.date), n, n.sources) for n in country.policy),
        *((f"{c.name}, {v.vendor}", v, (v.source,)) for c in country.carriers for v in c.vendors)]
    entries = [(w.point_label.format(n=p.number, id=p.id), p.fact, p.cited)
               for p in brief.points if p.fact]
    entries += [(w.snapshot_label.format(entry=what), fact, sources)
                for what, fact, sources in snapshot]
    return tuple(w.deadline_note.format(what=what, date=day(w, fact.deadline))
                 for what, fact, sources in entries if overdue(fact, sources, today))
