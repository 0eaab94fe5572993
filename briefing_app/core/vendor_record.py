"""A carrier's vendor entries as one sentence an officer can say: "On the public record,
Vodafone Germany uses Huawei and Ericsson equipment in its radio access network and has
contracted Samsung for its radio access network."

The entries are a list of records (vendor, role, networks, status); read aloud as a list
("Huawei, radio access network; Ericsson, ...") they sound like a database. Vendors that
share a status and a part of the network are named together, the parts one set of vendors
holds are joined, and a verb is not repeated ("uses Huawei equipment in its 4G radio access
network and Ericsson equipment in its 5G core network"), so the sentence keeps every fact and
no more.
"""

from __future__ import annotations

from .house_style import in_words, month_year
from .models import Carrier, VendorUse

_DEVICES = {"in-service": "sells {names} devices", "replacing": "is replacing the {names} devices it sells",
            "removed": "has stopped selling {names} devices",
            "contracted": "has contracted {names} for the devices it sells"}
_NETWORK = {"in-service": "uses {names} equipment in {where}", "replacing": "is replacing {names} equipment in {where}",
            "removed": "has removed {names} equipment from {where}", "contracted": "has contracted {names} for {where}"}


def _where(parts: list[tuple[str, str]]) -> str:
    """"its 5G radio access network by December 2027"; with several parts, each deadline in
    brackets after its own part so none reads as covering the others."""
    if len(parts) == 1:
        part, due = parts[0]
        return f"its {part}" + (f" by {due}" if due else "")
    return in_words([f"its {part}" + (f" (by {due})" if due else "") for part, due in parts])


def record_sentence(carrier: Carrier, vendors: list[VendorUse] | None = None) -> str:
    """The sentence for `vendors` (all the carrier's entries by default), or "" without any."""
    entries = carrier.vendors if vendors is None else vendors
    by_part: dict[tuple[str, str, str], list[str]] = {}
    for v in entries:
        due = month_year(v.deadline) if v.deadline and v.status == "replacing" else ""
        names = by_part.setdefault((v.status, v.part, due), [])
        if v.vendor not in names:
            names.append(v.vendor)
    by_vendors: dict[tuple[str, tuple[str, ...]], list[tuple[str, str]]] = {}
    for (status, part, due), names in by_part.items():
        by_vendors.setdefault((status, tuple(names)), []).append((part, due))
    clauses, said = [], ""
    for (status, names), parts in by_vendors.items():
        devices = parts[0][0] == "customer devices" and len(parts) == 1
        pattern = (_DEVICES if devices else _NETWORK)[status]
        clause = pattern.format(names=in_words(list(names)), where=_where(parts))
        verb = pattern.split(" {names}")[0]
        clauses.append(clause.removeprefix(verb + " ") if verb == said else clause)
        said = verb
    return f"On the public record, {carrier.in_text} {in_words(clauses)}." if clauses else ""
