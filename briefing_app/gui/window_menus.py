"""The window's menus and keys: File, Edit, Library, View and Help, the preview's document
and zoom commands, Undo and Redo from the brief's history, and Open Recent. A command that
needs the brief waits, disabled, until the panels are attached."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


class WindowMenus:
    """Mixed into the main window, whose commands the menus call."""

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
        self._action(library, t("Install Update from a New &Publisher…"),
                     lambda: self._library_update().install_from_new_publisher(self))
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
