"""Speed and memory figures for Briefing Builder, each against a baseline measured in the same run.

Run by hand (not part of the test suite):  uv run python benchmarks/run.py [--repeat N]

Every figure is a ratio to something simpler done on the same machine a moment earlier, so the
table holds on a fast desktop and a slow laptop alike. Targets come from the packaging issue.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

import library_check
import startup

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}

RAW_REPORTLAB = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
pages, fonts = int(sys.argv[1]), sys.argv[3]
for name in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSerif", "DejaVuSerif-Bold"):
    pdfmetrics.registerFont(TTFont(name, f"{fonts}/{name}.ttf"))
pdfmetrics.registerFontFamily("DejaVuSerif", normal="DejaVuSerif", bold="DejaVuSerif-Bold")
styles = getSampleStyleSheet()
body, heading = styles["BodyText"], styles["Heading2"]
body.fontName, heading.fontName = "DejaVuSerif", "DejaVuSans-Bold"
text = "<b>Lorem ipsum.</b> " + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. " * 6
# A page like a brief's: a sans footer, a bold sans heading, serif paragraphs with a bold run-in.
def footer(canvas, doc):
    canvas.setFont("DejaVuSans", 8)
    canvas.drawString(72, 40, f"Lorem ipsum, page {doc.page}")
story = []
for page in range(pages):
    story += [Paragraph("Lorem ipsum dolor", heading)] + [Paragraph(text, body) for _ in range(6)]
    story.append(PageBreak())
SimpleDocTemplate(sys.argv[2], pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)
"""

TYPING = """
import resource, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit
from briefing_app.app import start
from briefing_app.gui.settings import AppSettings
from briefing_app.gui.tasks import ThreadRunner
app = QApplication(sys.argv[:1])
folder = Path(tempfile.mkdtemp())
settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.IniFormat))
window = start(Path(sys.argv[1]), settings, folder / "data", ThreadRunner())
window.resize(1366, 768)
window.show()
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    app.processEvents()
    if window.controller is not None and window.preview.pdf_bytes:
        break
first = window.controller.brief.points[0].id
window.tabs.setCurrentWidget(window.point_editor)
window.point_editor.show_point(first)
editor = window.point_editor.brief_text
editor.setFocus()
editor.moveCursor(editor.textCursor().MoveOperation.End)
QTest.qWait(300)  # the Point tab's first paint is not typing
gaps, clock = [], QElapsedTimer()
clock.start()
def tick():
    gaps.append(clock.restart())
beat = QTimer(interval=5)
beat.timeout.connect(tick)
beat.start()
for word in ("Officers ", "reword ", "points ", "while ", "the ", "preview ", "refreshes. ") * 4:
    for char in word:
        QTest.keyClick(editor, char)
        app.processEvents()
        QTest.qWait(60)
QTest.qWait(1500)
beat.stop()
typed = (window.controller.brief.points[0].text or "").rstrip()
assert typed.endswith("refreshes.") and window.preview.pdf_bytes, "typing did not reach the brief"
print(max(gaps) if gaps else -1, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def wall(commands: list[list[str]], repeat: int) -> list[float]:
    """Median wall-clock seconds of each command's whole process, the way an officer experiences
    it. The commands take turns, so a busy spell on the machine hits all alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for args, runs in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(args, cwd=ROOT, env=ENV, check=True, capture_output=True)
            runs.append(time.perf_counter() - start)
    return [statistics.median(runs) for runs in times]


def in_process(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def hundred_point_brief(folder: Path) -> Path:
    from briefing_app.core.brief import Brief, CustomPoint, PointChoice
    from briefing_app.core.brief_file import save_brief

    text = ("The security of a 5G network depends on every supplier in it, and the choice made "
            "now will shape the network for a decade or more. ") * 3
    customs = tuple(CustomPoint(id=f"custom-{n}", title=f"Point {n}", text=text, background=text,
                                releasable=True) for n in range(100))
    brief = Brief(country="IT", carrier="tim", custom_points=customs,
                  points=tuple(PointChoice(id=c.id) for c in customs))
    path = folder / "hundred.brief"
    save_brief(brief, path)
    return path


def typical_brief(folder: Path) -> Path:
    from briefing_app.core.brief import Brief, PointChoice
    from briefing_app.core.brief_file import save_brief
    from briefing_app.core.library import load_library
    from briefing_app.core.paths import builtin_library
    from briefing_app.core.recommend import recommended_ids

    library = load_library([builtin_library()])
    country = library.country("IT")
    carrier = country.carriers[0]
    ids = recommended_ids(library, country, carrier)
    path = folder / "typical.brief"
    save_brief(Brief(country="IT", carrier=carrier.id, points=tuple(PointChoice(id=i) for i in ids)),
               path)
    return path


def big_library(folder: Path, count: int = 2000) -> Path:
    """The built-in library with its points copied under new ids until there are `count`."""
    source = ROOT / "talking_points"
    target = folder / "library"
    shutil.copytree(source, target)
    originals = sorted((target / "points").glob("*/*.toml"))
    n = 0
    while len(list((target / "points").glob("*/*.toml"))) < count:
        original = originals[n % len(originals)]
        new_id = f"{original.stem}-copy-{n}"
        text = original.read_text(encoding="utf-8").replace(f'id = "{original.stem}"', f'id = "{new_id}"')
        (original.parent / f"{new_id}.toml").write_text(text, encoding="utf-8")
        n += 1
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args()
    rows: list[tuple[str, str, str, str, str]] = []
    python = sys.executable
    # An installed app runs from compiled bytecode (pip compiles on install, Python on first
    # import); compile here too, in case PYTHONDONTWRITEBYTECODE is set in this shell.
    packages = sysconfig.get_paths()["purelib"]
    subprocess.run([python, "-m", "compileall", "-qq", "-j0", str(ROOT / "briefing_app"), packages],
                   check=False)  # a few template files in PySide6 are not Python; skip them
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)

        rows += startup.rows(typical_brief(folder), args.repeat * 2)

        for label, brief in (("export, typical brief", typical_brief(folder)),
                             ("export, 100-point brief", hundred_point_brief(folder))):
            out = folder / "out.pdf"
            export = [python, "-m", "briefing_app", "export", str(brief), "-o", str(out)]
            subprocess.run(export, cwd=ROOT, env=ENV, check=True, capture_output=True)
            pages = pdf_pages(out)
            fonts = str(ROOT / "assets" / "fonts")
            raw_export = [python, "-c", RAW_REPORTLAB, str(pages), str(folder / "raw.pdf"), fonts]
            ours, raw = wall([export, raw_export], args.repeat * 2)
            assert pdf_pages(folder / "raw.pdf") == pages, "the raw baseline must write as many pages"
            rows.append((f"{label} ({pages} pages)", f"{ours:.2f} s",
                         f"raw ReportLab, {pages} pages in the same 4 fonts {raw:.2f} s",
                         f"{ours / raw:.2f}x", "<= 2x"))

        from briefing_app.core.library import load_library, toml

        library_dir = big_library(folder)
        files = sorted(library_dir.rglob("*.toml"))

        def parse_only() -> None:
            for path in files:
                toml.loads(path.read_text(encoding="utf-8"))

        parse = in_process(parse_only, args.repeat)
        load = in_process(lambda: load_library([library_dir]), args.repeat)
        count = len(load_library([library_dir]).points)
        rows.append((f"load and validate {count} points", f"{load:.3f} s",
                     f"parse the TOML only ({toml.__name__}) {parse:.3f} s",
                     f"{load / parse:.2f}x", "< 1 s and <= 4x"))

        result = subprocess.run([python, "-c", TYPING, str(typical_brief(folder))], cwd=ROOT, env=ENV,
                                capture_output=True, text=True)
        if result.returncode == 0:
            stall, peak = (int(x) for x in result.stdout.split()[-2:])
            rows.append(("longest UI stall while typing, preview on", f"{stall} ms", "5 ms heartbeat", "", "< 50 ms"))
            rows.append(("peak memory, brief and preview open", f"{peak} MB", "", "", "<= 300 MB"))
        else:
            rows.append(("typing and memory", "failed", result.stderr.strip().splitlines()[-1][:60], "", ""))

    rows += library_check.rows(max(1, args.repeat // 2))

    print_table([HEADER, *rows])
    print(json.dumps({"python": sys.version.split()[0], "cores": os.cpu_count()}))
    return 0


HEADER = ("measure", "figure", "baseline (same run)", "ratio", "target")


def print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in [rows[0], tuple("-" * w for w in widths), *rows[1:]]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)))

if __name__ == "__main__":
    sys.exit(main())
