"""The PDF backend: lays a `Document` out with ReportLab, and reads a PDF back as its
recipient would (pypdf), for the handout check.

Same document, same bytes: ReportLab runs in invariant mode and writes only the metadata the
document sets. The layout is measured (pages, section extents, box lines), so page budgets
are checked on PDFs, and the page rules of `pdf_fit.py` are applied.
"""

from __future__ import annotations

import io
from typing import NamedTuple

from ..core.backend import FileContents, Measures, Rendered
from ..core.document import Document
from ..core.outputs import PAPERS
from .pages import NEUTRAL_PRODUCER, Layout, build_pdf
from .pdf_fit import closing_blocks, fitting_attempts, keep_headings, keep_tail, tightened
from .pdf_story import Story
from .styles import load_styles
from .text import noting_unprintable, unprintable_warning
from .tight import TIGHT_SPACE

_ALLOWED_INFO = {"/Title", "/Producer", "/Trapped"}
_FORBIDDEN_ROOT = {"/Outlines": "outlines", "/Names": "attachments or scripts",
                   "/OpenAction": "an open action", "/AA": "automatic actions",
                   "/AcroForm": "form fields", "/Metadata": "XMP metadata"}


def render(document: Document) -> Rendered:
    return fitted(document).rendered


class Fitted(NamedTuple):
    """The layout a document is printed in: the document as laid out (without its figures, or
    with its compact sections, where that made it fit), whether it is `tight`, and the PDF."""

    document: Document
    tight: bool
    rendered: Rendered


def fitted(document: Document, reserve: float = 0.0) -> Fitted:
    """The document laid out; one that should fit on one page (a handout) is laid out again,
    tighter and then without figures, until it does. If it cannot, it keeps its figures, with
    the tighter spacing only where that saves a page. Each page's text ends `reserve` points
    above its margin."""
    attempts = fitting_attempts(document)
    best = Fitted(*attempts[0], layout_pdf(*attempts[0], reserve=reserve))
    for index, attempt in enumerate(attempts[1:], start=1):
        if best.rendered.pages == 1:
            break
        laid = layout_pdf(*attempt, reserve=reserve)
        if laid.pages == 1 or (index == 1 and laid.pages < best.rendered.pages):
            best = Fitted(*attempt, laid)
    return best


def layout_pdf(document: Document, tight: bool = False, reserve: float = 0.0) -> Rendered:
    """One layout of the document: every page rule applied, spacing as styled or `tight`,
    each page's text ending `reserve` points above its margin."""
    styles = tightened(load_styles()) if tight else load_styles()
    width = PAPERS[document.paper].size[0] - 2 * styles.margin
    layout = Layout()
    measured = frozenset(b.target for b in document.budgets if b.measure != "lines" and b.target)
    story = Story(styles, width, layout, measured, spacing=TIGHT_SPACE if tight else 1.0)
    lead = len(document.blocks) - closing_blocks(document)
    with noting_unprintable() as unprintable:
        body = keep_headings(story.of(document.blocks[:lead]))
        flowables = keep_tail(body + keep_headings(story.of(document.blocks[lead:])), len(body))
    data = build_pdf(flowables, paper=document.paper, styles=styles,
                     furniture=document.furniture, metadata=document.metadata, layout=layout,
                     reserve=reserve)
    measures = Measures(layout.pages, {name: layout.extent(name) for name in measured},
                        story.lines, {name: layout.spill(name) for name in measured})
    return Rendered(data, measures, unprintable_warning(unprintable))


def read_back(data: bytes, document: Document) -> FileContents:
    """The text of every page and every metadata value, and anything in the file's structure
    beyond the title and neutral producer: other metadata, annotations, outlines,
    attachments, scripts or form fields."""
    from pypdf import PdfReader  # slow to import; only handouts are read back

    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata or {}
    problems = [f"metadata field {key}" for key in sorted(set(info) - _ALLOWED_INFO)]
    if info.get("/Title") != document.metadata.title:
        problems.append("a document title other than the handout's own")
    if info.get("/Producer", NEUTRAL_PRODUCER) != NEUTRAL_PRODUCER:
        problems.append("a producer other than the neutral one")
    root = reader.trailer["/Root"]
    problems += [what for key, what in _FORBIDDEN_ROOT.items() if key in root]
    for number, page in enumerate(reader.pages, start=1):
        problems += [f"{what} on page {number}" for key, what in
                     (("/Annots", "annotations"), ("/AA", "page actions")) if key in page]
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return FileContents(text + "\n" + "\n".join(str(v) for v in info.values()), tuple(problems))
