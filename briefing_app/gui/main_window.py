"""The main window: lays out the panels, owns the menus, and turns commands into controller
calls, file operations and background jobs. It never edits a brief itself.

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

from .. import __version__
from ..core.faults import Fault, InputError
from . import diagnostics, dialogs
from .output_commands import OutputCommands
from .settings import AppSettings
from .tasks import Runner

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from .autosave import Autosaver
    from .controller import BriefController
    from .library_loader import LibraryLoader


class MainWindow(OutputCommands, QMainWindow):
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

    # -- layout ---------------------------------------------------------------------------
    def _layout_panels(self) -> None:
        Qt, QSplitter = QtCore.Qt, QtWidgets.QSplitter
        left = QSplitter(Qt.Vertical, childrenCollapsible=False)
        left.addWidget(self.country_panel)
        left.addWidget(self.point_tree)
        left.addWidget(self.chosen_list)
        for index, stretch in enumerate((2, 5, 3)):
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

    def _add_problems_dock(self) -> None:
        from .widgets.problems import ProblemsList

        Qt, QDockWidget = QtCore.Qt, QtWidgets.QDockWidget
        self.problems = ProblemsList()
        self.problems_dock = QDockWidget(self.tr("Problems"), self, objectName="ProblemsDock")
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setFeatures(QDockWidget.DockWidgetClosable | QDockWidget.DockWidgetMovable)
        self.addDockWidget(Qt.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [80], Qt.Vertical)
        self.view_menu.addAction(self.problems_dock.toggleViewAction())

    def _add_preview_actions(self) -> None:
        """The document on show, by key: its buttons have no Alt+letter of their own, since
        every letter of theirs serves a field or a menu."""
        t = self.tr
        for text, button, key in ((t("Preview &Officer Brief"), self.preview.officer, "Ctrl+1"),
                                  (t("Preview &Handout"), self.preview.handout, "Ctrl+2")):
            self._action(self.view_menu, text, button.click, key, waits=False)
            button.setToolTip(t("{0} ({1})").format(text.replace("&", ""), key))
        zoom, K = self.preview.zoom, QKeySequence
        for text, slot, keys in ((t("Zoom &In"), zoom.zoom_in, [K("Ctrl++"), K("Ctrl+=")]),
                                 (t("Zoom O&ut"), zoom.zoom_out, [K("Ctrl+-")]),
                                 (t("&Actual Size"), zoom.actual_size, [K("Ctrl+0")]),
                                 (t("&Fit Width"), zoom.fit_width, None)):
            self._action(self.view_menu, text, slot, keys, waits=False)
        zoom.changed.connect(lambda factor: setattr(self.settings, "preview_zoom", factor))
        self.view_menu.addSeparator()

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

    def _action(self, menu, text: str, slot, shortcut=None, waits: bool = True) -> QAction:
        """A menu command; one that `waits` needs the brief and stays disabled until `attach`."""
        action = QAction(text, self, enabled=not waits)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.triggered.connect(slot)
        menu.addAction(action)
        if waits:
            self._waiting.append(action)
        return action

    def _create_menus(self) -> None:
        t, bar, K = self.tr, self.menuBar(), QKeySequence
        file = bar.addMenu(t("&File"))
        self._action(file, t("&New"), self.new_brief, K.New)
        self._action(file, t("&Open…"), self.open_dialog, K.Open, waits=False)
        self.recent_menu = file.addMenu(t("Open &Recent"))
        self._action(file, t("&Save"), self.save, K.Save)
        self._action(file, t("Save &As…"), self.save_as, K.SaveAs)
        file.addSeparator()
        self._action(file, t("&Export Officer Brief…"), lambda: self.export("officer"), "Ctrl+E")
        self._action(file, t("Export &Handout…"), lambda: self.export("handout"), "Ctrl+Shift+E")
        self._action(file, t("Export for &Clearance (Word)…"), lambda: self.export("officer", "docx"))
        self._action(file, t("&Print…"), self.print_brief, K.Print)
        self._action(file, t("Print &Meeting Pack…"), self.print_meeting_pack, "Ctrl+Shift+P")
        self.open_export_action = self._action(file, t("Open &Last Export"), self.open_last_export, waits=False)
        self.open_export_action.setEnabled(False)
        file.addSeparator()
        self._action(file, t("&Quit"), self.close, K.Quit, waits=False)
        self.edit_menu = bar.addMenu(t("&Edit"))
        self._action(self.edit_menu, t("&Find Point"), self._focus_filter, K.Find)
        self._action(self.edit_menu, t("Move Point &Up"), lambda: self.chosen_list.move_current(-1), "Alt+Up")
        self._action(self.edit_menu, t("Move Point &Down"), lambda: self.chosen_list.move_current(1), "Alt+Down")
        self._action(self.edit_menu, t("Add &Custom Point…"), self._add_custom)
        self._action(self.edit_menu, t("&Tick Recommended Points"), self._tick_recommended, "Ctrl+Shift+R")
        library = bar.addMenu(t("&Library"))
        self._action(library, t("&Reload"), lambda: self.loader.reload(), "F5")
        self._action(library, t("&Open Library Folder"), self._open_library_folder)
        self._action(library, t("&Choose Library Folder…"), self._choose_library_folder)
        self._action(library, t("Stop Using the Local &Folder"), lambda: self._use_library_folder(None))
        library.addSeparator()
        self._action(library, t("Install &Update…"), lambda: self._library_update().install_update(self))
        self._action(library, t("&Status"), lambda: self._library_update().show_status(self))
        self.view_menu = bar.addMenu(t("&View"))
        help_menu = bar.addMenu(t("&Help"))
        self._action(help_menu, t("&User Guide"), self.show_user_guide, K.HelpContents, waits=False)
        self._action(help_menu, t("&About Briefing Builder"), self.show_about)
        help_menu.addSeparator()
        self._action(help_menu, t("Show &Log Folder"), self._show_log_folder, waits=False)
        detailed = self._action(help_menu, t("&Detailed Logging"), self._set_detailed_logging, waits=False)
        detailed.setCheckable(True)
        detailed.setChecked(self.settings.detailed_logging)
        self._fill_recent_menu()

    def _add_undo_actions(self) -> None:
        """Undo and Redo belong to the controller's history, so they join the Edit menu with it."""
        t, K = self.tr, QKeySequence
        undo = self.controller.undo_stack.createUndoAction(self, t("&Undo"))
        undo.setShortcuts(K.Undo)
        redo = self.controller.undo_stack.createRedoAction(self, t("&Redo"))
        redo.setShortcuts([K("Ctrl+Shift+Z"), K("Ctrl+Y")])
        first = self.edit_menu.actions()[0]
        self.edit_menu.insertActions(first, [undo, redo])
        self.edit_menu.insertSeparator(first)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    # -- state shown in the window --------------------------------------------------------
    def _display_name(self) -> str:
        return self.controller.path.name if self.controller.path else self.tr("Untitled")

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self._display_name()}[*] — Briefing Builder")
        self.setWindowModified(self.controller.modified)

    def _on_controller_modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        if not modified:
            self.autosaver.discard()

    def _on_controller_brief_changed(self, brief) -> None:
        from ..core.assemble import reference_faults
        from ..core.leakcheck import releasable_leaks
        from ..core.markings import marks_of

        if self.controller.modified:
            self.autosaver.schedule(brief, self.controller.path)
        self.problems.set_problems("references", reference_faults(self.controller.library, brief,
                                                                  self._display_name()))
        marks = marks_of(brief, self.controller.library, self._display_name())
        self.problems.set_problems("markings", [*marks.errors, *marks.handout_errors])
        self.problems.set_problems("old names", self._old_names(brief))
        self.problems.set_problems("wording", self._library_update().wording_faults(
            self.controller, self._display_name()))
        self.problems.set_problems("leaks", releasable_leaks(brief, marks.banner, self._display_name()))
        self._update_problems_title()

    @staticmethod
    def _library_update():
        """Library updates and changed wording (gui/library_update.py), loaded when first used."""
        from . import library_update

        return library_update

    def _old_names(self, brief) -> list[Fault]:
        """The officer's fields that still name a country or carrier the brief was for before."""
        from ..core.mentions import mentions

        country = self.controller.library.country(brief.country) if brief.country else None
        carrier = country.carrier(brief.carrier) if country and brief.carrier else None
        now = [r for r in (country, carrier) if r is not None]
        current = {n.casefold() for r in now for n in (r.name, r.in_text, *r.aliases)}
        names = [n for n in self.controller.replaced_names if n.casefold() not in current]
        found = mentions(brief, names)
        what = " / ".join(r.name for r in now) or self.tr("no country")
        return [Fault(self._display_name(), where, self.tr("still names {0}; the brief is now for {1}")
                      .format(name, what), True) for where, name in found]

    def _on_point_selected(self, point_id: str) -> None:
        self.point_editor.show_point(point_id)
        self.tabs.setCurrentWidget(self.point_editor)

    def _on_preview_rendered(self, variant: str, warnings: tuple[str, ...]) -> None:
        """Page-budget overruns and unprintable characters in the document on show are listed,
        as warnings, not errors."""
        place = self.tr("officer brief") if variant == "officer" else self.tr("handout")
        self._show_brief_problems([Fault(self._display_name(), place, w, True) for w in warnings])

    def _show_brief_problems(self, faults: list[Fault]) -> None:
        self._show_problems("brief", faults)

    def _show_library_problems(self, faults: list[Fault]) -> None:
        self._show_problems("library", faults)

    def _show_problems(self, source: str, faults: list[Fault]) -> None:
        self.problems.set_problems(source, faults)
        self._update_problems_title()

    def _on_autosave_failed(self, file: str, reason: str) -> None:
        self.statusBar().showMessage(self.tr("Autosave failed: {0}: {1}. Save the brief yourself.")
                                     .format(file, reason))
        self._show_problems("autosave", [Fault(file, "", self.tr(
            "autosave is not working ({0}): save the brief yourself").format(reason))])

    def _update_problems_title(self) -> None:
        """The dock shows itself while there is something to read and steps aside when not."""
        errors, warnings = self.problems.counts()
        title = self.tr("Problems ({0} errors, {1} warnings)").format(errors, warnings)
        self.problems_dock.setWindowTitle(title)
        self.problems_dock.setVisible(bool(errors or warnings))

    def _on_loader_loaded(self, library) -> None:
        self.controller.set_library(library)
        self.statusBar().showMessage(self.tr("Library loaded: {0} points, {1} countries").format(
            len(library.points), len(library.countries)), 5000)

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

    # -- files ----------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when the current brief may be replaced: saved, discarded, or never changed."""
        if not self.controller.modified:
            return True
        answer = dialogs.ask_unsaved(self, self._display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_brief(self) -> None:
        if self.confirm_discard():
            self.autosaver.discard()
            self.controller.new_brief()

    def open_dialog(self) -> None:
        current = self.controller.path if self.controller else None
        folder = str(current.parent) if current else QtCore.QDir.homePath()
        path = dialogs.ask_open_path(self, folder)
        if path:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open a brief; a bad file is named in a dialog and the current brief stays as it was.
        Before `attach` the path waits, and opens as soon as the panels are there."""
        if self.controller is None:
            self._pending_open = Path(path)
            self._show_loading()
            return False
        if not self.confirm_discard():
            return False
        try:
            self.controller.open(Path(path))
        except InputError as err:
            dialogs.show_faults(self, self.tr("Cannot open brief"), err.faults)
            return False
        self.autosaver.discard()
        self.settings.add_recent(Path(path))
        self._fill_recent_menu()
        self.statusBar().showMessage(self.tr("Opened {0}").format(path), 5000)
        return True

    def save(self) -> bool:
        return self.save_to(self.controller.path) if self.controller.path else self.save_as()

    def save_as(self) -> bool:
        suggestion = str(self.controller.path or Path(QtCore.QDir.homePath()) / self._suggested_stem())
        path = dialogs.ask_save_path(self, self.tr("Save Brief As"), suggestion)
        return self.save_to(path) if path else False

    def save_to(self, path: Path) -> bool:
        try:
            self.controller.save(path)
        except OSError as err:
            dialogs.show_faults(self, self.tr("Cannot save brief"),
                                [Fault(str(path), "", f"cannot be written: {err.strerror or err}")])
            return False
        brief = self.controller.brief
        self.settings.remember_defaults(brief.scheme, brief.paper, brief.drafted_by, brief.regime,
                                        brief.post)
        self.settings.add_recent(path)
        self._fill_recent_menu()
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)
        return True

    def _suggested_stem(self) -> str:
        brief = self.controller.brief
        parts = [brief.country or "", brief.carrier or "", brief.meeting.when.date().isoformat()
                 if brief.meeting.when else ""]
        return "-".join(p.lower() for p in parts if p) or "meeting"

    # -- library and help -----------------------------------------------------------------
    def _open_library_folder(self) -> None:
        self.open_in_system(self.loader.folders()[-1], self.tr("Library folder"))

    def _choose_library_folder(self) -> None:
        folder = dialogs.ask_folder(self, self.tr("Choose Library Folder"), QtCore.QDir.homePath())
        if folder:
            self._use_library_folder(folder)

    def _use_library_folder(self, folder: Path | None) -> None:
        self.loader.config.local_folder = folder
        self.loader.reload()

    def show_user_guide(self) -> None:
        from .user_guide import UserGuide

        self.guide = UserGuide(self)
        self.guide.show()

    def show_about(self) -> None:
        library = self.controller.library
        dates = [p.reviewed for p in library.points.values()]
        dates += [c.reviewed for c in library.countries.values()]
        if not dates:
            reviewed = self.tr("empty")
        elif min(dates) == max(dates):
            reviewed = self.tr("every entry reviewed on {0}").format(min(dates))
        else:
            reviewed = self.tr("reviewed between {0} and {1}").format(min(dates), max(dates))
        dialogs.show_info(self, self.tr("About Briefing Builder"), self.tr(
            "<b>Briefing Builder {0}</b><p>Talking points, officer briefs and handouts on 5G vendor "
            "security.</p><p>Library: {1} points, {2} countries, {3}.<br>Folders: {4}</p>").format(
            __version__, len(library.points), len(library.countries), reviewed,
            "; ".join(str(f) for f in library.folders)))

    def _show_log_folder(self) -> None:
        if diagnostics.start_logging() is None:
            self.statusBar().showMessage(self.tr("No log is being written."), 5000)
        else:
            self.open_in_system(diagnostics.log_folder(), self.tr("Log folder"))

    def _set_detailed_logging(self, on: bool) -> None:
        """For a bug report: the log then also records file names and error messages, which may
        quote a brief."""
        self.settings.detailed_logging = on
        diagnostics.set_detailed(on)
        self.statusBar().showMessage(self.tr("Detailed logging is on: the log may now quote your briefs.")
                                     if on else self.tr("Detailed logging is off."), 5000)

    # -- window events --------------------------------------------------------------------
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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.toLocalFile().endswith(".brief") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        briefs = [u.toLocalFile() for u in event.mimeData().urls() if u.toLocalFile().endswith(".brief")]
        if briefs:
            event.acceptProposedAction()
            self.open_path(Path(briefs[0]))

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
