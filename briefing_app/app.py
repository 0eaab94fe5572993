"""The one wiring point: QApplication, settings, library, controller, autosave and window.

`start` builds a ready window from its parts, so tests use the same wiring as `run_app` with
settings, data folder and runner of their own.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from . import __version__
from .core.paths import asset
from .gui import dialogs
from .gui.autosave import Autosaver
from .gui.controller import BriefController
from .gui.library_loader import LibraryLoader
from .gui.main_window import MainWindow
from .gui.settings import AppSettings
from .gui.tasks import Runner, ThreadRunner


def data_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))


def start(brief_path: Path | None, settings: AppSettings, data_dir: Path, runner: Runner,
          library_base: Path | None = None) -> MainWindow:
    """Build the window, offer to restore a crashed session, open `brief_path`, check the library.

    `library_base` replaces the built-in library (tests use a small one)."""
    loader = LibraryLoader(runner, lambda: settings.library_folder, library_base)
    library = loader.load_now()
    controller = BriefController(library, settings.new_brief())
    autosaver = Autosaver(data_dir)
    window = MainWindow(controller, settings, autosaver, loader, runner)
    loader.setParent(window)
    autosaver.setParent(window)
    recovery = autosaver.find_recovery()
    autosaver.start_session()
    restore = recovery is not None and dialogs.ask_restore(window, recovery.original)
    if recovery is not None:
        autosaver.forget(recovery)
    if restore:
        controller.replace(recovery.brief, recovery.original, unsaved=True)
        autosaver.schedule(recovery.brief, recovery.original)
    elif brief_path is not None:
        window.open_path(brief_path)
    QTimer.singleShot(0, loader, lambda: loader.check(library))
    return window


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
    app.installEventFilter(FileOpenFilter(window))
    window.show()
    return app.exec()


class FileOpenFilter(QObject):
    """macOS hands a double-clicked `.brief` to the running app as a FileOpen event, not argv."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FileOpen and event.file():
            self._window.open_path(Path(event.file()))
            return True
        return super().eventFilter(watched, event)
