"""Where the host and the carrier stand on high-risk vendors, in words, and whether a point was
written for that stance.

The stances themselves are derived in `models.py` from the policy notes and vendor records
(`Country.stance`, `Carrier.stance`); this module only puts them into words for the window and
the recommendations, and matches them against a point's `host_stances` and `carrier_stances`.
"""

from __future__ import annotations

from .house_style import in_words, month_year
from .models import NETWORK_ROLES, Carrier, Country, TalkingPoint

# Who a point was written for, after "hosts" or "carriers", as a reason or the window names it.
HOST_AUDIENCE = {"undecided": "still deciding", "restricting": "that restrict high-risk vendors",
                 "excluded": "that have excluded high-risk vendors"}
CARRIER_AUDIENCE = {"high-risk": "with Huawei or ZTE in service",
                    "legacy": "with Huawei or ZTE only in networks older than 5G",
                    "replacing": "replacing Huawei or ZTE", "trusted": "on trusted vendors only",
                    "unknown": "with no vendors on public record"}
# The same, in the few words a narrow column holds.
HOST_SHORT = {"undecided": "deciding", "restricting": "restricting", "excluded": "excluded"}
CARRIER_SHORT = {"high-risk": "Huawei/ZTE", "legacy": "older only", "replacing": "replacing",
                 "trusted": "trusted", "unknown": "unknown"}


def host_state(country: Country) -> str:
    """What the host has decided, as the rest of a sentence opening with its name:
    "has excluded high-risk vendors (since May 2022; removal by December 2027)"."""
    words = {"undecided": "has no restriction on high-risk vendors on record",
             "restricting": "restricts high-risk vendors",
             "excluded": "has excluded high-risk vendors"}[country.stance]
    if country.stance_since is None:
        return words
    when = [f"since {month_year(country.stance_since)}"]
    if country.stance_deadline:
        when.append(f"{'removal' if country.stance == 'excluded' else 'next step'} by "
                    f"{month_year(country.stance_deadline)}")
    return f"{words} ({'; '.join(when)})"


def carrier_state(carrier: Carrier) -> str:
    """What the carrier's network runs, as the rest of a sentence opening with its name:
    "is replacing Huawei (4G radio access network, by December 2027)"."""
    stance = carrier.stance
    if stance == "unknown":
        return "has no vendors on public record"
    if stance == "trusted":
        return "uses trusted vendors only, on the public record"
    risky = (carrier.high_risk_present if stance in ("high-risk", "legacy") else
             [v for v in carrier.vendors if v.high_risk and v.role in NETWORK_ROLES and v.status == "replacing"])
    names = in_words(sorted({v.vendor for v in risky}))
    phrases = "; ".join(dict.fromkeys(v.part for v in risky))
    if stance == "high-risk":
        running = "in service" if any(v.status == "in-service" for v in risky) else "contracted"
        return f"has {names} {running} ({phrases})"
    if stance == "legacy":
        return f"has {names} only in older networks ({phrases}); its 5G is on trusted vendors"
    deadline = max((v.deadline for v in risky if v.deadline), default=None)
    return f"is replacing {names} ({phrases}{f', by {month_year(deadline)}' if deadline else ''})"


def stance_line(country: Country, carrier: Carrier | None) -> str:
    """Both stances in one line, for the window's country panel."""
    line = f"{country.at_start} {host_state(country)}"
    return line + (f" · {carrier.in_text} {carrier_state(carrier)}" if carrier else "")


def _wanted(kind: str, stances: list[str], words: dict[str, str], join: str = " or ") -> str:
    return f"{kind} {join.join(words[s] for s in stances)}" if stances else ""


def written_for(point: TalkingPoint, short: bool = False) -> str:
    """The stances a point was written for, in words ("hosts: deciding · carriers: Huawei/ZTE"
    when `short`); "" when it suits any."""
    if short:
        parts = (_wanted("hosts:", point.host_stances, HOST_SHORT, ", "),
                 _wanted("carriers:", point.carrier_stances, CARRIER_SHORT, ", "))
    else:
        parts = (_wanted("hosts", point.host_stances, HOST_AUDIENCE),
                 _wanted("carriers", point.carrier_stances, CARRIER_AUDIENCE))
    return (" · " if short else "; ").join(p for p in parts if p)


def stance_misfit(point: TalkingPoint, country: Country, carrier: Carrier | None) -> str:
    """Why the point was written for another stance than this host's or carrier's, in words
    an officer can check against the record; "" when it fits. Without a carrier in the
    meeting, a point's carrier stances do not apply (a point that needs a carrier says so in
    its `applies_when`)."""
    if point.host_stances and country.stance not in point.host_stances:
        wanted = _wanted("hosts", point.host_stances, HOST_AUDIENCE)
        return f"written for {wanted}; {country.in_text} {host_state(country)}"
    if point.carrier_stances and carrier is not None and carrier.stance not in point.carrier_stances:
        wanted = _wanted("carriers", point.carrier_stances, CARRIER_AUDIENCE)
        return f"written for {wanted}; {carrier.in_text} {carrier_state(carrier)}"
    return ""
