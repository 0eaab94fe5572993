"""Shared fixtures: the small test library, a scratch copy of it, and a CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "data" / "mini"


@pytest.fixture(autouse=True)
def user_data(tmp_path, monkeypatch) -> Path:
    """The user data folder (library configuration, installed updates), inside tmp_path for
    every test and every command a test runs: never the real one."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("BRIEFING_APP_DATA", str(folder))
    return folder


@pytest.fixture(autouse=True)
def working_folder(tmp_path, monkeypatch) -> Path:
    """Every test runs in its own tmp_path, so a relative path a test or a command writes to
    lands there, never in the checkout (a relative `--keys k` once left root keys in it)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def mini_library() -> Path:
    return MINI


@pytest.fixture
def library_copy(tmp_path: Path) -> Path:
    """A writable copy of the small test library, to break on purpose."""
    target = tmp_path / "library"
    shutil.copytree(MINI, target)
    return target


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m briefing_app` as a user would, capturing its output; in the test's
    working folder unless `cwd` is given."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "-m", "briefing_app", *args], capture_output=True,
                          text=True, cwd=cwd or Path.cwd(), env=env, timeout=120)


@pytest.fixture
def cli():
    return run_cli
