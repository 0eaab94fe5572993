"""Which sources a talking point cites in a brief, and the numbers they print under.

A point cites its own sources that apply to the host, and the sources of the country and
carrier facts it prints or rests on (a sentence about a carrier's vendors cites those
vendors' reports); the snapshot cites everything behind it. Kept apart from the assembly
(`assemble`) because this is the rule a reader checks a brief's citations against.
"""

from __future__ import annotations

from .models import Carrier, Country, Source, TalkingPoint
from .rendered import Rendered, TemplateFailure, fields_used


def cited_sources(point: TalkingPoint, templates: Rendered) -> tuple[Source, ...]:
    """The point's sources that apply to this host: one whose `when` does not hold is left out
    (one whose condition fails is kept: `library check` names the fault)."""
    def applies(source: Source) -> bool:
        try:
            return not source.when or templates.holds(source.when)
        except TemplateFailure:
            return True
    return tuple(s for s in point.sources if applies(s))


HOST_STANCE_FIELDS = frozenset({"country.stance", "country.stance_date", "country.stance_since",
                                "country.stance_deadline", "country.stance_step"})
CARRIER_VENDOR_FIELDS = frozenset({"carrier.vendors", "carrier.vendor_names", "carrier.stance",
                                   "carrier.high_risk", "carrier.deadline"})


def data_sources(point: TalkingPoint, country: Country, carrier: Carrier | None) -> list[Source]:
    """The sources of the country and carrier facts a point prints, or rests on through its
    condition or its stances: a sentence about a carrier's vendors cites the reports of those
    vendors, a point written only for hosts that have acted (thanks, implementation) the
    host's latest step. A point written for hosts still deciding rests on no decision, so its
    spoken line cites none."""
    printed = [point.title, point.text, point.background, point.applies_when or "",
               *(t for qa in point.if_raised for t in (qa.question, qa.answer))]
    used = frozenset().union(*(fields_used(t) for t in printed))
    found: list[Source] = []
    presumes_a_decision = bool(point.host_stances) and "undecided" not in point.host_stances
    if country.stance_note and (presumes_a_decision or used & HOST_STANCE_FIELDS):
        found += country.stance_note.sources
    if carrier is not None and used & CARRIER_VENDOR_FIELDS:
        found += [v.source for v in carrier.vendors]
    elif carrier is not None and point.carrier_stances:  # the records that set its stance
        risky = [v for v in carrier.vendors if v.high_risk]
        found += [v.source for v in (risky if carrier.stance in ("high-risk", "replacing")
                                     else carrier.vendors)]
    if carrier is not None and "carrier.notes" in used and carrier.notes:
        found += carrier.sources
    if "country.policy" in used:
        found += [s for note in country.policy for s in note.sources]
    return found


def snapshot_sources(country: Country) -> list[Source]:
    """Sources behind the country snapshot: the country, its policy notes, every carrier."""
    found = list(country.sources) + [s for note in country.policy for s in note.sources]
    for carrier in country.carriers:
        found += [v.source for v in carrier.vendors] + list(carrier.sources)
    return found


def number_source(sources: list[Source], source: Source) -> int:
    """The number `source` prints under, adding it to the brief's `sources` when first cited."""
    keys = [s.key for s in sources]
    if source.key not in keys:
        sources.append(source)
        return len(sources)
    return keys.index(source.key) + 1
