"""The thorough library check behind `briefing-app library check` and the window's Problems list.

Loading already reports broken files; this adds what needs the whole library: every template
parsed and rendered for every country and carrier (and for no carrier), and review dates that
have gone stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from jinja2 import TemplateError

from .faults import Fault
from .library import Library
from .models import Carrier, Country, TalkingPoint
from .provenance import provenance_faults
from .templating import check_template, describe_error, evaluate, render, template_context

DEFAULT_MAX_AGE_DAYS = 365


def point_templates(point: TalkingPoint) -> Iterator[tuple[str, str, bool]]:
    """(field name, template source, is an expression) for every template in a point."""
    yield "title", point.title, False
    yield "text", point.text, False
    yield "background", point.background, False
    if point.handout_text:
        yield "handout_text", point.handout_text, False
    if point.reason:
        yield "reason", point.reason, False
    if point.applies_when is not None:
        yield "applies_when", point.applies_when, True
    for index, qa in enumerate(point.if_raised, start=1):
        yield f"if_raised #{index}.question", qa.question, False
        yield f"if_raised #{index}.answer", qa.answer, False


def _combinations(library: Library) -> Iterator[tuple[Country, Carrier | None]]:
    for country in library.countries.values():
        yield country, None
        for carrier in country.carriers:
            yield country, carrier


def template_faults(library: Library) -> list[Fault]:
    """Every template fault in the library, at most one per point field.

    A template is rendered for every country and carrier (and no carrier) where its point
    applies, so `{{ carrier.name }}` is fine in a point whose condition requires a carrier."""
    faults = []
    contexts = [(c, k, template_context(c, k)) for c, k in _combinations(library)]
    for point in library.ordered_points():
        where = library.source_of(f"point:{point.id}")
        applies = [_applies(point, context) for _, _, context in contexts]
        for name, source, expression in point_templates(point):
            static = check_template(source, expression=expression)
            if static:
                faults += [Fault(where, f"field '{name}'", reason) for reason in static]
                continue
            for (country, carrier, context), fits in zip(contexts, applies, strict=True):
                if not (expression or fits):
                    continue
                try:
                    if expression:
                        evaluate(source, context)
                    else:
                        render(source, context)
                except TemplateError as err:
                    label = country.name + (f" / {carrier.name}" if carrier else ", no carrier")
                    faults.append(Fault(where, f"field '{name}'",
                                        f"fails for {label}: {describe_error(err)}"))
                    break
    return faults


def _applies(point: TalkingPoint, context: dict) -> bool:
    """Templates need only render where the point applies; a failing condition is its own fault."""
    if point.applies_when is None:
        return True
    try:
        return evaluate(point.applies_when, context)
    except TemplateError:
        return False


def stale_faults(library: Library, today: dt.date, max_age_days: int) -> list[Fault]:
    """Warnings for points and countries not reviewed within `max_age_days`."""
    items = [(f"point:{p.id}", p.reviewed) for p in library.ordered_points()]
    items += [(f"country:{code}", c.reviewed) for code, c in sorted(library.countries.items())]
    return [
        Fault(library.source_of(key), "field 'reviewed'",
              f"last reviewed {reviewed.isoformat()}, more than {max_age_days} days ago", True)
        for key, reviewed in items
        if is_stale(reviewed, today, max_age_days)
    ]


def is_stale(reviewed: dt.date, today: dt.date, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> bool:
    return reviewed < today - dt.timedelta(days=max_age_days)


def check_library(
    library: Library, today: dt.date | None = None, max_age_days: int = DEFAULT_MAX_AGE_DAYS
) -> list[Fault]:
    """All faults and warnings: those found while loading plus template, staleness and
    provenance checks (core/provenance.py)."""
    today = today or dt.date.today()
    return (library.faults + template_faults(library) + stale_faults(library, today, max_age_days)
            + provenance_faults(library, today, max_age_days))
