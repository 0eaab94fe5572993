"""Running slow work (PDF building, the library check) off the UI thread.

A task is a plain function over plain, immutable data (a frozen Brief, a loaded Library); its
result comes back to the UI thread through a queued signal, so a task never touches a widget.
Tests use `SyncRunner`, which runs the same functions at once on the calling thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QObject, QRunnable, QThreadPool, Signal, Slot

from ..core.faults import InputError

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
_log = logging.getLogger(__name__)


def _record(err: Exception) -> None:
    """Bad input is the officer's to fix and is shown to them; anything else is a bug: logged."""
    if not isinstance(err, InputError):
        _log.error("A background task failed", exc_info=err)


class Runner(Protocol):
    """What the window needs from a runner: start work, hear back on the UI thread, wait."""

    def run(self, work: Callable[[], Any], done: Done, failed: Failed) -> None: ...

    def wait(self, msecs: int = 10_000) -> bool: ...

    def pause(self) -> None:
        """Work started from now on waits for `resume` (start-up: until the panels are painted)."""

    def resume(self) -> None: ...


class _Relay(QObject):
    """Carries a worker's outcome to the UI thread: one per application, its child, so it
    outlives every job. A relay per job, deleted once its result arrived, could free the
    runner its own connections held last, and with it delete itself a second time (the
    intermittent crash after a runner was dropped)."""

    outcome = Signal(object, object)  # the callback, and the result or error it is called with
    NAME = "briefing-builder-task-relay"

    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self.setObjectName(self.NAME)
        self.outcome.connect(self._deliver)  # emitted on a worker: queued to this, the UI thread

    @staticmethod
    def of(app: QCoreApplication) -> _Relay:
        return app.findChild(_Relay, _Relay.NAME) or _Relay(app)

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        callback(value)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, work: Callable[[], Any], done: Done, failed: Failed):
        super().__init__()
        self._relay, self._work, self._done, self._failed = relay, work, done, failed

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as err:  # handed to the UI thread, which reports it
            _record(err)
            self._relay.outcome.emit(self._failed, err)
        else:
            self._relay.outcome.emit(self._done, result)


class ThreadRunner:
    """Runs work on a thread pool and calls `done` or `failed` on the UI thread afterwards.
    Holds no Qt object of its own, so dropping it never deletes anything a worker still uses."""

    def __init__(self, pool: QThreadPool | None = None):
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay.of(QCoreApplication.instance())
        self._held: list[_Job] | None = None

    def run(self, work: Callable[[], Any], done: Done, failed: Failed) -> None:
        job = _Job(self._relay, work, done, failed)
        if self._held is None:
            self._pool.start(job)
        else:
            self._held.append(job)

    def wait(self, msecs: int = 10_000) -> bool:
        """Until the work started so far has finished and its callbacks have run, here: a
        window that waits before it closes hears every outcome while it still exists."""
        self.resume()  # a held job's callbacks are still awaited
        deadline = QDeadlineTimer(msecs)
        while self._pool.waitForDone(deadline):
            QCoreApplication.sendPostedEvents(self._relay, QEvent.Type.MetaCall)
            if self._pool.activeThreadCount() == 0:  # no callback started more work
                return True
        return False

    def pause(self) -> None:
        if self._held is None:
            self._held = []

    def resume(self) -> None:
        held, self._held = self._held or [], None
        for job in held:
            self._pool.start(job)


class SyncRunner:
    """Runs work at once on the calling thread: deterministic, for tests."""

    def run(self, work: Callable[[], Any], done: Done, failed: Failed) -> None:
        try:
            result = work()
        except Exception as err:
            _record(err)
            failed(err)
        else:
            done(result)

    def wait(self, msecs: int = 0) -> bool:
        return True

    def pause(self) -> None:
        pass  # work runs at once, as tests expect

    def resume(self) -> None:
        pass
