"""`briefing-app library keys|publish|install|status`: signed library updates (TUF).

Headquarters makes keys once, publishes each library release to a folder it copies to USB
sticks or a share; a post installs from that folder and sees which layers are in use. TUF is
imported here, when one of these commands runs, never by `briefing-app` alone.
"""

from __future__ import annotations

import sys

from ..core.faults import Fault, InputError
from ..core.library_config import LibraryConfig, day, status_lines
from .common import report


def keys_new(args) -> int:
    from ..core.update_keys import new_keys

    root_keys = args.root_keys or args.threshold
    root = new_keys(args.dir, args.publisher, root_keys, args.threshold, args.root_expires)
    _print_keys(args.dir, root, f"Made a key set for {args.publisher} in {args.dir}")
    return 0


def keys_rotate(args) -> int:
    from ..core.update_keys import rotate

    roles = args.role or []
    root = rotate(args.dir, roles, args.root_keys, args.threshold, args.root_expires)
    what = ("New " + ", ".join(roles) + " keys") if roles else "The same keys, a new expiry"
    _print_keys(args.dir, root, f"{what} in {args.dir}")
    print(f"Publish next with --keys {args.dir}: the repository gets every root version, so "
          "posts chain forward from the root they trust.")
    return 0


def _print_keys(folder, root, headline: str) -> None:
    signed = root.signed
    role = signed.roles["root"]
    print(f"{headline}: root version {signed.version}, expires {signed.expires.date()}, "
          f"root threshold {role.threshold} of {len(role.keyids)} key(s).")
    print(f"  Ship with the app:  {folder / 'root.json'} (as assets/library-root.json, or give it "
          "to posts for 'library install --trust')")
    from ..core.update_client import root_fingerprint

    print(f"  Root fingerprint:   {root_fingerprint((folder / 'root.json').read_bytes())} (send it to "
          "posts by another channel than the file: they check it before trusting the root)")
    offline = sorted(p.name for p in folder.glob("root-*.key"))
    print(f"  Keep offline:       {', '.join(offline)} (needed only to rotate keys)")
    online = sorted(p.name for p in folder.glob("*.key") if not p.name.startswith("root-"))
    print(f"  Keep private:       {', '.join(online)} (needed to publish)")


def publish(args) -> int:
    from ..core.check import check_library
    from ..core.library import load_library
    from ..core.update_keys import load_root
    from ..core.update_publisher import publish as publish_library

    if not args.libdir.is_dir():
        raise InputError(Fault(str(args.libdir), "", "library folder does not exist"))
    library = load_library([args.libdir])
    faults = check_library(library)
    report(faults)
    errors = [f for f in faults if not f.warning]
    if errors:
        print(f"Not published: the library check found {len(errors)} problem(s) in "
              f"{args.libdir}.", file=sys.stderr)
        return 1
    done = publish_library(args.libdir, args.keys, args.to, args.expires, args.notes or "")
    names = [w.partition(":")[2] for w in done.withdrawn]
    more = f" and {len(names) - 8} more" if len(names) > 8 else ""
    withdrawn = f"; withdrawn: {', '.join(names[:8])}{more}" if names else ""
    print(f"Published library version {done.version} to {args.to}: {done.files} files, "
          f"{len(library.points)} points, {len(library.countries)} countries; signed metadata "
          f"expires {done.expires.date()}; {done.roots} root version(s){withdrawn}.")
    print(f"Copy {args.to} to a USB stick or share; a post runs: briefing-app library install <folder>")
    root_expires = load_root(args.keys).signed.expires
    if root_expires < done.expires:
        report([Fault(str(args.keys / "root.json"), "", f"warning: the root expires on "
                      f"{root_expires.date()}, before this publication; from then posts refuse "
                      "updates: renew it with 'library keys rotate' and publish again")])
    return 0


def install(args) -> int:
    from ..core.update_client import stage
    from ..core.update_store import Release, commit

    config = LibraryConfig()
    staged = stage(args.repo, config.data_dir, args.trust)
    if isinstance(staged, Release):
        print(f"Library update {staged.version} is already installed; nothing to do.")
        return 0
    release = commit(config.data_dir, staged.staging, staged.release)
    previous = f" The previous library ({staged.previous.label}) is kept." if staged.previous else ""
    notes = f" Notes: {release.notes}" if release.notes else ""
    print(f"Installed library update {release.version} from {release.publisher or 'the publisher'} "
          f"(published {day(release.published)}, signed until {day(release.expires)}).{previous}{notes}")
    return 0


def status(args) -> int:
    for line in status_lines(LibraryConfig()):
        print(line)
    return 0
