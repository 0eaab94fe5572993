"""The validated library kept between starts, so the window reads one file instead of parsing and
validating every TOML file (with the validators' first build) while the officer waits.

The cache is keyed by the app's version, the code that validates the library and renders its
templates, and every library file's path, size and modification time: an edited, added or
removed file misses, and the library is read afresh and cached again. It also holds what the
templates said for the countries and carriers used so far (core/rendered.py), written back by
`keep_rendered` when there is more. It lives in the user's private data folder. It is a pickle,
read by an unpickler that builds only the library's own classes, so a tampered file cannot run
code; anything unexpected in it is a miss, never an error.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import logging
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from . import library as library_module
from . import models
from .atomic import write_atomic
from .library import Library, load_library
from .reading import read_limited

_log = logging.getLogger(__name__)
MAX_CACHE_BYTES = 500_000_000  # a 2,000-point library caches in a few megabytes
_ALLOWED = {("briefing_app.core.library", "Library"), ("briefing_app.core.faults", "Fault"),
            ("datetime", "date"), ("datetime", "datetime"), ("pathlib", "Path"),
            ("pathlib", "PosixPath"), ("pathlib", "WindowsPath")}


class _LibraryUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if (module, name) in _ALLOWED or (module == models.__name__ and isinstance(
                getattr(models, name, None), type) and issubclass(getattr(models, name), models.Strict)):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a library")


def _stamp(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path), stat.st_size, stat.st_mtime_ns)


def _code() -> list[Path | None]:
    """The code whose results the cache holds: validating, rendering (the templates' context,
    sandbox and Jinja itself) and the counterpart check."""
    here = Path(models.__file__).parent
    jinja = importlib.util.find_spec("jinja2")
    return [Path(library_module.__file__), Path(models.__file__),
            *(here / f"{name}.py" for name in ("templating", "sandbox", "rendered", "counterpart")),
            Path(jinja.origin) if jinja and jinja.origin else None]


def cache_key(folders: list[Path] | tuple[Path, ...]) -> tuple:
    """What the cached library was built from: the code that validated it and each file read."""
    code = []
    for path in _code():
        try:
            code.append(_stamp(path))
        except (OSError, TypeError):  # a frozen bundle: its executable changes with its code
            code.append(_stamp(Path(sys.executable)))
    files = []
    for folder in map(Path, folders):
        found = [folder / "topics.toml", *(folder / "points").glob("*/*.toml"),
                 *(folder / "points").glob("*.toml"), *(folder / "countries").glob("*.toml")]
        files.append((str(folder), folder.is_dir(), sorted(_stamp(p) for p in found if p.exists())))
    return (__version__, sys.version, tuple(code), tuple(files))


def load_library_cached(folders: list[Path] | tuple[Path, ...], cache: Path) -> Library:
    """The library from `cache` if it was built from these very files, else read afresh (and
    cached for next time). Never raises for a missing, stale or broken cache."""
    try:
        key = cache_key(folders)
    except OSError as err:  # a file vanished while we looked: read the folders as they are
        _log.info("library cache skipped: %s", err)
        return load_library(folders)
    try:
        data = read_limited(cache, MAX_CACHE_BYTES, "the library cache")
        cached_key, cached = _LibraryUnpickler(io.BytesIO(data)).load()
        if cached_key == key and isinstance(cached, Library) and isinstance(cached.rendered, dict):
            cached.cache = _Cache(cache, key, len(cached.rendered))
            return cached
    except Exception as err:  # noqa: BLE001 - any unreadable cache is a miss
        _log.info("library cache %s not used: %s", cache, err)
    library = load_library(folders)
    library.cache = _Cache(cache, key, -1)
    keep_rendered(library)
    return library


@dataclass
class _Cache:
    file: Path
    key: tuple
    rendered: int  # how many template outcomes the file holds


def keep_rendered(library: Library) -> None:
    """Write a library read through the cache back to it if its templates said more since
    (core/rendered.py). Safe while other threads render: it writes a snapshot."""
    cache = library.cache
    if cache is None or len(library.rendered) <= cache.rendered:
        return
    snapshot = copy.copy(library)
    snapshot.rendered, snapshot.cache = dict(library.rendered), None
    try:
        cache.file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(cache.file, pickle.dumps((cache.key, snapshot), protocol=pickle.HIGHEST_PROTOCOL))
        cache.rendered = len(snapshot.rendered)
    except (OSError, pickle.PicklingError) as err:
        _log.info("library cache %s not written: %s", cache.file, err)
