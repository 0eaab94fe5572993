"""What the last export wrote, in the status bar, with buttons to open it in the system's
viewer or show its folder: the officer checks a handout as the counterpart will see it before
sending it on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class ExportedBar(QWidget):
    open_requested = Signal(object)  # the path to open in the system's viewer or file manager

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        t = self.tr
        self.paths: tuple[Path, ...] = ()
        self.label = QLabel(accessibleName=t("Last export"))
        self.open_button = QPushButton(t("Open"), accessibleName=t("Open the exported file"))
        self.folder_button = QPushButton(t("Show in Folder"), accessibleName=t("Show the exported file's folder"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.open_button, self.folder_button):
            row.addWidget(widget)
        self.open_button.clicked.connect(lambda: [self.open_requested.emit(p) for p in self.paths])
        self.folder_button.clicked.connect(lambda: self.open_requested.emit(self.paths[0].parent))
        self.hide()

    def show_paths(self, paths: tuple[Path, ...]) -> None:
        """The files one export wrote (two for a meeting pack)."""
        self.paths = paths
        names = ", ".join(p.name for p in paths)
        self.label.setText(self.tr("Exported {0}").format(names))
        self.label.setToolTip("\n".join(str(p) for p in paths))
        self.open_button.setToolTip(self.tr("Open {0} in the system's viewer").format(names))
        self.setVisible(bool(paths))
