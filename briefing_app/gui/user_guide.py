"""The offline user guide, shown from the Markdown file shipped with the app."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from ..core.paths import user_guide


class UserGuide(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Briefing Builder – User Guide"))
        self.browser = QTextBrowser(accessibleName=self.tr("User guide"), openExternalLinks=False)
        path = user_guide()
        if path.is_file():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setMarkdown(path.read_text("utf-8"))
        else:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation ({0}).")
                                      .format(path))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.resize(760, 640)
