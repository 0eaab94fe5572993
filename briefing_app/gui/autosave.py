"""Autosave and crash recovery: the brief is never lost, even if the app or laptop dies.

Every change is written within a second (atomically, readable by the user only) to the user
data folder, and at once when the window loses focus, with a session marker naming the file
it belongs to and a session lock the operating system releases when the process ends, however
it ends. Each running window has its own files, so two open copies of the app never overwrite
each other. A clean close removes them; files whose lock nobody holds mean that session
crashed, and its autosave is offered back if it is newer than the saved file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import uuid
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from ..core.atomic import write_atomic
from ..core.brief import Brief
from ..core.brief_file import brief_to_json, load_brief
from ..core.faults import InputError
from ..core.library import Library
from ..core.reading import Unreadable, read_limited
from ..core.session_lock import SessionLock, held_elsewhere

AUTOSAVE_DELAY_MS = 800  # every change reaches the disk within a second
_log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("autosave", text)


@dataclass(frozen=True)
class Recovery:
    brief: Brief
    original: Path | None
    files: tuple[Path, ...]
    saved_at: dt.datetime

    def describe(self, library: Library) -> str:
        """What the autosave holds and when it was written, for the officer to decide."""
        brief = self.brief
        country = library.country(brief.country) if brief.country else None
        carrier = country.carrier(brief.carrier) if country and brief.carrier else None
        where = " / ".join(r.name for r in (country, carrier) if r) or brief.country or tr("no country yet")
        customs = len(brief.custom_points)
        points = tr("{0} points").format(len(brief.points)) if len(brief.points) != 1 else tr("1 point")
        if customs:
            points += tr(" ({0} of your own)").format(customs)
        title = escape(brief.meeting.title) or tr("<i>no title yet</i>")
        file = tr("unsaved changes to {0}").format(escape(self.original.name)) if self.original \
            else tr("a brief never saved")
        return tr("<p>Autosaved <b>{0}</b>: {1}.</p><p>{2} — {3}, {4}.</p>").format(
            f"{self.saved_at:%A %d %B %Y, %H:%M:%S}", file, title, escape(where), points)


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
        self._lock = SessionLock(self.folder / f"session-{session}.lock")
        self._pending: tuple[Brief, Path | None] | None = None
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.flush)

    def find_recovery(self) -> Recovery | None:
        """The newest autosave of a session that did not close cleanly, if worth offering."""
        found = []
        for marker in self.folder.glob("session-*.json"):
            autosave = marker.with_name(marker.name.replace("session-", "autosave-")).with_suffix(".brief")
            lock = marker.with_suffix(".lock")
            try:
                info = json.loads(read_limited(marker, 100_000, "a session marker"))
                if held_elsewhere(lock):
                    continue  # that session is running
                if not autosave.is_file():
                    for path in (marker, lock):  # crashed before any change: nothing to offer
                        _remove(path)
                    continue
                found.append((autosave.stat().st_mtime, autosave, marker, lock, info.get("path")))
            except (Unreadable, OSError, ValueError, RecursionError, AttributeError):
                continue
        for _mtime, autosave, marker, lock, original in sorted(found, reverse=True):
            recovery = self._worth_offering(autosave, (autosave, marker, lock), original)
            if recovery is not None:
                return recovery
            for path in (autosave, marker, lock):
                _remove(path)
        return None

    @staticmethod
    def _worth_offering(autosave: Path, files: tuple[Path, ...], original: object) -> Recovery | None:
        try:
            brief = load_brief(autosave)
            written = autosave.stat().st_mtime
        except (InputError, OSError):
            return None
        original_path = Path(original) if isinstance(original, str) and original else None
        if original_path and original_path.is_file():
            try:
                unchanged = load_brief(original_path) == brief
            except InputError:
                unchanged = False
            if unchanged or original_path.stat().st_mtime >= written:
                return None
        return Recovery(brief, original_path, files, dt.datetime.fromtimestamp(written))

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
            self._lock.acquire()  # a fresh name: no other session holds it
            self._write_marker(None)
        except OSError as err:
            _log.warning("autosave session not started: %s", err.strerror or type(err).__name__)
            self.failed.emit(str(self.folder), err.strerror or str(err))

    def schedule(self, brief: Brief, original: Path | None) -> None:
        """Write `brief` within the delay: the timer runs from the first change not yet
        written, so steady typing is saved every second too, not only when it pauses."""
        self._pending = (brief, original)
        if not self._timer.isActive():
            self._timer.start()

    def watch(self, window: QObject) -> None:
        """Write at once when `window` loses focus: the officer may be about to switch off."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.WindowDeactivate:
            self.flush()
        return super().eventFilter(watched, event)

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
        self._lock.release()

    def _write_marker(self, original: Path | None) -> None:
        data = {"path": str(original) if original else None}
        write_atomic(self.marker, json.dumps(data).encode("utf-8"))
