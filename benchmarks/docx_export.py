"""Word export, whole process, against raw python-docx writing the same content in the same run.

Run by hand (not part of the test suite):  uv run python benchmarks/docx_export.py [--repeat N]

The app's run is the installed `briefing-app` console script exporting a saved brief to .docx,
as an officer would start it. The baseline is a plain python-docx script, a process of its
own, that writes the same paragraphs (text and style names) and tables, read out of the
app's own file, and saves it: the least any Word export of that content costs. The two take
turns, so a busy spell on the machine hits both. Wall-clock time is what the officer waits;
CPU time (user and system, of the whole process) is printed too, since on a shared machine
it moves far less from run to run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from run import ENV, ROOT, hundred_point_brief, print_table, typical_brief, wall

RAW_DOCX = """
import json, sys
import docx
content = json.loads(open(sys.argv[1], encoding="utf-8").read())
word = docx.Document()
names = {s.name for s in word.styles}
for kind, style, payload in content:
    if kind == "p":
        word.add_paragraph(payload, style=style if style in names else None)
    else:
        table = word.add_table(rows=len(payload), cols=len(payload[0]), style="Table Grid")
        for row, values in zip(table.rows, payload):
            for cell, value in zip(row.cells, values):
                cell.text = value
word.save(sys.argv[2])
"""


def content_of(path: Path) -> list:
    """The paragraphs (style, text) and tables (cell texts) of a .docx, in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    word = docx.Document(str(path))
    found: list = []
    for block in word.iter_inner_content():
        if isinstance(block, Paragraph):
            found.append(("p", block.style.name, block.text))
        elif isinstance(block, Table):
            found.append(("t", "", [[cell.text for cell in row.cells] for row in block.rows]))
    return found


def cpu(commands: list[list[str]], repeat: int) -> list[float]:
    """Median CPU seconds (user and system) of each command's whole process, taking turns."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for args, runs in zip(commands, times, strict=True):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(args, cwd=ROOT, env=ENV, check=True, capture_output=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            runs.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return [statistics.median(runs) for runs in times]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args()
    script = Path(sys.executable).parent / "briefing-app"  # the installed console script
    # as installed: from compiled bytecode (see run.py)
    subprocess.run([sys.executable, "-m", "compileall", "-qq", "-j0", str(ROOT / "briefing_app"),
                    sysconfig.get_paths()["purelib"]], check=False)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, brief in (("Word export, typical brief", typical_brief(folder)),
                             ("Word export, 100-point brief", hundred_point_brief(folder))):
            out, raw_out, content = folder / "out.docx", folder / "raw.docx", folder / "c.json"
            export = [str(script), "export", str(brief), "-o", str(out)]
            wall([export], 1)
            content.write_text(json.dumps(content_of(out)), encoding="utf-8")
            raw = [sys.executable, "-c", RAW_DOCX, str(content), str(raw_out)]
            ours, baseline = wall([export, raw], args.repeat * 2)
            ours_cpu, baseline_cpu = cpu([export, raw], args.repeat * 2)
            paragraphs = sum(1 for kind, _, _ in content_of(out) if kind == "p")
            assert paragraphs == sum(1 for kind, _, _ in content_of(raw_out) if kind == "p")
            rows.append((f"{label} ({paragraphs} paragraphs)", f"{ours:.2f} s",
                         f"raw python-docx, same content {baseline:.2f} s",
                         f"{ours / baseline:.2f}x", "<= 2x"))
            rows.append(("  the same, CPU time", f"{ours_cpu:.2f} s", f"{baseline_cpu:.2f} s",
                         f"{ours_cpu / baseline_cpu:.2f}x", "<= 2x"))
    print_table([("measure", "figure", "baseline (same run)", "ratio", "target"), *rows])
    print(json.dumps({"python": sys.version.split()[0], "cores": os.cpu_count()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
