"""The library's data model: topics, talking points, sources, countries and carriers.

Every model forbids unknown fields and never coerces a string into a bool or a date, so a
hand-edited library file that says `releasable = "yes"` is a fault, not a quiet yes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Audience = Literal["government", "carrier"]
MARKING_RANK = {"U": 0, "SBU": 1, "CUI": 2}


def _known_marking(value: str) -> str:
    if value not in MARKING_RANK:
        raise ValueError(f"must be one of {', '.join(MARKING_RANK)}")
    return value


PortionMarking = Annotated[str, AfterValidator(_known_marking)]


class Strict(BaseModel):
    """Base for library records: strict types, no unknown keys, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Source(Strict):
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    date: dt.date
    url: str | None = None
    # False for a source behind a point's background only (say, a report of another company's
    # vendor choice): the officer brief cites it, the handout's public sources leave it out.
    handout: bool = True

    @property
    def key(self) -> tuple:
        """The same publication, however a point flags it for the handout."""
        return (self.title, self.publisher, self.date, self.url)

    @field_validator("url")
    @classmethod
    def _url_is_web(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://\S+$", value):
            raise ValueError("must be an http:// or https:// address")
        return value


class Topic(Strict):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    summary: str = ""


class QA(Strict):
    question: str = Field(min_length=1)
    answer: str = Field(min_length=1)


class TalkingPoint(Strict):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    topic: str = Field(pattern=SLUG)
    audience: list[Audience] = Field(min_length=1)
    applies_when: str | None = None
    reason: str | None = None
    text: str = Field(min_length=1)
    background: str = ""
    if_raised: list[QA] = []
    sources: list[Source] = Field(min_length=1)
    reviewed: dt.date
    releasable: bool
    marking: PortionMarking = "U"
    order: int = 100


class Installation(Strict):
    name: str = Field(min_length=1)
    location: str = Field(min_length=1)
    service: str = Field(min_length=1)


class PolicyNote(Strict):
    date: dt.date
    note: str = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)


class VendorUse(Strict):
    vendor: str = Field(min_length=1)
    role: str = Field(min_length=1)
    source: Source


class Carrier(Strict):
    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1)
    name_in_text: str = ""  # how a sentence names it, when `name` has brackets: "KDDI"
    vendors: list[VendorUse] = []
    notes: str = ""
    sources: list[Source] = []

    @property
    def in_text(self) -> str:
        """The name inside a sentence: "KDDI's network", not "KDDI (au)'s network"."""
        return self.name_in_text or self.name

    @property
    def vendor_names(self) -> list[str]:
        return sorted({v.vendor for v in self.vendors})


class Country(Strict):
    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: str = Field(min_length=1)
    name_in_text: str = ""  # how a sentence names it, when that differs: "the United Kingdom"
    us_forces: list[Installation] = []
    policy: list[PolicyNote] = []
    carriers: list[Carrier] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    reviewed: dt.date

    @property
    def in_text(self) -> str:
        """The name inside a sentence: "Italy", "the United Kingdom"."""
        return self.name_in_text or self.name

    @property
    def at_start(self) -> str:
        """The name opening a sentence: "Italy", "The United Kingdom"."""
        return self.in_text[:1].upper() + self.in_text[1:]

    def carrier(self, carrier_id: str) -> Carrier | None:
        return next((c for c in self.carriers if c.id == carrier_id), None)
