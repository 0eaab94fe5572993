"""Briefs for the renderer tests, with planted unique strings in every officer-only field.

Holds no tests itself; the other test_render_* modules import from it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from briefing_app.core.assemble import AssembledBrief, assemble
from briefing_app.core.brief import (
    Answer,
    Brief,
    Clearance,
    Counterpart,
    CustomPoint,
    Meeting,
    PointChoice,
    UsForcesRelease,
)
from briefing_app.core.library import Library, load_library
from briefing_app.core.models import QA
from briefing_app.core.produce import Produced, produce
from tests.conftest import MINI

# Unique strings that may appear in the officer brief only; the handout must carry none.
OFFICER_ONLY = {
    "drafted_by": "Drafter Qzxwv",
    "cleared_by": "Clearer Jkvqp",
    "bluf": "BLUF-PLANT-7731 ask for a timetable.",
    "purpose": "PURPOSE-PLANT-4410 keep the core clean.",
    "objective": "OBJECTIVE-PLANT-5521 a follow-up.",
    "participant": "Participant Wyxzq",
    "counterpart": "Counterpart Vzqkj",
    "pronunciation": "PRONOUNCE-PLANT-0934",
    "custom_background": "CUSTOM-BACKGROUND-PLANT-2208: what we may not say in the room.",
    "custom_question": "CUSTOM-QUESTION-PLANT-6612?",
    "custom_answer": "CUSTOM-ANSWER-PLANT-9051.",
    "note": "NOTE-PLANT-3307 remind them of the 2019 letter.",
    "custom_note": "CUSTOM-NOTE-PLANT-8826 their CTO was in Beijing last week.",
    # this brief's own wording of a releasable library point's background and answers
    "tailored_background": "BACKGROUND-BASE as tailored: TAILORED-BACKGROUND-PLANT-1177.",
    "tailored_question": "TAILORED-QUESTION-PLANT-5093?",
    "tailored_answer": "TAILORED-ANSWER-PLANT-2264.",
}
TAILORED = {
    "compulsion-law": {"note": OFFICER_ONLY["note"]},
    "base-commercial": {"background": OFFICER_ONLY["tailored_background"], "if_raised": (
        Answer(question=OFFICER_ONLY["tailored_question"], answer=OFFICER_ONLY["tailored_answer"]),)},
}
# Strings from the mini library's points that are officer-only.
LIBRARY_OFFICER_ONLY = ["BACKGROUND-COMPULSION", "BACKGROUND-BASE", "BACKGROUND-EDGE",
                        "QUESTION-COMPULSION", "ANSWER-COMPULSION",
                        "Huawei radio equipment would take on core tasks"]  # not releasable
RELEASABLE_TEXT = "CUSTOM-RELEASABLE-PLANT-3141 trusted suppliers matter."


@cache
def mini() -> Library:
    return load_library([MINI])


def meeting(**changes) -> Meeting:
    base = Meeting(
        title="Meeting with TIM on 5G suppliers", when=dt.datetime(2026, 12, 1, 10, 0),
        place="TIM headquarters, Milan", audience="both",
        counterparts=(Counterpart(name=OFFICER_ONLY["counterpart"], title="CTO", organisation="TIM",
                                  pronunciation=OFFICER_ONLY["pronunciation"]),),
        participants=(OFFICER_ONLY["participant"],), purpose=OFFICER_ONLY["purpose"],
        objectives=(OFFICER_ONLY["objective"],), bluf=OFFICER_ONLY["bluf"])
    return base.model_copy(update=changes)


def custom(n: int, text: str = RELEASABLE_TEXT, marking: str = "U", releasable: bool = True,
           background: str = OFFICER_ONLY["custom_background"]) -> CustomPoint:
    return CustomPoint(id=f"custom-p{n}", title=f"Custom point {n}", text=text,
                       background=background, releasable=releasable, marking=marking,
                       if_raised=(QA(question=OFFICER_ONLY["custom_question"],
                                     answer=OFFICER_ONLY["custom_answer"]),))


def brief(ids=("compulsion-law", "edge-huawei", "base-commercial"), customs=None,
          **changes) -> Brief:
    """A full brief on Italy/TIM: library points, custom points (one releasable by default),
    meeting and names; under the legacy SBU regime, since the mini library marks a point SBU."""
    customs = (custom(1),) if customs is None else customs
    points = tuple(PointChoice(id=i, **TAILORED.get(i, {})) for i in ids) + tuple(
        PointChoice(id=c.id, note=OFFICER_ONLY["custom_note"]) for c in customs)
    fields = dict(country="IT", carrier="tim", regime="sbu", meeting=meeting(), points=points,
                  custom_points=tuple(customs), drafted_by=OFFICER_ONLY["drafted_by"],
                  clearances=(Clearance(office="ECON", name=OFFICER_ONLY["cleared_by"],
                                        date=dt.date(2026, 11, 28), status="cleared"),),
                  us_forces_release=UsForcesRelease(by="Defense Attaché office",
                                                    date=dt.date(2026, 11, 27)))
    return Brief(**{**fields, **changes})


def assembled(**changes) -> AssembledBrief:
    return assemble(mini(), brief(**changes))


def words(count: int) -> str:
    """`count` ordinary words, so a paragraph's length is known."""
    pool = "trusted suppliers keep the network core separate from equipment a state can direct".split()
    return " ".join(pool[i % len(pool)] for i in range(count)) + "."


def produced(variant: str = "officer", fmt: str = "pdf", **changes) -> Produced:
    """One variant of `brief(**changes)` as a PDF (or `fmt`), made the way the app makes it."""
    return produce(mini(), brief(**changes), variant, fmt)


def produced_from(made: Brief, variant: str = "officer") -> Produced:
    return produce(mini(), made, variant)


make_brief = brief  # for tests whose local variable is called `brief`
