"""Every question the window asks the officer, in one place.

The window calls these functions through this module, so a test can replace any of them with
`monkeypatch.setattr(dialogs, "ask_open_path", ...)` and drive the app without a modal dialog.
Qt's dialog classes are reached through `QtWidgets` when first asked for: PySide6 builds each
class on first use, and the window's first frame needs none of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QCoreApplication

from ..core.faults import Fault
from ..core.outputs import FORMATS

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

BRIEF_FILTER = "Briefs (*.brief)"


def tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def ask_open_path(parent: QWidget, folder: str) -> Path | None:
    from .file_dialog import choose

    name = choose(parent, tr("Open Brief"), folder, tr(BRIEF_FILTER))
    return Path(name) if name else None


def ask_save_path(parent: QWidget, title: str, suggestion: str, fmt: str | None = None) -> Path | None:
    """A file to write: a brief, or a document in the format `fmt` ("pdf", "docx")."""
    from .file_dialog import choose

    where = Path(suggestion)
    name = choose(parent, title, str(where.parent), tr(FORMATS[fmt].file_filter if fmt else BRIEF_FILTER),
                  save=True, suggestion=where.name)
    if not name:
        return None
    path = Path(name)
    suffix = FORMATS[fmt].suffix if fmt else ".brief"
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_folder(parent: QWidget, title: str, folder: str) -> Path | None:
    from .file_dialog import choose

    name = choose(parent, title, folder, folders=True)
    return Path(name) if name else None


def ask_unsaved(parent: QWidget, name: str) -> str:
    """'save', 'discard' or 'cancel' for a brief with unsaved changes."""
    QMessageBox = QtWidgets.QMessageBox
    answer = QMessageBox.question(
        parent, tr("Unsaved changes"), tr("Save the changes to {name}?").format(name=name),
        QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
    return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(answer, "cancel")


def ask_restore(parent: QWidget, holds: str) -> str:
    """'restore', 'later' (keep the autosave for the next start) or 'discard', after a session
    that did not close cleanly; `holds` says when the autosave was written and what it holds."""
    QMessageBox = QtWidgets.QMessageBox
    box = QMessageBox(QMessageBox.Question, tr("Restore unsaved work?"),
                      tr("Briefing Builder did not close cleanly last time. Restore the autosaved work?"),
                      parent=parent)
    box.setInformativeText(holds + tr("<p><b>Not Now</b> keeps it to offer again at the next start; "
                                      "<b>Discard</b> deletes it.</p>"))
    restore = box.addButton(tr("&Restore"), QMessageBox.AcceptRole)
    later = box.addButton(tr("&Not Now"), QMessageBox.RejectRole)
    discard = box.addButton(tr("&Discard"), QMessageBox.DestructiveRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(later)
    box.exec()
    return {restore: "restore", discard: "discard"}.get(box.clickedButton(), "later")


def ask_keep_work(parent: QWidget, question: str, keep: str, fresh: str) -> str:
    """'keep' (the default), 'fresh' or 'cancel', when a new country or carrier would change
    the officer's points; `keep` and `fresh` say what each answer does to them."""
    QMessageBox = QtWidgets.QMessageBox
    box = QMessageBox(QMessageBox.Question, tr("Change country or carrier"), question, parent=parent)
    box.setInformativeText(tr("<p><b>Keep My Work</b>: {keep}</p><p><b>Recommended Points Only</b>: "
                              "{fresh}</p><p>Either way the meeting details stay, and Undo (Ctrl+Z) "
                              "goes back.</p>").format(keep=keep, fresh=fresh))
    kept = box.addButton(tr("&Keep My Work"), QMessageBox.AcceptRole)
    fresh_button = box.addButton(tr("&Recommended Points Only"), QMessageBox.DestructiveRole)
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(kept)
    box.exec()
    return {kept: "keep", fresh_button: "fresh"}.get(box.clickedButton(), "cancel")


def ask_point(parent: QWidget, title: str, question: str, titles: list[str]) -> int | None:
    """The index of the point chosen from `titles` (type to find one), or None."""
    dialog = QtWidgets.QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(question)
    dialog.setComboBoxItems(titles)
    dialog.setComboBoxEditable(False)
    if not titles or dialog.exec() != QtWidgets.QDialog.Accepted:
        return None
    return titles.index(dialog.textValue())


def show_faults(parent: QWidget, title: str, faults: list[Fault]) -> None:
    QtWidgets.QMessageBox.warning(parent, title, "\n".join(str(f) for f in faults))


def show_error(parent: QWidget | None, summary: str, details: str, log_file: Path | None) -> None:
    """An unexpected error: what happened, the details to copy into a report, and the log."""
    from html import escape

    W = QtWidgets
    dialog = W.QDialog(parent, windowTitle=tr("Briefing Builder: error"))
    where = (tr("It is recorded in the log: {0}").format(log_file) if log_file
             else tr("No log file could be written."))
    advice = tr("If a brief is open, save it if you can. To report the problem, copy the details below "
                "and send them, with the log, to your support contact.")
    text = W.QLabel(f"<b>{escape(summary)}</b><p>{escape(advice)}</p><p>{escape(where)}</p>",
                    wordWrap=True, textInteractionFlags=QtCore.Qt.TextSelectableByMouse)
    box = W.QPlainTextEdit(details, readOnly=True, accessibleName=tr("Error details"))
    box.setLineWrapMode(W.QPlainTextEdit.NoWrap)
    buttons = W.QDialogButtonBox(W.QDialogButtonBox.Close)
    copy = buttons.addButton(tr("&Copy Details"), W.QDialogButtonBox.ActionRole)
    copy.clicked.connect(lambda: W.QApplication.clipboard().setText(details))
    if log_file:
        folder = buttons.addButton(tr("Show &Log Folder"), W.QDialogButtonBox.ActionRole)
        folder.clicked.connect(lambda: show_folder(log_file.parent))
    buttons.rejected.connect(dialog.reject)
    layout = W.QVBoxLayout(dialog)
    for widget in (text, box, buttons):
        layout.addWidget(widget)
    dialog.resize(720, 420)
    dialog.exec()


def show_folder(folder: Path) -> bool:
    """The system's file manager on `folder`, or the system's viewer on a file; False when
    there is none (a bare desktop) or it refused."""
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(folder)))


def ask_root_file(parent: QWidget, title: str, folder: str) -> Path | None:
    from .file_dialog import choose

    name = choose(parent, title, folder, tr("Root of signing keys (*.json)"))
    return Path(name) if name else None


def ask_trust_root(parent: QWidget, title: str, html: str) -> bool:
    """True only when the officer chose to trust the root `html` describes; Cancel is the default."""
    box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Warning, title, html, parent=parent)
    trust = box.addButton(tr("&Trust and Continue"), QtWidgets.QMessageBox.AcceptRole)
    box.setDefaultButton(box.addButton(QtWidgets.QMessageBox.Cancel))
    box.exec()
    return box.clickedButton() is trust


def ask_accept_update(parent: QWidget, title: str, html: str) -> bool:
    """A library update's changes, to read before installing it: True to install."""
    W = QtWidgets
    dialog = W.QDialog(parent, windowTitle=title)
    view = W.QTextBrowser(accessibleName=tr("What the update changes"))
    view.setHtml(html)
    buttons = W.QDialogButtonBox(W.QDialogButtonBox.Cancel)
    buttons.addButton(tr("&Install Update"), W.QDialogButtonBox.AcceptRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = W.QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(760, 560)
    return dialog.exec() == W.QDialog.Accepted


def show_info(parent: QWidget, title: str, text: str) -> None:
    QtWidgets.QMessageBox.about(parent, title, text)


def ask_printer(parent: QWidget, title: str, line: str) -> QPrinter | None:
    """A printer, set up by the officer in the system's print dialog, whose title and first
    line (where the dialog is Qt's own, not the system's) name what it prints."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded when first printing

    printer = QPrinter(QPrinter.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    layout = dialog.layout()
    if isinstance(layout, QtWidgets.QBoxLayout):
        layout.insertWidget(0, QtWidgets.QLabel(line, wordWrap=True, accessibleName=tr("Printing")))
    return printer if dialog.exec() == QPrintDialog.Accepted else None


def ask_meeting_pack(parent: QWidget, name: str, handouts: int) -> tuple[str, int, int] | None:
    """How to produce the meeting pack: ('print' or 'export', officer brief copies, handout
    copies), or None. `handouts` is the suggested count: one per counterpart."""
    W = QtWidgets
    dialog = W.QDialog(parent, windowTitle=tr("Meeting Pack — {0}").format(name))
    officer = W.QSpinBox(minimum=0, maximum=50, value=1, accessibleName=tr("Officer brief copies"))
    handout = W.QSpinBox(minimum=0, maximum=50, value=max(1, handouts), accessibleName=tr("Handout copies"))
    form = W.QFormLayout()
    form.addRow(W.QLabel(tr("Both documents of {0}, checked as an export is.").format(name), wordWrap=True))
    form.addRow(W.QLabel(tr("&Officer brief copies:"), buddy=officer), officer)
    form.addRow(W.QLabel(tr("&Handout copies:"), buddy=handout), handout)
    buttons = W.QDialogButtonBox(W.QDialogButtonBox.Cancel)
    chosen = []
    for text, how in ((tr("&Print…"), "print"), (tr("&Export to Folder…"), "export")):
        button = buttons.addButton(text, W.QDialogButtonBox.AcceptRole)
        button.clicked.connect(lambda _checked=False, h=how: chosen.append(h))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    dialog.setLayout(form)
    if dialog.exec() != W.QDialog.Accepted or not chosen:
        return None
    return chosen[-1], officer.value(), handout.value()
