"""The one library configuration, read by the command line and the window alike.

The library is made of layers, each laid over the one before (same id replaces, new ids add):
1. the built-in library shipped with the app;
2. the installed update, if any: a complete library signed by headquarters and verified on
   install (core/update_client.py); the points and countries headquarters withdrew are taken
   out of the built-in layer, so a withdrawn point does not live on from an older app;
3. an optional local folder of the officer's own (unsigned).
The local folder is kept in `library-config.json` in the user data folder, and which update is
in use in `library-updates/current`, so `briefing-app export` prints what the window shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from .atomic import write_atomic
from .paths import builtin_library, user_data_folder
from .reading import Unreadable, read_limited
from .update_store import Release, installed, read_release

CONFIG = "library-config.json"
CACHE = "library-cache.pickle"  # the validated library: core/library_cache.py
KEEP = object()  # "as configured", where None means "none"


@dataclass(frozen=True)
class Layer:
    kind: str  # "built-in", "update" or "local"
    folder: Path
    release: Release | None = None

    @property
    def label(self) -> str:
        return {"built-in": "built-in", "local": "local folder"}.get(
            self.kind, self.release.label if self.release else "update")


class LibraryConfig:
    def __init__(self, data_dir: Path | None = None, builtin: Path | None = None):
        self.data_dir = Path(data_dir) if data_dir is not None else user_data_folder()
        self.builtin = Path(builtin) if builtin is not None else builtin_library()

    @property
    def file(self) -> Path:
        return self.data_dir / CONFIG

    @property
    def cache_file(self) -> Path:
        return self.data_dir / CACHE

    def _read(self) -> dict:
        try:
            data = json.loads(read_limited(self.file, 1_000_000, "the library configuration"))
            return data if isinstance(data, dict) else {}
        except (Unreadable, ValueError, RecursionError):
            return {}

    @property
    def local_folder(self) -> Path | None:
        value = self._read().get("local_folder")
        return Path(value) if isinstance(value, str) and value else None

    @local_folder.setter
    def local_folder(self, folder: Path | None) -> None:
        data = {**self._read(), "local_folder": str(folder) if folder else ""}
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(self.file, (json.dumps(data, indent=2) + "\n").encode("utf-8"))

    def adopt_legacy(self, folder: Path | None) -> None:
        """A local folder chosen before this configuration existed (the window kept it in its
        own settings) becomes the configured one, unless one is configured already."""
        if folder is not None and "local_folder" not in self._read():
            self.local_folder = folder

    def update(self) -> Release | None:
        return installed(self.data_dir)

    def layers(self, local=KEEP, update=KEEP) -> list[Layer]:
        """The layers in load order. `local` and `update` replace the configured ones for one
        use (`--library DIR`, or an update being previewed before it is accepted)."""
        local = self.local_folder if local is KEEP else local
        update = self.update() if update is KEEP else update
        layers = [Layer("built-in", self.builtin)]
        if update is not None:
            layers.append(Layer("update", update.library, update))
        if local is not None:
            layers.append(Layer("local", Path(local)))
        return layers

    def load(self, local=KEEP, update=KEEP, cache: Path | None = None):
        """The library these layers make; never raises for bad input (see core/library.py)."""
        layers = self.layers(local, update)
        folders = [layer.folder for layer in layers]
        if cache is None:
            from .library import load_library

            library = load_library(folders)
        else:
            from .library_cache import load_library_cached

            library = load_library_cached(folders, cache)
        for layer in layers:
            if layer.release is not None:
                withdraw(library, layer.release.withdrawn, self.builtin)
        return library


def withdraw(library, keys: tuple[str, ...], builtin: Path) -> None:
    """Take out of `library` the entries headquarters withdrew, where only the built-in layer
    still supplies them (a local folder may bring one back on purpose)."""
    for key in keys:
        path = library.files.get(key)
        if path is None or not path.is_relative_to(builtin):
            continue
        kind, _, name = key.partition(":")
        (library.points if kind == "point" else library.countries).pop(name, None)
        del library.files[key]


def _folder_label(library, index: int) -> str:
    folder = library.folders[index]
    if index == 0:
        return "built-in"
    release = read_release(folder.parent) if folder.name == "library" else None
    return release.label if release else "local folder"


def layer_label(library, key: str) -> str:
    """Which layer a library entry ('point:<id>') came from: 'built-in', 'update N' or 'local
    folder'."""
    path = library.files.get(key)
    for index, folder in enumerate(library.folders):
        if path is not None and path.is_relative_to(folder):
            return _folder_label(library, index)
    return ""


def library_version(library) -> str:
    """The library's version for a brief to remember: 'update 3' or 'built-in 0.1.0', with
    ' + local folder' when one is laid over it."""
    labels = [_folder_label(library, i) for i in range(len(library.folders))]
    head = next((label for label in labels if label.startswith("update")), f"built-in {__version__}")
    return head + (" + local folder" if "local folder" in labels else "")


def day(stamp: str) -> str:
    return stamp[:10] if stamp else "unknown"


def status_lines(config: LibraryConfig) -> list[str]:
    """One line per layer, for `library status` and the window's Library > Status."""
    update, local = config.update(), config.local_folder
    built_in = f"built-in: Briefing Builder {__version__} library, {config.builtin}"
    if update:
        built_in += f" (under {update.label})"
    lines = [built_in]
    if update:
        expiry = (f"expired {day(update.expires)}, still in use: ask for a newer update"
                  if update.expired() else f"expires {day(update.expires)}")
        notes = f"; notes: {' '.join(update.notes.split())}" if update.notes else ""
        lines.append(f"{update.label}: from {update.publisher or 'unnamed publisher'}, published "
                     f"{day(update.published)}, {expiry}, installed {day(update.installed)} "
                     f"from {update.source}{notes}")
    else:
        lines.append("update: none installed")
    if local is None:
        lines.append("local folder: none")
    else:
        missing = "" if local.is_dir() else " (missing: not in use)"
        lines.append(f"local folder: {local} (unsigned){missing}")
    return lines
