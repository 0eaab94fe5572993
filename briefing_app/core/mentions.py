"""Where the officer's own words still name a country or carrier the brief is no longer for:
after switching from TIM to Telekom Deutschland, a title "5G security with TIM" would go to
the meeting unless someone points at it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .brief import Brief


def _written(brief: Brief) -> Iterator[tuple[str, str]]:
    """(where, text) for every field the officer writes."""
    meeting = brief.meeting
    yield "meeting title", meeting.title
    yield "place", meeting.place
    yield "purpose", meeting.purpose
    yield "BLUF", meeting.bluf
    for number, objective in enumerate(meeting.objectives, start=1):
        yield f"objective {number}", objective.text
    for number, person in enumerate(meeting.counterparts, start=1):
        yield f"counterpart {number}", " / ".join((person.name, person.title, person.organisation))
    for custom in brief.custom_points:
        yield f"custom point '{custom.title}'", f"{custom.title}\n{custom.text}\n{custom.background}"
    for choice in brief.points:
        for label, text in (("wording", choice.text), ("background", choice.background),
                            ("note", choice.note)):
            if text:
                yield f"your {label} of point '{choice.id}'", text


def mentions(brief: Brief, names: Iterable[str]) -> list[tuple[str, str]]:
    """(where, name) for each field that names one of `names` as a whole word, any case."""
    wanted = [n for n in dict.fromkeys(names) if n.strip()]
    found = []
    for where, text in _written(brief):
        for name in wanted:
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
                found.append((where, name))
                break
    return found
