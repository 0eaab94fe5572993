"""The main window: lays out the panels, keeps the title and the keys, and turns commands into
controller calls, file operations and background jobs. It never edits a brief itself. Its
menus (`window_menus`), Problems dock (`window_problems`) and commands (`file_commands`,
`output_commands`, `library_help_commands`) are mixed in from modules of their own.

It is built in two steps so that it is on screen before the model layer has loaded: the frame
(menus, saved geometry) at once, with nothing here importing pydantic, Jinja or ReportLab; the
panels and the Problems list in `attach`, once a worker has read the library. Qt classes the
frame does not use are reached through their module (`QtCore.Qt`), since PySide6 builds each
class on first use and the `Qt` namespace alone takes about 40 ms.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from ..core.faults import Fault
from . import dialogs
from .file_commands import FileCommands
from .library_help_commands import LibraryHelpCommands
from .output_commands import OutputCommands
from .settings import AppSettings
from .tasks import Runner
from .window_menus import WindowMenus
from .window_problems import WindowProblems

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QCloseEvent

    from .autosave import Autosaver
    from .controller import BriefController
    from .library_loader import LibraryLoader


class MainWindow(WindowMenus, WindowProblems, FileCommands, OutputCommands, LibraryHelpCommands, QMainWindow):
    ready = Signal()  # panels filled, brief open: the officer can work

    def __init__(self, settings: AppSettings, runner: Runner):
        super().__init__()
        self.settings, self.runner = settings, runner
        self.controller: BriefController | None = None
        self.autosaver: Autosaver | None = None
        self.loader: LibraryLoader | None = None
        self._waiting: list[QAction] = []  # enabled by `attach`
        self._commands: set[str] = set()  # the menus' keys, once they are all there
        self._pending_open: Path | None = None
        self._maximise = False
        self.closed_early = False
        self._problems_held = False  # WindowProblems.hold_problems
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self._show_loading()
        self._create_menus()
        geometry, *self._saved_layout = settings.window_layout()  # the rest waits for `attach`
        if geometry is None or not self.restoreGeometry(geometry):
            self._first_size()

    def attach(self, controller: BriefController, autosaver: Autosaver, loader: LibraryLoader) -> None:
        """Second step: the panels over `controller`, then every command."""
        from .widgets.chosen_list import ChosenList
        from .widgets.country_panel import CountryPanel
        from .widgets.exported_bar import ExportedBar
        from .widgets.meeting_form import MeetingForm
        from .widgets.point_editor import PointEditor
        from .widgets.point_tree import PointTree
        from .widgets.preview import PreviewPane

        self.controller, self.autosaver, self.loader = controller, autosaver, loader
        self.country_panel = CountryPanel(controller)
        self.point_tree = PointTree(controller)
        self.chosen_list = ChosenList(controller)
        self.meeting_form = MeetingForm(controller)
        self.point_editor = PointEditor(controller)
        self.preview = PreviewPane(controller, self.runner, self.settings.preview_zoom)
        self._layout_panels()
        self._add_problems_dock()
        self.exported_bar = ExportedBar()
        self.exported_bar.open_requested.connect(lambda path: self.open_in_system(path, self.tr("Exported file")))
        self.statusBar().addPermanentWidget(self.exported_bar)
        self._add_preview_actions()
        self._add_undo_actions()
        self.point_tree.point_selected.connect(self._on_point_selected)
        self.chosen_list.point_selected.connect(self._on_point_selected)
        self.point_editor.point_shown.connect(lambda pid: self.chosen_list.select(pid, quiet=True))
        self.preview.failed.connect(
            lambda text: self._show_brief_problems([Fault(self._display_name(), "", text)]))
        self.preview.rendered.connect(self._on_preview_rendered)
        controller.path_changed.connect(lambda _path: self._update_title())
        controller.modified_changed.connect(self._on_controller_modified_changed)
        controller.brief_changed.connect(self._on_controller_brief_changed)
        autosaver.failed.connect(self._on_autosave_failed)
        autosaver.written.connect(lambda: self._show_problems("autosave", []))
        loader.loaded.connect(self._on_loader_loaded)
        loader.checked.connect(lambda faults: self._show_library_problems(faults))
        loader.check_failed.connect(self.statusBar().showMessage)
        loader.failed.connect(lambda err: dialogs.show_faults(self, self.tr("Cannot reload the library"),
                                                              [loader.fault(err)]))
        QtWidgets.QApplication.instance().focusChanged.connect(self._on_application_focus_changed)
        for action in self._waiting:
            action.setEnabled(True)
        self._update_title()
        state, splitter = self._saved_layout
        if state is not None:
            self.restoreState(state)
        if splitter is None or not self.splitter.restoreState(splitter):
            self._first_panel_widths()
        if self._maximise:
            self.setWindowState(self.windowState() | QtCore.Qt.WindowMaximized)

    def _show_loading(self) -> None:
        """Until `attach`, the title says what is happening: the window manager draws it, where a
        status bar would cost the first frame 13 ms and a centred label 80 ms."""
        opening = f"{self._pending_open.name} — " if self._pending_open else ""
        self.setWindowTitle(opening + self.tr("loading the talking-point library… — Briefing Builder"))

    def take_pending(self) -> Path | None:
        """The file asked for while the library loaded, handed over once."""
        path, self._pending_open = self._pending_open, None
        return path

    def _layout_panels(self) -> None:
        Qt, QSplitter = QtCore.Qt, QtWidgets.QSplitter
        left = QSplitter(Qt.Vertical, childrenCollapsible=False)
        left.addWidget(self.country_panel)
        left.addWidget(self.point_tree)
        left.addWidget(self.chosen_list)
        for index, stretch in enumerate((2, 6, 2)):  # the library list gets the room to choose from
            left.setStretchFactor(index, stretch)
        self.tabs = QtWidgets.QTabWidget(accessibleName=self.tr("Brief details"))
        self.tabs.addTab(self.meeting_form, self.tr("&Meeting"))
        self.tabs.addTab(self.point_editor, self.tr("P&oint"))
        self.splitter = QSplitter(Qt.Horizontal, objectName="MainSplitter", childrenCollapsible=False)
        for widget, stretch in ((left, 4), (self.tabs, 3), (self.preview, 4)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setContentsMargins(6, 6, 6, 0)
        self.setCentralWidget(self.splitter)

    def _first_panel_widths(self) -> None:
        """First start: the preview takes two fifths of the width, so that on a 1366-pixel
        laptop its page, fitted to the width, has text an officer can read without zooming."""
        width = self.width()
        self.splitter.setSizes([int(width * 0.27), int(width * 0.33), int(width * 0.40)])

    def _first_size(self) -> None:
        """First start: fill a laptop screen; on a large one take a comfortable centred size.
        The window is marked maximised in `attach`: that needs the `Qt` namespace."""
        screen = self.screen().availableGeometry()
        if screen.width() < 1600 or screen.height() < 900:
            self.setGeometry(screen)  # also where no window manager maximises
            self._maximise = True
            return
        self.resize(min(1680, int(screen.width() * 0.9)), min(1000, int(screen.height() * 0.9)))
        self.move(screen.center() - self.rect().center())

    def _display_name(self) -> str:
        return self.controller.path.name if self.controller.path else self.tr("Untitled")

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self._display_name()}[*] — Briefing Builder")
        self.setWindowModified(self.controller.modified)

    def _on_controller_modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        if not modified:
            self.autosaver.discard()

    def _on_point_selected(self, point_id: str) -> None:
        self.point_editor.show_point(point_id)
        self.tabs.setCurrentWidget(self.point_editor)

    def _focus_filter(self) -> None:
        self.point_tree.filter_edit.setFocus()
        self.point_tree.filter_edit.selectAll()

    def _tick_recommended(self) -> None:
        country = self.controller.brief.country
        if country is None:
            self.statusBar().showMessage(self.tr("Choose a country first: recommendations depend on it."), 5000)
        elif self.controller.library.country(country) is None:
            self.statusBar().showMessage(self.tr("The library has no country {0}: nothing to recommend.")
                                         .format(country), 5000)
        elif not self.controller.differs_from_recommended():
            self.statusBar().showMessage(self.tr("The recommended points are already the ones ticked."), 5000)
        else:
            self.controller.tick_recommended()

    def _add_custom(self) -> None:
        self.tabs.setCurrentWidget(self.point_editor)
        self.point_editor.add_custom()

    def _on_application_focus_changed(self, _old: object, now: QtWidgets.QWidget | None) -> None:
        """Whatever field takes the focus (rows added later too) lets the window's commands
        through: see `eventFilter`. Installing twice keeps one filter."""
        if now is not None and now.window() is self:
            now.installEventFilter(self)
            if isinstance(now, QtWidgets.QComboBox) and now.isEditable():
                now.lineEdit().installEventFilter(self)  # the box hands keys on to it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window's commands win over a field's own use of their keys: Ctrl+Z in a text
        field undoes the brief (one history for every change, so the field and the brief never
        disagree), Ctrl+E exports where a one-line box would move to the end of the line.
        Alt+Up and Alt+Down stay with the field (they open a list)."""
        if event.type() == QtCore.QEvent.ShortcutOverride:
            if QKeySequence(event.keyCombination()).toString() in self._command_keys():
                event.ignore()  # not the field's, whoever claimed it first: the shortcut runs
                return True
        return super().eventFilter(watched, event)

    def _command_keys(self) -> set[str]:
        if not self._commands:
            self._commands = {key.toString() for action in self.findChildren(QAction)
                              for key in action.shortcuts()} - {"Alt+Up", "Alt+Down"}
        return self._commands

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller is None:  # closed while loading: nothing to save, nothing to fill
            self.closed_early = True
            self.runner.wait()  # no worker may outlive the interpreter
            event.accept()
            return
        if not self.confirm_discard():
            event.ignore()
            return
        self.settings.remember_window(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        self.settings.sync()
        self.runner.wait()
        self.autosaver.end_session()
        event.accept()
