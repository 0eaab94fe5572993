"""Qt's own file dialog (used where the desktop offers none of its own), made safe in folders
that hold special files.

To pick an icon, Qt guesses each file's type from its first bytes. Reading a FIFO, or
/proc/kmsg as root, waits for a writer that never comes, and the dialog froze the whole app as
soon as it showed such a folder. Here the icons and types come from the name and the kind of
entry alone, so nothing in a folder is ever opened.
"""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class PlainIcons(QAbstractFileIconProvider):
    """A folder icon for folders and a file icon for everything else, never reading a file."""

    def __init__(self):
        super().__init__()
        self._icons = QFileIconProvider()

    def icon(self, what: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo):
            kinds = QAbstractFileIconProvider.IconType
            what = kinds.Folder if what.isDir() else kinds.File
        return self._icons.icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        return f"{info.suffix().upper()} file" if info.suffix() else "File"


_ICONS: list[PlainIcons] = []  # one for every dialog, made when first needed


def file_dialog(parent: QWidget | None, title: str, folder: str, name_filter: str = "") -> QFileDialog:
    """A file dialog whose icons never read a file."""
    if not _ICONS:
        _ICONS.append(PlainIcons())
    dialog = QFileDialog(parent, title, folder, name_filter)
    dialog.setIconProvider(_ICONS[0])
    return dialog


def choose(parent: QWidget, title: str, folder: str, name_filter: str = "", *, save: bool = False,
           folders: bool = False, suggestion: str = "") -> str | None:
    """The path the officer chose, or None. `save`: a file to write (`suggestion` its name);
    `folders`: a folder."""
    dialog = file_dialog(parent, title, folder, name_filter)
    if folders:
        dialog.setFileMode(QFileDialog.Directory)
        dialog.setOption(QFileDialog.ShowDirsOnly, True)
    elif save:
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.selectFile(suggestion)
    else:
        dialog.setFileMode(QFileDialog.ExistingFile)
    if dialog.exec() != QFileDialog.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]
