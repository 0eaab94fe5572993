"""What a library template sees: the country and carrier as plain data, and the names of it.

Kept apart from the template engine (`templating`) because the data a template sees is the
library's business, not Jinja's: `check_template` checks field names against
`CONTEXT_FIELDS`, and the brief's outputs build the context without loading Jinja at all.
"""

from __future__ import annotations

from typing import Any

from .models import NETWORK_ROLES, Carrier, Country
from .vendor_record import record_sentence

COUNTRY_FIELDS = {"code", "name", "in_text", "at_start", "us_forces", "hosts_us_forces",
                  "us_families", "us_ally", "nato", "eu", "policy", "carriers", "stance", "stance_date",
                  "stance_since", "stance_deadline", "stance_step"}
CARRIER_FIELDS = {"id", "name", "in_text", "vendors", "vendor_names", "notes", "stance",
                  "high_risk", "deadline", "record", "high_risk_record"}
CONTEXT_FIELDS = {"country": COUNTRY_FIELDS, "carrier": CARRIER_FIELDS}


def template_context(country: Country, carrier: Carrier | None) -> dict[str, Any]:
    """The plain data a template sees: dicts and lists of library data, never the models, and
    never the meeting (what the officer writes reaches the page through the brief, not through
    a library template that could copy it onto a handout)."""
    return {
        "country": {
            "code": country.code,
            "name": country.name,
            "in_text": country.in_text,
            "at_start": country.at_start,
            "us_forces": [f.model_dump() for f in country.us_forces],
            "hosts_us_forces": bool(country.us_forces),
            "us_families": any(f.families for f in country.us_forces),
            "us_ally": country.us_ally,
            "nato": country.nato,
            "eu": country.eu,
            "policy": [{"date": p.date, "note": p.note, "stance": p.stance} for p in country.policy],
            "carriers": [{"id": c.id, "name": c.name} for c in country.carriers],
            **_host_stance(country),
        },
        "carrier": None
        if carrier is None
        else {
            "id": carrier.id,
            "name": carrier.name,
            "in_text": carrier.in_text,
            "vendors": [{"vendor": v.vendor, "role": v.role, "networks": list(v.networks),
                         "status": v.status, "deadline": v.deadline, "phrase": v.phrase, "part": v.part}
                        for v in carrier.vendors],
            "vendor_names": carrier.vendor_names,
            "notes": carrier.notes,
            **_carrier_stance(carrier),
        },
    }


def _host_stance(country: Country) -> dict[str, Any]:
    """`stance`; the date of the latest step under it and of the step that set it; the
    deadline in force; how a sentence to the host names that latest step (each None without one)."""
    note = country.stance_note
    return {"stance": country.stance, "stance_date": note.date if note else None,
            "stance_since": country.stance_since, "stance_deadline": country.stance_deadline,
            "stance_step": (note.step or None) if note else None}


def _carrier_stance(carrier: Carrier) -> dict[str, Any]:
    """`stance`; the high-risk vendors in service or being replaced; the latest deadline for
    replacing them (None without one); the vendor entries as a sentence (`record`), and those
    of the high-risk vendors still there (`high_risk_record`)."""
    risky = [v for v in carrier.vendors
             if v.high_risk and v.role in NETWORK_ROLES and v.status != "removed"]
    deadlines = [v.deadline for v in risky if v.status == "replacing" and v.deadline]
    names = {v.vendor for v in risky}
    return {"stance": carrier.stance, "high_risk": sorted(names),
            "deadline": max(deadlines, default=None), "record": record_sentence(carrier),
            "high_risk_record": record_sentence(
                carrier, [v for v in carrier.vendors if v.vendor in names and v.status != "removed"])}
