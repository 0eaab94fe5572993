"""GUI test setup: offscreen Qt, every user folder inside tmp_path, no real dialogs.

QT_QPA_PLATFORM is set before anything imports Qt. Each test gets its own HOME, XDG folders
and QSettings location, so it never reads or writes the officer's real settings or autosave.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import shutil  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QStandardPaths, QThreadPool  # noqa: E402

from briefing_app.app import start  # noqa: E402
from briefing_app.gui import diagnostics, dialogs  # noqa: E402
from briefing_app.gui.settings import AppSettings  # noqa: E402
from briefing_app.gui.tasks import SyncRunner  # noqa: E402

MINI = Path(__file__).resolve().parent.parent / "data" / "mini"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    for sub in ("", ".config", ".local/share", ".cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    QStandardPaths.setTestModeEnabled(True)
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(home / ".config"))
    return home


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch):
    """Any dialog a test did not expect fails the test instead of blocking it."""
    def unexpected(name):
        def fail(*args, **kwargs):
            raise AssertionError(f"unexpected dialog: {name}{args[1:]}")
        return fail

    for name in ("ask_open_path", "ask_save_path", "ask_folder", "ask_unsaved", "ask_restore",
                 "show_faults", "show_info", "ask_printer", "show_error", "show_folder", "ask_keep_work",
                 "ask_point", "ask_accept_update", "ask_meeting_pack", "ask_root_file", "ask_trust_root"):
        monkeypatch.setattr(dialogs, name, unexpected(name))


@pytest.fixture(autouse=True)
def deleted_windows(qapp, isolated_home, no_real_dialogs):
    """Windows a test closed are deleted when it ends, once every worker is done and its
    outcome delivered: deleteLater alone never runs outside an event loop, so they would pile
    up (each with a PDF view and its drawing thread) until garbage collection or exit freed
    them at some random moment."""
    yield
    QThreadPool.globalInstance().waitForDone()
    qapp.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def library_dir(tmp_path):
    """A private copy of the small test library, safe to break."""
    target = tmp_path / "library"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def settings_file(tmp_path):
    """The settings of a post still on the legacy SBU regime, since the test library marks a
    point SBU (under CUI, a brief with it is refused: a document uses one regime)."""
    path = tmp_path / "settings.ini"
    path.write_text("[brief]\nregime=sbu\n")
    return path


@pytest.fixture
def make_window(qtbot, tmp_path, library_dir, settings_file, monkeypatch):
    """Start the app as `run_app` does, but on the test library, test folders and a sync runner
    (or the `runner` given).

    Windows still open at the end are closed, discarding changes; a test may delete one
    outright (shiboken6.delete) to simulate a crash."""
    windows = []

    def make(brief_path=None, library=None, runner=None):
        settings = AppSettings(QSettings(str(settings_file), QSettings.IniFormat))
        window = start(brief_path, settings, tmp_path / "appdata", runner or SyncRunner(), library or library_dir)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *args: "discard")
    for window in windows:
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()


@pytest.fixture
def logs(tmp_path, monkeypatch):
    """The app's hooks, logging into tmp_path/logs; every dialog they open is recorded."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.delenv(diagnostics.LEVEL_VARIABLE, raising=False)
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda *args: shown.append(args))
    diagnostics.stop_logging()  # a log an earlier test's real start opened elsewhere
    diagnostics.install(tmp_path / "logs", False, lambda: None)
    yield tmp_path / "logs" / diagnostics.LOG_NAME, shown
    diagnostics.stop_logging()
