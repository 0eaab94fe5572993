"""House style for every page: U.S. Government Printing Office style, in one place.

One date style ("December 1, 2026"), possessives ("Italy's", "the Philippines'"), a note's
first word after a colon, lists in words, and meeting times in the host's own zone with its
abbreviation ("10:30 CET"), never a bare offset. Written out here rather than through
strftime, whose month names follow the machine's locale.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
# Words that open a note without being a name, so that after "verify locally:" they take a small
# letter ("verify locally: whether the law has passed"); a name keeps its capital.
_COMMON_OPENINGS = frozenset(
    "a an any confirm designated drafts how its most no one press reported reports screening "
    "the their what when where whether which who why".split())


def month_year(date: dt.date) -> str:
    """"December 2027"."""
    return f"{MONTHS[date.month - 1]} {date.year}"


def long_date(date: dt.date) -> str:
    """"December 1, 2027": the one date style of every page."""
    return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"


def nested_quotes(text: str) -> str:
    """Quotation marks inside a quotation that double quotes will wrap become single curly
    ones (GPO style): 'what are "employee shares"' prints as 'what are ‘employee shares’'.
    A straight mark opens after a space, an opening bracket or the start, and closes elsewhere."""
    out = []
    for i, char in enumerate(text):
        if char == '"':
            opens = i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-/"
            out.append("\u2018" if opens else "\u2019")
        else:
            out.append({"\u201c": "\u2018", "\u201d": "\u2019"}.get(char, char))
    return "".join(out)


def possessive(name: str) -> str:
    """"Italy's", but "the Philippines'": a name ending in s takes the apostrophe alone."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def in_words(items: list[str]) -> str:
    """"2G, 3G and 4G": a list as a sentence names it."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def after_colon(note: str) -> str:
    """A note as it reads after a colon: its first word in small letters unless it is a name."""
    first = note.split(" ", 1)[0]
    return note[:1].lower() + note[1:] if first.lower() in _COMMON_OPENINGS else note


def time_zone(name: str) -> ZoneInfo | None:
    """The tz database's zone of that name, or None when there is none."""
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # not found (a KeyError), or not a zone's name
        return None


def local_time(when: dt.datetime, zone_name: str, abbreviation: str = "") -> tuple[dt.datetime, str]:
    """The meeting's time in the host's zone and the zone's abbreviation ("CET"). A time typed
    without a zone is the host's local time. `abbreviation` names a zone the tz database knows
    only by its offset ("GST" for "+04") or by letters that mislead a U.S. reader ("PhST", not
    Manila's "PST"); without one such a zone prints as "UTC+4"."""
    zone = time_zone(zone_name) if zone_name else None
    if zone is None:
        return when, utc_offset(when)
    local = when.astimezone(zone) if when.tzinfo else when.replace(tzinfo=zone)
    name = local.tzname() or ""
    return local, abbreviation or (utc_offset(local) if name[:1] in "+-" else name)


def utc_offset(when: dt.datetime) -> str:
    """"UTC+4", "UTC-3:30"; nothing for a time without a zone."""
    offset = when.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes >= 0 else '-'}{hours}" + (f":{rest:02d}" if rest else "")
