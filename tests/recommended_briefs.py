"""Every built-in country's recommended brief and handout, rendered once per test run.

For every country, with no carrier and with each of its carriers, and for each meeting
audience, the library recommends points; meetings that recommend the same points print the
same pages (the audience itself prints nothing), so each distinct choice is rendered once per
paper and variant and shared by every test that reads it: the layout rules, the page budgets,
and the wording checks.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from briefing_app.core.brief import Brief, Meeting, PointChoice
from briefing_app.core.library import Library, load_library
from briefing_app.core.models import Carrier, Country
from briefing_app.core.paths import builtin_library
from briefing_app.core.produce import Produced, produce
from briefing_app.core.recommend import recommended_ids
from tests.pdf_reading import reader

AUDIENCES = ("government", "carrier", "both")
PAPERS = ("a4", "letter")


@cache
def library() -> Library:
    return load_library([builtin_library()])


class Choice(NamedTuple):
    """The points recommended for one country and carrier (no carrier: a government meeting)."""

    code: str
    carrier_id: str | None
    ids: tuple[str, ...]

    @property
    def country(self) -> Country:
        return library().country(self.code)

    @property
    def carrier(self) -> Carrier | None:
        return self.country.carrier(self.carrier_id) if self.carrier_id else None

    def brief(self, paper: str = "a4", **changes) -> Brief:
        return Brief(country=self.code, carrier=self.carrier_id, paper=paper,
                     points=tuple(PointChoice(id=i) for i in self.ids), **changes)


def meetings():
    """Every built-in country with no carrier and with each of its carriers, for every audience."""
    for country in sorted(library().countries.values(), key=lambda c: c.code):
        for carrier in [None, *country.carriers]:
            for audience in AUDIENCES:
                yield country, carrier, audience


@cache
def recommended(code: str, carrier_id: str | None, audience: str = "both") -> Choice:
    country = library().country(code)
    carrier = country.carrier(carrier_id) if carrier_id else None
    return Choice(code, carrier_id, tuple(recommended_ids(library(), country, carrier,
                                                          Meeting(audience=audience))))


@cache
def choices() -> tuple[Choice, ...]:
    """Each distinct recommendation over every country, carrier and audience."""
    found = (recommended(c.code, k.id if k else None, a) for c, k, a in meetings())
    return tuple(dict.fromkeys(found))


class Printed(NamedTuple):
    produced: Produced
    pages: tuple[str, ...]  # each page's extracted text

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.pages).split())


@cache
def printed(choice: Choice, paper: str, variant: str) -> Printed:
    produced = produce(library(), choice.brief(paper), variant, name="default.brief")
    return Printed(produced, tuple(p.extract_text() or "" for p in reader(produced.data).pages))
