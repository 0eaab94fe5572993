"""The window and the command line read one library configuration from one data folder."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtGui import QAction

from briefing_app.core.library_config import LibraryConfig
from briefing_app.core.paths import user_data_folder
from briefing_app.gui import dialogs
from briefing_app.gui.settings import AppSettings

from ..conftest import run_cli


def menu_action(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def test_the_core_data_folder_is_where_qt_puts_the_apps_data(qapp, monkeypatch, isolated_home):
    monkeypatch.delenv("BRIEFING_APP_DATA")
    QStandardPaths.setTestModeEnabled(False)
    names = QCoreApplication.applicationName(), QCoreApplication.organizationName()
    QCoreApplication.setApplicationName("Briefing Builder")
    QCoreApplication.setOrganizationName("Briefing Builder")
    try:
        qt = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    finally:
        QCoreApplication.setApplicationName(names[0])
        QCoreApplication.setOrganizationName(names[1])
        QStandardPaths.setTestModeEnabled(True)
    assert str(user_data_folder()) == qt
    assert qt.startswith(str(isolated_home))


def test_a_local_folder_chosen_in_an_older_version_moves_to_the_shared_configuration(
        make_window, settings_file, tmp_path, mini_library):
    own = tmp_path / "own-points"
    (own / "points").mkdir(parents=True)
    settings_file.write_text(settings_file.read_text() + f"\n[library]\nfolder={own}\n")
    window = make_window()
    assert window.loader.folders()[-1] == own
    config = LibraryConfig(tmp_path / "appdata")
    assert config.local_folder == own
    assert not AppSettings(QSettings(str(settings_file), QSettings.IniFormat)).take_library_folder()


def test_a_folder_chosen_in_the_window_is_the_one_the_command_line_uses(
        make_window, monkeypatch, tmp_path, mini_library, qtbot):
    window = make_window()
    monkeypatch.setattr(dialogs, "ask_folder", lambda *args: mini_library)
    monkeypatch.setenv("BRIEFING_APP_DATA", str(tmp_path / "appdata"))
    menu_action(window, "&Choose Library Folder…").trigger()
    assert f"local folder: {mini_library} (unsigned)" in run_cli("library", "status").stdout
