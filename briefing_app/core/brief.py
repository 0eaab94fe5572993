"""The brief: one officer's preparation for one meeting, as saved in a `.brief` file.

A brief refers to library content by id and stores only what the officer changed (reworded
text, custom points, meeting details), so a library update reaches every brief that did not
reword a point.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .models import QA, SLUG, PortionMarking
from .outputs import PaperId as Paper
from .outputs import SchemeId as Scheme

SCHEMA_VERSION = 2  # what changed in each format: core/brief_file.py, MIGRATIONS
MAX_TEXT = 100_000
Text = Annotated[str, Field(max_length=MAX_TEXT)]
MeetingAudience = Literal["government", "carrier", "both"]
Regime = Literal["cui", "sbu"]  # US: CUI, or legacy SBU for posts that still use it
Descriptor = Literal["", "COMMERCIAL", "LOCSEN", "PERSONAL"]  # UK, with OFFICIAL-SENSITIVE
Short = Annotated[str, Field(max_length=200)]


class Record(BaseModel):
    """Base for brief records: unknown keys are refused so a typo is reported, not dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Counterpart(Record):
    name: Text = ""
    title: Text = ""
    organisation: Text = ""
    pronunciation: Text = ""


class Objective(Record):
    """An objective of the meeting and its portion mark; plain text stands for a (U) one."""

    text: Text = ""
    marking: PortionMarking = "U"

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value


class Meeting(Record):
    title: Text = ""
    when: dt.datetime | None = None
    place: Text = ""
    audience: MeetingAudience = "both"
    counterparts: tuple[Counterpart, ...] = ()
    participants: tuple[Text, ...] = ()
    purpose: Text = ""
    purpose_marking: PortionMarking = "U"
    objectives: tuple[Objective, ...] = ()
    bluf: Text = ""
    bluf_marking: PortionMarking = "U"


class Answer(Record):
    """An "if raised" question and answer as this brief words it; either may be empty while
    the officer is still writing it (an empty pair does not print)."""

    question: Text = ""
    answer: Text = ""


class PointChoice(Record):
    """A chosen point, in brief order. `text`, `background` and `if_raised` set mean the officer
    tailored that part of a library point for this brief (None keeps the library's); `note` is
    the officer's private note on it, printed in the officer brief only. `library_text` is the
    library's wording when the officer last accepted it (core/library_changes.py)."""

    id: str = Field(pattern=SLUG)
    text: Text | None = None
    background: Text | None = None
    if_raised: tuple[Answer, ...] | None = None
    note: Text = ""
    library_text: Text | None = None


class CustomPoint(Record):
    id: str = Field(pattern=r"^custom-[a-z0-9-]+$")
    title: str = Field(min_length=1)
    text: Text = ""
    background: Text = ""
    if_raised: tuple[QA, ...] = ()
    releasable: bool = False
    marking: PortionMarking = "U"


class ControlledBy(Record):
    agency: Text = ""
    office: Text = ""


class CuiBlock(Record):
    """The CUI designation indicator: who controls the document, its categories (`SP-PRVCY`
    for a specified one), its limited dissemination controls (`FEDCON`) and a point of contact."""

    controlled_by: ControlledBy = ControlledBy()
    categories: tuple[Short, ...] = ()
    controls: tuple[Short, ...] = ()
    poc: Text = ""


ClearanceRole = Literal["cleared", "approved"]
ClearanceStatus = Literal["pending", "cleared", "cleared-with-edits"]


class Clearance(Record):
    """One office's clearance (or approval) of the brief, as the clearance record lists it."""

    role: ClearanceRole = "cleared"
    office: Short = ""
    name: Short = ""
    date: dt.date | None = None
    status: ClearanceStatus = "pending"


class UsForcesRelease(Record):
    """Who cleared US-forces content for release on a handout (the Defense Attaché office,
    say), and when; without it such points stay off the handout."""

    by: Short = Field(min_length=1)
    date: dt.date


class Brief(Record):
    schema_version: int = SCHEMA_VERSION
    meeting: Meeting = Meeting()
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    carrier: str | None = Field(default=None, pattern=SLUG)
    points: tuple[PointChoice, ...] = ()
    custom_points: tuple[CustomPoint, ...] = ()
    scheme: Scheme = "us"
    regime: Regime = "cui"
    # The overall marking the officer sets (a banner of the scheme: "CUI", "OFFICIAL-SENSITIVE");
    # None: the highest portion marking. Checked against the portions when exported.
    marking: Short | None = None
    descriptor: Descriptor = ""
    cui: CuiBlock = CuiBlock()
    post: Text = ""  # the embassy or consulate, for the read-ahead's header: "US Embassy Rome"
    drafted_by: Text = ""
    clearances: tuple[Clearance, ...] = ()
    paper: Paper = "a4"
    us_forces_release: UsForcesRelease | None = None
    library_version: Short = ""  # the library it was saved with: "update 3", "built-in 0.1.0"

    @field_validator("country", mode="before")
    @classmethod
    def _upper_code(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    def custom(self, point_id: str) -> CustomPoint | None:
        return next((p for p in self.custom_points if p.id == point_id), None)
