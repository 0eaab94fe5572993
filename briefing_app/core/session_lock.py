"""A lock that says "this session is running", released by the operating system the moment the
process ends, however it ends (a crash, kill -9, a power cut).

A process id would not do: after a crash the id may already belong to another process (soon
after a reboot, or a zombie the parent has not reaped), which would hide a crashed session's
work. `flock` on POSIX and `msvcrt.locking` on Windows are held by the open file, which the
system closes when the process dies.
"""

from __future__ import annotations

import os
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class SessionLock:
    """Held from `acquire` until `release` or the end of the process."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock without waiting; False if another session holds it. Raises OSError
        when the file cannot be made."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        """Give the lock up and remove its file (a session that ended cleanly)."""
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
            _unlock(self._fd)
        except OSError:
            pass
        finally:
            os.close(self._fd)
            self._fd = None


def held_elsewhere(path: Path) -> bool:
    """Whether a running session (another process, or another window of this one) holds the
    lock at `path`. No lock file, or one nobody holds, means no session runs there."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        if not _try_lock(fd):
            return True
        _unlock(fd)
        return False
    finally:
        os.close(fd)
