"""A post's computer loses power or the app is killed during an install: whatever the moment,
the library still loads, and it is one whole version (the old or the new), never a mix.

Each install runs in a child process started from a forkserver that has already imported the
app (so a child starts in milliseconds, not a second), and is killed with SIGKILL after a
random delay spread over an uninterrupted install's duration. A control runs the same harness
on a naive installer that copies the new files over the old ones: the check catches it.
"""

from __future__ import annotations

import multiprocessing
import random
import re
import shutil
import time
from pathlib import Path

import pytest

from briefing_app.core.library_config import LibraryConfig
from briefing_app.core.update_keys import new_keys
from briefing_app.core.update_publisher import publish
from briefing_app.core.update_store import installed

from .update_kill_child import nothing, run_install, run_naive_install

POINTS = 300
KILLS = 24
CONTROLS = 8
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


def kill_at_random(setup, target, runs: int, seed: int) -> list[str]:
    """The library's state after each of `runs` kills, after one uninterrupted run has timed
    the installer."""
    root, base, keys, repo, pristine, context = setup
    data = root / "data"

    def start():
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(pristine, data, symlinks=True)
        child = context.Process(target=target, args=(str(repo), str(data), str(keys / "root.json")))
        child.start()
        return child

    child = start()
    began = time.perf_counter()
    child.join(60)
    duration = time.perf_counter() - began
    assert child.exitcode == 0
    rng = random.Random(seed)
    outcomes = []
    for _ in range(runs):
        child = start()
        time.sleep(rng.uniform(0, 1.2 * duration))  # a few land after the switch too
        child.kill()  # SIGKILL: no clean-up runs
        child.join(10)
        outcomes.append(state(data, base))
    print(f"{target.__name__}: {duration:.3f} s uninterrupted; after kills: "
          f"{ {o: outcomes.count(o) for o in set(outcomes)} }")
    return outcomes


def test_a_kill_at_any_moment_leaves_a_whole_library(setup):
    outcomes = kill_at_random(setup, run_install, KILLS, seed=16)
    assert set(outcomes) <= {"v1", "v2"}, outcomes
    root, base, keys, repo, _pristine, context = setup
    data = root / "data"
    child = context.Process(target=run_install, args=(str(repo), str(data), str(keys / "root.json")))
    child.start()
    child.join(60)
    assert child.exitcode == 0 and state(data, base) == "v2"  # the next install completes
    assert not list((data / "library-updates").glob("staging-*"))
    assert sorted(p.name for p in (data / "library-updates" / "versions").iterdir()) in (
        ["1", "2"], ["2"])


def test_control_the_check_catches_an_installer_that_is_not_atomic(setup):
    outcomes = kill_at_random(setup, run_naive_install, CONTROLS, seed=17)
    assert any(not o.startswith("v") for o in outcomes), outcomes
