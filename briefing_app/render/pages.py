"""Page furniture shared by both PDFs: paper sizes, the marking banner, "Page N of M".

ReportLab only knows the page count once every page is laid out, so the canvas keeps each
page's drawing state and stamps the furniture when the document is saved.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .styles import Styles

PAPER = {"a4": A4, "letter": LETTER}
NEUTRAL_PRODUCER = "PDF document"


class _FurnishedCanvas(Canvas):
    def __init__(self, *args, banner: str, styles: Styles, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._banner = banner
        self._styles = styles

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._furnish(total)
            super().showPage()
        super().save()

    def _furnish(self, total: int) -> None:
        page = self._styles.page
        width, height = self._pagesize
        offset = page["banner_offset_mm"] * mm
        self.saveState()
        if self._banner:
            self.setFont(self._styles.font(page["banner_font"], bold=True), page["banner_size"])
            self.drawCentredString(width / 2, height - offset - page["banner_size"], self._banner)
            self.drawCentredString(width / 2, offset, self._banner)
        self.setFont(self._styles.font(page["banner_font"]), page["footer_size"])
        self.drawRightString(width - self._styles.margin, offset,
                             f"Page {self._pageNumber} of {total}")
        self.restoreState()


def build_pdf(story: list[Flowable], *, paper: str, styles: Styles, banner: str,
              metadata: dict[str, str]) -> bytes:
    """Lay out `story` and return the PDF bytes; the same input gives the same bytes."""
    out = io.BytesIO()
    margin = styles.margin
    doc = BaseDocTemplate(
        out, pagesize=PAPER[paper], leftMargin=margin, rightMargin=margin,
        topMargin=margin, bottomMargin=margin, invariant=1, lang="en",
        title=metadata.get("title", ""), author=metadata.get("author", ""),
        subject=metadata.get("subject", ""), keywords=metadata.get("keywords", ""),
        creator=metadata.get("creator", ""), producer=NEUTRAL_PRODUCER,
    )
    frame = Frame(margin, margin, doc.width, doc.height, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    maker: Callable[..., Canvas] = partial(_FurnishedCanvas, banner=banner, styles=styles)
    doc.build(story, canvasmaker=maker)
    return out.getvalue()
