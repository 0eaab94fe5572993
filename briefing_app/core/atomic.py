"""Writing files so that a crash leaves the old version or the new one, never a broken one, and
checking where an output may go before any work is done.

A link is followed: the file it points to is replaced and the link kept, so an officer's
`latest.pdf -> briefs/2026-11-29.pdf` still points where it did. What is not a regular file
(a device, a FIFO, a socket, a folder) is never replaced: writing a PDF "to" /dev/full must
not turn the device into a file.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .faults import Fault, InputError
from .reading import kind_of

_BINARY = getattr(os, "O_BINARY", 0)


def target_of(path: Path) -> Path:
    """The file a write to `path` lands in: the end of its links, or `path` itself."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _not_regular(path: Path) -> str:
    """What `path` is when it exists and is not a regular file, in words; "" otherwise."""
    try:
        return kind_of(os.stat(path).st_mode)
    except OSError:
        return ""


def _temporary_name(target: Path) -> Path:
    """A hidden name beside `target` that fits the file system's limit on names, whatever the
    length of `target`'s own name (a valid 249-character name must still work)."""
    try:
        limit = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        limit = 255
    tail = f".{os.urandom(6).hex()}.tmp"  # what secrets.token_hex does, without its 5 ms of imports
    room = max(0, min(limit, 255) - 1 - len(tail))
    stem = target.name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return target.with_name(f".{stem}{tail}")


def write_atomic(path: Path, data: bytes, private: bool = True,
                 verify: Callable[[Path], None] | None = None) -> None:
    """Write to a temporary file in the same folder, flush to disk, then rename over `path`
    (over the file it links to, when it is a link).

    `private` makes the file readable by the user only (0600); otherwise it gets what the
    user's umask allows, as any new file would. `verify` reads the written temporary file
    before the rename; if it raises, the file is removed and `path` keeps what it had. A
    target that exists and is not a regular file raises OSError and is left alone.
    """
    target = target_of(path)
    kind = _not_regular(target)
    if kind:
        raise OSError(errno.EINVAL, f"is {kind}, not a regular file; it is left as it is", str(path))
    for _ in range(10):
        tmp = _temporary_name(target)
        try:
            handle = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600 if private else 0o666)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if verify is not None:
            verify(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def check_output(path: Path, inputs: Iterable[tuple[Path, str]] = ()) -> None:
    """Refuse, in words and before any work is done, an output path that cannot or must not be
    written: a folder, a missing or unwritable folder, a device, FIFO or socket, or one of the
    files the output is made from (`inputs`: each path with what it is, "the brief")."""
    name = str(path)
    target = target_of(path)
    if target.is_dir():
        raise InputError(Fault(name, "", "is a folder; give a file name such as brief.pdf"))
    if not target.parent.is_dir():
        raise InputError(Fault(name, "", f"the folder {target.parent} does not exist"))
    kind = _not_regular(target)
    if kind:
        raise InputError(Fault(name, "", f"is {kind}, not a regular file; an export writes only "
                               "to a file, and leaves this one as it is"))
    for source, what in inputs:
        try:
            same = target.exists() and os.path.samefile(target, source)
        except OSError:
            same = False
        if same:
            raise InputError(Fault(name, "", f"is {what} ({source}); writing there would destroy "
                                   "it: choose another file name"))
    if not os.access(target.parent, os.W_OK):
        raise InputError(Fault(name, "", f"cannot be written: the folder {target.parent} is not "
                               "writable (permission denied)"))
