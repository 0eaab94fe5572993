"""A post's computer loses power or the app is killed during an install: whatever the moment,
the library still loads, and it is one whole version (the old or the new), never a mix.

Each install runs in a child process started from a forkserver that has already imported the
app (so a child starts in milliseconds, not a second); the child says when its work begins, and
is killed with SIGKILL after a random delay spread over an uninterrupted install's duration.
The test also shows that the kills do interrupt installs (most children die by the signal,
several while their files are being verified and written), and a control runs the same kills
on an installer that replaces each file atomically but not the library as a whole: the check
finds the mix.
"""

from __future__ import annotations

import multiprocessing
import random
import re
import shutil
import signal
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing_app.core.library_config import LibraryConfig
from briefing_app.core.update_keys import new_keys
from briefing_app.core.update_publisher import publish
from briefing_app.core.update_store import current_version, installed

from .update_kill_child import nothing, run_install, run_naive_install

POINTS = 300
KILLS = 24
CONTROLS = 10
PRELOAD = ["tests.update_kill_child", "briefing_app.__main__", "briefing_app.commands.updates",
           "briefing_app.core.update_client", "briefing_app.core.library", "tuf.ngclient"]


def make_library(base: Path, folder: Path, version: int) -> None:
    """The small test library plus POINTS generated points, each saying which version it is."""
    shutil.copytree(base, folder, dirs_exist_ok=True)
    model = (base / "points" / "state-compulsion" / "compulsion-law.toml").read_text(encoding="utf-8")
    for number in range(POINTS):
        text = re.sub(r'(?m)^text = ".*"$', f'text = "MARKER-V{version} generated point {number}."', model)
        text = text.replace('id = "compulsion-law"', f'id = "gen-{number:04d}"')
        (folder / "points" / "state-compulsion" / f"gen-{number:04d}.toml").write_text(text, encoding="utf-8")


def state(data: Path, base: Path) -> str:
    """'v1' or 'v2' when the library in use is whole; otherwise what is wrong with it."""
    library = LibraryConfig(data, builtin=base).load()
    if library.errors:
        return "does not load: " + str(library.errors[0])
    markers = {re.search(r"MARKER-V(\d)", p.text)[1] for p in library.points.values()
               if p.id.startswith("gen-")}
    count = sum(p.id.startswith("gen-") for p in library.points.values())
    release = installed(data)
    if count != POINTS or len(markers) != 1:
        return f"mixed: {count} generated points, versions {sorted(markers)}"
    if release is None or str(release.version) != markers.pop():
        return "the release record and the files disagree"
    return f"v{release.version}"


def moment(data: Path) -> str:
    """How far an install had gone when it stopped: 'before' anything was staged, 'verifying'
    (files being verified and written), 'committing' (all staged, flushing to disk), 'moved'
    (version 2 in place, not yet in use), 'switched'."""
    updates = data / "library-updates"
    if current_version(data) == 2:
        return "switched"
    if (updates / "versions" / "2").exists():
        return "moved"
    staging = next(updates.glob("staging-*"), None)
    if staging is None:
        return "before"
    return "committing" if (staging / "release.json").exists() else "verifying"


@dataclass(frozen=True)
class Run:
    killed: bool  # the child died by SIGKILL (it had not finished)
    moment: str
    outcome: str


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """Keys, v1 installed in a pristine data folder, v2 published in the repository."""
    from briefing_app.core.update_client import stage
    from briefing_app.core.update_store import commit

    root = tmp_path_factory.mktemp("kill")
    base = Path(__file__).parent / "data" / "mini"
    keys, repo, pristine = root / "keys", root / "repo", root / "pristine"
    new_keys(keys, "Test HQ")
    make_library(base, root / "v1", 1)
    publish(root / "v1", keys, repo)
    staged = stage(repo, pristine, keys / "root.json")
    commit(pristine, staged.staging, staged.release)
    make_library(base, root / "v2", 2)
    publish(root / "v2", keys, repo)
    assert state(pristine, base) == "v1"
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    warm = context.Process(target=nothing)  # starts the forkserver, which imports PRELOAD
    warm.start()
    warm.join(60)
    return root, base, keys, repo, pristine, context


def kill_at_random(setup, target, runs: int, seed: int) -> list[Run]:
    """The library's state after each of `runs` kills, after one uninterrupted run has timed
    the installer from the moment its work began."""
    root, base, keys, repo, pristine, context = setup
    data = root / "data"

    def start():
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(pristine, data, symlinks=True)
        started = context.Event()
        child = context.Process(target=target, args=(str(repo), str(data), str(keys / "root.json"), started))
        child.start()
        assert started.wait(60), "the installer never started"
        return child

    child = start()
    began = time.perf_counter()
    child.join(60)
    duration = time.perf_counter() - began
    assert child.exitcode == 0
    rng = random.Random(seed)
    done = []
    for _ in range(runs):
        child = start()
        time.sleep(rng.uniform(0, 1.2 * duration))  # a few land after the switch too
        child.kill()  # SIGKILL: no clean-up runs
        child.join(10)
        done.append(Run(child.exitcode == -signal.SIGKILL, moment(data), state(data, base)))
    print(f"{target.__name__}: {duration:.3f} s uninterrupted; killed {sum(r.killed for r in done)} "
          f"of {runs}; moments {_count(r.moment for r in done)}; outcomes {_count(r.outcome for r in done)}")
    return done


def _count(values) -> dict[str, int]:
    values = list(values)
    return {value: values.count(value) for value in sorted(set(values))}


def interrupting(setup, target, runs: int, seed: int, enough) -> list[Run]:
    """Rounds of kills until `enough` says they interrupted the installer as they should (up
    to three rounds: on a busy machine one timed run can mislead the kills' timing)."""
    done: list[Run] = []
    for round_ in range(3):
        done += kill_at_random(setup, target, runs, seed=seed + round_)
        if enough(done):
            break
    return done


def _stopped_mid_install(done: list[Run]) -> bool:
    interrupted = [r for r in done if r.killed]
    return (len(interrupted) >= len(done) // 2  # the kills did stop installs part-way
            and sum(r.moment == "verifying" for r in interrupted) >= 3)  # mid-file, not only before


def test_a_kill_at_any_moment_leaves_a_whole_library(setup):
    done = interrupting(setup, run_install, KILLS, 16, _stopped_mid_install)
    assert {r.outcome for r in done} <= {"v1", "v2"}, done
    assert _stopped_mid_install(done), done
    root, base, keys, repo, _pristine, context = setup
    data = root / "data"
    started = context.Event()
    child = context.Process(target=run_install, args=(str(repo), str(data), str(keys / "root.json"), started))
    child.start()
    child.join(60)
    assert child.exitcode == 0 and state(data, base) == "v2"  # the next install completes
    assert not list((data / "library-updates").glob("staging-*"))
    assert sorted(p.name for p in (data / "library-updates" / "versions").iterdir()) in (
        ["1", "2"], ["2"])


def test_control_the_same_kills_catch_an_installer_that_is_not_atomic(setup):
    def caught(done: list[Run]) -> bool:
        return any(r.killed and r.outcome.startswith("mixed") for r in done)

    done = interrupting(setup, run_naive_install, CONTROLS, 17, caught)
    assert caught(done), done
