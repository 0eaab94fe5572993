"""Field failures leave a trace: the log, the error dialog, Help > Show Log Folder and Detailed
Logging; and what the officer writes stays out of the log at the default level."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

from PySide6.QtCore import QTimer, qCritical, qWarning
from PySide6.QtGui import QAction

from briefing_app.core.brief import Brief, Counterpart, CuiBlock, CustomPoint, Meeting, PointChoice
from briefing_app.core.brief_file import save_brief
from briefing_app.gui import diagnostics, dialogs

CANARIES = ("CANARYTITLE", "CANARYNAME", "CANARYPLACE", "CANARYTEXT", "CANARYREWORD", "CANARYDRAFTER",
            "CANARYPOC", "CANARYBLUF")


def canary_brief(path):
    save_brief(Brief(
        meeting=Meeting(title="CANARYTITLE talks", place="CANARYPLACE", bluf="CANARYBLUF",
                        counterparts=(Counterpart(name="CANARYNAME", title="Minister"),)),
        country="IT", carrier="tim", drafted_by="CANARYDRAFTER", cui=CuiBlock(poc="CANARYPOC"),
        custom_points=(CustomPoint(id="custom-1", title="Own", text="CANARYTEXT here", releasable=True),),
        points=(PointChoice(id="compulsion-law", text="CANARYREWORD law"), PointChoice(id="custom-1"))), path)
    return path


def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, make_window, logs):
    log, shown = logs
    make_window()

    def broken_slot():
        raise ValueError("the slot broke")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    summary, details, log_file = shown[0][1:]
    assert log_file == log
    assert "ValueError: the slot broke" in details and "broken_slot" in details
    text = log.read_text(encoding="utf-8")
    assert "ERROR" in text and "broken_slot" in text and "builtins.ValueError" in text
    if os.name == "posix":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_a_critical_qt_message_is_shown_and_a_warning_only_logged(qtbot, make_window, logs):
    log, shown = logs
    make_window()
    qWarning("a Qt warning for the log")
    assert shown == []
    qCritical("a critical Qt message")
    assert [s[1] for s in shown] == ["Qt reported an error."] and "a critical Qt message" in shown[0][2]
    text = log.read_text(encoding="utf-8")
    assert "WARNING MainThread qt: a Qt warning for the log" in text
    assert "ERROR MainThread qt: a critical Qt message" in text


def test_a_failing_background_task_is_logged(qtbot, make_window, logs):
    log, _ = logs
    window = make_window()
    failures = []

    def broken_task():
        raise KeyError("no-such-point")

    window.runner.run(broken_task, lambda result: None, failures.append)
    assert isinstance(failures[0], KeyError)
    text = log.read_text(encoding="utf-8")
    assert "A background task failed" in text and "broken_task" in text and "builtins.KeyError" in text


def test_the_brief_stays_out_of_the_log_at_the_default_level(qtbot, make_window, logs, tmp_path, monkeypatch):
    log, shown = logs
    window = make_window(canary_brief(tmp_path / "canary.brief"))
    assert window.meeting_form.title.text() == "CANARYTITLE talks"
    qtbot.keyClicks(window.meeting_form.title, " CANARYTITLE")
    window.autosaver.flush()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "canary.pdf")
    window.export("officer")
    assert (tmp_path / "canary.pdf").is_file()
    monkeypatch.setattr(dialogs, "show_faults", lambda *args: None)
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *args: "discard")
    window.open_path(tmp_path / "missing CANARYNAME.brief")

    def quoting_slot():  # a bug whose message quotes the brief, as a validation error would
        raise ValueError(" ".join(CANARIES))

    QTimer.singleShot(0, quoting_slot)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    typed = window.controller.brief.custom_points[0].text
    window.runner.run(lambda: int(typed), lambda result: None, lambda err: None)
    text = log.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text and diagnostics.WITHHELD in text
    assert [c for c in CANARIES if c in text] == []

    detailed = next(a for a in window.findChildren(QAction) if a.text() == "&Detailed Logging")
    detailed.trigger()  # the officer switches detailed logging on for a bug report
    assert window.settings.detailed_logging
    QTimer.singleShot(0, quoting_slot)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    assert "CANARYTITLE" in log.read_text(encoding="utf-8")  # the same error, now with its message


def test_help_shows_the_log_folder(qtbot, make_window, logs, monkeypatch):
    log, _ = logs
    window = make_window()
    opened = []
    monkeypatch.setattr(dialogs, "show_folder", lambda folder: opened.append(folder) or True)
    action = next(a for a in window.findChildren(QAction) if a.text() == "Show &Log Folder")
    assert action.isEnabled()
    action.trigger()
    assert opened == [log.parent] and log.is_file()


SLOT_ERROR = """
import json, os, sys
import briefing_app.app as app
from briefing_app.gui import dialogs
from PySide6.QtCore import QTimer

def shown(parent, summary, details, log_file):
    print(json.dumps({"summary": summary, "details": details, "log": str(log_file)}), flush=True)
    os._exit(0)

def broken_slot():
    raise RuntimeError("slot failed on purpose")

def start(*args, **kwargs):
    window = real_start(*args, **kwargs)
    window.ready.connect(lambda: QTimer.singleShot(0, broken_slot))
    return window

dialogs.show_error = shown
real_start, app.start = app.start, start
from briefing_app.__main__ import main
main([])
"""


def test_the_installed_app_records_an_error_in_a_slot(tmp_path):
    """The real entry point (no console on Windows): the error reaches the log in the user data
    folder and a dialog that names it."""
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share")}
    env.pop(diagnostics.LEVEL_VARIABLE, None)
    env.pop("BRIEFING_APP_DATA")  # the default folder, found as the installed app finds it
    result = subprocess.run([sys.executable, "-c", SLOT_ERROR], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    log = home / ".local/share/Briefing Builder/Briefing Builder/logs" / diagnostics.LOG_NAME
    assert shown["log"] == str(log)
    assert "RuntimeError: slot failed on purpose" in shown["details"]
    text = log.read_text(encoding="utf-8")
    assert "starting" in text and "library:" in text and "builtins.RuntimeError" in text
    assert "slot failed on purpose" not in text  # the message is withheld at the default level
