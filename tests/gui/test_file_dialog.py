"""The file dialogs never freeze on special files. To choose an icon, Qt's own dialog (used
where the desktop has none) guessed each file's type from its first bytes, and reading
/proc/kmsg as root waits for the next kernel message: typing "/proc" in the Open dialog froze
the app. The dialogs run in a child process, so a freeze fails the test instead of hanging the
suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QFileInfo, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from briefing_app.gui import dialogs
from briefing_app.gui.file_dialog import file_dialog

app = QApplication([])
folder, special = sys.argv[1], sys.argv[2]
icons = file_dialog(None, "Open Brief", folder).iconProvider()
print("type:", icons.type(QFileInfo(special)), flush=True)
icons.icon(QFileInfo(special))

def answer():
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        QTimer.singleShot(20, answer)
        return
    print("shown", flush=True)
    dialog.setDirectory(os.path.dirname(special))  # as typing the folder's name does
    QTest.qWait(1500)
    print("listed", flush=True)
    dialog.setDirectory(folder)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText("rome.brief")
    QTest.keyClick(name, Qt.Key_Return)

QTimer.singleShot(0, answer)
print("chosen:", dialogs.ask_open_path(None, folder), flush=True)
"""


def run_dialog(folder: Path, special: Path, home: Path) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(special)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired as err:
        pytest.fail(f"the Open dialog froze near {special} after: {err.stdout}")
    return [line for line in done.stdout.splitlines() if line not in ("shown", "listed")] + [done.stderr]


@pytest.mark.skipif(not Path("/proc/kmsg").exists() or not os.access("/proc/kmsg", os.R_OK),
                    reason="/proc/kmsg is readable by root on Linux only")
def test_the_open_dialog_lists_proc_and_returns_the_choice(tmp_path):
    (tmp_path / "rome.brief").write_text("")
    out = run_dialog(tmp_path, Path("/proc/kmsg"), tmp_path)
    assert out[:2] == ["type: File", f"chosen: {tmp_path / 'rome.brief'}"], out


def test_the_open_dialog_lists_a_fifo_and_returns_the_choice(tmp_path):
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "rome.brief").write_text("")
    os.mkfifo(folder / "old.brief")
    out = run_dialog(folder, folder / "old.brief", tmp_path)
    assert out[:2] == ["type: BRIEF file", f"chosen: {folder / 'rome.brief'}"], out
