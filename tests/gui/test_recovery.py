"""Crash recovery that always works: a session lock the system releases when the app dies (so a
reused process id hides nothing), every change on disk within a second and at once when the
window loses focus, and a question that says when the autosave was written and what it holds,
with Not Now (offered again next time) and Discard."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import stat
import subprocess
import sys
import time

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from briefing_app.core.session_lock import SessionLock
from briefing_app.gui import dialogs
from briefing_app.gui.dialogs import ask_restore as real_ask_restore
from tests.gui.modal import answer_next_question
from tests.gui.test_files import a_brief

CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from briefing_app.app import start
from briefing_app.gui.settings import AppSettings
from briefing_app.gui.tasks import SyncRunner
app = QApplication([])
data, library, settings = (Path(a) for a in sys.argv[1:4])
window = start(None, AppSettings(QSettings(str(settings), QSettings.IniFormat)), data, SyncRunner(), library)
window.show()
QTest.keyClicks(window.meeting_form.title, "Typed just before the crash")
print("typed", flush=True)
app.exec()
"""


def crash(window):
    """What the system does when the app dies: its files close, and nothing else happens."""
    os.close(window.autosaver._lock._fd)
    shiboken6.delete(window)


def appdata_files(tmp_path):
    return {p.name.split("-")[0] for p in (tmp_path / "appdata").iterdir() if "cache" not in p.name}


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
def test_an_app_killed_after_typing_offers_the_typing_back_a_second_later(qtbot, make_window, tmp_path,
                                                                     library_dir, settings_file, monkeypatch):
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "appdata"), str(library_dir), str(settings_file)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert child.stdout.readline().strip() == "typed"
    written = list((tmp_path / "appdata").glob("autosave-*.brief"))
    deadline = time.monotonic() + 20  # within a second by design (AUTOSAVE_DELAY_MS); a slow
    while not written and time.monotonic() < deadline:  # machine gets longer, not a timing test
        time.sleep(0.05)
        written = list((tmp_path / "appdata").glob("autosave-*.brief"))
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    time.sleep(1.0)  # restarted a second later, its process id perhaps not yet reused

    monkeypatch.setattr(dialogs, "ask_restore", real_ask_restore)
    seen = []
    answer_next_question(qtbot, seen)  # Enter: Restore
    window = make_window()
    today = dt.date.today()
    assert f"Autosaved {today:%A %d %B %Y}" in seen[0]
    assert "a brief never saved" in seen[0]
    assert "Typed just before the crash — no country yet, 0 points." in seen[0]
    assert window.meeting_form.title.text() == "Typed just before the crash"
    assert window.isWindowModified()


def test_the_autosave_is_private_and_restored(qtbot, make_window, tmp_path,
                                                                       monkeypatch):
    saved = a_brief(tmp_path / "rome.brief")
    window = make_window(saved)
    window.meeting_form.title.setFocus()
    window.meeting_form.title.end(False)
    qtbot.keyClicks(window.meeting_form.title, " (draft 2)")
    autosave = window.autosaver.brief_file
    assert autosave.parent == tmp_path / "appdata"
    qtbot.waitUntil(autosave.exists, timeout=5000)  # the tests build previews on this thread
    if os.name == "posix":
        assert stat.S_IMODE(autosave.stat().st_mode) == 0o600
    os.utime(saved, (1, 1))  # the saved file is older than the autosave
    crash(window)

    monkeypatch.setattr(dialogs, "ask_restore", real_ask_restore)
    seen = []
    answer_next_question(qtbot, seen, "&Restore")
    again = make_window()
    assert "unsaved changes to rome.brief" in seen[0]
    assert "Rome meeting (draft 2) — Italy / TIM, 2 points." in seen[0]
    assert again.meeting_form.title.text() == "Rome meeting (draft 2)"
    assert again.windowTitle().startswith("rome.brief")
    assert again.isWindowModified()
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: "discard")
    again.autosaver.flush()
    assert again.autosaver.brief_file.exists()  # the restored work is autosaved again at once
    again.close()
    assert appdata_files(tmp_path) == set()  # no autosave, marker or lock


def test_not_now_keeps_the_autosave_and_discard_deletes_it(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    qtbot.keyClicks(window.meeting_form.place, "Rome")
    window.autosaver.flush()
    crash(window)
    monkeypatch.setattr(dialogs, "ask_restore", real_ask_restore)
    seen = []
    answer_next_question(qtbot, seen, "&Not Now")
    later = make_window()
    assert later.controller.brief.meeting.place == ""
    assert "autosave" in appdata_files(tmp_path)
    later.close()

    answer_next_question(qtbot, seen, "&Not Now")  # offered again at the next start
    make_window().close()
    assert len(seen) == 2

    answer_next_question(qtbot, seen, "&Discard")
    make_window().close()
    assert appdata_files(tmp_path) == set()
    monkeypatch.setattr(dialogs, "ask_restore", dialogs.ask_unsaved)  # would fail if asked
    make_window().close()


def test_a_reused_process_id_hides_no_crash(qtbot, make_window, tmp_path, monkeypatch):
    """An old-style marker naming a live process (its id reused since) is still offered."""
    folder = tmp_path / "appdata"
    folder.mkdir()
    (folder / "session-old.json").write_text(json.dumps({"path": None, "pid": os.getppid()}))
    a_brief(folder / "autosave-old.brief", title="Lost before the reboot")
    asked = []
    monkeypatch.setattr(dialogs, "ask_restore", lambda parent, holds: asked.append(holds) or "restore")
    window = make_window()
    assert "Lost before the reboot" in asked[0]
    assert window.meeting_form.title.text() == "Lost before the reboot"


def test_another_running_copy_keeps_its_autosave(qtbot, make_window, tmp_path):
    folder = tmp_path / "appdata"
    folder.mkdir()
    lock = SessionLock(folder / "session-other.lock")
    assert lock.acquire()  # another window, running
    (folder / "session-other.json").write_text(json.dumps({"path": None}))
    a_brief(folder / "autosave-other.brief", title="Still being edited elsewhere")
    window = make_window()  # would fail on an unexpected restore question
    assert window.controller.brief.meeting.title == ""
    window.close()
    assert (folder / "autosave-other.brief").exists()
    lock.release()


def test_losing_focus_writes_the_autosave_at_once(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.meeting_form.place.setFocus()
    qtbot.keyClicks(window.meeting_form.place, "Rome")
    assert not window.autosaver.brief_file.exists()
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    assert window.autosaver.brief_file.exists()  # before any timer could have run
    assert "Rome" in window.autosaver.brief_file.read_text()
    qtbot.keyClick(other, Qt.Key_Escape)
