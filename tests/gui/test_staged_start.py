"""The real start is staged: the brief opens in the panels first, and what the officer does not
need to start typing (the brief's problems, the autosave session, the library check) follows
once the window is painted. Nothing of it may be lost on the way."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from briefing_app.app import start
from briefing_app.core.brief import Brief, Meeting, PointChoice
from briefing_app.core.brief_file import save_brief
from briefing_app.gui import dialogs
from briefing_app.gui.settings import AppSettings
from briefing_app.gui.tasks import SyncRunner


def test_a_staged_start_lists_the_briefs_problems_and_starts_autosave_once_painted(
        qtbot, tmp_path, settings_file, library_dir, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *args: "discard")
    brief = tmp_path / "rome.brief"
    save_brief(Brief(meeting=Meeting(title="Rome meeting"), country="IT", carrier="gone-carrier",
                     points=(PointChoice(id="compulsion-law"),)), brief)
    settings = AppSettings(QSettings(str(settings_file), QSettings.IniFormat))
    window = start(brief, settings, tmp_path / "data", SyncRunner(), library_dir, after_first_frame=True)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        pass
    assert window.meeting_form.title.text() == "Rome meeting"
    assert any("gone-carrier" in str(f) for f in window.problems.problems())
    assert window.problems_dock.isVisible()
    assert window.autosaver.marker.is_file()  # the session is marked: a crash is offered back
    qtbot.keyClicks(window.meeting_form.title, " (draft)")
    assert window.controller.brief.meeting.title == "Rome meeting (draft)"

