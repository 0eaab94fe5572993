"""Running slow work (PDF building, the library check) off the UI thread.

A task is a plain function over plain, immutable data (a frozen Brief, a loaded Library); its
result comes back to the UI thread through a queued signal, so a task never touches a widget.
Tests use `SyncRunner`, which runs the same functions at once on the calling thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

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
    """Lives on the UI thread; its signals carry a worker's outcome back there."""

    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, work: Callable[[], Any]):
        super().__init__()
        self._relay, self._work = relay, work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as err:  # handed to the UI thread, which reports it
            _record(err)
            self._relay.failed.emit(err)
        else:
            self._relay.finished.emit(result)


class ThreadRunner(QObject):
    """Runs work on a thread pool and calls `done` or `failed` on the UI thread afterwards."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()
        self._held: list[_Job] | None = None

    def run(self, work: Callable[[], Any], done: Done, failed: Failed) -> None:
        relay = _Relay(self)
        self._relays.add(relay)

        def finish(outcome: Any, callback: Callable[[Any], None]) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            callback(outcome)

        relay.finished.connect(lambda result: finish(result, done))
        relay.failed.connect(lambda err: finish(err, failed))
        if self._held is None:
            self._pool.start(_Job(relay, work))
        else:
            self._held.append(_Job(relay, work))

    def wait(self, msecs: int = 10_000) -> bool:
        self.resume()  # a held job's callbacks are still awaited
        return self._pool.waitForDone(msecs)

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
