"""A start-up step that fails is named in the window, and the rest of the start-up still runs:
the library check, the brief asked for, the window ready for work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from briefing_app.app import start
from briefing_app.core.brief import Brief, Meeting, PointChoice
from briefing_app.core.brief_file import save_brief
from briefing_app.core.faults import Fault
from briefing_app.gui import dialogs, library_loader
from briefing_app.gui.settings import AppSettings
from briefing_app.gui.tasks import SyncRunner

CHECKED = Fault("marker", "", "the library check ran", True)


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
