"""In the Point tab: the library has reworded this point since the brief recorded its wording.

Shown above the library's wording with the words that changed, and more strongly when the
officer had reworded the point (their wording was based on the old one). Accepting records
the new wording in the brief, so the note goes until the library changes again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...core.library_changes import WordingChange
from .tailored_field import word_diff_html


class LibraryChangeNote(QWidget):
    accepted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel(wordWrap=True, textFormat=Qt.RichText,
                            accessibleName=self.tr("Library wording changed"))
        self.accept_button = QPushButton(self.tr("Accept New &Wording"),
                                         accessibleName=self.tr("Accept the library's new wording"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.accept_button, 0, Qt.AlignTop)
        self.accept_button.clicked.connect(self.accepted)
        self.setVisible(False)

    def show_change(self, change: WordingChange | None) -> None:
        self.setVisible(change is not None)
        if change is None:
            return
        if change.reworded:
            head = self.tr("<b style='color:#b00020'>⚠ You reworded this point, and the library's "
                           "wording it was based on has changed since this brief was made.</b> "
                           "Check that your wording still holds. What the library changed:")
            self.accept_button.setText(self.tr("I Have Checked &My Wording"))
        else:
            head = self.tr("<b style='color:#a15c00'>⚠ The library's wording changed since this brief "
                           "was made: compare.</b> The brief now prints the new wording:")
            self.accept_button.setText(self.tr("Accept New &Wording"))
        self.label.setText(f"{head}<br>{word_diff_html(change.was, change.now)}")
