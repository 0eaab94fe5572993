"""Loading and checking the talking-point library off the UI thread.

The library is the built-in folder plus the officer's own folder (from settings) laid over it.
Loading never fails: a broken file becomes a fault in the Problems list and the rest works.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..core.check import check_library
from ..core.library import Library, load_library
from ..core.paths import builtin_library
from .tasks import Runner


def load_and_check(folders: list[Path]) -> tuple[Library, list]:
    library = load_library(folders)
    return library, check_library(library, dt.date.today())


class LibraryLoader(QObject):
    loaded = Signal(object)
    checked = Signal(list)

    def __init__(self, runner: Runner, extra_folder: Callable[[], Path | None], base: Path | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self._extra_folder = extra_folder
        self._base = base or builtin_library()

    def folders(self) -> list[Path]:
        extra = self._extra_folder()
        return [self._base, *([extra] if extra else [])]

    def load_now(self) -> Library:
        """The first load, before the window exists; the slower check follows via `check`."""
        return load_library(self.folders())

    def check(self, library: Library) -> None:
        self._runner.run(lambda: check_library(library, dt.date.today()), self.checked.emit,
                         lambda err: self.checked.emit(library.faults))

    def reload(self) -> None:
        folders = self.folders()

        def done(result: tuple[Library, list]) -> None:
            self.loaded.emit(result[0])
            self.checked.emit(result[1])

        self._runner.run(lambda: load_and_check(folders), done, lambda err: None)
