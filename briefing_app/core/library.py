"""Loading the talking-point library from folders of TOML files, collecting every fault.

A library is one or more folders laid over each other (built-in first, then the user's): a
later folder's topic, point or country replaces an earlier one with the same id. Loading never
stops at the first bad file: each fault is recorded with its file and place, and the rest of
the library still works.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .collector import collection_paused
from .faults import Fault, display_path
from .reading import Unreadable, read_limited, unreadable_folder

try:  # tomli is the stdlib's tomllib, compiled: three times faster on a large library
    import tomli as toml
except ImportError:  # pragma: no cover - the wheel is a dependency; tomllib is the same parser
    import tomllib as toml
from .models import Carrier, Country, TalkingPoint, Topic

DEFAULT_MAX_AGE_DAYS = 365  # a point or country not reviewed for longer is stale
REQUIRED_TOPICS = ("state-compulsion", "edge-core", "base-traffic", "subsidy")
MAX_FILE_BYTES = 1_000_000
M = TypeVar("M", bound=BaseModel)

_PLAIN_WORDS = {
    "missing": "is missing (required)",
    "extra_forbidden": "is not a known key (a typo?)",
    "bool_type": "must be true or false (without quotes)",
    "date_type": "must be a date such as 2026-11-01 (without quotes)",
    "string_type": "must be text in quotes",
    "list_type": "must be a list, e.g. [\"a\", \"b\"]",
    "too_short": "must not be empty",
    "string_too_short": "must not be empty",
    "string_pattern_mismatch": "must be a lower-case id such as 'edge-core' (letters, digits, -)",
    "literal_error": "is not one of the allowed values",
}


@dataclass
class Library:
    folders: tuple[Path, ...]
    topics: list[Topic] = field(default_factory=list)
    points: dict[str, TalkingPoint] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    # What the templates say for each country and carrier (core/rendered.py), kept with the
    # cached library; and, for a library read through the cache, that cache (library_cache.py).
    rendered: dict[tuple, tuple[bool, Any]] = field(default_factory=dict, compare=False, repr=False)
    cache: Any = field(default=None, compare=False, repr=False)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def country(self, code: str) -> Country | None:
        return self.countries.get(code.upper())

    def carrier(self, carrier_id: str) -> tuple[Country, Carrier] | None:
        for country in self.countries.values():
            found = country.carrier(carrier_id)
            if found:
                return country, found
        return None

    def ordered_points(self) -> list[TalkingPoint]:
        """Points in presentation order: by topic order, then `order`, then id within a topic."""
        rank = {t.id: i for i, t in enumerate(self.topics)}
        return sorted(self.points.values(),
                      key=lambda p: (rank.get(p.topic, len(rank)), p.order, p.id))

    def source_of(self, key: str) -> str:
        """The file a point ('point:<id>') or country ('country:<CODE>') came from, for messages."""
        path = self.files.get(key)
        return display_path(path, self.folders) if path else key

    @property
    def errors(self) -> list[Fault]:
        return [f for f in self.faults if not f.warning]


def is_stale(reviewed: dt.date, today: dt.date, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> bool:
    return reviewed < today - dt.timedelta(days=max_age_days)


def load_library(folders: list[Path] | tuple[Path, ...]) -> Library:
    """Read every folder in order, later ones overriding earlier ones; never raises for bad input."""
    library = Library(folders=tuple(Path(f) for f in folders))
    with collection_paused():
        for folder in library.folders:
            _load_folder(library, folder)
        _check_whole(library)
    return library


def _load_folder(library: Library, folder: Path) -> None:
    name = display_path(folder, library.folders)
    if not folder.is_dir():
        library.faults.append(Fault(str(folder), "", "library folder does not exist"))
        return
    _unreadable_folders(library, folder)
    topics_file = folder / "topics.toml"
    if topics_file.exists() or folder == library.folders[0]:
        data = _read(library, topics_file)
        if data is not None:
            _load_topics(library, topics_file, data)
    seen: dict[str, Path] = {}
    for path in sorted((folder / "points").glob("*/*.toml")):
        if path.stem in seen:
            _fault(library, path, "field 'id'", f"'{path.stem}' is also the id of "
                   f"{display_path(seen[path.stem], library.folders)}; ids must be unique")
            continue
        seen[path.stem] = path
        data = _read(library, path)
        if data is None:
            continue
        point = _validate(library, path, TalkingPoint, data)
        if point is None:
            continue
        if point.id != path.stem:
            _fault(library, path, "field 'id'", f"'{point.id}' must equal the file name '{path.stem}'")
        elif point.topic != path.parent.name:
            _fault(library, path, "field 'topic'",
                   f"'{point.topic}' must equal the folder name '{path.parent.name}'")
        else:
            library.points[point.id] = point
            library.files[f"point:{point.id}"] = path
    for path in sorted((folder / "countries").glob("*.toml")):
        data = _read(library, path)
        if data is None:
            continue
        country = _validate(library, path, Country, data)
        if country is None:
            continue
        if country.code.lower() != path.stem:
            _fault(library, path, "field 'code'",
                   f"'{country.code}' must match the file name '{path.stem}' (lower-case code)")
        else:
            library.countries[country.code] = country
            library.files[f"country:{country.code}"] = path
    for stray in sorted(folder.glob("points/*.toml")):
        _fault(library, stray, "", "a point file must sit in its topic's folder, "
               f"e.g. points/<topic>/{stray.name}")
    if not any((folder / sub).exists() for sub in ("topics.toml", "points", "countries")):
        library.faults.append(Fault(name, "", "has no topics.toml, points/ or countries/"))


def _load_topics(library: Library, path: Path, data: dict[str, Any]) -> None:
    unknown = sorted(set(data) - {"topic"})
    for key in unknown:
        _fault(library, path, f"key '{key}'", "is not a known key (topics are [[topic]] tables)")
    entries = data.get("topic", [])
    if not isinstance(entries, list):
        _fault(library, path, "key 'topic'", "must be a list of [[topic]] tables")
        return
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        if isinstance(entry, dict) and "summary" in entry:  # documented once, never shown
            entry = {k: v for k, v in entry.items() if k != "summary"}
            _fault(library, path, f"field 'topic #{index}.summary'",
                   "is no longer used (the app never showed it); it can be removed", warning=True)
        topic = _validate(library, path, Topic, entry, prefix=f"topic #{index}.")
        if topic is None:
            continue
        if topic.id in seen:
            _fault(library, path, f"field 'topic #{index}.id'", f"'{topic.id}' appears twice")
            continue
        seen.add(topic.id)
        ids = [t.id for t in library.topics]
        if topic.id in ids:
            library.topics[ids.index(topic.id)] = topic
        else:
            library.topics.append(topic)


def _read(library: Library, path: Path) -> dict[str, Any] | None:
    if path.is_dir():
        _fault(library, path, "", "is a folder, expected a TOML file")
        return None
    try:
        raw = read_limited(path, MAX_FILE_BYTES, "a library file")
    except Unreadable as err:
        _fault(library, path, "", str(err))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        _fault(library, path, f"byte {err.start}", "is not UTF-8 text")
        return None
    if not text.strip():
        _fault(library, path, "", "is empty")
        return None
    try:
        data = toml.loads(text)
    except toml.TOMLDecodeError as err:
        message = str(err)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        place = f"line {match[1]}, column {match[2]}" if match else ""
        reason = message[: match.start()].strip() if match else message
        _fault(library, path, place, f"TOML syntax error: {reason}")
        return None
    except RecursionError:
        _fault(library, path, "", "TOML nested too deeply (arrays or tables inside each other "
               "hundreds of levels deep)")
        return None
    except ValueError:  # Python's own limit on converting a number of thousands of digits
        _fault(library, path, "", "holds a number too long to read (thousands of digits)")
        return None
    huge = _huge_number(data)
    if huge:
        _fault(library, path, f"key '{huge}'", "is a whole number beyond the 64-bit range TOML allows")
        return None
    return data


def _huge_number(data: dict[str, Any]) -> str:
    """The key of the first whole number TOML cannot hold (beyond 64 bits), or ""."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        key, value = stack.pop()
        if isinstance(value, dict):
            stack += [(f"{key}.{k}" if key else str(k), v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(f"{key} #{i + 1}", v) for i, v in enumerate(value)]
        elif isinstance(value, int) and not -(2**63) <= value < 2**63:
            return key
    return ""


def _unreadable_folders(library: Library, folder: Path) -> None:
    """A folder the app may not list is reported, not taken for an empty one."""
    folders = [folder, folder / "points", folder / "countries"]
    try:
        folders += sorted(p for p in (folder / "points").iterdir() if p.is_dir())
    except OSError:
        pass
    for each in folders:
        reason = unreadable_folder(each)
        if reason:
            library.faults.append(Fault(display_path(each, library.folders), "", reason))


def _validate[M: BaseModel](library: Library, path: Path, model: type[M], data: Any, prefix: str = "") -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as err:
        for error in err.errors():
            place = prefix + _place(error["loc"])
            reason = _PLAIN_WORDS.get(error["type"], error["msg"])
            if error["type"] == "literal_error":
                reason = f"{reason}: {error['msg'].removeprefix('Input should be ')}"
            elif error["type"] == "value_error":
                reason = str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
            _fault(library, path, f"field '{place}'" if place else "", reason)
        return None


def _place(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts[-1] = f"{parts[-1]} #{item + 1}" if parts else f"#{item + 1}"
        else:
            parts.append(str(item))
    return ".".join(parts)


def _fault(library: Library, path: Path, place: str, reason: str, warning: bool = False) -> None:
    library.faults.append(Fault(display_path(path, library.folders), place, reason, warning))


def _check_whole(library: Library) -> None:
    """Faults that only show across files: missing topics, unknown topics, shared carrier ids."""
    topics_file = library.folders[0] / "topics.toml"
    known = {t.id for t in library.topics}
    for required in REQUIRED_TOPICS:
        if required not in known and topics_file.exists():
            _fault(library, topics_file, "", f"required topic '{required}' is missing")
    for point_id, point in list(library.points.items()):
        if point.topic not in known:
            path = library.files[f"point:{point_id}"]
            _fault(library, path, "field 'topic'", f"unknown topic '{point.topic}' "
                   f"(topics.toml has: {', '.join(sorted(known)) or 'none'})")
            del library.points[point_id]
    owners: dict[str, str] = {}
    for code, country in sorted(library.countries.items()):
        for carrier in country.carriers:
            if carrier.id in owners:
                path = library.files[f"country:{code}"]
                _fault(library, path, f"carriers '{carrier.id}'",
                       f"carrier id is also used by {owners[carrier.id]}; ids must be unique")
            owners.setdefault(carrier.id, country.name)
