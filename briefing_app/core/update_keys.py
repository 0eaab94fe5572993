"""The publisher's signing keys: a new set, and rotation to new keys.

A key folder holds, for The Update Framework's four roles:
```
root.json                  the current root: the public keys and thresholds posts trust
root_history/N.root.json   every root version (publish copies them all into the repository)
root-<id>.key              root private keys: keep offline, bring back only to rotate keys
targets-<id>.key           signs the list of library files and the release notes
snapshot-<id>.key, timestamp-<id>.key   sign each publication's version and freshness
retired/                   keys a rotation replaced
published.json             what was last published (core/update_publisher.py)
```
Private keys are Ed25519 in PEM (PKCS #8), written readable by the owner only (0600). A
rotation writes root N+1 signed by the old root keys (a threshold of them) and the new ones,
so a post that trusts root N accepts root N+1 and every later one, in order.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import shutil
from pathlib import Path

from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata, Root
from tuf.api.serialization.json import JSONSerializer

from .atomic import write_atomic
from .faults import Fault, InputError
from .update_client import CUSTOM

ROLES = ("root", "targets", "snapshot", "timestamp")
ROOT_DAYS = 3 * 365  # a root outlives many releases: posts may go a long time between sticks


def _now(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)


def _write_key(folder: Path, role: str, signer: CryptoSigner) -> Path:
    path = folder / f"{role}-{signer.public_key.keyid[:12]}.key"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(signer.private_bytes)
    return path


def _write_root(folder: Path, root: Metadata[Root]) -> None:
    data = root.to_bytes(JSONSerializer(compact=False))
    (folder / "root_history").mkdir(mode=0o700, exist_ok=True)
    write_atomic(folder / "root_history" / f"{root.signed.version}.root.json", data, private=False)
    write_atomic(folder / "root.json", data, private=False)


def load_root(folder: Path) -> Metadata[Root]:
    path = folder / "root.json"
    try:
        return Metadata[Root].from_file(str(path))
    except FileNotFoundError:
        raise InputError(Fault(str(folder), "", "is not a key folder (it has no root.json; "
                               "make one with 'briefing-app library keys new')")) from None
    except Exception as err:  # noqa: BLE001 - a damaged file, in words
        raise InputError(Fault(str(path), "", f"cannot be read as a TUF root: {err}")) from None


def signers(folder: Path, root: Root, role: str) -> list[CryptoSigner]:
    """The private keys in `folder` that `root` names for `role`; an InputError when fewer than
    its threshold are there (root keys are kept offline: copy them back to rotate)."""
    wanted = set(root.roles[role].keyids)
    found = []
    for path in sorted(folder.glob(f"{role}-*.key")):
        try:
            signer = CryptoSigner(load_pem_private_key(path.read_bytes(), None))
        except (OSError, ValueError, TypeError) as err:
            raise InputError(Fault(str(path), "", f"is not a readable private key: {err}")) from None
        if signer.public_key.keyid in wanted:
            found.append(signer)
    threshold = root.roles[role].threshold
    if len(found) < threshold:
        raise InputError(Fault(str(folder), "", f"holds {len(found)} of the {role} keys the root "
                               f"names; {threshold} are needed to sign (copy the {role}-*.key "
                               "files back from where they are kept)"))
    return found


def new_keys(folder: Path, publisher: str, root_keys: int = 1, threshold: int = 1,
             root_days: int = ROOT_DAYS, now: dt.datetime | None = None) -> Metadata[Root]:
    """A new key set and root version 1 in `folder` (new or empty); never overwrites keys."""
    if not 1 <= threshold <= root_keys:
        raise InputError(Fault("--threshold", "", f"must be between 1 and the number of root "
                               f"keys ({root_keys})"))
    if folder.exists() and any(folder.iterdir()):
        raise InputError(Fault(str(folder), "", "is not empty; keys are never overwritten: "
                               "choose a new folder (to replace keys, use 'library keys rotate')"))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    root = Root(expires=_now(now) + dt.timedelta(days=root_days), consistent_snapshot=False,
                unrecognized_fields={CUSTOM: {"publisher": publisher}})
    root_signers = []
    for role in ROLES:
        for _ in range(root_keys if role == "root" else 1):
            signer = CryptoSigner.generate_ed25519()
            root.add_key(signer.public_key, role)
            _write_key(folder, role, signer)
            if role == "root":
                root_signers.append(signer)
    root.roles["root"].threshold = threshold
    metadata = Metadata(root)
    for signer in root_signers:
        metadata.sign(signer, append=True)
    _write_root(folder, metadata)
    return metadata


def rotate(folder: Path, roles: list[str], root_keys: int | None = None,
           threshold: int | None = None, root_days: int = ROOT_DAYS,
           now: dt.datetime | None = None) -> Metadata[Root]:
    """Root N+1 with new keys for `roles` (none: the same keys, a fresh expiry), signed by the
    old root keys and the new ones. Replaced key files move to `retired/`."""
    old = load_root(folder)
    old_signers = signers(folder, old.signed, "root")
    new = copy.deepcopy(old.signed)
    new.version += 1
    new.expires = _now(now) + dt.timedelta(days=root_days)
    retired = {keyid for role in roles for keyid in old.signed.roles[role].keyids}
    fresh: dict[str, list[CryptoSigner]] = {}
    for role in roles:
        count = (root_keys or len(old.signed.roles["root"].keyids)) if role == "root" else 1
        for keyid in list(new.roles[role].keyids):
            new.revoke_key(keyid, role)
        fresh[role] = [CryptoSigner.generate_ed25519() for _ in range(count)]
        for signer in fresh[role]:
            new.add_key(signer.public_key, role)
    if threshold is not None:
        new.roles["root"].threshold = threshold
    if not 1 <= new.roles["root"].threshold <= len(new.roles["root"].keyids):
        raise InputError(Fault("--threshold", "", "must be between 1 and the number of root "
                               f"keys ({len(new.roles['root'].keyids)})"))
    metadata = Metadata(new)
    for signer in old_signers + fresh.get("root", []):
        metadata.sign(signer, append=True)
    old.signed.verify_delegate(Root.type, metadata.signed_bytes, metadata.signatures)  # a post checks
    metadata.signed.verify_delegate(Root.type, metadata.signed_bytes, metadata.signatures)
    for role, made in fresh.items():
        for signer in made:
            _write_key(folder, role, signer)
    _write_root(folder, metadata)
    (folder / "retired").mkdir(mode=0o700, exist_ok=True)
    for path in folder.glob("*.key"):
        if any(path.stem.endswith(keyid[:12]) for keyid in retired):
            shutil.move(path, folder / "retired" / path.name)
    return metadata
