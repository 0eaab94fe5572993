"""Autosave and crash recovery: the brief is never lost, even if the app or laptop dies.

Shortly after every change the brief is written (atomically, readable by the user only) to the
user data folder, together with a session marker naming the file it belongs to. A clean close
removes both; a marker found at start means the last session crashed, and its autosave is
offered back if it is newer than the saved file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from ..core.atomic import write_atomic
from ..core.brief import Brief
from ..core.brief_file import brief_to_json, load_brief
from ..core.faults import InputError

AUTOSAVE_DELAY_MS = 2000


@dataclass(frozen=True)
class Recovery:
    brief: Brief
    original: Path | None


class Autosaver(QObject):
    def __init__(self, folder: Path, parent: QObject | None = None, delay_ms: int = AUTOSAVE_DELAY_MS):
        super().__init__(parent)
        self.folder = Path(folder)
        self.brief_file = self.folder / "autosave.brief"
        self.marker = self.folder / "session.json"
        self._pending: tuple[Brief, Path | None] | None = None
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.flush)

    def find_recovery(self) -> Recovery | None:
        """The autosave of a session that did not close cleanly, if it is worth offering."""
        if not (self.marker.is_file() and self.brief_file.is_file()):
            return None
        try:
            original = json.loads(self.marker.read_text("utf-8")).get("path")
            brief = load_brief(self.brief_file)
        except (OSError, ValueError, AttributeError, InputError):
            return None
        original_path = Path(original) if isinstance(original, str) and original else None
        if original_path and original_path.is_file():
            if original_path.stat().st_mtime >= self.brief_file.stat().st_mtime:
                return None
            try:
                if load_brief(original_path) == brief:
                    return None
            except InputError:
                pass
        return Recovery(brief, original_path)

    def start_session(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(self.folder, 0o700)
        self._write_marker(None)

    def schedule(self, brief: Brief, original: Path | None) -> None:
        self._pending = (brief, original)
        self._timer.start()

    def flush(self) -> None:
        """Write the pending brief now (called by the timer, and before risky moments)."""
        self._timer.stop()
        if self._pending is None:
            return
        brief, original = self._pending
        self._pending = None
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.brief_file, brief_to_json(brief).encode("utf-8"))
        self._write_marker(original)

    def discard(self) -> None:
        """Nothing unsaved remains (saved, or the officer chose to discard): drop the autosave."""
        self._timer.stop()
        self._pending = None
        self.brief_file.unlink(missing_ok=True)

    def end_session(self) -> None:
        self.discard()
        self.marker.unlink(missing_ok=True)

    def _write_marker(self, original: Path | None) -> None:
        data = {"path": str(original) if original else None, "pid": os.getpid()}
        write_atomic(self.marker, json.dumps(data).encode("utf-8"))
