"""Start-up as the officer sees it: the installed `briefing-app` console script on a real X
server, against a bare PySide6 window started the same way in the same run.

Run by hand:  uv run python benchmarks/startup.py [--repeat N]   (needs Xvfb: apt-get install xvfb)

Each run starts a process on a fresh Xvfb screen (found with -displayfd) under the xcb platform
and watches the server from outside (xwatch.py): the first frame is the first drawing on the
screen after the process maps its window; "brief open and editable" is the first drawing after
the window's title names the brief (the title changes when the panels are attached and the brief
opens). The commands take turns, so a busy spell on the machine hits all alike. The CPU
seconds each process had used by then are printed too: on a busy machine they move less than
the wall clock.

The app's measured starts are the officer's everyday start: one after a session that ran long
enough to check the library, which keeps what the templates say for each country and carrier in
the library cache (core/rendered.py). So the benchmark first runs one such session and waits
for the cache to hold them. A start after a session that ended within a second or two, before
its check (or the first after an update), renders the brief's templates while it opens: that is
measured too, from a copy of the cache as the first start left it ("templates not yet kept").

A third command is the floor under the app's design: the bare window, then what any window on
this data needs before the officer can type (pydantic with the library's models from the same
cache, the brief read and validated, the `Qt` namespace, and three plain panels listing the
points, countries and meeting fields). The app can come no nearer the bare window than this.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from xwatch import Watcher

ROOT = Path(__file__).resolve().parent.parent
SCREEN = "1366x768"  # a laptop's screen: the app fills it, and so does the bare window
TIMEOUT = 60.0

FRAME = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("{title}")
window.setGeometry(app.primaryScreen().availableGeometry())
window.show()
"""
BARE_WINDOW = FRAME.format(title="bare") + "app.exec()\n"

FLOOR_WINDOW = FRAME.format(title="floor") + """
from pathlib import Path
from PySide6.QtCore import QTimer

def fill():
    from PySide6 import QtWidgets as W
    from PySide6.QtCore import Qt
    from briefing_app.core.brief_file import load_brief
    from briefing_app.core.library_config import LibraryConfig
    from briefing_app.core.paths import user_data_folder
    config = LibraryConfig(user_data_folder())
    library = config.load(cache=config.cache_file)
    brief = load_brief(Path(sys.argv[1]))
    tree = W.QTreeWidget()
    tree.setHeaderLabels(["Library point", "Recommended because", "Written for"])
    for point in library.points.values():
        item = W.QTreeWidgetItem(tree, [point.title, "", ""])
        item.setCheckState(0, Qt.Checked if any(c.id == point.id for c in brief.points) else Qt.Unchecked)
    countries = W.QComboBox()
    countries.addItems([c.name for c in library.countries.values()])
    left = W.QWidget()
    column = W.QVBoxLayout(left)
    for widget in (countries, tree, W.QListWidget()):
        column.addWidget(widget)
    form = W.QWidget()
    rows = W.QFormLayout(form)
    rows.addRow("Title", W.QLineEdit(brief.meeting.title))
    for n in range(11):
        rows.addRow(f"Field {n}", W.QLineEdit())
    split = W.QSplitter(Qt.Horizontal)
    for widget in (left, form, W.QScrollArea()):
        split.addWidget(widget)
    window.setCentralWidget(split)
    window.setWindowTitle("floor ready")

QTimer.singleShot(0, fill)
app.exec()
"""


def console_script() -> Path:
    """The `briefing-app` that `pip install` or `uv sync` put next to this Python."""
    script = Path(sysconfig.get_path("scripts")) / ("briefing-app.exe" if os.name == "nt" else "briefing-app")
    if not script.is_file():
        sys.exit(f"no console script at {script}: install the app first (uv sync)")
    return script


class Screen:
    """A private Xvfb for the whole benchmark."""

    def __enter__(self) -> Screen:
        if shutil.which("Xvfb") is None:
            sys.exit("Xvfb is not installed (apt-get install xvfb)")
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN}x24", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as numbers:  # the server writes its display number once it is ready
            self.display = f":{numbers.readline().strip()}"
        return self

    def __exit__(self, *exc) -> None:
        self.server.terminate()
        self.server.wait()


def cpu_seconds(pid: int) -> float:
    """CPU time the process has used so far, all threads (Linux): steadier than the wall clock
    on a busy machine, so it shows what a change saves."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_start(args: list[str], env: dict[str, str], display: str,
                ready_title: str | None) -> tuple[float, float, float, float]:
    """Seconds from starting `args` to its first frame, and to the first frame after its title
    becomes `ready_title` (0 when None); then the CPU seconds used by each of those moments."""
    watcher = Watcher(display)
    start = time.monotonic()
    process = subprocess.Popen(args, env={**env, "DISPLAY": display}, cwd=env["HOME"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    mapped = first = ready = titled = first_cpu = ready_cpu = 0.0
    try:
        for moment in watcher.moments(start + TIMEOUT):
            if moment.what == "map":
                mapped = mapped or moment.at
            if moment.what in ("map", "title") and ready_title and moment.title == ready_title:
                titled = titled or moment.at
            elif moment.what == "damage" and mapped:  # not the last run's window going away
                if not first:
                    first, first_cpu = moment.at - start, cpu_seconds(process.pid)
                if titled and moment.at >= titled:
                    ready, ready_cpu = moment.at - start, cpu_seconds(process.pid)
            if first and (ready or not ready_title):
                break
    finally:
        process.terminate()
        _, errors = process.communicate()
        watcher.close()
    if not first or (ready_title and not ready):
        sys.exit(f"no {'frame' if not first else 'ready window'} within {TIMEOUT:.0f} s from {args}:\n"
                 f"{errors.decode(errors='replace')[-2000:]}")
    return first, ready, first_cpu, ready_cpu


def user_env(home: Path) -> dict[str, str]:
    """A fresh officer's account: settings, data folder and caches of its own."""
    for sub in (".config", ".local/share", ".cache", "run"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    os.chmod(home / "run", 0o700)
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TZ")}
    return {**keep, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(home / "run"), "QT_QPA_PLATFORM": "xcb"}


def cache_file(env: dict[str, str]) -> Path:
    """The library cache the app writes for this account (core/library_config.py)."""
    from briefing_app.core.library_config import LibraryConfig
    from briefing_app.core.paths import user_data_folder

    saved = os.environ.copy()
    os.environ.update(env)
    try:
        return LibraryConfig(user_data_folder()).cache_file
    finally:
        os.environ.clear()
        os.environ.update(saved)


def kept_outcomes(cache: Path) -> int:
    """How many template outcomes the library cache holds (core/library_cache.py writes it as
    a pickle of (key, library)); 0 for a missing or unreadable file."""
    import pickle

    try:
        _, library = pickle.loads(cache.read_bytes())
        return len(library.rendered)
    except Exception:  # noqa: BLE001 - not written yet, or being replaced
        return 0


def prime(app: list[str], env: dict[str, str], display: str, title: str, cache: Path) -> None:
    """An officer's session long enough for the library check: it keeps what the templates say
    in the cache, which is what the next day's start reads."""
    process = subprocess.Popen(app, env={**env, "DISPLAY": display}, cwd=env["HOME"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, seen = time.monotonic() + TIMEOUT, cache.stat().st_mtime_ns
        while True:  # read the cache only when the app has written it again
            time.sleep(0.25)
            if cache.stat().st_mtime_ns != seen:
                seen = cache.stat().st_mtime_ns
                if kept_outcomes(cache):
                    break
            if time.monotonic() > deadline:
                sys.exit(f"the app did not keep its template outcomes in {cache} within {TIMEOUT:.0f} s")
    finally:
        process.terminate()
        process.wait()


KEYS = ("bare", "first", "ready", "cold", "floor")


def measure(brief: Path, repeat: int) -> dict[str, list[float]]:
    """Per-run seconds: the bare window's first frame, the app's first frame and its brief
    ready (everyday), the brief ready with the templates not yet kept, the floor's panels
    ready; and the CPU seconds of each."""
    runs: dict[str, list[float]] = {k: [] for key in KEYS for k in (key, f"{key} cpu")}
    with tempfile.TemporaryDirectory() as tmp, Screen() as screen:
        env = user_env(Path(tmp))
        cache = cache_file(env)
        bare = [sys.executable, "-c", BARE_WINDOW]
        app = [str(console_script()), str(brief)]
        title = f"{brief.name} — Briefing Builder"
        floor = [sys.executable, "-c", FLOOR_WINDOW, str(brief)]
        timed_start(bare, env, screen.display, None)  # warm the file cache for all
        timed_start(app, env, screen.display, title)  # and write the library cache the floor reads
        if not cache.is_file() or kept_outcomes(cache):
            sys.exit(f"expected the first start to write {cache} without template outcomes")
        cold = Path(tmp) / "cache-templates-not-kept"
        warm = Path(tmp) / "cache-everyday"
        shutil.copyfile(cache, cold)
        prime(app, env, screen.display, title, cache)
        shutil.copyfile(cache, warm)
        timed_start(floor, env, screen.display, "floor ready")
        for _ in range(repeat):
            bare_first, _, bare_cpu, _ = timed_start(bare, env, screen.display, None)
            runs["bare"].append(bare_first)
            runs["bare cpu"].append(bare_cpu)
            shutil.copyfile(warm, cache)
            for key, value in zip(("first", "ready", "first cpu", "ready cpu"),
                                  timed_start(app, env, screen.display, title), strict=True):
                runs[key].append(value)
            shutil.copyfile(cold, cache)
            _, cold_ready, _, cold_cpu = timed_start(app, env, screen.display, title)
            runs["cold"].append(cold_ready)
            runs["cold cpu"].append(cold_cpu)
            shutil.copyfile(warm, cache)
            _, floor_ready, _, floor_cpu = timed_start(floor, env, screen.display, "floor ready")
            runs["floor"].append(floor_ready)
            runs["floor cpu"].append(floor_cpu)
    return runs


def rows(brief: Path, repeat: int) -> list[tuple[str, str, str, str, str]]:
    runs = measure(brief, repeat)
    median = {k: statistics.median(v) for k, v in runs.items()}
    bare, bare_cpu = median["bare"], median["bare cpu"]
    baseline = f"bare PySide6 window {bare:.2f} s"
    cpu_baseline = f"bare PySide6 window {bare_cpu:.2f} s"
    labels = {"first": ("start-up to the first frame (briefing-app, Xvfb)", "<= 1.5x"),
              "ready": ("start-up to the brief open and editable", "<= 2.5x"),
              "cold": ("  the same, templates not yet kept (a session ended before its check)", ""),
              "floor": ("  floor: pydantic, cached library, brief, plain panels", "")}
    wall = [(label, f"{median[k]:.2f} s", baseline, f"{median[k] / bare:.2f}x", target)
            for k, (label, target) in labels.items()]
    moments = {"first": "first frame", "ready": "brief open", "cold": "brief open, templates not kept",
               "floor": "floor"}
    cpu = [(f"  CPU seconds used by the {moment}", f"{median[f'{k} cpu']:.2f} s", cpu_baseline,
            f"{median[f'{k} cpu'] / bare_cpu:.2f}x", "") for k, moment in moments.items()]
    return wall + cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10, help="runs per figure (median)")
    parser.add_argument("brief", nargs="?", type=Path, help="a .brief to open (default: a typical one)")
    args = parser.parse_args()
    from run import HEADER, print_table, typical_brief

    # as installed, from compiled bytecode (see run.py): a shell with PYTHONDONTWRITEBYTECODE
    # set would otherwise recompile every module changed since the last compile on every start
    subprocess.run([sys.executable, "-m", "compileall", "-qq", "-j0", str(ROOT / "briefing_app"),
                    sysconfig.get_paths()["purelib"]], check=False)

    with tempfile.TemporaryDirectory() as tmp:
        brief = args.brief.resolve() if args.brief else typical_brief(Path(tmp))
        print_table([HEADER, *rows(brief, args.repeat)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
