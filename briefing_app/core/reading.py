"""Reading a file someone named (a brief, a library file, a settings or cache file) without
hanging, filling memory or crashing.

`Path.read_bytes()` waits for ever on a FIFO, reads a 6 GB file whole before anyone checks its
size, and reads /dev/zero until memory runs out. Here a file is looked at before it is opened,
opened without blocking, looked at again through the open handle (in case it was swapped
meanwhile), and read only up to its limit. What goes wrong comes back as `Unreadable`, whose
message says, in words, what the path is and why it cannot be read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_NONBLOCK = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


class Unreadable(Exception):
    """A file that cannot be read; the message completes "<path> ..."."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words ("a FIFO (named pipe)"); "" for a regular file."""
    return next((words for test, words in _KINDS if test(mode)), "" if stat.S_ISREG(mode) else "not a file")


def describe_os_error(err: OSError) -> str:
    """An OSError in words, without the path (the caller names it)."""
    if isinstance(err, PermissionError):
        return "cannot be read: permission denied"
    if isinstance(err, FileNotFoundError):
        return "does not exist"
    return f"cannot be read: {err.strerror or err}"


def read_limited(path: Path, limit: int, what: str = "this file") -> bytes:
    """The contents of the regular file at `path` (a link is followed), refused in words when it
    is not a regular file or is larger than `limit` bytes."""
    try:
        _check(os.stat(path), limit, what)
        handle = os.open(path, os.O_RDONLY | _NONBLOCK)
    except OSError as err:
        raise Unreadable(describe_os_error(err)) from None
    try:
        _check(os.fstat(handle), limit, what)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise Unreadable(describe_os_error(err)) from None
    finally:
        os.close(handle)
    if size > limit:
        raise Unreadable(f"grew past {limit:,} bytes while it was read; {what} may be at most "
                         f"{limit:,} bytes")
    return b"".join(chunks)


def _check(info: os.stat_result, limit: int, what: str) -> None:
    kind = kind_of(info.st_mode)
    if kind:
        raise Unreadable(f"is {kind}, not a file" if kind != "not a file" else "is not a file")
    if info.st_size > limit:
        raise Unreadable(f"is {info.st_size:,} bytes; {what} may be at most {limit:,} bytes")


def unreadable_folder(folder: Path) -> str:
    """Why the files in `folder` cannot be listed, in words; "" when they can (or it is absent)."""
    try:
        with os.scandir(folder):
            return ""
    except FileNotFoundError:
        return ""
    except NotADirectoryError:
        return "is not a folder"
    except OSError as err:
        reason = "permission denied" if isinstance(err, PermissionError) else err.strerror or str(err)
        return f"cannot be read ({reason}): nothing in it is loaded"
