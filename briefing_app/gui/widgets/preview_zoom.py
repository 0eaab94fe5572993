"""Zoom for the preview: Ctrl++ / Ctrl+- / Ctrl+0 (actual size), Ctrl+wheel, and Fit Width;
the choice is reported (`changed`) so the window can remember it for the next start.

At 1366x768 a page fitted to the preview's width has text about 5 px high: readable only
zoomed in, and then the officer scrolls sideways within the page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

STEPS = (0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)


class PreviewZoom(QWidget):
    changed = Signal(object)  # the zoom factor, or None for fit width

    def __init__(self, view: QPdfView, zoom: float | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._view = view
        t = self.tr
        self.out_button = QToolButton(text="\u2212", accessibleName=t("Zoom out"), toolTip=t("Zoom out (Ctrl+-)"))
        self.in_button = QToolButton(text="+", accessibleName=t("Zoom in"), toolTip=t("Zoom in (Ctrl++)"))
        self.fit_button = QToolButton(text=t("Fit Width"), checkable=True, accessibleName=t("Fit width"),
                                      toolTip=t("Fit the page to the preview's width"))
        self.level = QLabel(accessibleName=t("Zoom"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for widget in (self.out_button, self.level, self.in_button, self.fit_button):
            row.addWidget(widget)
        self.out_button.clicked.connect(self.zoom_out)
        self.in_button.clicked.connect(self.zoom_in)
        self.fit_button.clicked.connect(lambda on: self.fit_width() if on else self.set_zoom(self.factor()))
        view.viewport().installEventFilter(self)
        self.set_zoom(zoom, quiet=True)

    @property
    def zoom(self) -> float | None:
        """The chosen factor, or None while the page fits the width."""
        return None if self._view.zoomMode() == QPdfView.ZoomMode.FitToWidth else self._view.zoomFactor()

    def factor(self) -> float:
        """The factor on screen, also while fitting the width."""
        if self.zoom is not None:
            return self.zoom
        document = self._view.document()
        if document is None or document.pageCount() == 0:
            return 1.0
        dpi = QGuiApplication.primaryScreen().logicalDotsPerInch() / 72
        margins = self._view.documentMargins()
        room = self._view.viewport().width() - margins.left() - margins.right()
        return max(0.1, room / (document.pagePointSize(0).width() * dpi))

    def set_zoom(self, zoom: float | None, quiet: bool = False) -> None:
        if zoom is None:
            self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self._view.setZoomMode(QPdfView.ZoomMode.Custom)
            self._view.setZoomFactor(min(STEPS[-1], max(STEPS[0], zoom)))
        self.fit_button.setChecked(zoom is None)
        self.level.setText(self.tr("Fit") if zoom is None else f"{self._view.zoomFactor():.0%}")
        if not quiet:
            self.changed.emit(self.zoom)

    def zoom_in(self) -> None:
        now = self.factor()
        self.set_zoom(next((s for s in STEPS if s > now * 1.01), STEPS[-1]))

    def zoom_out(self) -> None:
        now = self.factor()
        self.set_zoom(next((s for s in reversed(STEPS) if s < now / 1.01), STEPS[0]))

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def fit_width(self) -> None:
        self.set_zoom(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+wheel zooms, as in every document viewer; the plain wheel still scrolls."""
        if event.type() == QEvent.Wheel and event.modifiers() & Qt.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            return True
        return super().eventFilter(watched, event)
