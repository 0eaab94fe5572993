"""Which points a brief holds, and in what order, as the officer ticks them or moves country.

These are the rules behind the window's controller (`gui/controller.py`), kept free of Qt as
plain functions of a brief and the library: a newly ticked point takes its place in library
order, a change of country keeps the officer's work or starts from the recommendations.
"""

from __future__ import annotations

from collections.abc import Iterable

from .brief import Brief, PointChoice
from .library import Library


def in_library_order(library: Library, points: list[PointChoice], new_id: str) -> list[PointChoice]:
    """`points` with `new_id` added before the first chosen point that follows it in the library."""
    order = {p.id: i for i, p in enumerate(library.ordered_points())}
    new = PointChoice(id=new_id)
    rank = order.get(new_id, len(order))
    for index, choice in enumerate(points):
        if order.get(choice.id, len(order)) > rank:
            return points[:index] + [new] + points[index:]
    return points + [new]


def moved_to(brief: Brief, country: str | None, carrier: str | None) -> Brief:
    """`brief` for another country or carrier, its points as they are; the wording read for the
    old choice is no measure of change, so it is recorded afresh on save."""
    draft = brief.model_copy(update={"country": country, "carrier": carrier})
    if (draft.country, draft.carrier) == (brief.country, brief.carrier):
        return draft
    return draft.model_copy(update={"points": tuple(
        c.model_copy(update={"library_text": None}) for c in draft.points)})


def kept_work(library: Library, draft: Brief, before: set[str], after: list[str]) -> Brief:
    """The officer's work kept (hand-picked points, order, wording and notes, custom points,
    points taken out), with the points recommended `after` the change added and those only
    recommended `before` it taken out."""
    points = [c for c in draft.points if c.id in after or draft.custom(c.id)
              or c != PointChoice(id=c.id) or c.id not in before]
    for point_id in after:  # a point the officer took out stays out
        if point_id not in before and all(c.id != point_id for c in points):
            points = in_library_order(library, points, point_id)
    return draft.model_copy(update={"points": tuple(points)})


def with_points(library: Library, draft: Brief, picked: Iterable[str]) -> Brief:
    """Exactly the `picked` library points, with custom points; those that stay keep their
    place and wording."""
    picked = list(picked)
    points = [c for c in draft.points if c.id in picked or draft.custom(c.id)]
    for point_id in picked:
        if all(c.id != point_id for c in points):
            points = in_library_order(library, points, point_id)
    return draft.model_copy(update={"points": tuple(points)})
