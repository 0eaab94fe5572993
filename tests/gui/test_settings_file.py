"""The settings file is private and survives being killed mid-write."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QSettings

from briefing_app.gui.settings import AppSettings

WRITER = """
import sys
from PySide6.QtCore import QCoreApplication, QSettings
from briefing_app.gui.settings import AppSettings
app = QCoreApplication([])
settings = AppSettings(QSettings(sys.argv[1], QSettings.IniFormat))
print("ready", flush=True)
for n in range(10**9):
    settings.remember_defaults("us", "a4", f"Officer {n} " + "x" * 5000)
    settings.sync()
"""


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_settings_are_readable_by_the_user_only(tmp_path):
    path = tmp_path / "config" / "settings.ini"
    settings = AppSettings(QSettings(str(path), QSettings.IniFormat))
    settings.remember_defaults("uk", "letter", "A. Officer")
    settings.sync()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert AppSettings(QSettings(str(path), QSettings.IniFormat)).drafted_by == "A. Officer"


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
def test_killing_a_settings_write_never_breaks_the_file(tmp_path):
    path = tmp_path / "settings.ini"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    names = []
    for delay in [0.05 + 0.02 * n for n in range(12)]:
        # A writer killed inside Qt's lock leaves settings.ini.lock behind, which holds the next
        # process off for Qt's 30-second stale-lock time (writes are retried later); what must
        # survive is the settings file itself, so each round starts without that lock.
        (tmp_path / "settings.ini.lock").unlink(missing_ok=True)
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True,
                                  env=env)
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(delay)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        store = QSettings(str(path), QSettings.IniFormat)
        assert store.status() == QSettings.NoError
        name = AppSettings(store).drafted_by
        assert name == "" or (name.startswith("Officer ") and name.endswith("x" * 5000))
        names.append(name)
    assert sum(bool(name) for name in names) > len(names) // 2, "most kills should land while writing"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
