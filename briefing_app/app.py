"""The one wiring point: QApplication, settings, library, controller, autosave and window.

`start` builds the window from its parts, so tests use the same wiring as `run_app` with
settings, data folder and runner of their own. Start-up is staged for speed: the window frame
shows at once; once it is painted, a worker reads the library (and with it loads pydantic) and
imports what the panels need; then `_fill` adds the panels, offers a crashed session back and
opens the brief. What the officer does not need to start typing waits until the brief is
painted (`_finish_start`): the brief's problems, the preview, the library check, the log file
and the autosave session. A Python worker running meanwhile would hold the interpreter that
painting the panels needs.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from . import __version__
from .core.library_config import LibraryConfig
from .core.paths import asset, user_data_folder
from .gui import diagnostics, dialogs
from .gui.library_loader import LibraryLoader
from .gui.main_window import MainWindow
from .gui.settings import AppSettings, settings_store
from .gui.tasks import Runner, ThreadRunner

_log = logging.getLogger(__name__)


def data_folder() -> Path:
    """Qt's AppDataLocation, as the core names it (`paths.user_data_folder`), so the command
    line finds the library configuration and updates the window uses."""
    return user_data_folder()


def start(brief_path: Path | None, settings: AppSettings, data_dir: Path, runner: Runner,
          library_base: Path | None = None, after_first_frame: bool = False) -> MainWindow:
    """The window frame now; the library loads on `runner` and the panels follow (at once with
    a `SyncRunner`). Then a crashed session is offered back, or `brief_path` opens.

    `library_base` replaces the built-in library (tests use a small one); `after_first_frame`
    starts loading once the frame is painted (`run_app`), not at once."""
    window = MainWindow(settings, runner)
    config = LibraryConfig(data_dir, library_base)
    config.adopt_legacy(settings.take_library_folder())
    loader = LibraryLoader(runner, config, parent=window, cache=config.cache_file)
    if brief_path is not None:
        window.open_path(brief_path)  # waits for the panels

    def load() -> None:
        loader.first_load(lambda library: _fill(window, loader, library, data_dir, after_first_frame),
                          lambda err: _library_failed(window, loader, err), _warm_up)

    if after_first_frame:
        after_paint(window, load)
    else:
        load()
    return window


def _warm_up() -> None:
    """On the worker, while the UI thread has nothing to do: import the modules `_fill` needs."""
    from .gui import autosave, controller  # noqa: F401
    from .gui.widgets import (  # noqa: F401
        chosen_list,
        country_panel,
        meeting_form,
        point_editor,
        point_tree,
        preview,
        problems,
    )


class _Painted(QObject):
    """Calls `then` once, on the event loop's next turn after `widget` has painted, or after
    `latest_ms` if it never does (a window opened minimised, a locked screen)."""

    def __init__(self, widget: QObject, then: Callable[[], None], latest_ms: int):
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QtCore.QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def after_paint(widget: QObject, then: Callable[[], None], latest_ms: int = 1000) -> None:
    _Painted(widget, then, latest_ms)


def _library_failed(window: MainWindow, loader: LibraryLoader, err: BaseException) -> None:
    window.statusBar().showMessage(window.tr("The library could not be loaded."))
    loader.report(err, lambda fault: dialogs.show_faults(window, window.tr("Cannot load the library"), [fault]))


def _fill(window: MainWindow, loader: LibraryLoader, library, data_dir: Path, staged: bool = False) -> None:
    """The panels, a crashed session offered back, the pending brief opened; the rest follows
    once they are painted when `staged` (`run_app`), at once otherwise (tests)."""
    if window.closed_early:  # the officer quit before the library came in
        return
    from .gui.autosave import Autosaver  # here, not above: they load pydantic and Jinja
    from .gui.controller import BriefController

    _log.info("library: %d points, %d countries, %d errors, %d warnings", len(library.points),
              len(library.countries), len(library.errors), len(library.faults) - len(library.errors))
    controller = BriefController(library, window.settings.new_brief())
    autosaver = Autosaver(data_dir)
    autosaver.setParent(window)
    lend_cjk_font()  # before the panels lay out any text
    window.runner.pause()  # the preview and the library check wait for `_finish_start`
    window.hold_problems(staged)
    window.attach(controller, autosaver, loader)
    autosaver.watch(window)
    recovery = autosaver.find_recovery()
    answer = dialogs.ask_restore(window, recovery.describe(library)) if recovery else "later"
    if answer != "later":  # restored (autosaved again by this session) or discarded
        autosaver.forget(recovery)
    pending = window.take_pending()
    if answer == "restore":
        controller.replace(recovery.brief, recovery.original, unsaved=True)
        autosaver.schedule(recovery.brief, recovery.original)
    elif pending is not None:
        window.open_path(pending)
    if staged:
        after_paint(window, lambda: _finish_start(window, loader, library, autosaver))
    else:
        _finish_start(window, loader, library, autosaver)


def _finish_start(window: MainWindow, loader: LibraryLoader, library, autosaver) -> None:
    """Once the officer sees the brief: its problems, the log file, the autosave session and
    the library check; the window is `ready`, and then the held work (the preview, the check)
    starts on the worker."""
    window.hold_problems(False)
    diagnostics.start_logging()
    autosaver.start_session()  # late: a failure to start it is the status bar's last word
    loader.check(library)
    window.ready.emit()
    window.runner.resume()


def lend_cjk_font() -> None:
    """Officers type names in Hangul or kanji. Where the system has no font for them (a bare
    Linux), Qt would show boxes, so the window borrows the font the PDFs print them in."""
    systems = QFontDatabase.WritingSystem
    if all(QFontDatabase.families(w) for w in (systems.Korean, systems.Japanese,
                                               systems.SimplifiedChinese)):
        return
    from .core.library import toml

    styles = toml.loads(asset("styles.toml").read_text(encoding="utf-8"))
    QFontDatabase.addApplicationFont(str(asset("fonts", styles["fallback_font"])))


def run_app(brief_path: Path | None = None) -> int:
    started = time.perf_counter()
    gc.disable()  # start-up makes some 10^5 lasting objects and little garbage (core/collector.py)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Briefing Builder")
    app.setOrganizationName("Briefing Builder")
    app.setApplicationVersion(__version__)
    icon = asset("icons", "briefing-builder.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setDesktopFileName("org.briefingbuilder.BriefingBuilder")  # Wayland finds the icon
    settings, data_dir = AppSettings(settings_store()), data_folder()
    diagnostics.install(data_dir / "logs", settings.detailed_logging, QApplication.activeWindow)
    window = start(brief_path, settings, data_dir, ThreadRunner(), after_first_frame=True)
    if sys.platform == "darwin":  # elsewhere a filter in Python would only slow every event
        app.installEventFilter(FileOpenFilter(window))
    window.ready.connect(lambda: _log.info("ready %.2f s after start", time.perf_counter() - started))
    window.ready.connect(_settle)
    QTimer.singleShot(10_000, _settle)  # also if the library never loads
    window.show()
    code = app.exec()
    if window.controller is not None:  # what the templates said since the library check
        from .core.library_cache import keep_rendered

        keep_rendered(window.controller.library)
    return code


def _settle() -> None:
    """Start-up is over: what it made stays, so collection skips it from now on."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class FileOpenFilter(QObject):
    """macOS hands a double-clicked `.brief` to the running app as a FileOpen event, not argv."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QtCore.QEvent.Type.FileOpen and event.file():
            self._window.open_path(Path(event.file()))
            return True
        return super().eventFilter(watched, event)
