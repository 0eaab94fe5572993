"""The CUI designation: its banner, the indicator on page 1 and what a CUI brief must fill in.

Under the CUI regime (32 CFR 2002 and the CUI Marking Handbook) a banner lists the specified
categories (`SP-...`) and the limited dissemination controls after `CUI`, `//` between the
parts and `/` inside one (`CUI//SP-PRVCY//FEDCON`), while basic categories appear only in the
designation indicator. Kept apart from the scheme-wide rules (`markings`): these are the CUI
Registry's own vocabulary and the checks of one block of the brief.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .faults import Fault

if TYPE_CHECKING:
    from .brief import Brief

# Limited dissemination controls (CUI Registry), in the order a banner lists them.
CONTROLS = ("NOFORN", "FED ONLY", "FEDCON", "NOCON", "DL ONLY", "REL TO", "DISPLAY ONLY")
CONTROL_NAMES = {"NOFORN": "no foreign dissemination", "FED ONLY": "federal employees only",
                 "FEDCON": "federal employees and contractors only",
                 "NOCON": "no dissemination to contractors", "DL ONLY": "dissemination list controlled",
                 "REL TO": "authorized for release to certain nationals only (REL TO USA, ...)",
                 "DISPLAY ONLY": "display only"}
_CONFLICTS = (("NOFORN", "REL TO"), ("FED ONLY", "FEDCON"), ("FEDCON", "NOCON"))
_REL_TO = re.compile(r"^REL TO USA(?:, [A-Z]{3})+$")
_CATEGORY = re.compile(r"^(?:SP-)?[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")


def cui_banner(categories: tuple[str, ...], controls: tuple[str, ...]) -> str:
    """`CUI`, then the specified categories (alphabetical), then the limited dissemination
    controls, `//` between the parts and `/` within one. Basic categories stay off the banner."""
    specified = sorted({c.strip().upper() for c in categories if c.strip().upper().startswith("SP-")})
    limits = sorted({c.strip().upper() for c in controls if c.strip()}, key=_control_order)
    return "//".join(["CUI", *(["/".join(specified)] if specified else []),
                      *(["/".join(limits)] if limits else [])])


def _control_order(control: str) -> tuple[int, str]:
    head = "REL TO" if control.startswith("REL TO") else control
    return (CONTROLS.index(head) if head in CONTROLS else len(CONTROLS), control)


def designation_lines(brief: Brief) -> tuple[tuple[str, str], ...]:
    """The designation indicator with the Handbook's labels; the dissemination line only when
    a control is set (its absence means no limit beyond a lawful government purpose)."""
    cui = brief.cui
    categories = sorted({c.strip().upper() for c in cui.categories if c.strip()},
                        key=lambda c: (not c.startswith("SP-"), c))
    lines = [("Controlled by", cui.controlled_by.agency.strip()),
             ("Controlled by", cui.controlled_by.office.strip()),
             ("CUI Category", ", ".join(categories))]
    limits = sorted({c.strip().upper() for c in cui.controls if c.strip()}, key=_control_order)
    if limits:
        lines.append(("Limited Dissemination Control", ", ".join(limits)))
    lines.append(("POC", cui.poc.strip()))
    return tuple(lines)


def designation_faults(brief: Brief, name: str) -> list[Fault]:
    cui = brief.cui
    required = (("cui.controlled_by.agency", cui.controlled_by.agency,
                 "the agency that controls the document ('Controlled by:')"),
                ("cui.controlled_by.office", cui.controlled_by.office,
                 "the office that controls the document ('Controlled by:')"),
                ("cui.categories", "".join(cui.categories), "at least one CUI category, e.g. "
                 "SP-PRVCY or PRVCY ('CUI Category:')"),
                ("cui.poc", cui.poc, "a point of contact: a name with a phone number or "
                 "e-mail ('POC:')"))
    faults = [Fault(name, f"field '{f}'", f"is empty; a CUI document's first page names {what}")
              for f, value, what in required if not value.strip()]
    faults += [Fault(name, "field 'cui.categories'", f"'{c}' is not a CUI category marking "
                     "(capitals, e.g. PRVCY, or SP-PRVCY for a specified category)")
               for c in cui.categories if c.strip() and not _CATEGORY.match(c.strip().upper())]
    limits = {c.strip().upper() for c in cui.controls if c.strip()}
    faults += [Fault(name, "field 'cui.controls'", f"'{c}' is not a limited dissemination control "
                     f"(one of {', '.join(CONTROLS[:-2])}, REL TO USA, ..., DISPLAY ONLY)")
               for c in sorted(limits) if not is_control(c)]
    heads = {"REL TO" if c.startswith("REL TO") else c for c in limits}
    faults += [Fault(name, "field 'cui.controls'", f"{a} and {b} contradict each other; "
                     "choose one") for a, b in _CONFLICTS if a in heads and b in heads]
    return faults


def is_control(item: str) -> bool:
    """Whether a banner part (capitals) is a limited dissemination control."""
    return item in CONTROLS or bool(_REL_TO.match(item))
