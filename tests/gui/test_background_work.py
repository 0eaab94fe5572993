"""Work on a worker thread, and the window around it: results arrive on the UI thread while
the window that asked for them still exists, and no runner, window or PDF view takes the
app down when it goes."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import shiboken6
from PySide6.QtCore import Qt

from briefing_app.gui import dialogs, output_commands
from briefing_app.gui.tasks import ThreadRunner
from briefing_app.gui.widgets import preview

from ..conftest import ROOT
from .test_files import a_brief

DROPPED_RUNNERS = """
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication
from briefing_app.gui.tasks import ThreadRunner

app = QApplication([])
outcomes = []
for _ in range(20):
    runner = ThreadRunner()
    runner.run(lambda: 42, outcomes.append, outcomes.append)
    QThreadPool.globalInstance().waitForDone()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)  # the result arrives
    del runner  # its owner is gone, with whatever it left for later deletion
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
print("outcomes:", outcomes.count(42), flush=True)
"""


def test_a_runner_dropped_right_after_its_last_result_leaves_the_app_running(tmp_path):
    """A runner let go once its work reported back used to delete a Qt object twice (the
    segmentation fault in the window tests); in a child process, so a crash fails this test
    rather than ending the run."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", DROPPED_RUNNERS], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "outcomes: 20" in result.stdout


def slowly(function, seconds=0.5):
    def slow(*args, **kwargs):
        time.sleep(seconds)
        return function(*args, **kwargs)
    return slow


def ready_window(qtbot, make_window, tmp_path):
    """The officer's window as `run_app` makes it: library, preview and exports on workers."""
    window = make_window(a_brief(tmp_path / "rome.brief"), runner=ThreadRunner())
    qtbot.waitUntil(lambda: window.controller is not None and bool(window.preview.pdf_bytes), timeout=20_000)
    return window


def test_closing_while_an_export_is_written_reports_its_failure_first(qtbot, make_window, tmp_path, monkeypatch):
    window = ready_window(qtbot, make_window, tmp_path)
    target = tmp_path / "gone" / "brief.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    shown = []
    monkeypatch.setattr(dialogs, "show_faults", lambda parent, title, faults: shown.append((title, faults)))
    monkeypatch.setattr(output_commands, "_produce", slowly(output_commands._produce))
    window.export("officer")
    assert window.close()
    assert [title for title, _ in shown] == ["Cannot export"]  # not lost with the window
    assert str(target) in str(shown[0][1][0])


def test_deleting_the_window_while_the_preview_builds_leaves_nothing_behind(qtbot, make_window, tmp_path,
                                                                            monkeypatch):
    window = ready_window(qtbot, make_window, tmp_path)
    officer = window.preview.pdf_bytes
    monkeypatch.setattr(preview, "build_document", slowly(preview.build_document))
    qtbot.mouseClick(window.preview.handout, Qt.LeftButton)
    assert window.preview.status.text() == "Updating…"
    assert window.close()
    assert window.preview.pdf_bytes not in (b"", officer)  # the handout arrived before it closed
    assert window.preview.status.text() in ("1 page", "2 pages", "3 pages")
    shiboken6.delete(window)  # as when the app ends: its PDF view and drawing thread go too
    qtbot.wait(50)  # nothing is left to arrive at the deleted window

