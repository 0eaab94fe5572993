"""Which library points fit a meeting, and why, in words an officer can check."""

from __future__ import annotations

from dataclasses import dataclass

from .brief import Meeting
from .library import Library
from .models import Carrier, Country, TalkingPoint
from .rendered import Rendered, TemplateFailure
from .stance import stance_misfit

ALWAYS = "core point for every meeting"
PER_TOPIC = 2
# The talking points a principal reads aloud fill one printed page at 12 pt: about this many
# words, counting each point's title and text and, for its number, mark, source numbers and the
# space after it, POINT_WORDS more (measured on every built-in brief, A4 and Letter).
PAGE_WORDS, POINT_WORDS = 420, 10


@dataclass(frozen=True)
class Recommendation:
    point_id: str
    recommended: bool
    reason: str
    stance: str = ""  # why the point was written for another stance ("" when it fits)


def recommend_point(
    point: TalkingPoint, rendered: Rendered, meeting: Meeting | None = None, explain: bool = True,
) -> Recommendation:
    """Whether `point` fits; with `explain`, the reason in words (rendering it costs a template).

    A point written for another stance than the host's or the carrier's is never recommended:
    it would ask them to do what their law or their own decision already settled, or argue a
    case they have not reached."""
    meeting = meeting or Meeting()
    stance = stance_misfit(point, rendered.country, rendered.carrier)
    if meeting.audience != "both" and meeting.audience not in point.audience:
        return Recommendation(point.id, False, f"written for {' and '.join(point.audience)} "
                              f"meetings, this is a {meeting.audience} meeting", stance)
    if stance:
        return Recommendation(point.id, False, stance, stance)
    if point.applies_when is None:
        reason = ALWAYS
        if point.reason and explain:
            reason = _reason(point, rendered) or ALWAYS
        return Recommendation(point.id, True, reason)
    unmet = unmet_condition(point, rendered)
    if unmet:
        return Recommendation(point.id, False, unmet)
    reason = _reason(point, rendered) if explain else ""
    return Recommendation(point.id, True, reason or f"condition met: {point.applies_when}")


def unmet_condition(point: TalkingPoint, rendered: Rendered) -> str:
    """Why the point's `applies_when` does not hold here, in words; "" when it holds."""
    if point.applies_when is None:
        return ""
    try:
        applies = rendered.holds(point.applies_when)
    except TemplateFailure as err:
        return f"its condition fails: {err}"
    return "" if applies else f"condition not met: {point.applies_when}"


def _reason(point: TalkingPoint, rendered: Rendered) -> str:
    if not point.reason:
        return ""
    try:
        return rendered.text(point.reason)
    except TemplateFailure:
        return ""


def recommendations(
    library: Library, country: Country, carrier: Carrier | None, meeting: Meeting | None = None,
    per_topic: int = PER_TOPIC, explain: bool = True,
) -> list[Recommendation]:
    """One recommendation per library point, in presentation order.

    At most `per_topic` points per topic are recommended, and no more than fill the one page
    of talking points a principal reads (`PAGE_WORDS`). Within a topic, points whose condition
    matched this country or carrier come before general ones; every topic gets its first point
    before any topic gets a second, in topic order; a point that would overfill the page is
    left out and a shorter one after it may still fit. A point whose words would hold the
    counterpart up as its own example is left out, with the sentence's fault as the reason.
    """
    points = library.ordered_points()
    rendered = Rendered(library, country, carrier)
    verdicts = {p.id: recommend_point(p, rendered, meeting, explain) for p in points}
    words = _leave_out_self_examples(verdicts, points, rendered)
    ranked = []
    for topic in library.topics:
        fits = [p for p in points if p.topic == topic.id and verdicts[p.id].recommended]
        fits.sort(key=lambda p: p.applies_when is None)
        for extra in fits[per_topic:]:
            _leave_out(verdicts, extra, f"this topic already has {per_topic} recommended points")
        ranked.append(fits[:per_topic])
    by_rank = [fits[rank] for rank in range(per_topic) for fits in ranked if len(fits) > rank]
    used = 0
    for point in by_rank:
        cost = words.get(point.id, 0) + POINT_WORDS
        if used + cost > PAGE_WORDS:
            _leave_out(verdicts, point, "the page of talking points is full")
        else:
            used += cost
    return [verdicts[p.id] for p in points]


def _leave_out_self_examples(verdicts: dict[str, Recommendation], points: list[TalkingPoint],
                             rendered: Rendered) -> dict[str, int]:
    """Leaves out points that hold the counterpart up as its own example; returns the words
    each point still recommended prints (title and text), as rendered here."""
    words = {}
    for point in points:
        if not verdicts[point.id].recommended:
            continue
        try:
            fault = next(filter(None, (rendered.template_names_itself(t)
                                       for t in (point.text, point.handout_text) if t)), "")
            text = rendered.text(point.text)
        except TemplateFailure:
            continue  # `library check` reports a broken template; the point stays visible
        if fault:
            verdicts[point.id] = Recommendation(point.id, False, fault)
        words[point.id] = len(point.title.split()) + len(text.split())
    return words


def _leave_out(verdicts: dict[str, Recommendation], point: TalkingPoint, why: str) -> None:
    verdicts[point.id] = Recommendation(point.id, False, f"fits ({verdicts[point.id].reason}), but {why}")


def recommended_ids(
    library: Library, country: Country, carrier: Carrier | None, meeting: Meeting | None = None
) -> list[str]:
    verdicts = recommendations(library, country, carrier, meeting, explain=False)
    return [r.point_id for r in verdicts if r.recommended]
