"""The library's data model: topics, talking points, sources, countries and carriers.

Every model forbids unknown fields and never coerces a string into a bool or a date, so a
hand-edited library file that says `releasable = "yes"` is a fault, not a quiet yes.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import types
from typing import Annotated, Literal

# Pydantic plugins are off (core/__init__.py), yet pydantic's plugin loader, imported when the
# first model is built, imports `importlib.metadata` (25-30 ms of every start and export) to
# look for them. This loader finds none, as the real one does when they are off. Every module
# that builds models imports this one first.
_NO_PLUGINS = types.ModuleType("pydantic.plugin._loader", "Pydantic plugins: switched off.")
_NO_PLUGINS.get_plugins = lambda: ()
sys.modules.setdefault(_NO_PLUGINS.__name__, _NO_PLUGINS)

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator  # noqa: E402

from .house_style import in_words, month_year, time_zone  # noqa: E402

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Audience = Literal["government", "carrier"]
# Portion marks: uncontrolled (U), or controlled under one of two US regimes that are not ranked
# against each other: CUI replaced SBU, and a document uses one or the other (core/markings.py).
PORTION_MARKINGS = ("U", "SBU", "CUI")
CONTROLLED = frozenset({"SBU", "CUI"})
# Where a host's policy stands (docs/data-model.md): no restriction on high-risk vendors in force;
# a screening regime or partial limits; high-risk vendors excluded by law or binding decision.
HostStance = Literal["undecided", "restricting", "excluded"]
# Where a carrier's network stands, derived from its vendor records (`Carrier.stance`).
CarrierStance = Literal["high-risk", "legacy", "replacing", "trusted", "unknown"]
VendorRole = Literal["radio", "core", "transport", "management", "devices"]
VendorStatus = Literal["in-service", "contracted", "replacing", "removed"]
Network = Literal["2G", "3G", "4G", "5G"]
Figure = Literal["market-share", "edge-core"]
HIGH_RISK_VENDORS = frozenset({"Huawei", "ZTE"})
NETWORK_ROLES = frozenset({"radio", "core", "transport", "management"})
QUOTE_WORDS = 40
ROLE_WORDS = {"radio": "radio access network", "core": "core network",
              "transport": "transport network", "management": "network management systems",
              "devices": "customer devices"}


def _known_marking(value: str) -> str:
    if value not in PORTION_MARKINGS:
        raise ValueError(f"must be one of {', '.join(PORTION_MARKINGS)}")
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
    checked: dt.date | None = None  # when a person last confirmed it supports the claim citing it
    quote: str = ""  # at most QUOTE_WORDS words from the source; officer brief only
    # False for a source behind a point's background only (say, a report of another company's
    # vendor choice): the officer brief cites it, the handout's public sources leave it out.
    handout: bool = True
    # A point's source cited only where this condition holds, as `applies_when` ("country.eu"):
    # the EU Toolbox is no source for a host outside the Union.
    when: str = ""

    @property
    def key(self) -> tuple:
        """The same publication, however a point flags it for the handout."""
        return (self.title, self.publisher, self.date, self.url)

    @field_validator("quote")
    @classmethod
    def _short_quote(cls, value: str) -> str:
        if len(value.split()) > QUOTE_WORDS:
            raise ValueError(f"a quote may be at most {QUOTE_WORDS} words")
        return value

    @field_validator("url")
    @classmethod
    def _url_is_web(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://\S+$", value):
            raise ValueError("must be an http:// or https:// address")
        return value


class Fact(Strict):
    """Fields every fact record shares: what to confirm locally, and when the fact expires."""

    verify: str = ""  # what the officer must confirm locally; the brief prints "verify locally"
    deadline: dt.date | None = None  # when the recorded state is due to change


class Topic(Strict):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)


class QA(Strict):
    question: str = Field(min_length=1)
    answer: str = Field(min_length=1)
    # Printed only where this condition holds, as `applies_when`: an objection the carrier's
    # record rules out ("only in the radio network" where it is in the core) is not offered.
    when: str = ""


class TalkingPoint(Fact):
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
    handout_text: str = ""  # the releasable wording for the handout (template)
    us_forces: bool = False  # speaks of US forces: handout only with a recorded release
    host_stances: list[HostStance] = []  # the host stances it was written for; empty = any
    carrier_stances: list[CarrierStance] = []  # the carrier stances it was written for; empty = any
    figures: list[Figure] = []  # the handout figures it uses

    @field_validator("marking")
    @classmethod
    def _handout_carries_u_only(cls, value: str, info: ValidationInfo) -> str:
        if value in CONTROLLED and info.data.get("releasable"):
            raise ValueError(f"a point marked {value} cannot be releasable: a handout carries (U) "
                             "material only; mark it U or set releasable = false")
        return value


class Installation(Fact):
    name: str = Field(min_length=1)
    location: str = Field(min_length=1)
    service: str = Field(min_length=1)
    # Families of U.S. personnel live there (accompanied tours), on the public record; false for
    # rotational and deployed forces and where it is not known, so no sentence claims families.
    families: bool = False
    # U.S. forces use it on rotation or by agreement, with no standing U.S. unit: no sentence
    # speaks of "our personnel at" it as if they were stationed there.
    rotational: bool = False


class PolicyNote(Fact):
    date: dt.date
    note: str = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    stance: HostStance | None = None  # the host's stance from this decision on
    # How a sentence said to the host names this step, with its date: "the golden-power
    # conditions set in September 2022 on operators' 5G purchasing plans".
    step: str = ""


class VendorUse(Fact):
    vendor: str = Field(min_length=1)
    role: VendorRole
    networks: list[Network] = []
    status: VendorStatus = "in-service"
    detail: str = ""  # a short phrase for the officer's snapshot, never pasted into a sentence
    source: Source

    @property
    def high_risk(self) -> bool:
        return self.vendor in HIGH_RISK_VENDORS

    @property
    def part(self) -> str:
        """The part of the network in words: "4G and 5G radio access network"."""
        words = ROLE_WORDS[self.role]
        return f"{in_words(self.networks)} {words}" if self.networks else words

    @property
    def phrase(self) -> str:
        """The role, networks and status in words: "4G radio access network, being replaced
        by December 2027". Composed here so no template or layout pastes raw field values."""
        words = self.part
        if self.status == "replacing":
            words += ", being replaced"
            if self.deadline:
                words += f" by {month_year(self.deadline)}"
        elif self.status == "removed":
            words += ", since removed"
        elif self.status == "contracted":
            words += ", contracted"
        return words


class Carrier(Strict):
    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1)
    name_in_text: str = ""  # how a sentence names it, when `name` has brackets: "KDDI"
    aliases: list[str] = []  # other names an officer may type: "Deutsche Telekom"
    vendors: list[VendorUse] = []
    vendors_unknown: str = ""  # why no vendor is on public record; only then does the brief say so
    notes: str = ""
    sources: list[Source] = []

    @property
    def stance(self) -> CarrierStance:
        """Where the network stands, from the vendor records: a high-risk vendor in service in
        the network (`legacy` when only in networks older than 5G, its 5G on trusted vendors),
        all of them being replaced, none on record, or nothing public."""
        if not self.vendors:
            return "unknown"
        risky = [v for v in self.vendors if v.high_risk and v.role in NETWORK_ROLES]
        if self.high_risk_present:
            return "legacy" if self._trusted_5g(risky) else "high-risk"
        if any(v.status == "replacing" for v in risky):
            return "replacing"
        return "trusted"

    @property
    def high_risk_present(self) -> list[VendorUse]:
        """The high-risk entries in the network that are there or on their way: in service or
        contracted. They make the stance `high-risk` or `legacy`."""
        return [v for v in self.vendors if v.high_risk and v.role in NETWORK_ROLES
                and v.status in ("in-service", "contracted")]

    def _trusted_5g(self, risky: list[VendorUse]) -> bool:
        """Every high-risk entry still there names its networks, none of them 5G, and a
        trusted vendor is on record in the 5G network."""
        older_only = all(v.networks and "5G" not in v.networks for v in risky if v.status != "removed")
        return older_only and any(
            not v.high_risk and v.role in NETWORK_ROLES and "5G" in v.networks
            and v.status in ("in-service", "contracted") for v in self.vendors)

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
    aliases: list[str] = []
    us_ally: bool = False  # bound to the United States by a mutual defense treaty (NATO, ANZUS, bilateral)
    nato: bool = False  # a member of NATO: only then does a brief speak of NATO allies
    eu: bool = False  # a member state of the European Union: only then is EU law its own
    time_zone: str = ""  # the capital's zone in the tz database ("Europe/Rome"): meeting times
    # The zone's usual abbreviation where the tz database gives only an offset ("+04"): "GST".
    time_zone_abbreviation: str = ""
    us_forces: list[Installation] = []
    policy: list[PolicyNote] = []
    carriers: list[Carrier] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    reviewed: dt.date

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if value and time_zone(value) is None:
            raise ValueError(f"'{value}' is not a time zone of the tz database (such as Europe/Rome)")
        return value

    @property
    def in_text(self) -> str:
        """The name inside a sentence: "Italy", "the United Kingdom"."""
        return self.name_in_text or self.name

    @property
    def at_start(self) -> str:
        """The name opening a sentence: "Italy", "The United Kingdom"."""
        return self.in_text[:1].upper() + self.in_text[1:]

    @property
    def stance_run(self) -> list[PolicyNote]:
        """The host's decisions since it last changed its stance, oldest first: the step that
        set it and the steps taken under it (statements and others' acts set none)."""
        run: list[PolicyNote] = []
        for note in sorted((p for p in self.policy if p.stance is not None), key=lambda p: p.date):
            run = [*run, note] if run and run[-1].stance == note.stance else [note]
        return run

    @property
    def stance_note(self) -> PolicyNote | None:
        """The host's latest step under its stance."""
        run = self.stance_run
        return run[-1] if run else None

    @property
    def stance_since(self) -> dt.date | None:
        run = self.stance_run
        return run[0].date if run else None

    @property
    def stance_deadline(self) -> dt.date | None:
        """The deadline its latest step with one set (a later step may set none of its own)."""
        return next((p.deadline for p in reversed(self.stance_run) if p.deadline), None)

    @property
    def stance(self) -> HostStance:
        note = self.stance_note
        return note.stance if note and note.stance else "undecided"

    def carrier(self, carrier_id: str) -> Carrier | None:
        return next((c for c in self.carriers if c.id == carrier_id), None)
