"""Briefs remember their library: which library they were made with, and each library point's
wording as the officer last accepted it (`library_version`, `points[].library_text`), so that a
brief opened after a library update can say which points the library has reworded since.

The wording kept is the point's text as rendered for the brief's country and carrier: what
the officer read. A point the officer reworded whose library original has changed matters
most: their wording may now contradict the library's.
"""

from __future__ import annotations

from dataclasses import dataclass

from .brief import Brief
from .library import Library
from .rendered import Rendered, TemplateFailure


@dataclass(frozen=True)
class WordingChange:
    point_id: str
    title: str
    was: str  # the library's wording when the officer last accepted it
    now: str  # the library's wording today
    reworded: bool  # the officer has their own wording of the point


def library_texts(library: Library, brief: Brief) -> dict[str, str]:
    """The library's wording today of each chosen library point (rendered for the brief's
    country and carrier); points that cannot be rendered are left out."""
    country = library.country(brief.country) if brief.country else None
    if country is None:
        return {}
    carrier = country.carrier(brief.carrier) if brief.carrier else None
    templates = Rendered(library, country, carrier)
    texts = {}
    for choice in brief.points:
        point = library.points.get(choice.id)
        if point is None:
            continue
        try:
            texts[choice.id] = templates.text(point.text)
        except (TemplateFailure, TypeError, ValueError):
            continue
    return texts


def wording_changes(library: Library, brief: Brief) -> list[WordingChange]:
    """The chosen points whose library wording differs from the one the brief recorded."""
    recorded = [c for c in brief.points if c.library_text is not None]
    if not recorded:
        return []
    texts = library_texts(library, brief)
    return [WordingChange(c.id, library.points[c.id].title, c.library_text, texts[c.id], c.text is not None)
            for c in recorded if c.id in texts and texts[c.id] != c.library_text]


def accept_wording(library: Library, brief: Brief, point_id: str) -> Brief:
    """The brief with the library's wording of `point_id` today recorded as accepted."""
    text = library_texts(library, brief).get(point_id)
    if text is None:
        return brief
    return brief.model_copy(update={"points": tuple(
        c.model_copy(update={"library_text": text}) if c.id == point_id else c for c in brief.points)})


def stamp(library: Library, brief: Brief, version: str) -> Brief:
    """For saving: the library's version, and the wording of each chosen point that has none
    recorded yet (newly chosen, or a brief saved before briefs remembered their library).
    Recorded wordings stay until the officer accepts the library's new one."""
    texts = library_texts(library, brief) if any(c.library_text is None for c in brief.points) else {}
    points = tuple(c.model_copy(update={"library_text": texts[c.id]})
                   if c.library_text is None and c.id in texts else c for c in brief.points)
    return brief.model_copy(update={"points": points, "library_version": version})
