"""An app killed while autosaving, many times over, always leaves a restorable autosave."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QCoreApplication

from briefing_app.gui.autosave import Autosaver

WRITER = """
import sys
from PySide6.QtCore import QCoreApplication
from briefing_app.core.brief import Brief, Meeting
from briefing_app.gui.autosave import Autosaver
app = QCoreApplication([])
saver = Autosaver(sys.argv[1])
saver.start_session()
print("ready", flush=True)
for n in range(1, 10**9):
    saver.schedule(Brief(country="IT", meeting=Meeting(title=f"edit {n}", purpose="x" * 90_000)), None)
    saver.flush()
"""


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
def test_every_killed_autosave_session_is_recovered_whole(tmp_path, qapp):
    assert QCoreApplication.instance() is qapp
    folder = tmp_path / "appdata"
    titles = []
    for n in range(10):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE, text=True,
                                  env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(0.05 + 0.03 * n)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        recovery = Autosaver(folder).find_recovery()
        assert recovery is not None, "a crashed session with edits must be offered back"
        assert recovery.brief.meeting.title.startswith("edit ")
        assert recovery.brief.meeting.purpose == "x" * 90_000
        titles.append(recovery.brief.meeting.title)
        Autosaver(folder).forget(recovery)
    assert len(set(titles)) > 1, "the kills should land at different moments"
