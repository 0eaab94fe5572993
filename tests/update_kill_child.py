"""What the children of tests/test_update_kill.py run: kept apart from the test module (which
imports pytest) so the forkserver imports it once, in advance, and a child starts at once."""

from __future__ import annotations

import os
from pathlib import Path

from briefing_app.core.update_store import installed


def run_install(repo: str, data: str, trust: str) -> None:
    """`briefing-app library install REPO --trust ROOT`, with its user data folder at `data`."""
    os.environ["BRIEFING_APP_DATA"] = data
    from briefing_app.__main__ import main

    os._exit(main(["library", "install", repo, "--trust", trust]))


def run_naive_install(repo: str, data: str, trust: str) -> None:
    """The control: new files copied straight over the library in use, one by one (its release
    record is left alone: the check needs only the files to find the mix)."""
    current = installed(Path(data)).library
    for source in sorted(Path(repo, "targets").rglob("*.toml")):
        target = current / source.relative_to(Path(repo, "targets"))
        target.write_bytes(source.read_bytes())
    os._exit(0)


def nothing() -> None:
    os._exit(0)
