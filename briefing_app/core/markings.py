"""Marking rules: the banner, the portion marks and the first-page designation of a brief.

US scheme (32 CFR 2002 and the CUI Marking Handbook): a brief uses one regime, CUI or the
legacy SBU it replaced, never both. A CUI document carries its banner and designation
indicator (`cui_designation`) and may not be exported with a required line empty; an
UNCLASSIFIED or SBU one carries none. Every portion is marked, (U) for uncontrolled text.

UK scheme (Government Security Classifications): OFFICIAL or OFFICIAL-SENSITIVE, the latter
with an optional descriptor (COMMERCIAL, LOCSEN, PERSONAL); no portion marks, no designation.

The overall marking is the highest portion unless the officer sets one: lower than a portion
is an error, higher than every portion a warning (over-marking is a fault too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .cui_designation import cui_banner, designation_faults, designation_lines, is_control
from .faults import Fault, InputError
from .models import CONTROLLED
from .outputs import SCHEME_IDS

if TYPE_CHECKING:
    from .brief import Brief
    from .library import Library

UK_DESCRIPTORS = ("COMMERCIAL", "LOCSEN", "PERSONAL")
REGIME_NAMES = {"cui": "CUI", "sbu": "SBU (legacy)"}


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    portion_marks: bool

    def controlled_banner(self, regime: str) -> str:
        if self.id == "uk":
            return "OFFICIAL-SENSITIVE"
        return "SENSITIVE BUT UNCLASSIFIED" if regime == "sbu" else "CUI"

    def uncontrolled_banner(self) -> str:
        return "OFFICIAL" if self.id == "uk" else "UNCLASSIFIED"

    def banners(self, regime: str) -> tuple[str, str]:
        """The overall markings an officer may set: uncontrolled, then controlled."""
        return self.uncontrolled_banner(), self.controlled_banner(regime)

    def label(self, marking: str, regime: str) -> str:
        """How the window names a portion marking: "(CUI)", or "OFFICIAL-SENSITIVE" (UK)."""
        if self.portion_marks:
            return f"({marking})"
        return self.uncontrolled_banner() if marking == "U" else self.controlled_banner(regime)


SCHEMES = {"us": Scheme("us", "United States", True), "uk": Scheme("uk", "United Kingdom", False)}
assert tuple(SCHEMES) == SCHEME_IDS


def controlled_mark(regime: str) -> str:
    """The portion marking of controlled text under a regime (the UK scheme keeps the code)."""
    return "SBU" if regime == "sbu" else "CUI"


@dataclass(frozen=True)
class Portion:
    """One marked portion of a brief: where it is (for messages) and its marking."""

    where: str
    marking: str


@dataclass(frozen=True)
class Marks:
    """What a brief's markings resolve to; `errors` refuse an export, `warnings` do not."""

    scheme: str
    level: str  # "U" or the regime's controlled mark
    banner: str
    designation: tuple[tuple[str, str], ...] = ()  # (label, value) lines on page 1
    errors: tuple[Fault, ...] = ()
    warnings: tuple[str, ...] = ()
    handout_errors: tuple[Fault, ...] = field(default=())

    def portion(self, marking: str) -> str:
        """The mark that opens a portion: "(U)", "(CUI)"; "" where the scheme has none."""
        return f"({marking})" if SCHEMES[self.scheme].portion_marks else ""

    def require(self, variant: str) -> None:
        """Refuse, naming every field or point at fault, a document that would be wrongly
        marked: the officer brief by its markings, the (unmarked) handout by its points."""
        errors = self.handout_errors if variant == "handout" else self.errors
        if errors:
            raise InputError(list(errors))


def cui_applies(brief: Brief, level: str) -> bool:
    """The one rule for the CUI designation: a US brief under the CUI regime whose overall
    marking is CUI. The window shows the fields and the document prints the block by it."""
    return brief.scheme == "us" and brief.regime == "cui" and level == "CUI"


def brief_portions(brief: Brief, point_markings: dict[str, tuple[str, bool]]) -> list[Portion]:
    """The portions whose marks the officer or the library sets; `point_markings` holds each
    chosen point's (marking, releasable), in brief order. Everything else is (U)."""
    meeting = brief.meeting
    found = []
    if meeting.bluf.strip():
        found.append(Portion("the BLUF", meeting.bluf_marking))
    if meeting.purpose.strip():
        found.append(Portion("the purpose", meeting.purpose_marking))
    found += [Portion(f"objective {n}", o.marking)
              for n, o in enumerate(meeting.objectives, start=1) if o.text.strip()]
    found += [Portion(f"point {n} ({pid})", marking)
              for n, (pid, (marking, _)) in enumerate(point_markings.items(), start=1)]
    return found


def library_point_markings(brief: Brief, library: Library) -> dict[str, tuple[str, bool]]:
    """(marking, releasable) of each chosen point the brief or the library knows."""
    found = {}
    for choice in brief.points:
        custom = brief.custom(choice.id)
        point = custom or library.points.get(choice.id)
        if point is not None:
            found[choice.id] = (point.marking, point.releasable)
    return found


def remarked(brief: Brief, regime: str) -> Brief:
    """The brief under another US regime: what the officer wrote and marked controlled takes
    the new regime's mark (CUI for SBU, or back), and the overall marking goes back to automatic.
    Library points keep their marks; one of the other regime is refused at export."""
    old, new = controlled_mark(brief.regime), controlled_mark(regime)

    def mark(marking: str) -> str:
        return new if marking == old else marking

    meeting = brief.meeting.model_copy(update={
        "bluf_marking": mark(brief.meeting.bluf_marking),
        "purpose_marking": mark(brief.meeting.purpose_marking),
        "objectives": tuple(o.model_copy(update={"marking": mark(o.marking)})
                            for o in brief.meeting.objectives)})
    customs = tuple(c.model_copy(update={"marking": mark(c.marking)}) for c in brief.custom_points)
    return brief.model_copy(update={"regime": regime, "marking": None, "meeting": meeting,
                                    "custom_points": customs})


def marks_of(brief: Brief, library: Library, name: str = "brief") -> Marks:
    """The brief's markings as the window needs them while the officer types: no assembly."""
    points = library_point_markings(brief, library)
    return resolve(brief, brief_portions(brief, points), name, points)


def level_of(brief: Brief, library: Library) -> str:
    return marks_of(brief, library).level


def resolve(brief: Brief, portions: list[Portion], name: str = "brief",
            point_markings: dict[str, tuple[str, bool]] | None = None) -> Marks:
    """The banner, designation, errors and warnings of a brief with these portions."""
    scheme = SCHEMES[brief.scheme]
    own = controlled_mark(brief.regime)
    errors: list[Fault] = []
    warnings: list[str] = []
    if scheme.id == "us":
        errors += [_mixed(name, p, brief.regime) for p in portions
                   if p.marking in CONTROLLED and p.marking != own]
    controlled = [p for p in portions if p.marking in CONTROLLED]
    level = own if controlled else "U"
    if brief.marking is not None:
        level = _set_level(brief, scheme, level, controlled, name, errors, warnings)
    banner = scheme.controlled_banner(brief.regime) if level != "U" else scheme.uncontrolled_banner()
    designation: tuple[tuple[str, str], ...] = ()
    if scheme.id == "uk":
        banner = _uk_banner(brief, banner, name, errors)
    elif cui_applies(brief, level):
        if not errors:  # while the regime is in doubt, the designation may not be needed
            errors += designation_faults(brief, name)
        banner = cui_banner(brief.cui.categories, brief.cui.controls)
        designation = designation_lines(brief)
    elif brief.regime == "cui" and (brief.cui.categories or brief.cui.controls):
        warnings.append("the CUI designation is filled in but nothing in the brief is marked CUI, "
                        f"so it prints as {banner} without it")
    handout = [Fault(name, f"point {n} ({pid})", f"is marked {marking} and ticked releasable; a "
                     "handout carries (U) material only: mark it U or untick Releasable")
               for n, (pid, (marking, releasable)) in enumerate((point_markings or {}).items(), 1)
               if releasable and marking in CONTROLLED]
    return Marks(brief.scheme, level, banner, designation, tuple(errors), tuple(warnings),
                 tuple(handout))


def _mixed(name: str, portion: Portion, regime: str) -> Fault:
    other = "CUI" if regime == "sbu" else "SBU"
    return Fault(name, portion.where, f"is marked {other}, but this brief uses the "
                 f"{REGIME_NAMES[regime]} regime; CUI replaced SBU and a document uses one or the "
                 f"other: mark it {controlled_mark(regime)} or U, or change the brief's regime")


def _set_level(brief: Brief, scheme: Scheme, level: str, controlled: list[Portion], name: str,
               errors: list[Fault], warnings: list[str]) -> str:
    """The level of the overall marking the officer set, reconciled with the portions."""
    uncontrolled, controlled_banner = scheme.banners(brief.regime)
    chosen = brief.marking.strip().upper()
    if chosen not in (uncontrolled, controlled_banner):
        errors.append(Fault(name, "field 'marking'", f"'{brief.marking}' is not an overall "
                            f"marking of the {scheme.name} scheme under this regime; choose "
                            f"{uncontrolled} or {controlled_banner} (or automatic)"))
        return level
    if chosen == uncontrolled and controlled:
        errors.append(Fault(name, "field 'marking'", f"the overall marking {uncontrolled} is lower "
                            f"than {controlled[0].where}, marked {controlled[0].marking}; a banner "
                            "is at least the highest portion marking"))
        return level
    if chosen == controlled_banner and not controlled:
        warnings.append(f"the overall marking {controlled_banner} is higher than every portion "
                        f"(all are uncontrolled); mark down to {uncontrolled} unless something "
                        "in the brief is controlled")
        return controlled_mark(brief.regime)
    return level


def _uk_banner(brief: Brief, banner: str, name: str, errors: list[Fault]) -> str:
    if not brief.descriptor:
        return banner
    if banner != "OFFICIAL-SENSITIVE":
        errors.append(Fault(name, "field 'descriptor'", f"the descriptor {brief.descriptor} goes "
                            "with OFFICIAL-SENSITIVE; this brief is OFFICIAL"))
        return banner
    return f"{banner} {brief.descriptor}"


def parse_banner(banner: str) -> tuple[str, tuple[str, ...], tuple[str, ...], str]:
    """A banner written by hand (format 1 briefs) as (head, categories, controls, descriptor):
    `CUI//SP-PRVCY//FEDCON` gives ("CUI", ("SP-PRVCY",), ("FEDCON",), "")."""
    text = " ".join(banner.split()).upper()
    if text.startswith("OFFICIAL-SENSITIVE"):
        rest = text.removeprefix("OFFICIAL-SENSITIVE").strip(" :[]")
        return "OFFICIAL-SENSITIVE", (), (), rest if rest in UK_DESCRIPTORS else ""
    if text in ("SBU", "SENSITIVE BUT UNCLASSIFIED"):
        return "SENSITIVE BUT UNCLASSIFIED", (), (), ""
    head, *parts = [p.strip() for p in text.split("//")]
    if head not in ("CUI", "CONTROLLED"):
        return text, (), (), ""
    categories: list[str] = []
    controls: list[str] = []
    for part in parts:
        items = [i.strip() for i in part.split("/") if i.strip()]
        if all(map(is_control, items)):
            controls += items
        else:
            categories += items
    return "CUI", tuple(categories), tuple(controls), ""


def marking_words() -> tuple[str, ...]:
    """Every banner word and portion mark of every scheme: none may appear on a handout."""
    words = {b for s in SCHEMES.values() for r in REGIME_NAMES for b in s.banners(r)}
    words |= {f"OFFICIAL-SENSITIVE {d}" for d in UK_DESCRIPTORS}
    words |= {"(U)", "(SBU)", "(CUI)"}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))
