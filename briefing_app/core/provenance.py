"""How each fact was checked: the provenance rules behind `library check` and the Problems list.

A fact the officer says aloud must show when a person last confirmed it against its source
(`checked`), must not claim a review in the future, and must be looked at again once a
`deadline` it records has passed. The built-in library is held to this strictly (a missing
`checked` is an error); an officer's own folder gets the same findings as warnings, so a
half-finished local file never blocks an export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .faults import Fault
from .library import Library
from .models import Country, Fact, Source, TalkingPoint
from .paths import builtin_library


@dataclass(frozen=True)
class Record:
    """One fact with its sources and where it sits in its file ("policy #2.")."""

    place: str
    fact: Fact | None
    sources: tuple[tuple[str, Source], ...]  # (place of the source, source)
    cites_only: bool = False  # the sources belong to another record (checked there)


def provenance_faults(library: Library, today: dt.date, max_age_days: int) -> list[Fault]:
    """Every provenance finding in the library, file by file."""
    faults: list[Fault] = []
    for key, reviewed, records in _files(library):
        path = library.files.get(key)
        strict = path is not None and _built_in(path)
        found = _file_findings(library, key, reviewed, records, today, max_age_days, strict)
        faults += [Fault(library.source_of(key), place, reason, warning=not error)
                   for place, reason, error in found]
    return faults


def _file_findings(library: Library, key: str, reviewed: dt.date, records: list[Record],
                   today: dt.date, max_age_days: int,
                   strict: bool) -> Iterator[tuple[str, str, bool]]:
    """(place, reason, is an error) for one point or country file."""
    if reviewed > today:
        yield ("field 'reviewed'", f"{reviewed.isoformat()} is later than today "
               f"({today.isoformat()}); give the date the file was actually reviewed", True)
    for record in records:
        if not record.cites_only:
            for place, source in record.sources:
                for reason, error in _source_findings(source, today, max_age_days, strict):
                    yield f"field '{place}.checked'", reason, error
        reason = _deadline_finding(record, today)
        if reason:
            yield f"field '{record.place}deadline'", reason, False
    if key.startswith("country:"):
        for place, reason in _carrier_findings(library.countries[key.removeprefix("country:")]):
            yield place, reason, strict


def _built_in(path: Path) -> bool:
    return path.resolve().is_relative_to(builtin_library().resolve())


def _source_findings(source: Source, today: dt.date, max_age_days: int,
                     strict: bool) -> Iterator[tuple[str, bool]]:
    """(reason, is an error) for one source's `checked` date."""
    label = f"source '{source.title}'"
    if source.checked is None:
        yield (f"{label} has no 'checked' date: confirm it supports the claim citing it and "
               "record the day you did", strict)
    elif source.checked > today:
        yield (f"{label} was checked {source.checked.isoformat()}, later than today "
               f"({today.isoformat()})", True)
    elif source.checked < today - dt.timedelta(days=max_age_days):
        yield (f"{label} was last checked {source.checked.isoformat()}, more than "
               f"{max_age_days} days ago; check it again", False)


def overdue(fact: Fact | None, sources: Iterable[Source], today: dt.date) -> bool:
    """Whether the fact's deadline has passed with none of its sources checked since: what
    it records may no longer hold. Used by `library check` and by the officer brief."""
    deadline = fact.deadline if fact else None
    if deadline is None or deadline >= today:
        return False
    return not any(s.checked and s.checked >= deadline for s in sources)


def _deadline_finding(record: Record, today: dt.date) -> str:
    """A passed deadline is a warning until a source has been checked on or after it."""
    if not overdue(record.fact, (s for _, s in record.sources), today):
        return ""
    deadline = record.fact.deadline
    checked = [s.checked for _, s in record.sources if s.checked]
    latest = max(checked) if checked else None
    since = f"its sources were last checked {latest.isoformat()}" if latest else \
        "none of its sources has been checked"
    return (f"the deadline {deadline.isoformat()} has passed and {since}; find out what "
            "happened, update the entry and check its sources again")


def _carrier_findings(country: Country) -> Iterator[tuple[str, str]]:
    for index, carrier in enumerate(country.carriers, start=1):
        place = f"field 'carriers #{index}'"
        if not carrier.vendors and not carrier.vendors_unknown.strip():
            yield place, (f"carrier '{carrier.id}' lists no vendors; record its publicly reported "
                          "vendors with sources, or say why none is on record in "
                          "'vendors_unknown'")
        elif carrier.vendors and carrier.vendors_unknown.strip():
            yield place, (f"carrier '{carrier.id}' lists vendors and also 'vendors_unknown'; "
                          "keep one")


def _files(library: Library) -> Iterator[tuple[str, dt.date, list[Record]]]:
    """(file key, its `reviewed` date, its facts) for every point and country file."""
    for point in library.ordered_points():
        yield f"point:{point.id}", point.reviewed, [_point_record(point)]
    for code, country in sorted(library.countries.items()):
        yield f"country:{code}", country.reviewed, list(_country_records(country))


def _point_record(point: TalkingPoint) -> Record:
    return Record("", point, tuple((f"sources #{i}", s) for i, s in enumerate(point.sources, 1)))


def _country_records(country: Country) -> Iterator[Record]:
    own = tuple((f"sources #{i}", s) for i, s in enumerate(country.sources, 1))
    yield Record("", None, own)
    for i, installation in enumerate(country.us_forces, 1):
        yield Record(f"us_forces #{i}.", installation, own, cites_only=True)  # the profile's
    for i, note in enumerate(country.policy, 1):
        yield Record(f"policy #{i}.", note, tuple(
            (f"policy #{i}.sources #{j}", s) for j, s in enumerate(note.sources, 1)))
    for i, carrier in enumerate(country.carriers, 1):
        yield Record(f"carriers #{i}.", None, tuple(
            (f"carriers #{i}.sources #{j}", s) for j, s in enumerate(carrier.sources, 1)))
        for j, vendor in enumerate(carrier.vendors, 1):
            place = f"carriers #{i}.vendors #{j}"
            yield Record(f"{place}.", vendor, ((f"{place}.source", vendor.source),))
