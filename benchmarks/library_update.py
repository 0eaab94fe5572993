"""Signed library updates: installing a 2,000-point update at a post, and the window's start-up
with an update installed against the same start-up without one.

Run by hand:  uv run python benchmarks/library_update.py [--repeat N]   (start-up needs Xvfb)

Install: `briefing-app library install REPO --trust root.json`, the whole command, into a fresh
user data folder each time (TUF verifies the metadata and all 2,000-odd files, the library is
loaded once to check this app can read it, then moved into place). The baseline, in the same
run and taking turns, is a process that loads the same library from its folder: the least an
install that checks what it installs can cost.

Start-up: the console script on Xvfb (startup.py's method), opening a typical brief, for two
officers' accounts that differ only in an installed update (the built-in library, published
and installed as update 1); the two take turns.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOAD = "import sys; from briefing_app.core.library import load_library; load_library([sys.argv[1]])"


def _command(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one command (the CPU figure is the steadier one on a
    shared machine)."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return seconds, (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)


def publish_library(library: Path, folder: Path) -> tuple[Path, Path]:
    """Keys and a repository holding `library` as update 1."""
    from briefing_app.core.update_keys import new_keys
    from briefing_app.core.update_publisher import publish

    keys, repo = folder / "keys", folder / "repo"
    new_keys(keys, "Benchmark HQ")
    publish(library, keys, repo)
    return keys, repo


def install_rows(repeat: int) -> list[tuple[str, ...]]:
    from library_check import grow

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        library = grow(folder, 2000, 20, 4, False)
        points = len(list(library.glob("points/*/*.toml")))
        keys, repo = publish_library(library, folder)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        install = [sys.executable, "-m", "briefing_app", "library", "install", str(repo),
                   "--trust", str(keys / "root.json")]
        load = [sys.executable, "-c", LOAD, str(library)]
        installs, loads = [], []
        for n in range(repeat + 1):  # the first round warms the file cache for both
            data = folder / f"data-{n}"
            seconds = _command(install, {**env, "BRIEFING_APP_DATA": str(data)})
            baseline = _command(load, env)
            shutil.rmtree(data)
            if n:
                installs.append(seconds)
                loads.append(baseline)
    rows = []
    for index, label, target in ((0, f"install a {points:,}-point library update (whole command)", "< 3 s"),
                                 (1, "  CPU seconds used by the install", "")):
        install_s = statistics.median(run[index] for run in installs)
        load_s = statistics.median(run[index] for run in loads)
        rows.append((label, f"{install_s:.2f} s", f"load the same library {load_s:.2f} s",
                     f"{install_s / load_s:.2f}x", target))
    return rows


def startup_rows(repeat: int) -> list[tuple[str, ...]]:
    import startup
    from run import typical_brief

    with tempfile.TemporaryDirectory() as tmp, startup.Screen() as screen:
        folder = Path(tmp)
        brief = typical_brief(folder)
        plain, updated = startup.user_env(folder / "plain"), startup.user_env(folder / "updated")
        keys, repo = publish_library(ROOT / "talking_points", folder)
        data = Path(updated["XDG_DATA_HOME"]) / "Briefing Builder" / "Briefing Builder"
        _command([sys.executable, "-m", "briefing_app", "library", "install", str(repo), "--trust",
                  str(keys / "root.json")], {**os.environ, "PYTHONPATH": str(ROOT), "BRIEFING_APP_DATA": str(data)})
        app = [str(startup.console_script()), str(brief)]
        title = f"{brief.name} — Briefing Builder"
        runs: dict[str, list[tuple[float, ...]]] = {"plain": [], "updated": []}
        for n in range(repeat + 1):  # the first round builds each account's library cache
            for name, env in (("plain", plain), ("updated", updated)):
                moments = startup.timed_start(app, env, screen.display, title)
                if n:
                    runs[name].append(moments)
    rows = []
    for index, label, target in ((0, "start-up to the first frame", "<= 1.05x"),
                                 (1, "start-up to the brief open and editable", "<= 1.05x"),
                                 (2, "  CPU seconds used by the first frame", ""),
                                 (3, "  CPU seconds used by the brief open", "")):
        without = statistics.median(r[index] for r in runs["plain"])
        with_update = statistics.median(r[index] for r in runs["updated"])
        rows.append((f"{label}, update installed", f"{with_update:.2f} s", f"no update {without:.2f} s",
                     f"{with_update / without:.2f}x", target))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--skip-startup", action="store_true", help="only the install (no Xvfb)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from run import HEADER, print_table

    rows = install_rows(args.repeat)
    if not args.skip_startup:
        rows += startup_rows(args.repeat)
    print_table([HEADER, *rows])
    return 0


if __name__ == "__main__":
    sys.exit(main())
