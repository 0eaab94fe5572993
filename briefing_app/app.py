"""The one wiring point: QApplication, settings, library, controller, autosave and window.

`start` builds the window from its parts, so tests use the same wiring as `run_app` with
settings, data folder and runner of their own. Start-up is staged for speed: the window frame
shows at once; a worker reads the library (and with it loads pydantic); then `_fill` adds
the panels, offers a crashed session back and opens the brief.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from . import __version__
from .core.paths import asset
from .gui import dialogs
from .gui.library_loader import LibraryLoader
from .gui.main_window import MainWindow
from .gui.settings import AppSettings
from .gui.tasks import Runner, ThreadRunner


def data_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))


def start(brief_path: Path | None, settings: AppSettings, data_dir: Path, runner: Runner,
          library_base: Path | None = None) -> MainWindow:
    """The window frame now; the library loads on `runner` and the panels follow (at once with
    a `SyncRunner`). Then a crashed session is offered back, or `brief_path` opens.

    `library_base` replaces the built-in library (tests use a small one)."""
    window = MainWindow(settings, runner)
    loader = LibraryLoader(runner, lambda: settings.library_folder, library_base, parent=window)
    if brief_path is not None:
        window.open_path(brief_path)  # waits for the panels
    loader.first_load(lambda library: _fill(window, loader, library, data_dir),
                      lambda err: _library_failed(window, loader, err))
    return window


def _library_failed(window: MainWindow, loader: LibraryLoader, err: BaseException) -> None:
    window.statusBar().showMessage(window.tr("The library could not be loaded."))
    dialogs.show_faults(window, window.tr("Cannot load the library"), [loader.fault(err)])


def _fill(window: MainWindow, loader: LibraryLoader, library, data_dir: Path) -> None:
    if window.closed_early:  # the officer quit before the library came in
        return
    from .gui.autosave import Autosaver  # here, not above: they load pydantic and Jinja
    from .gui.controller import BriefController

    controller = BriefController(library, window.settings.new_brief())
    autosaver = Autosaver(data_dir)
    autosaver.setParent(window)
    lend_cjk_font()  # before the panels lay out any text
    window.attach(controller, autosaver, loader)
    recovery = autosaver.find_recovery()
    autosaver.start_session()
    restore = recovery is not None and dialogs.ask_restore(window, recovery.original)
    if recovery is not None:
        autosaver.forget(recovery)
    pending = window.take_pending()
    if restore:
        controller.replace(recovery.brief, recovery.original, unsaved=True)
        autosaver.schedule(recovery.brief, recovery.original)
    elif pending is not None:
        window.open_path(pending)
    QTimer.singleShot(0, loader, lambda: loader.check(library))
    window.ready.emit()


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
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Briefing Builder")
    app.setOrganizationName("Briefing Builder")
    app.setApplicationVersion(__version__)
    icon = asset("icons", "briefing-builder.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setDesktopFileName("org.briefingbuilder.BriefingBuilder")  # Wayland finds the icon
    window = start(brief_path, AppSettings(QSettings()), data_folder(), ThreadRunner())
    if sys.platform == "darwin":  # elsewhere a filter in Python would only slow every event
        app.installEventFilter(FileOpenFilter(window))
    window.show()
    return app.exec()


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
