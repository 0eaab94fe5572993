"""The window's file commands: New, Open (also a dropped file), Save and Save As, each asking
before unsaved work is replaced; a bad file is named and the open brief stays as it was."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore

from ..core.faults import Fault, InputError
from . import dialogs

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent


class FileCommands:
    """Mixed into the main window, which provides the controller, settings and autosaver."""

    def confirm_discard(self) -> bool:
        """True when the current brief may be replaced: saved, discarded, or never changed."""
        if not self.controller.modified:
            return True
        answer = dialogs.ask_unsaved(self, self._display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_brief(self) -> None:
        if self.confirm_discard():
            self.autosaver.discard()
            self.controller.new_brief()

    def open_dialog(self) -> None:
        current = self.controller.path if self.controller else None
        folder = str(current.parent) if current else QtCore.QDir.homePath()
        path = dialogs.ask_open_path(self, folder)
        if path:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open a brief; a bad file is named in a dialog and the current brief stays as it was.
        Before `attach` the path waits, and opens as soon as the panels are there."""
        if self.controller is None:
            self._pending_open = Path(path)
            self._show_loading()
            return False
        if not self.confirm_discard():
            return False
        try:
            self.controller.open(Path(path))
        except InputError as err:
            dialogs.show_faults(self, self.tr("Cannot open brief"), err.faults)
            return False
        self.autosaver.discard()
        self.settings.add_recent(Path(path))
        self._fill_recent_menu()
        self.statusBar().showMessage(self.tr("Opened {0}").format(path), 5000)
        return True

    def save(self) -> bool:
        return self.save_to(self.controller.path) if self.controller.path else self.save_as()

    def save_as(self) -> bool:
        suggestion = str(self.controller.path or Path(QtCore.QDir.homePath()) / self._suggested_stem())
        path = dialogs.ask_save_path(self, self.tr("Save Brief As"), suggestion)
        return self.save_to(path) if path else False

    def save_to(self, path: Path) -> bool:
        try:
            self.controller.save(path)
        except OSError as err:
            dialogs.show_faults(self, self.tr("Cannot save brief"),
                                [Fault(str(path), "", f"cannot be written: {err.strerror or err}")])
            return False
        brief = self.controller.brief
        self.settings.remember_defaults(brief.scheme, brief.paper, brief.drafted_by, brief.regime,
                                        brief.post)
        self.settings.add_recent(path)
        self._fill_recent_menu()
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)
        return True

    def _suggested_stem(self) -> str:
        brief = self.controller.brief
        parts = [brief.country or "", brief.carrier or "", brief.meeting.when.date().isoformat()
                 if brief.meeting.when else ""]
        return "-".join(p.lower() for p in parts if p) or "meeting"

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.toLocalFile().endswith(".brief") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        briefs = [u.toLocalFile() for u in event.mimeData().urls() if u.toLocalFile().endswith(".brief")]
        if briefs:
            event.acceptProposedAction()
            self.open_path(Path(briefs[0]))
