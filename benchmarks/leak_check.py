"""Time of the handout leak check, live in the window and on an export.

Run by hand (not part of the test suite):  uv run python benchmarks/leak_check.py

The window runs `releasable_leaks` on every change to the brief, so its time per key typed
into one point (the others unchanged) is printed for briefs of 1, 10 and 40 releasable custom
points of 2,200 characters each, with 11 of our people, beside the time of the old-names check
(`mentions`), which the window also runs on every change over the same fields: the baseline a
key already costs. For an export, `find_leaks` on the recommended handout for Italy / TIM is
timed beside producing that handout as a PDF (which runs the check twice).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, Clearance, CustomPoint, Meeting, PointChoice
from briefing_app.core.compose import compose
from briefing_app.core.leakcheck import find_leaks, officer_only, releasable_leaks
from briefing_app.core.library import load_library
from briefing_app.core.mentions import mentions
from briefing_app.core.paths import builtin_library
from briefing_app.core.produce import produce
from briefing_app.core.recommend import recommended_ids

TEXT = "Our engineers will send the paper on trusted vendors and open standards. " * 30
PEOPLE = dict(drafted_by="Thornbury, Margaret (ECON)",
              clearances=tuple(Clearance(name=f"Clearer Number{n}, POL") for n in range(4)),
              meeting=Meeting(participants=tuple(f"Person Vanterpool{n}, ECON/Rome" for n in range(5))
                              + ("김민수 (ECON)",)))


def ms(work: Callable[[int], object], repeat: int = 20) -> float:
    work(-1)  # word list, caches
    start = time.perf_counter()
    for key in range(repeat):
        work(key)
    return (time.perf_counter() - start) * 1000 / repeat


KEYS = iter(range(10**9))


def typed(brief: Brief) -> Brief:
    """`brief` after one more key typed into its first point (never the same text twice)."""
    first = brief.custom_points[0].model_copy(update={"text": f"{TEXT} {next(KEYS)}"})
    return brief.model_copy(update={"custom_points": (first, *brief.custom_points[1:])})


def main() -> None:
    library = load_library([builtin_library()])
    print(f"{'live check, per key':34} {'ms':>7} {'mentions ms':>12} {'ratio':>6}")
    for count in (1, 10, 40):
        customs = tuple(CustomPoint(id=f"custom-{n}", title=f"Point {n}", text=TEXT, releasable=True)
                        for n in range(count))
        brief = Brief(country="IT", carrier="tim", points=tuple(PointChoice(id=c.id) for c in customs),
                      custom_points=customs, **PEOPLE)
        live = ms(lambda key, b=brief: releasable_leaks(typed(b), "UNCLASSIFIED", "brief"))
        base = ms(lambda key, b=brief: mentions(typed(b), ["Vodafone", "Orange", "WindTre"]))
        print(f"{count:3} releasable points of {len(TEXT):,} chars {live:7.1f} {base:12.1f} {live / base:6.1f}")

    country = library.country("IT")
    carrier = country.carrier("tim")
    brief = Brief(country="IT", carrier="tim", points=tuple(PointChoice(id=i) for i in
                                                            recommended_ids(library, country, carrier)), **PEOPLE)
    assembled = assemble(library, brief)
    text = compose(assembled, "handout").text()
    check = ms(lambda _: find_leaks(officer_only(assembled, text), text))
    base = ms(lambda _: produce(library, brief, "handout"), repeat=5)
    print(f"export check of the IT/TIM handout ({len(text):,} chars): {check:.1f} ms; "
          f"producing the PDF: {base:.1f} ms; ratio {check / base:.2f}")


if __name__ == "__main__":
    main()
