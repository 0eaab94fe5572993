"""How soon the preview shows what the officer typed: from the last keystroke to the preview
showing a build of the brief with that keystroke in it, for a typical brief (Italy / TIM, the
recommended points), with the window as the officer runs it (worker threads, 1366x768).

Run by hand:  uv run python benchmarks/preview_latency.py [--runs N]

Baseline, in the same process: one build of the same brief (`produce`, warm), the least any
preview can take. Target (issue 17): at most 300 ms for a typical brief.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from run import typical_brief  # noqa: E402

WORDS = ("Officers ", "reword ", "points ", "while ", "the ", "preview ", "follows. ")


def wait_for(app: QApplication, done, limit: float = 30.0) -> float:
    """Seconds until `done()` holds, processing events meanwhile."""
    start = time.perf_counter()
    while not done():
        if time.perf_counter() - start > limit:
            raise TimeoutError("the preview did not catch up")
        app.processEvents()
        time.sleep(0.001)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="words typed, one latency each")
    args = parser.parse_args()
    from briefing_app.app import start
    from briefing_app.core.produce import produce
    from briefing_app.gui.settings import AppSettings
    from briefing_app.gui.tasks import ThreadRunner

    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.IniFormat))
    window = start(typical_brief(folder), settings, folder / "data", ThreadRunner())
    window.resize(1366, 768)
    window.show()
    wait_for(app, lambda: window.controller is not None and bool(window.preview.pdf_bytes))
    shown = []
    window.preview.rendered.connect(lambda *_: shown.append((time.perf_counter(), window.preview.shown_brief)))
    first = window.controller.brief.points[0].id
    window.point_editor.show_point(first)
    window.tabs.setCurrentWidget(window.point_editor)
    editor = window.point_editor.brief_text
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QTest.qWait(500)

    latencies = []
    for word in (WORDS * 3)[:args.runs]:
        for char in word[:-1]:  # a quick typist: a key every 80 ms
            QTest.keyClick(editor, char)
            QTest.qWait(80)
        QTest.keyClick(editor, word[-1])
        typed_at, wanted = time.perf_counter(), window.controller.brief  # the last keystroke
        wait_for(app, lambda wanted=wanted: shown and shown[-1][1] == wanted)
        latencies.append(shown[-1][0] - typed_at)
        QTest.qWait(400)

    library, brief = window.controller.library, window.controller.brief
    builds = []
    for _ in range(5):
        begin = time.perf_counter()
        produce(library, brief, "officer", "pdf", name="this brief")
        builds.append(time.perf_counter() - begin)
    window.runner.wait()
    latency, build = statistics.median(latencies), statistics.median(builds)
    pages = window.preview.document.pageCount()
    print(f"typical brief: {len(brief.points)} points, {pages} pages")
    within = sum(t <= 0.3 for t in latencies)
    print(f"last keystroke to the preview showing it: median {latency * 1000:.0f} ms, "
          f"max {max(latencies) * 1000:.0f} ms, {within} of {len(latencies)} words within 300 ms "
          f"(target <= 300 ms)")
    print(f"baseline, one build of the brief in this process: {build * 1000:.0f} ms; "
          f"ratio {latency / build:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
