"""Verifying a library update with The Update Framework, from a folder (a USB stick, a share).

A post trusts one root of signing keys: the one shipped in `assets/library-root.json`, or one
given with `--trust` on a first install from another publisher; later installs keep to the
root of the update in use. TUF's client (ngclient) reads the repository's metadata through a
fetcher over the folder and checks everything the specification asks: each new root signed by
the old and the new keys (so a post that skipped updates chains forward through every
`N.root.json`), thresholds of signatures, expiry against a fixed start time, versions that
never go back, and each file's length and hashes. The files land in a staging folder, and only
a complete, verified, loadable library is handed to `update_store.commit`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from tuf.api import exceptions
from tuf.api.metadata import Metadata, Root, TargetFile
from tuf.ngclient import FetcherInterface, Updater, UpdaterConfig

from .faults import Fault, InputError
from .library import MAX_FILE_BYTES, load_library
from .paths import asset
from .reading import Unreadable, read_limited
from .update_store import Release, installed, new_staging, remove_stale_staging, updates_folder

CUSTOM = "x-briefing-builder"  # our fields in the signed root (publisher) and targets (notes)
MAX_METADATA_BYTES = UpdaterConfig().targets_max_length  # ngclient's own limit, the largest
TARGET_PATH = re.compile(r"^(topics\.toml|points/[a-z0-9-]+/[a-z0-9-]+\.toml|countries/[a-z]{2}\.toml)$")


def shipped_root() -> Path:
    return asset("library-root.json")


class FolderFetcher(FetcherInterface):
    """ngclient's downloads, served from a local folder: `file:` addresses inside it only. A
    missing file answers as a web server would (404), which ends the search for newer roots.
    (What is read is checked against the signed lengths and hashes, so a link in the folder
    that points elsewhere gains nothing.)"""

    def __init__(self, repo: Path):
        self._repo = os.path.abspath(repo) + os.sep

    def _fetch(self, url: str) -> Iterator[bytes]:
        path = os.path.normpath(unquote(urlparse(url).path))
        if not path.startswith(self._repo):
            raise exceptions.DownloadError(f"{path} is outside the update folder")
        return iter([_read(Path(path), MAX_METADATA_BYTES)])


def _read(path: Path, limit: int) -> bytes:
    """A file of the update folder, read without hanging on a FIFO or a device: a missing one
    answers as a web server would (404), which also ends ngclient's search for newer roots."""
    try:
        return read_limited(path, limit, "a file of a library update")
    except Unreadable as err:
        if not os.path.lexists(path) or path.is_dir():
            raise exceptions.DownloadHTTPError(f"{path} is missing", 404) from None
        raise exceptions.DownloadError(f"{path} {err}") from None


def _copy_target(repo: Path, info: TargetFile, destination: Path) -> None:
    """One library file, read from the update folder and kept only if its length and hashes
    are those the trusted targets metadata gives: TUF's own check. (ngclient's download_target
    also copies each file through a temporary file first: 2.3 s for 2,000 files, here 0.7 s.)"""
    data = _read(repo / "targets" / info.path, MAX_FILE_BYTES)
    info.verify_length_and_hashes(data)
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(data)


@dataclass(frozen=True)
class Staged:
    """A verified update waiting in its staging folder for `update_store.commit`."""

    release: Release
    staging: Path
    previous: Release | None

    @property
    def library(self) -> Path:
        return self.staging / "library"

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def anchor_id(root_bytes: bytes) -> str:
    return hashlib.sha256(root_bytes).hexdigest()[:16]


def root_fingerprint(root_bytes: bytes) -> str:
    """The SHA-256 of a root.json in groups of four, as `sha256sum` prints it but readable
    aloud: headquarters sends it to posts by a channel other than the file's."""
    digest = hashlib.sha256(root_bytes).hexdigest()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def read_root(path: Path) -> tuple[bytes, Metadata[Root]]:
    """A root metadata file and its parsed form, or an InputError in words."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Fault(str(path), "", "does not exist")) from None
    except OSError as err:
        raise InputError(Fault(str(path), "", f"cannot be read: {err.strerror or err}")) from None
    try:
        root = Metadata[Root].from_bytes(data)
        root.signed.verify_delegate(Root.type, root.signed_bytes, root.signatures)
    except Exception as err:  # noqa: BLE001 - any fault in a root file is the same to the user
        raise InputError(Fault(str(path), "", "is not a valid TUF root of signing keys "
                               f"(a root.json from 'library keys new'): {err}")) from None
    return data, root


def trust_anchor(data_dir: Path, trust: Path | None) -> tuple[bytes, str]:
    """The root this install starts from: `--trust`, else the root the update in use was
    verified with, else the one shipped with the app."""
    if trust is None:
        current = installed(data_dir)
        kept = updates_folder(data_dir) / "trust" / current.anchor / "anchor.json" if current else None
        trust = kept if kept and kept.is_file() else shipped_root()
    data, _root = read_root(trust)
    return data, anchor_id(data)


def publisher_of(root: Root) -> str:
    custom = root.unrecognized_fields.get(CUSTOM, {})
    return str(custom.get("publisher", "")) if isinstance(custom, dict) else ""


def stage(repo: Path, data_dir: Path, trust: Path | None = None,
          now: dt.datetime | None = None) -> Staged | Release:
    """Verify the update in `repo` and download it into a staging folder. Returns the Release
    in use instead when the repository holds that very version (nothing to do). Raises
    InputError, in words, for anything TUF or the library loader refuses."""
    repo = Path(repo)
    anchor_bytes, anchor = trust_anchor(data_dir, trust)
    if not (repo / "metadata").is_dir():
        raise InputError(Fault(str(repo), "", "is not a library update folder (it has no "
                               "metadata/ folder; choose the folder 'library publish' wrote)"))
    trust_dir = updates_folder(data_dir) / "trust" / anchor
    Path(data_dir).mkdir(mode=0o700, parents=True, exist_ok=True)
    for folder in (updates_folder(data_dir), trust_dir.parent, trust_dir):
        folder.mkdir(mode=0o700, exist_ok=True)  # private, each level (mkdir's parents are not)
    if not (trust_dir / "anchor.json").is_file():
        (trust_dir / "anchor.json").write_bytes(anchor_bytes)
    current = installed(data_dir)
    remove_stale_staging(data_dir)
    staging = new_staging(data_dir)
    try:
        updater = Updater(str(trust_dir), (repo / "metadata").resolve().as_uri() + "/",
                          str(staging / "library"), (repo / "targets").resolve().as_uri() + "/",
                          FolderFetcher(repo), UpdaterConfig(), bootstrap=anchor_bytes)
        # The fixed start time of the specification's client workflow; tests set it.
        updater._trusted_set.reference_time = now or dt.datetime.now(dt.UTC)  # noqa: SLF001
        updater.refresh()
        trusted = updater._trusted_set  # noqa: SLF001 - the verified metadata ngclient holds
        targets, root = trusted.targets, trusted.root
        if current is not None and current.anchor == anchor and targets.version == current.version:
            shutil.rmtree(staging, ignore_errors=True)
            return current
        if current is not None and targets.version <= current.version:  # whatever root it trusts
            raise InputError(_fault(repo, _rollback(targets.version, current.version)))
        if targets.delegations is not None:
            raise InputError(_fault(repo, "it delegates to other signers, which library updates do not"))
        for path, info in sorted(targets.targets.items()):
            if not TARGET_PATH.match(path):
                raise InputError(_fault(repo, f"lists '{path}', which is not a library file"))
            _copy_target(repo, info, staging / "library" / path)
        _check_loads(repo, staging / "library")
        custom = targets.unrecognized_fields.get(CUSTOM, {})
        release = Release(
            version=targets.version, publisher=publisher_of(root),
            published=str(custom.get("published", "")), expires=targets.expires.isoformat(),
            notes=str(custom.get("notes", "")), withdrawn=tuple(custom.get("withdrawn", ())),
            anchor=anchor, installed=(now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
            source=str(repo.resolve()), folder=staging)
        return Staged(release, staging, current)
    except InputError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except (exceptions.RepositoryError, exceptions.DownloadError, OSError, ValueError) as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise InputError(_fault(repo, refusal(err, current))) from None


def _check_loads(repo: Path, library: Path) -> None:
    """The update must load in this app: a newer library format needs a newer app."""
    errors = load_library([library]).errors
    if errors:
        first = errors[0]
        raise InputError(_fault(repo, f"the update is signed but this version of Briefing "
                                f"Builder cannot read it ({len(errors)} problem(s), the first: "
                                f"{first.file}: {first.place}: {first.reason}); a newer app may be needed"))


def _fault(repo: Path, reason: str) -> Fault:
    return Fault(str(repo), "", f"update refused: {reason}")


def _rollback(offered: int | None, have: int | None) -> str:
    """Refusing a version not newer than one seen here. The check does not depend on the root
    an install trusts: the same root given with `--trust` in other bytes, or a later root of the
    same publisher, must not open a way back to an old stick."""
    offered_text = f"version {offered}" if offered is not None else "an older version"
    have_text = f"version {have}" if have is not None else "a newer version"
    relation = "not newer than" if offered is not None and offered == have else "older than"
    return (f"it is {offered_text}, {relation} {have_text} already seen here; installing it "
            "would roll the library back (an old stick or copy?), so the library is unchanged")


def refusal(err: BaseException, current: Release | None) -> str:
    """What TUF refused, in the officer's words."""
    text = str(err)
    if isinstance(err, exceptions.ExpiredMetadataError):
        return ("its signed metadata has expired (" + text.replace(".json", "") + "); an expired "
                "update could be an old one replayed: ask headquarters for a fresh copy")
    if isinstance(err, exceptions.BadVersionNumberError):
        found = re.search(r"version (\d+) must be >= (\d+)", text)
        if found:
            return _rollback(int(found[1]), current.version if current else int(found[2]))
        return _rollback(None, current.version if current else None)
    if isinstance(err, exceptions.UnsignedMetadataError):
        return ("it is not signed by the keys this computer trusts, or by too few of them "
                f"({text}); it may come from another publisher or have been altered")
    if isinstance(err, (exceptions.LengthOrHashMismatchError, exceptions.DownloadLengthMismatchError)):
        return f"a file differs from what the publisher signed (altered or damaged): {text}"
    if isinstance(err, exceptions.DownloadHTTPError):
        return f"a file the update needs is missing: {text.removesuffix(' is missing')}"
    if isinstance(err, exceptions.DownloadError):
        cause = err.__cause__
        return f"a file could not be read: {cause or text}"
    if isinstance(err, OSError):
        return f"{err.filename or ''} cannot be read or written: {err.strerror or err}".strip()
    return f"its metadata is not valid: {text}"
