"""The window's whole workflow runs with every Python-level network access refused."""

from __future__ import annotations

import os
import subprocess
import sys

from ..conftest import MINI, ROOT
from ..test_offline import GUARD
from .test_files import a_brief

WORKFLOW = GUARD + """
import os, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from briefing_app.app import start
from briefing_app.gui import dialogs
from briefing_app.gui.settings import AppSettings
from briefing_app.gui.tasks import ThreadRunner

brief, out, library = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
app = QApplication([])
window = start(brief, AppSettings(QSettings(str(out / "settings.ini"), QSettings.IniFormat)), out / "data",
               ThreadRunner(), library)
window.show()

def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out; attempts: {attempts}; status: {window.statusBar().currentMessage()}")
        app.processEvents()
        time.sleep(0.01)

wait_for(lambda: window.controller is not None)  # the library loads on a worker
wait_for(lambda: window.preview.pdf_bytes)
window.preview.handout.setChecked(True)
first = window.preview.pdf_bytes
wait_for(lambda: window.preview.pdf_bytes is not first)
window.meeting_form.title.setText("Offline check")
for variant in ("officer", "handout"):
    dialogs.ask_save_path = lambda *args, variant=variant, **kw: out / f"{variant}.pdf"
    window.export(variant)
    wait_for(lambda variant=variant: (out / f"{variant}.pdf").exists())
window.save_to(out / "saved.brief")
print("attempts:", attempts, flush=True)
os._exit(0)
"""


def test_the_window_workflow_never_touches_the_network(tmp_path):
    brief = a_brief(tmp_path / "rome.brief")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", WORKFLOW, str(brief), str(tmp_path), str(MINI)], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=120)
    assert "attempts: []" in result.stdout, result.stdout + result.stderr
    assert (tmp_path / "officer.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "handout.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "saved.brief").exists()
