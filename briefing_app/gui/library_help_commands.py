"""The Library and Help menus' commands: reload, the library folders, the user guide, About,
the log folder and detailed logging."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore

from .. import __version__
from . import diagnostics, dialogs


class LibraryHelpCommands:
    """Mixed into the main window, which provides the controller, loader and settings."""

    def _on_loader_loaded(self, library) -> None:
        self.controller.set_library(library)
        self.statusBar().showMessage(self.tr("Library loaded: {0} points, {1} countries").format(
            len(library.points), len(library.countries)), 5000)

    def _open_library_folder(self) -> None:
        self.open_in_system(self.loader.folders()[-1], self.tr("Library folder"))

    def _choose_library_folder(self) -> None:
        folder = dialogs.ask_folder(self, self.tr("Choose Library Folder"), QtCore.QDir.homePath())
        if folder:
            self._use_library_folder(folder)

    def _use_library_folder(self, folder: Path | None) -> None:
        self.loader.config.local_folder = folder
        self.loader.reload()

    def show_user_guide(self) -> None:
        from .user_guide import UserGuide

        self.guide = UserGuide(self)
        self.guide.show()

    def show_about(self) -> None:
        library = self.controller.library
        dates = [p.reviewed for p in library.points.values()]
        dates += [c.reviewed for c in library.countries.values()]
        if not dates:
            reviewed = self.tr("empty")
        elif min(dates) == max(dates):
            reviewed = self.tr("every entry reviewed on {0}").format(min(dates))
        else:
            reviewed = self.tr("reviewed between {0} and {1}").format(min(dates), max(dates))
        dialogs.show_info(self, self.tr("About Briefing Builder"), self.tr(
            "<b>Briefing Builder {0}</b><p>Talking points, officer briefs and handouts on 5G vendor "
            "security.</p><p>Library: {1} points, {2} countries, {3}.<br>Folders: {4}</p>").format(
            __version__, len(library.points), len(library.countries), reviewed,
            "; ".join(str(f) for f in library.folders)))

    def _show_log_folder(self) -> None:
        if diagnostics.start_logging() is None:
            self.statusBar().showMessage(self.tr("No log is being written."), 5000)
        else:
            self.open_in_system(diagnostics.log_folder(), self.tr("Log folder"))

    def _set_detailed_logging(self, on: bool) -> None:
        """For a bug report: the log then also records file names and error messages, which may
        quote a brief."""
        self.settings.detailed_logging = on
        diagnostics.set_detailed(on)
        self.statusBar().showMessage(self.tr("Detailed logging is on: the log may now quote your briefs.")
                                     if on else self.tr("Detailed logging is off."), 5000)
