"""The live preview: the exact PDF the officer will print, rebuilt at once after each change.

Building runs on a worker (the runner), one build at a time: a change made while one runs is
built as soon as it ends, so the preview follows typing within about two builds, and builds
never pile up on the processor while the officer types. ReportLab is imported on the worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.assemble import reference_faults
from ...core.brief import Brief
from ...core.faults import InputError
from ...core.library import Library
from ..controller import BriefController
from ..tasks import Runner
from .preview_zoom import PreviewZoom

if TYPE_CHECKING:
    from ...core.produce import Produced

PREVIEW_DELAY_MS = 100  # keys typed closer together become one build, so a build does not slow typing


def build_document(library: Library, brief: Brief, variant: str) -> Produced:
    """Plain function for a worker thread: the same PDF Export writes, checked the same way,
    with its page-budget warnings. ReportLab is imported here, on the worker, so it never
    delays the first window."""
    from ...core.produce import produce

    return produce(library, brief, variant, "pdf", name="this brief")


class PreviewPane(QWidget):
    rendered = Signal(str, tuple)
    failed = Signal(str)

    def __init__(self, controller: BriefController, runner: Runner, zoom: float | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._controller, self._runner = controller, runner
        self._generation = 0
        self._building = False  # one build at a time
        self._again = False  # a change came in while building
        self._buffer: QBuffer | None = None
        self.pdf_bytes = b""
        self.shown_brief: Brief | None = None  # the brief the preview on show was built from
        self.officer = QRadioButton(self.tr("Officer brief"),
                                    accessibleName=self.tr("Preview officer brief"))
        self.handout = QRadioButton(self.tr("Handout"), accessibleName=self.tr("Preview handout"))
        self.officer.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.officer)
        group.addButton(self.handout)
        self.status = QLabel(accessibleName=self.tr("Preview status"))
        self.view = QPdfView(self, accessibleName=self.tr("Preview"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.zoom = PreviewZoom(self.view, zoom)
        self.message = QLabel(wordWrap=True, accessibleName=self.tr("Preview message"))
        self.message.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)
        # The stack deletes its children in order: first the view, whose page-drawing thread
        # reads the document, then the document, which tells its viewers when it closes.
        self.document = QPdfDocument(self.stack)
        self.view.setDocument(self.document)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Preview:")))
        top.addWidget(self.officer)
        top.addWidget(self.handout)
        top.addStretch()
        bottom = QHBoxLayout()
        bottom.addWidget(self.status)
        bottom.addStretch()
        bottom.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack)
        layout.addLayout(bottom)
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_now)
        group.buttonToggled.connect(lambda _b, on: on and self.refresh_now())
        controller.brief_changed.connect(lambda _brief: self._timer.start())
        if self._blocked(controller.library, controller.brief):
            self.refresh_now()
        else:
            self._show_message(self.tr("Building the preview…"))
            QTimer.singleShot(0, self, self.refresh_now)

    @property
    def variant(self) -> str:
        return "handout" if self.handout.isChecked() else "officer"

    def refresh_now(self) -> None:
        """Build the preview of the brief as it is now, or as soon as the build running ends."""
        self._timer.stop()
        brief, library = self._controller.brief, self._controller.library
        blocked = self._blocked(library, brief)
        if blocked:
            self._generation += 1  # a build still running is not shown
            self._show_message(blocked)
            return
        if self._building:
            self._again = True
            return
        self._generation += 1
        generation, variant = self._generation, self.variant
        self.status.setText(self.tr("Updating…"))
        if self.stack.currentWidget() is self.message:
            self.message.setText(self.tr("Building the preview…"))
        self._building = True
        self._runner.run(lambda: build_document(library, brief, variant),
                         lambda result: self._finished(generation, lambda: self._on_built(brief, variant, result)),
                         lambda err: self._finished(generation, lambda: self._on_failed(err)))

    def _finished(self, generation: int, show) -> None:
        """A build ended: show it (a change made meanwhile is built next; this one is still
        newer than what is on show), unless the brief cannot be previewed any more."""
        self._building = False
        if generation == self._generation:
            show()
        if self._again:
            self._again = False
            self.refresh_now()

    def _blocked(self, library: Library, brief: Brief) -> str:
        """Why there is nothing to preview yet, or "" when there is. A country or carrier the
        library lacks is said here, not reported again: the Problems list already names it."""
        if brief.country is None:
            return self.tr("Choose a country and a carrier to see the brief.")
        missing = reference_faults(library, brief)
        if missing:
            return self.tr("The library has no {0}: choose the country and carrier again to see the "
                           "brief.").format("; ".join(f.reason for f in missing))
        if not brief.points:
            return self.tr("Tick at least one talking point to see the brief.")
        return ""

    def _on_built(self, brief: Brief, variant: str, result: Produced) -> None:
        if variant != self.variant:
            return  # the other document was asked for meanwhile; it is being built
        self.pdf_bytes = result.data
        self.shown_brief = brief
        buffer = QBuffer(self)
        buffer.setData(QByteArray(result.data))
        buffer.open(QIODevice.ReadOnly)
        navigator = self.view.pageNavigator()
        page = navigator.currentPage()
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        navigator.jump(min(page, max(0, self.document.pageCount() - 1)), navigator.currentLocation())
        self.stack.setCurrentWidget(self.view)
        pages = self.document.pageCount()
        self.status.setText(self.tr("1 page") if pages == 1 else self.tr("{0} pages").format(pages))
        self.rendered.emit(self.variant, result.warnings)

    def _on_failed(self, err: BaseException) -> None:
        if isinstance(err, InputError):
            text = "\n".join(str(f) for f in err.faults)
        else:
            text = self.tr("The preview could not be built: {0}").format(err)
        self._show_message(text)
        self.failed.emit(text)

    def _show_message(self, text: str) -> None:
        self.pdf_bytes = b""
        self.shown_brief = None
        self.status.setText("")
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
