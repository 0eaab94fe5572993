"""Loading and checking the talking-point library off the UI thread.

The library is the one configuration the command line reads too (core/library_config.py): the
built-in folder, the installed update, the officer's own folder.
Loading never fails for bad input: a broken file becomes a fault in the Problems list and the
rest works; a folder that cannot be read is named, and an error in the app's own code is
reported as one, not blamed on the library.
The core (pydantic, Jinja) is imported by the worker that first needs it, so the window is on
screen before it loads. The validated library is cached in the user data folder
(`core/library_cache.py`), so a start with unchanged files reads one file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..core.faults import Fault
from ..core.library_config import LibraryConfig
from . import diagnostics
from .tasks import Runner

if TYPE_CHECKING:
    from ..core.library import Library


def _check(library: Library) -> list:
    from ..core.check import check_library
    from ..core.library_cache import keep_rendered

    faults = check_library(library, dt.date.today())
    keep_rendered(library)  # what the templates said so far: the next start reads it back
    return faults


def _load_and_check(config: LibraryConfig, cache: Path | None) -> tuple[Library, list]:
    library = config.load(cache=cache)
    return library, _check(library)


class LibraryLoader(QObject):
    loaded = Signal(object)
    checked = Signal(list)
    check_failed = Signal(str)  # the check itself broke (a bug): its faults are incomplete
    failed = Signal(object)  # a reload that could not read a folder (bugs: `report`)

    def __init__(self, runner: Runner, config: LibraryConfig, parent: QObject | None = None,
                 cache: Path | None = None):
        super().__init__(parent)
        self._runner = runner
        self.config = config
        self._cache = cache

    def folders(self) -> list[Path]:
        return [layer.folder for layer in self.config.layers()]

    def fault(self, err: BaseException) -> Fault:
        """A folder that cannot be read, in words, naming the folders."""
        return Fault("; ".join(map(str, self.folders())), "", f"cannot be read: {err}")

    def report(self, err: BaseException, show_fault: Callable[[Fault], None]) -> None:
        """A load that raised, told as what it is. Loading turns every bad library file into a
        fault of its own and raises only for a folder it cannot read (OSError): that is shown
        by `show_fault`, naming the folders. Anything else (a SyntaxError or ImportError from a
        broken module of the app, any other bug) is the app's own error, not the library's: it
        is logged with its traceback and shown in the error dialog."""
        if isinstance(err, OSError):
            show_fault(self.fault(err))
        else:
            diagnostics.report_error(self.tr(
                "The library could not be loaded because of an error in Briefing Builder itself; "
                "the library's files are not at fault. Reinstalling the app may help."), err)

    def first_load(self, done: Callable[[Library], None], failed: Callable[[BaseException], None],
                   prepare: Callable[[], None] = lambda: None) -> None:
        """The load at start-up, before the panels exist; the slower check follows via `check`.
        `prepare` runs on the worker too, after the load: imports the panels need, say."""
        config, cache = self.config, self._cache

        def work() -> Library:
            library = config.load(cache=cache)
            prepare()
            return library

        self._runner.run(work, done, failed)

    def check(self, library: Library) -> None:
        """The full check on a worker; if it breaks, that is named (status and Problems) next to
        the faults loading found, rather than passing those off as the whole result."""
        def failed(err: BaseException) -> None:
            reason = self.tr("the library check stopped with an error ({0}: {1}); the problems "
                             "listed may be incomplete").format(type(err).__name__, err)
            self.check_failed.emit(self.tr("The library check failed; see Problems."))
            self.checked.emit([*library.faults, Fault("; ".join(map(str, self.folders())), "", reason)])

        self._runner.run(lambda: _check(library), self.checked.emit, failed)

    def reload(self) -> None:
        config = self.config

        def done(result: tuple[Library, list]) -> None:
            self.loaded.emit(result[0])
            self.checked.emit(result[1])

        cache = self._cache
        self._runner.run(lambda: _load_and_check(config, cache), done,
                         lambda err: self.report(err, lambda _fault: self.failed.emit(err)))
