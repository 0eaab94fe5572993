"""The offline user guide, shown from the Markdown file shipped with the app. Its screenshots
are scaled to the guide's width, so reading it never needs sideways scrolling."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImageReader, QTextCursor
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from ..core.paths import user_guide

MARGIN = 64  # the document's margins and a list's indent (a screenshot inside a numbered step)


class UserGuide(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Briefing Builder – User Guide"))
        self.browser = QTextBrowser(accessibleName=self.tr("User guide"), openExternalLinks=False)
        self._images: list[tuple[int, int, int]] = []  # position, length, natural width
        path = user_guide()
        if path.is_file():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setMarkdown(path.read_text("utf-8"))
            self._images = self._find_images(path.parent)
        else:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation ({0}).")
                                      .format(path))
        self.browser.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.resize(760, 640)

    def _find_images(self, folder) -> list[tuple[int, int, int]]:
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                image = fragment.charFormat().toImageFormat()
                if image.isValid():
                    width = QImageReader(str(folder / image.name())).size().width()
                    found.append((fragment.position(), fragment.length(), width))
                it += 1
            block = block.next()
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The browser's page changed width: the screenshots follow."""
        if event.type() == QEvent.Resize:
            self.fit_images(self.browser.viewport().width() - MARGIN)
        return super().eventFilter(watched, event)

    def fit_images(self, width: int) -> None:
        """Each image at its own size, or narrower to fit `width` (the height follows)."""
        cursor = QTextCursor(self.browser.document())
        for position, length, natural in self._images:
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.KeepAnchor)
            image = cursor.charFormat().toImageFormat()
            image.setWidth(min(natural, width) if natural > 0 else width)
            cursor.setCharFormat(image)
