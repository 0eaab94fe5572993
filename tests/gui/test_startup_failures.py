"""A start-up step that fails is named in the window, and the rest of the start-up still runs:
the library check, the brief asked for, the window ready for work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from briefing_app.app import start
from briefing_app.core.brief import Brief, Meeting, PointChoice
from briefing_app.core.brief_file import save_brief
from briefing_app.core.faults import Fault
from briefing_app.core.library_config import LibraryConfig
from briefing_app.gui import dialogs, library_loader
from briefing_app.gui.settings import AppSettings
from briefing_app.gui.tasks import SyncRunner

CHECKED = Fault("marker", "", "the library check ran", True)
REAL_ERROR_DIALOG = dialogs.show_error  # before the tests' guard replaces it


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *args: "discard")


@pytest.fixture
def check_runs(monkeypatch):
    """The real library check, plus a marker warning that shows it reached the window."""
    real = library_loader._check
    monkeypatch.setattr(library_loader, "_check", lambda library: [*real(library), CHECKED])


def start_window(qtbot, settings_file, data_dir, library_dir, brief=None):
    settings = AppSettings(QSettings(str(settings_file), QSettings.IniFormat))
    window = start(brief, settings, data_dir, SyncRunner(), library_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def a_brief(path):
    save_brief(Brief(meeting=Meeting(title="Rome meeting"), country="IT", carrier="tim",
                     points=(PointChoice(id="compulsion-law"),)), path)
    return path


def assert_ready(window, brief):
    assert window.controller is not None and window.controller.path == brief
    assert window.meeting_form.title.text() == "Rome meeting"
    assert window.windowTitle().startswith("rome.brief")
    save = next(a for a in window.findChildren(QAction) if a.text() == "&Save")
    assert save.isEnabled()


def test_a_data_folder_that_cannot_be_made_is_named_and_start_up_completes(
        qtbot, tmp_path, settings_file, library_dir, check_runs):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the user data folder's parent should be")
    data_dir = blocker / "Briefing Builder"
    brief = a_brief(tmp_path / "rome.brief")
    window = start_window(qtbot, settings_file, data_dir, library_dir, brief)
    assert_ready(window, brief)
    assert "Autosave failed" in window.statusBar().currentMessage()
    assert str(data_dir) in window.statusBar().currentMessage()
    problems = window.problems.problems()
    assert any(f.file == str(data_dir) and "autosave is not working" in f.reason for f in problems)
    assert CHECKED in problems  # the library check was still scheduled, and ran
    assert window.problems_dock.isVisible()
    qtbot.keyClicks(window.meeting_form.title, " (draft)")  # the officer can work on
    assert window.controller.brief.meeting.title == "Rome meeting (draft)"


def test_autosave_working_again_clears_its_problem(qtbot, tmp_path, settings_file, library_dir):
    blocker = tmp_path / "blocked"
    blocker.write_text("in the way")
    window = start_window(qtbot, settings_file, blocker / "data", library_dir, a_brief(tmp_path / "rome.brief"))
    assert [f for f in window.problems.problems() if "autosave" in f.reason]
    blocker.unlink()  # the disk is back
    qtbot.keyClicks(window.meeting_form.title, " (draft)")
    window.autosaver.flush()
    assert window.autosaver.brief_file.exists()
    assert not [f for f in window.problems.problems() if "autosave" in f.reason]


def test_a_library_check_that_breaks_is_named_next_to_the_load_faults(
        qtbot, tmp_path, settings_file, library_dir, monkeypatch):
    (library_dir / "points" / "edge-core" / "broken.toml").write_text("id = ")  # a load fault

    def broken_check(library):
        raise RuntimeError("check bug")

    monkeypatch.setattr(library_loader, "_check", broken_check)
    brief = a_brief(tmp_path / "rome.brief")
    window = start_window(qtbot, settings_file, tmp_path / "data", library_dir, brief)
    assert_ready(window, brief)
    assert window.statusBar().currentMessage() == "The library check failed; see Problems."
    reasons = [f.reason for f in window.problems.problems()]
    assert any("TOML syntax error" in r for r in reasons)  # what loading found is still listed
    assert any("library check stopped with an error (RuntimeError: check bug)" in r for r in reasons)


def broken_syntax(*args, **kwargs):
    """What a core module with a typo raises when it is first imported."""
    compile("def load_library(folders:\n", "briefing_app/core/library.py", "exec")


def broken_import(*args, **kwargs):
    raise ImportError("cannot import name 'toml' from 'briefing_app.core.library'")


@pytest.mark.parametrize("broken, kind", [(broken_syntax, "SyntaxError"), (broken_import, "ImportError")])
def test_a_broken_module_at_start_up_is_the_apps_error_not_the_librarys(
        qtbot, tmp_path, settings_file, library_dir, monkeypatch, logs, broken, kind):
    """A programming error while the library loads opens the app's error dialog (with Copy
    Details and the log), is logged with its traceback, and blames neither the library nor its
    folders."""
    log, _ = logs
    monkeypatch.setattr(LibraryConfig, "load", broken)
    monkeypatch.setattr(dialogs, "show_error", REAL_ERROR_DIALOG)
    seen = {}

    def read_and_close(dialog):
        seen["text"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Copy Details")
        qtbot.mouseClick(copy, Qt.LeftButton)
        seen["copied"] = QApplication.clipboard().text()
        dialog.reject()

    from tests.gui.modal import on_next_dialog

    on_next_dialog(read_and_close)
    window = start_window(qtbot, settings_file, tmp_path / "data", library_dir)
    assert "error in Briefing Builder itself" in seen["text"]
    assert "files are not at fault" in seen["text"] and str(log) in seen["text"]
    assert "Save your brief" not in seen["text"]  # none is open yet: the advice says "if"
    assert f"{kind}:" in seen["copied"] and "broken" in seen["copied"]  # the traceback to report
    assert "cannot be read" not in seen["text"] + seen["copied"]
    assert window.statusBar().currentMessage() == "The library could not be loaded."
    text = log.read_text(encoding="utf-8")
    assert "ERROR" in text and "Unexpected error" in text and f"builtins.{kind}" in text
    assert "Traceback" in text and "in broken" in text


def test_a_broken_library_file_at_start_up_is_named_with_its_problem(
        qtbot, tmp_path, settings_file, library_dir, logs):
    """A bad library file is the library's: listed with its file and what is wrong in it; no
    error dialog (the `logs` fixture records any), and the window works."""
    _, shown = logs
    broken = library_dir / "points" / "edge-core" / "broken.toml"
    broken.write_text("id = ")
    brief = a_brief(tmp_path / "rome.brief")
    window = start_window(qtbot, settings_file, tmp_path / "data", library_dir, brief)
    assert_ready(window, brief)
    assert shown == []
    faults = [f for f in window.problems.problems() if f.file.endswith("broken.toml")]
    assert faults and "TOML syntax error" in faults[0].reason
    assert str(faults[0]).startswith("library/points/edge-core/broken.toml: TOML syntax error")


def test_a_broken_module_at_reload_is_the_apps_error(qtbot, make_window, monkeypatch, logs):
    log, shown = logs
    window = make_window()
    before = window.controller.library
    monkeypatch.setattr(LibraryConfig, "load", broken_import)
    window.loader.reload()  # the guard fails the test if 'Cannot reload the library' comes up
    assert len(shown) == 1 and "error in Briefing Builder itself" in shown[0][1]
    assert "ImportError: cannot import name 'toml'" in shown[0][2]
    assert "builtins.ImportError" in log.read_text(encoding="utf-8")
    assert window.controller.library is before
