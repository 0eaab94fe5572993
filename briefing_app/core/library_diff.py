"""What a library update would change, for the officer to read before accepting it: points
added, removed and changed (with the fields that changed), countries and carriers likewise."""

from __future__ import annotations

from dataclasses import dataclass

from .library import Library


@dataclass(frozen=True)
class PointChange:
    id: str
    title: str
    old_text: str
    new_text: str
    fields: tuple[str, ...]  # the library format's field names, e.g. ("text", "sources")


@dataclass(frozen=True)
class CountryChange:
    code: str
    name: str
    fields: tuple[str, ...]  # fields of the country itself, e.g. ("policy", "us_forces")
    carriers_added: tuple[str, ...]
    carriers_removed: tuple[str, ...]
    carriers_changed: tuple[tuple[str, tuple[str, ...]], ...]  # (carrier name, fields)


@dataclass(frozen=True)
class LibraryDiff:
    points_added: tuple[tuple[str, str], ...]  # (id, title)
    points_removed: tuple[tuple[str, str], ...]
    points_changed: tuple[PointChange, ...]
    countries_added: tuple[str, ...]
    countries_removed: tuple[str, ...]
    countries_changed: tuple[CountryChange, ...]

    @property
    def empty(self) -> bool:
        return not any(self.__dict__.values())

    def summary(self) -> str:
        """'2 points added, 5 changed; 1 country changed (3 carriers changed)'."""
        parts = []
        for noun, plural, counts in (
                ("point", "points", (self.points_added, self.points_removed, self.points_changed)),
                ("country", "countries", (self.countries_added, self.countries_removed,
                                          self.countries_changed))):
            said = [f"{len(items)} {verb}" for items, verb in zip(counts, ("added", "removed", "changed"),
                                                                 strict=True) if items]
            if said:
                number = int(said[0].split()[0])
                said[0] = said[0].replace(" ", f" {noun if number == 1 else plural} ", 1)
                parts.append(", ".join(said))
        carriers = sum(len(c.carriers_added) + len(c.carriers_removed) + len(c.carriers_changed)
                       for c in self.countries_changed)
        if carriers:
            parts[-1] += f" ({carriers} carrier{'s' if carriers != 1 else ''} changed)"
        return "; ".join(parts) or "no change to points, countries or carriers"


def _changed_fields(old: dict, new: dict, skip: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(k for k in sorted(set(old) | set(new)) if k not in skip and old.get(k) != new.get(k))


def _rendered(library: Library, country: str | None, carrier: str | None):
    """A function giving a point's text as the brief's country and carrier would print it (the
    template itself where that cannot be done), so the officer reads words, not template code."""
    from jinja2 import TemplateError

    from .template_context import template_context
    from .templating import render

    found = library.country(country) if country else None
    if found is None:
        return lambda point: point.text
    context = template_context(found, found.carrier(carrier) if carrier else None)

    def text(point) -> str:
        try:
            return render(point.text, context)
        except (TemplateError, TypeError, ValueError):
            return point.text
    return text


def library_diff(old: Library, new: Library, country: str | None = None,
                 carrier: str | None = None) -> LibraryDiff:
    """What changes from `old` to `new`; point texts rendered for `country` and `carrier` when
    both libraries have them."""
    old_text, new_text = _rendered(old, country, carrier), _rendered(new, country, carrier)
    added = tuple((p.id, p.title) for p in new.ordered_points() if p.id not in old.points)
    removed = tuple((p.id, p.title) for p in old.ordered_points() if p.id not in new.points)
    changed = []
    for point in new.ordered_points():
        before = old.points.get(point.id)
        if before is None:
            continue
        fields = _changed_fields(before.model_dump(), point.model_dump())
        if fields:
            changed.append(PointChange(point.id, point.title, old_text(before), new_text(point), fields))
    countries_changed = []
    for code, country in sorted(new.countries.items()):
        before = old.countries.get(code)
        if before is None:
            continue
        fields = _changed_fields(before.model_dump(), country.model_dump(), skip=("carriers",))
        old_carriers = {c.id: c for c in before.carriers}
        new_carriers = {c.id: c for c in country.carriers}
        carriers_changed = tuple(
            (c.name, f) for c in country.carriers if c.id in old_carriers
            for f in [_changed_fields(old_carriers[c.id].model_dump(), c.model_dump())] if f)
        record = CountryChange(
            code, country.name, fields,
            tuple(c.name for c in country.carriers if c.id not in old_carriers),
            tuple(c.name for c in before.carriers if c.id not in new_carriers), carriers_changed)
        if fields or record.carriers_added or record.carriers_removed or carriers_changed:
            countries_changed.append(record)
    return LibraryDiff(
        added, removed, tuple(changed),
        tuple(c.name for code, c in sorted(new.countries.items()) if code not in old.countries),
        tuple(c.name for code, c in sorted(old.countries.items()) if code not in new.countries),
        tuple(countries_changed))
