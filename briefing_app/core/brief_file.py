"""Reading and writing `.brief` files: JSON, `schema_version` first, saved atomically.

Older formats are migrated on load, one step at a time (`MIGRATIONS`), and so are format 2
briefs saved before some of its fields took their present shape; a newer format is refused,
since dropping fields a newer app wrote would lose the officer's work.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .atomic import write_atomic
from .brief import SCHEMA_VERSION, Brief
from .faults import Fault, InputError
from .markings import parse_banner
from .reading import Unreadable, read_limited

MAX_BRIEF_BYTES = 20_000_000
MAX_DIGITS = 20  # a brief's only number is its format; more digits are a damaged or hostile file
_LONG_NUMBER = re.compile(r"[:\[,]\s*-?\d{21}")  # a number value, not digits in a string


def _format_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Format 2 adds fields, each with a default; the markings and the clearer change shape."""
    return _clearances(_markings_1_to_2(data))


def _clearances(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1's `cleared_by` line becomes one clearance, given: a brief that said who cleared
    it had been cleared. (Format 2 files saved before `clearances` existed carry it too.)"""
    if "cleared_by" not in data:
        return data
    data = dict(data)
    cleared_by = data.pop("cleared_by")
    if isinstance(cleared_by, str) and cleared_by.strip() and not data.get("clearances"):
        data["clearances"] = [{"role": "cleared", "name": cleared_by.strip(), "status": "cleared"}]
    return data


def _without_custom_topics(data: dict[str, Any]) -> dict[str, Any]:
    """Custom points once carried `topic: "custom"`, which nothing read; briefs that have it
    (format 1, and format 2 files saved before it went) still open."""
    customs = data.get("custom_points")
    if not isinstance(customs, list):
        return data
    return {**data, "custom_points": [{k: v for k, v in c.items() if k != "topic"} if isinstance(c, dict)
                                      else c for c in customs]}


def _early_markings(data: dict[str, Any]) -> bool:
    """Whether the brief keeps the markings' first shape: a CUI block of three lines of text
    (`controlled_by`, `category`, `dissemination`) or a hand-written banner. Format 1 briefs
    do, and so do format 2 briefs saved before the markings changed shape."""
    cui, marking = data.get("cui"), data.get("marking")
    old_cui = isinstance(cui, dict) and ("category" in cui or "dissemination" in cui
                                         or isinstance(cui.get("controlled_by"), str))
    return old_cui or (isinstance(marking, str) and "//" in marking)


def _markings_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Objectives become {text, marking U}; the CUI block gets the Handbook's lines (agency
    and office, categories and controls as lists); a hand-written banner such as
    `CUI//SP-PRVCY//FEDCON` becomes its level, with its categories and controls kept."""
    data = dict(data)
    meeting = data.get("meeting")
    if isinstance(meeting, dict) and isinstance(meeting.get("objectives"), list):
        data["meeting"] = {**meeting, "objectives": [
            {"text": o, "marking": "U"} if isinstance(o, str) else o for o in meeting["objectives"]]}
    old = data.get("cui")
    if isinstance(old, dict):
        cui = {k: v for k, v in old.items() if k not in ("category", "dissemination")}
        if isinstance(old.get("controlled_by"), str):
            cui["controlled_by"] = {"agency": old["controlled_by"], "office": ""}
        if "category" in old:
            cui["categories"] = _items(old["category"])
        if "dissemination" in old:
            cui["controls"] = _items(old["dissemination"])
        data["cui"] = cui
    marking = data.get("marking")
    if isinstance(marking, str):
        head, categories, controls, descriptor = parse_banner(marking)
        data["marking"] = head
        if head == "SENSITIVE BUT UNCLASSIFIED":
            data["regime"] = "sbu"
        if descriptor:
            data["descriptor"] = descriptor
        if categories or controls:
            cui = data.get("cui") if isinstance(data.get("cui"), dict) else {}
            data["cui"] = {**cui, "categories": cui.get("categories") or list(categories),
                           "controls": cui.get("controls") or list(controls)}
    return data


def _items(value: object) -> list[str]:
    """"PRVCY/PROPIN" or "FEDCON, NOFORN" as a list of marks."""
    if not isinstance(value, str):
        return []
    return [i.strip() for i in value.replace(",", "/").split("/") if i.strip()]


# The validator's messages that name its own classes or terms, in the officer's words.
_WORDS = {"extra_forbidden": "is not a field of a brief this app knows; was the file written by "
                             "another program or a newer version?",
          "model_type": "should be a group of fields, not a single value",
          "model_attributes_type": "should be a group of fields, not a single value"}

# MIGRATIONS[n] turns a format n brief into format n + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _format_1_to_2}


def brief_to_json(brief: Brief) -> str:
    data = brief.model_dump(mode="json")
    ordered = {"schema_version": SCHEMA_VERSION, **{k: v for k, v in data.items()
                                                   if k != "schema_version"}}
    return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"


def save_brief(brief: Brief, path: Path) -> None:
    write_atomic(Path(path), brief_to_json(brief).encode("utf-8"))


def parse_brief(text: str, name: str) -> Brief:
    """A brief from JSON text; `name` is how messages refer to the file."""
    try:
        data = json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as err:
        raise InputError(Fault(name, f"line {err.lineno}, column {err.colno}",
                               f"not valid brief JSON: {err.msg}")) from None
    except RecursionError:
        raise InputError(Fault(name, "", "not a brief: lists or objects nested thousands of "
                               "levels deep")) from None
    except ValueError:
        long = _LONG_NUMBER.search(text)
        line = f"line {text.count(chr(10), 0, long.start()) + 1}" if long else ""
        raise InputError(Fault(name, line, f"a number of more than {MAX_DIGITS} digits; a "
                               "brief holds no such number")) from None
    if not isinstance(data, dict):
        raise InputError(Fault(name, "", "not a brief: expected a JSON object at the top"))
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InputError(Fault(name, "field 'schema_version'",
                               "is missing or not a whole number; is this a .brief file?"))
    if version > SCHEMA_VERSION:
        raise InputError(Fault(name, "field 'schema_version'",
                               f"this brief was saved by a newer Briefing Builder (format "
                               f"{version}; this app reads up to {SCHEMA_VERSION}); "
                               "update the app to open it"))
    if version < 1:
        raise InputError(Fault(name, "field 'schema_version'", f"format {version} is not one this app can read"))
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data["schema_version"] = SCHEMA_VERSION
    if _early_markings(data):
        data = _markings_1_to_2(data)
    data = _without_custom_topics(_clearances(data))
    try:
        return Brief.model_validate(data)
    except ValidationError as err:
        raise InputError([
            Fault(name, f"field '{'.'.join(str(p) for p in e['loc'])}'", _WORDS.get(e["type"], e["msg"]))
            for e in err.errors()
        ]) from None


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise ValueError(digits[:20])
    return int(digits)


def load_brief(path: Path) -> Brief:
    path = Path(path)
    name = str(path)
    if path.is_dir():
        raise InputError(Fault(name, "", "is a folder, not a .brief file"))
    try:
        raw = read_limited(path, MAX_BRIEF_BYTES, "a brief")
    except Unreadable as err:
        raise InputError(Fault(name, "", str(err))) from None
    if not raw.strip():
        raise InputError(Fault(name, "", "is empty"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(Fault(name, "", "is not UTF-8 text; is this a .brief file?")) from None
    return parse_brief(text, name)
