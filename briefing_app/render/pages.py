"""Page furniture of every PDF: the marking banner, the page number, deliberate metadata.

ReportLab only knows the page count once every page is laid out, so the canvas keeps each
page's drawing state and stamps the furniture when the document is saved. Section marks
record where a section starts and ends on the page, so page budgets can be measured.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import partial

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ..core.document import Furniture, Metadata
from ..core.outputs import PAPERS
from .styles import Styles

NEUTRAL_PRODUCER = "PDF document"
# Comments ReportLab writes into every file, naming itself; replaced by blanks of the same
# length, so every byte offset in the file stays right.
_TOOL_COMMENTS = (b" ReportLab Generated PDF document (opensource)",
                  b" ReportLab generated PDF document -- digest (opensource)")


class _DeliberateInfo(PDFInfo):
    """The document information dictionary with only the fields we set on purpose.

    ReportLab writes every field, with placeholders such as "anonymous"; a handout must carry
    a title and a neutral producer and nothing else (no author, dates, subject or keywords).
    """

    def format(self, document) -> bytes:
        fields = {"Title": self.title, "Author": self.author, "Subject": self.subject,
                  "Keywords": self.keywords, "Creator": self.creator, "Producer": self.producer}
        entries = {k: PDFString(v) for k, v in fields.items() if v}
        entries["Trapped"] = PDFName("False")
        return PDFDictionary(entries).format(document)


class _FurnishedCanvas(Canvas):
    def __init__(self, *args, furniture: Furniture, styles: Styles, **kwargs):
        super().__init__(*args, **kwargs)
        self._doc.info = _DeliberateInfo()
        self._pages: list[dict] = []
        self._banner = furniture.banner
        self._page_label = furniture.page_label
        self._styles = styles

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            body, self._code = self._code, []
            self._furnish_top()
            self._code += body
            self._furnish_bottom(total)
            super().showPage()
        super().save()

    def _furnish_top(self) -> None:
        """The top banner, written before the page body so text extraction reads it first."""
        if self._banner:
            height = self._pagesize[1]
            page = self._styles.page
            self._draw_banner(height - page["banner_offset_mm"] * mm - page["banner_size"])

    def _furnish_bottom(self, total: int) -> None:
        page = self._styles.page
        offset = page["banner_offset_mm"] * mm
        if self._banner:
            self._draw_banner(offset)
        self.saveState()
        self.setFillColor(self._styles.colours["ink"])
        self.setFont(self._styles.font(page["banner_font"]), page["footer_size"])
        self.drawRightString(self._pagesize[0] - self._styles.margin, offset,
                             self._page_label.format(page=self._pageNumber, pages=total))
        self.restoreState()

    def _draw_banner(self, y: float) -> None:
        page = self._styles.page
        self.saveState()
        self.setFillColor(self._styles.colours["ink"])
        self.setFont(self._styles.font(page["banner_font"], bold=True), page["banner_size"])
        self.drawCentredString(self._pagesize[0] / 2, y, self._banner)
        self.restoreState()


@dataclass
class Layout:
    """What the finished layout tells us: page count and where each marked section lies."""

    frame_height: float = 0.0
    pages: int = 0
    marks: dict[str, tuple[int, float]] = field(default_factory=dict)

    def extent(self, section: str) -> float:
        """Length of a section in pages of body text (0 if it was not printed)."""
        start, end = self.marks.get(f"{section}:start"), self.marks.get(f"{section}:end")
        if not start or not end:
            return 0.0
        (page1, y1), (page2, y2) = start, end
        return ((page2 - page1) * self.frame_height + y1 - y2) / self.frame_height


    def spill(self, section: str) -> int:
        """How many pages a section runs onto past the page it starts on (0 if not printed)."""
        start, end = self.marks.get(f"{section}:start"), self.marks.get(f"{section}:end")
        return end[0] - start[0] if start and end else 0


class SectionMark(Flowable):
    """An invisible flowable that records the page and height at which it is drawn.

    Place a start mark after the heading's page-break check, so it moves with the heading.
    """

    def __init__(self, layout: Layout, name: str):
        super().__init__()
        self.width = self.height = 0
        self._layout = layout
        self._name = name

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802,N803 (ReportLab's names)
        self._layout.marks[self._name] = (canvas.getPageNumber(), y)

    def draw(self) -> None:
        """Nothing to draw; `drawOn` records the position."""


def build_pdf(story: list[Flowable], *, paper: str, styles: Styles, furniture: Furniture,
              metadata: Metadata, layout: Layout | None = None, reserve: float = 0.0) -> bytes:
    """Lay out `story` and return the PDF bytes; the same input gives the same bytes. The
    `reserve` (points) is left empty at the foot of every page's text.

    The only metadata written is the title and a neutral producer.
    """
    out = io.BytesIO()
    margin = styles.margin
    doc = BaseDocTemplate(
        out, pagesize=PAPERS[paper].size, leftMargin=margin, rightMargin=margin,
        topMargin=margin, bottomMargin=margin + reserve, invariant=1, lang=metadata.language,
        title=metadata.title,
        author="", subject="", keywords="", creator="", producer=NEUTRAL_PRODUCER,
        # ReportLab's default starting font is Helvetica, which is never embedded.
        initialFontName=styles.font(styles.page["banner_font"]),
        initialFontSize=styles.page["footer_size"],
    )
    frame = Frame(margin, margin, doc.width, doc.height, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    maker = partial(_FurnishedCanvas, furniture=furniture, styles=styles)
    doc.build(story, canvasmaker=maker)
    if layout is not None:
        layout.frame_height = doc.height
        layout.pages = doc.page
    data = out.getvalue()
    for comment in _TOOL_COMMENTS:
        data = data.replace(comment, b" " * len(comment))
    return data
