"""The validated library kept between starts, so the window reads one file instead of parsing and
validating every TOML file (with the validators' first build) while the officer waits.

The cache is keyed by the app's version, the model code and every library file's path, size and
modification time: an edited, added or removed file misses, and the library is read afresh and
cached again. It lives in the user's private data folder. It is a pickle, read by an unpickler
that builds only the library's own classes, so a tampered file cannot run code; anything
unexpected in it is a miss, never an error.
"""

from __future__ import annotations

import io
import logging
import pickle
import sys
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


def cache_key(folders: list[Path] | tuple[Path, ...]) -> tuple:
    """What the cached library was built from: the code that validated it and each file read."""
    code = []
    for module in (models, library_module):
        try:
            code.append(_stamp(Path(module.__file__)))
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
        if cached_key == key and isinstance(cached, Library):
            return cached
    except Exception as err:  # noqa: BLE001 - any unreadable cache is a miss
        _log.info("library cache %s not used: %s", cache, err)
    library = load_library(folders)
    try:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(cache, pickle.dumps((key, library), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError) as err:
        _log.info("library cache %s not written: %s", cache, err)
    return library
