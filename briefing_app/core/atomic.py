"""Writing files so that a crash leaves the old version or the new one, never a broken one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: Path, data: bytes, private: bool = True,
                 verify: Callable[[Path], None] | None = None) -> None:
    """Write to a temporary file in the same folder, flush to disk, then rename over `path`.

    `private` makes the file readable by the user only (0600) where the platform allows.
    `verify` reads the written temporary file before the rename; if it raises, the file is
    removed and `path` keeps what it had.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if verify is not None:
            verify(Path(tmp))
        if not private and os.name == "posix":
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if os.name == "posix":
        try:
            dir_fd = os.open(path.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
