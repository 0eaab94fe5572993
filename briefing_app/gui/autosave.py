"""Autosave and crash recovery: the brief is never lost, even if the app or laptop dies.

Shortly after every change the brief is written (atomically, readable by the user only) to the
user data folder, with a session marker naming the file it belongs to. Each running window has
its own pair of files, so two open copies of the app never overwrite each other. A clean close
removes them; files left by a session whose process is gone mean it crashed, and its autosave
is offered back if it is newer than the saved file.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.atomic import write_atomic
from ..core.brief import Brief
from ..core.brief_file import brief_to_json, load_brief
from ..core.faults import InputError

AUTOSAVE_DELAY_MS = 2000
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recovery:
    brief: Brief
    original: Path | None
    files: tuple[Path, ...]


def _running_elsewhere(pid: object) -> bool:
    """True when `pid` is another live process, i.e. that session is still open."""
    if not isinstance(pid, int) or pid == os.getpid() or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _remove(path: Path) -> None:
    """Delete a file we wrote; one already gone or unreachable is no reason to stop closing."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


class Autosaver(QObject):
    failed = Signal(str, str)  # the file or folder autosave cannot write, and why
    written = Signal()  # working (again)

    def __init__(self, folder: Path, parent: QObject | None = None, delay_ms: int = AUTOSAVE_DELAY_MS):
        super().__init__(parent)
        self.folder = Path(folder)
        session = uuid.uuid4().hex[:12]
        self.brief_file = self.folder / f"autosave-{session}.brief"
        self.marker = self.folder / f"session-{session}.json"
        self._pending: tuple[Brief, Path | None] | None = None
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.flush)

    def find_recovery(self) -> Recovery | None:
        """The newest autosave of a session that did not close cleanly, if worth offering."""
        found = []
        for marker in self.folder.glob("session-*.json"):
            autosave = marker.with_name(marker.name.replace("session-", "autosave-")).with_suffix(".brief")
            try:
                info = json.loads(marker.read_text("utf-8"))
                if _running_elsewhere(info.get("pid")):
                    continue
                if not autosave.is_file():
                    _remove(marker)  # crashed before any change: nothing to offer
                    continue
                found.append((autosave.stat().st_mtime, autosave, marker, info.get("path")))
            except (OSError, ValueError, AttributeError):
                continue
        for _mtime, autosave, marker, original in sorted(found, reverse=True):
            recovery = self._worth_offering(autosave, marker, original)
            if recovery is not None:
                return recovery
            _remove(autosave)
            _remove(marker)
        return None

    @staticmethod
    def _worth_offering(autosave: Path, marker: Path, original: object) -> Recovery | None:
        try:
            brief = load_brief(autosave)
        except InputError:
            return None
        original_path = Path(original) if isinstance(original, str) and original else None
        if original_path and original_path.is_file():
            try:
                unchanged = load_brief(original_path) == brief
            except InputError:
                unchanged = False
            if unchanged or original_path.stat().st_mtime >= autosave.stat().st_mtime:
                return None
        return Recovery(brief, original_path, (autosave, marker))

    def forget(self, recovery: Recovery) -> None:
        """The crashed session's files, once restored or declined, are not offered again."""
        for path in recovery.files:
            _remove(path)

    def start_session(self) -> None:
        """Mark this session as running. A folder that cannot be made or written is reported
        through `failed`, not raised: the officer can still work, and save by hand."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if os.name == "posix":
                os.chmod(self.folder, 0o700)
            self._write_marker(None)
        except OSError as err:
            _log.warning("autosave session not started: %s", err.strerror or type(err).__name__)
            self.failed.emit(str(self.folder), err.strerror or str(err))

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
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.brief_file, brief_to_json(brief).encode("utf-8"))
            self._write_marker(original)
        except OSError as err:  # a full or read-only disk must not interrupt the officer's work
            _log.warning("autosave failed: %s", err.strerror or type(err).__name__)
            self.failed.emit(str(self.brief_file), err.strerror or str(err))
        else:
            self.written.emit()

    def discard(self) -> None:
        """Nothing unsaved remains (saved, or the officer chose to discard): drop the autosave."""
        self._timer.stop()
        self._pending = None
        _remove(self.brief_file)

    def end_session(self) -> None:
        self.discard()
        _remove(self.marker)

    def _write_marker(self, original: Path | None) -> None:
        data = {"path": str(original) if original else None, "pid": os.getpid()}
        write_atomic(self.marker, json.dumps(data).encode("utf-8"))
