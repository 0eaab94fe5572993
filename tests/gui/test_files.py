"""Opening from the command line or by dropping a file, refusing bad files, asking before
unsaved changes are closed (autosave and crash recovery: test_recovery.py)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from briefing_app.__main__ import main
from briefing_app.core.brief import Brief, Meeting, PointChoice
from briefing_app.core.brief_file import save_brief
from briefing_app.gui import dialogs


def a_brief(path, title="Rome meeting"):
    save_brief(Brief(meeting=Meeting(title=title), country="IT", carrier="tim", regime="sbu",
                     points=(PointChoice(id="compulsion-law"), PointChoice(id="edge-huawei"))), path)
    return path


def test_brief_given_on_the_command_line_opens(qtbot, tmp_path, monkeypatch):
    """The real start: the frame is on screen while a worker reads the library, commands that
    need the brief wait, and the brief opens when the panels arrive."""
    path = a_brief(tmp_path / "cli.brief", title="Opened from the shell")
    seen = {}

    def fake_exec():
        window = next(w for w in QApplication.topLevelWidgets()
                      if w.objectName() == "MainWindow" and w.isVisible())
        actions = {a.text(): a for a in window.findChildren(QAction)}
        seen["loading"] = (window.windowTitle(), window.centralWidget(),
                           actions["&Save"].isEnabled(), actions["&Quit"].isEnabled())
        with qtbot.waitSignal(window.ready, timeout=20_000):
            pass
        seen["title"] = window.meeting_form.title.text()
        seen["window_title"] = window.windowTitle()
        seen["maximised"] = window.isMaximized()  # first start on a screen under 1600 x 900
        window.runner.wait()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert main([str(path)]) == 0
    assert seen["loading"] == ("cli.brief — loading the talking-point library… — Briefing Builder", None, False,
                               True)
    assert seen["title"] == "Opened from the shell"
    assert seen["maximised"]
    assert seen["window_title"].startswith("cli.brief")


def test_a_bad_brief_is_named_and_the_open_brief_untouched(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window(a_brief(tmp_path / "good.brief"))
    bad = tmp_path / "bad.brief"
    bad.write_text(json.dumps({"schema_version": 1, "country": "Italy"}))
    shown = []
    monkeypatch.setattr(dialogs, "show_faults", lambda parent, title, faults: shown.append(faults))
    assert not window.open_path(bad)
    assert str(bad) in str(shown[0][0]) and "country" in str(shown[0][0])
    assert window.meeting_form.title.text() == "Rome meeting"
    assert window.windowTitle().startswith("good.brief")


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")  # its only constructor
def test_dropping_a_brief_on_the_window_opens_it(qtbot, make_window, tmp_path):
    window = make_window()
    path = a_brief(tmp_path / "dropped.brief", title="Dropped in")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    window.dragEnterEvent(enter)  # offscreen Qt has no drag session, so call the handlers
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(10, 10), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(drop)
    assert window.meeting_form.title.text() == "Dropped in"


def test_closing_with_unsaved_changes_asks(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    qtbot.keyClicks(window.meeting_form.place, "Rome")
    assert window.isWindowModified()
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: "cancel")
    window.close()
    assert window.isVisible()
    target = tmp_path / "kept.brief"
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: "save")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    window.close()
    assert not window.isVisible()
    assert json.loads(target.read_text())["meeting"]["place"] == "Rome"


def test_a_failing_autosave_is_reported_and_work_goes_on(qtbot, make_window, tmp_path):
    window = make_window()
    window.autosaver.folder = window.autosaver.brief_file.parent / "not-a-folder"
    window.autosaver.folder.write_text("a file where the folder should be")
    window.autosaver.brief_file = window.autosaver.folder / "autosave.brief"
    qtbot.keyClicks(window.meeting_form.title, "Rome")
    window.autosaver.flush()
    assert "Autosave failed" in window.statusBar().currentMessage()
    assert window.controller.brief.meeting.title == "Rome"


def test_a_brief_handed_over_by_the_system_opens(qtbot, make_window, tmp_path):
    """macOS sends a double-clicked file as a FileOpen event to the running app."""
    from PySide6.QtGui import QFileOpenEvent

    from briefing_app.app import FileOpenFilter

    window = make_window()
    app = QApplication.instance()
    handler = FileOpenFilter(window)
    app.installEventFilter(handler)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(a_brief(tmp_path / "finder.brief", title="From Finder"))))
    finally:
        app.removeEventFilter(handler)
    assert window.meeting_form.title.text() == "From Finder"


class HeldRunner:
    """Holds the start-up library load until the test lets it go, as a slow laptop would."""

    def __init__(self):
        self.held = []

    def run(self, work, done, failed):
        self.held.append((work, done, failed))

    def release(self, error=None):
        work, done, failed = self.held.pop(0)
        failed(error) if error else done(work())

    def wait(self, msecs=0):
        return True

    def pause(self):
        pass

    def resume(self):
        pass


def held_start(tmp_path, library_dir, settings_file):
    from briefing_app.app import start
    from briefing_app.gui.settings import AppSettings

    runner = HeldRunner()
    settings = AppSettings(QSettings(str(settings_file), QSettings.IniFormat))
    return start(None, settings, tmp_path / "appdata", runner, library_dir), runner


def test_a_file_handed_over_while_the_library_loads_opens_once_it_has(qtbot, tmp_path, library_dir, settings_file):
    from PySide6.QtGui import QFileOpenEvent

    from briefing_app.app import FileOpenFilter

    window, runner = held_start(tmp_path, library_dir, settings_file)
    qtbot.addWidget(window)
    handler = FileOpenFilter(window)
    QApplication.instance().installEventFilter(handler)
    try:
        QApplication.sendEvent(QApplication.instance(),
                               QFileOpenEvent(str(a_brief(tmp_path / "early.brief", title="Early"))))
    finally:
        QApplication.instance().removeEventFilter(handler)
    assert window.controller is None and window.windowTitle().startswith("early.brief — loading")
    with qtbot.waitSignal(window.ready):
        runner.release()
    assert window.meeting_form.title.text() == "Early"
    assert window.windowTitle().startswith("early.brief")


def test_closing_while_the_library_loads_just_closes(qtbot, tmp_path, library_dir, settings_file):
    window, runner = held_start(tmp_path, library_dir, settings_file)
    qtbot.addWidget(window)
    window.show()
    assert window.close()
    assert not window.isVisible()
    runner.release()  # the library arrives after all
    assert window.controller is None
    assert not list((tmp_path / "appdata").glob("session-*"))  # no autosave session was started


def test_a_library_that_cannot_load_is_named(qtbot, tmp_path, library_dir, settings_file, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "show_faults", lambda parent, title, faults: shown.append((title, faults)))
    window, runner = held_start(tmp_path, library_dir, settings_file)
    qtbot.addWidget(window)
    runner.release(PermissionError(13, "Permission denied"))
    title, faults = shown[0]
    assert title == "Cannot load the library"
    assert str(library_dir) in str(faults[0]) and "Permission denied" in str(faults[0])
    assert window.statusBar().currentMessage() == "The library could not be loaded."
