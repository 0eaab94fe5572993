"""Every question the window asks the officer, in one place.

The window calls these functions through this module, so a test can replace any of them with
`monkeypatch.setattr(dialogs, "ask_open_path", ...)` and drive the app without a modal dialog.
Qt's dialog classes are reached through `QtWidgets` when first asked for: PySide6 builds each
class on first use, and the window's first frame needs none of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication

from ..core.faults import Fault

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

BRIEF_FILTER = "Briefs (*.brief)"
PDF_FILTER = "PDF documents (*.pdf)"


def tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def ask_open_path(parent: QWidget, folder: str) -> Path | None:
    name, _ = QtWidgets.QFileDialog.getOpenFileName(parent, tr("Open Brief"), folder, tr(BRIEF_FILTER))
    return Path(name) if name else None


def ask_save_path(parent: QWidget, title: str, suggestion: str, pdf: bool = False) -> Path | None:
    dialog = QtWidgets.QFileDialog
    name, _ = dialog.getSaveFileName(parent, title, suggestion, tr(PDF_FILTER if pdf else BRIEF_FILTER))
    if not name:
        return None
    path = Path(name)
    suffix = ".pdf" if pdf else ".brief"
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_folder(parent: QWidget, title: str, folder: str) -> Path | None:
    name = QtWidgets.QFileDialog.getExistingDirectory(parent, title, folder)
    return Path(name) if name else None


def ask_unsaved(parent: QWidget, name: str) -> str:
    """'save', 'discard' or 'cancel' for a brief with unsaved changes."""
    QMessageBox = QtWidgets.QMessageBox
    answer = QMessageBox.question(
        parent, tr("Unsaved changes"), tr("Save the changes to {name}?").format(name=name),
        QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
    return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(answer, "cancel")


def ask_restore(parent: QWidget, original: Path | None) -> bool:
    what = original.name if original else tr("an unsaved brief")
    QMessageBox = QtWidgets.QMessageBox
    answer = QMessageBox.question(
        parent, tr("Restore unsaved work?"),
        tr("Briefing Builder did not close cleanly last time. Restore the autosaved changes "
           "to {what}?").format(what=what), QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
    return answer == QMessageBox.Yes


def show_faults(parent: QWidget, title: str, faults: list[Fault]) -> None:
    QtWidgets.QMessageBox.warning(parent, title, "\n".join(str(f) for f in faults))


def show_info(parent: QWidget, title: str, text: str) -> None:
    QtWidgets.QMessageBox.about(parent, title, text)


def ask_printer(parent: QWidget) -> QPrinter | None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded when first printing

    printer = QPrinter(QPrinter.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.Accepted else None
