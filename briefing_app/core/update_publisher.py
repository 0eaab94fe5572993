"""Publishing a library as a TUF repository: a folder to copy to a USB stick or a share.

```
REPO/metadata/N.root.json    every root version, so posts chain forward through rotations
REPO/metadata/root.json      the current root
REPO/metadata/targets.json   the library files' lengths and hashes, and our custom fields:
                             release notes, publication date, ids the library withdrew
REPO/metadata/snapshot.json, timestamp.json
REPO/targets/...             the library files (topics.toml, points/, countries/)
```
These are the names the TUF specification gives (without consistent snapshots: a stick holds
one publication), so any conforming client can verify the repository with the root from
`library keys new`. Each publication's targets, snapshot and timestamp carry one version
number, higher than any published from this key folder or found in the repository.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from tuf.api.metadata import Metadata, MetaFile, Snapshot, TargetFile, Targets, Timestamp
from tuf.api.serialization.json import JSONSerializer

from .. import __version__
from .atomic import write_atomic
from .faults import Fault, InputError
from .update_client import CUSTOM, TARGET_PATH
from .update_keys import load_root, signers

PUBLISHED = "published.json"
EXPIRES_DAYS = 180


@dataclass(frozen=True)
class Publication:
    version: int
    files: int
    expires: dt.datetime
    withdrawn: tuple[str, ...]
    roots: int


def library_files(libdir: Path) -> dict[str, Path]:
    """The files of a library folder by target path; anything else in the folder stays out."""
    found = [libdir / "topics.toml", *libdir.glob("points/*/*.toml"), *libdir.glob("countries/*.toml")]
    return {p.relative_to(libdir).as_posix(): p for p in sorted(found)
            if p.is_file() and TARGET_PATH.match(p.relative_to(libdir).as_posix())}


def entry_ids(paths) -> set[str]:
    """'point:<id>' and 'country:<CODE>' for target paths, as the library names its entries."""
    ids = set()
    for path in paths:
        parts = path.removesuffix(".toml").split("/")
        if parts[0] == "points":
            ids.add(f"point:{parts[-1]}")
        elif parts[0] == "countries":
            ids.add(f"country:{parts[-1].upper()}")
    return ids


def _state(keys: Path) -> dict:
    try:
        data = json.loads((keys / PUBLISHED).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _repo_version(repo: Path) -> tuple[int, set[str], set[str]]:
    """The version, entries and withdrawn ids of the targets already in `repo`, if any."""
    path = repo / "metadata" / "targets.json"
    if not path.exists():
        return 0, set(), set()
    try:
        targets = Metadata[Targets].from_bytes(path.read_bytes()).signed
    except Exception as err:  # noqa: BLE001 - a damaged repository, in words
        raise InputError(Fault(str(path), "",
                               f"cannot be read ({err}); publish to an empty folder")) from None
    custom = targets.unrecognized_fields.get(CUSTOM, {})
    return targets.version, entry_ids(targets.targets), set(custom.get("withdrawn", ()))


def publish(libdir: Path, keys: Path, repo: Path, expires_days: int = EXPIRES_DAYS,
            notes: str = "", now: dt.datetime | None = None) -> Publication:
    """Sign `libdir` (already checked) into `repo` as the next version."""
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    root = load_root(keys)
    sign = {role: signers(keys, root.signed, role) for role in ("targets", "snapshot", "timestamp")}
    files = library_files(libdir)
    state = _state(keys)
    repo_version, repo_ids, repo_withdrawn = _repo_version(repo)
    version = max(int(state.get("version", 0)), repo_version) + 1
    ids = entry_ids(files)
    before = repo_ids | set(state.get("ids", ())) | repo_withdrawn | set(state.get("withdrawn", ()))
    withdrawn = tuple(sorted(before - ids))
    expires = now + dt.timedelta(days=expires_days)
    custom = {"notes": notes, "published": now.isoformat(), "withdrawn": list(withdrawn),
              "app": __version__}
    targets = Metadata(Targets(version=version, expires=expires, unrecognized_fields={CUSTOM: custom},
                               targets={path: TargetFile.from_file(path, str(file))
                                        for path, file in files.items()}))
    targets_bytes = _signed(targets, sign["targets"])
    snapshot = Metadata(Snapshot(version=version, expires=expires,
                                 meta={"targets.json": MetaFile(version)}))
    snapshot_bytes = _signed(snapshot, sign["snapshot"])
    timestamp = Metadata(Timestamp(version=version, expires=expires, snapshot_meta=MetaFile.from_data(
        version, snapshot_bytes, ["sha256"])))
    timestamp_bytes = _signed(timestamp, sign["timestamp"])

    metadata = repo / "metadata"
    metadata.mkdir(parents=True, exist_ok=True)
    _write_targets(repo / "targets", files)
    roots = sorted((keys / "root_history").glob("*.root.json"), key=lambda p: int(p.name.split(".")[0]))
    for path in roots:
        write_atomic(metadata / path.name, path.read_bytes(), private=False)
    write_atomic(metadata / "root.json", (keys / "root.json").read_bytes(), private=False)
    for name, data in (("targets", targets_bytes), ("snapshot", snapshot_bytes),
                       ("timestamp", timestamp_bytes)):  # timestamp last: it makes it current
        write_atomic(metadata / f"{name}.json", data, private=False)
    write_atomic(keys / PUBLISHED, json.dumps(
        {"version": version, "ids": sorted(ids), "withdrawn": list(withdrawn),
         "published": now.isoformat(), "repository": str(repo.resolve())}, indent=2).encode())
    return Publication(version, len(files), expires, withdrawn, len(roots))


def _signed(metadata: Metadata, keys) -> bytes:
    for signer in keys:
        metadata.sign(signer, append=True)
    return metadata.to_bytes(JSONSerializer(compact=False))


def _write_targets(folder: Path, files: dict[str, Path]) -> None:
    """The library files, each replaced whole; files of an earlier publication that this one
    dropped are removed."""
    for path, source in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, source.read_bytes(), private=False)
    for old in sorted(folder.rglob("*"), reverse=True):
        relative = old.relative_to(folder).as_posix()
        if old.is_file() and relative not in files:
            old.unlink()
        elif old.is_dir() and not any(old.iterdir()):
            old.rmdir()
