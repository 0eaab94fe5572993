"""What the children of tests/test_update_kill.py run: kept apart from the test module (which
imports pytest) so the forkserver imports it once, in advance, and a child starts at once.
Each sets `started` as its work begins, so the parent times its kill from there."""

from __future__ import annotations

import os
from pathlib import Path

from briefing_app.core.atomic import write_atomic
from briefing_app.core.update_store import installed


def run_install(repo: str, data: str, trust: str, started) -> None:
    """`briefing-app library install REPO --trust ROOT`, with its user data folder at `data`."""
    os.environ["BRIEFING_APP_DATA"] = data
    from briefing_app.__main__ import main

    started.set()
    os._exit(main(["library", "install", repo, "--trust", trust]))


def run_naive_install(repo: str, data: str, trust: str, started) -> None:
    """The control: each new file written over the library in use, one by one, each replaced
    atomically (as `write_atomic` does), but not the library as a whole. Its release record is
    left alone: the check needs only the files to find the mix."""
    current = installed(Path(data)).library
    sources = sorted(Path(repo, "targets").rglob("*.toml"))
    started.set()
    for source in sources:
        target = current / source.relative_to(Path(repo, "targets"))
        write_atomic(target, source.read_bytes(), private=False)
    os._exit(0)


def nothing() -> None:
    os._exit(0)
