"""A `Document`'s blocks as ReportLab flowables: how each kind of block looks on paper.

Nothing here writes a word of its own; the styles come from `assets/styles.toml`. Headings
never end a page (see `text.heading`), a paragraph the document keeps whole (a talking point,
an answer, a source) moves to the next page rather than split, and sections with a page
budget are marked where they start and end so the finished layout can be measured.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from ..core import document as doc
from .balance import BalancedParagraph
from .pages import Layout, SectionMark
from .pdf_figures import drawing
from .styles import Styles
from .text import SteadyParagraph as Para
from .text import chunks, heading, markup, paragraph, paragraphs

LABEL_WIDTH = 36 * mm
BOX_PADDING = 6
ROLE_STYLES = {"body": "body", "subtitle": "subtitle", "question": "question", "note": "small",
               "bluf": "bluf", "cell": "cell"}
LIST_STYLES = {"points": "point", "facts": "item", "sources": "source",
               "public-sources": "public_source"}
SPACE_AFTER = {doc.Table: 8, doc.Box: 8, doc.Figures: 10}
SPLIT_IN_ROW = 36  # a cell taller than the room left splits across pages, at least this high on each


@dataclass
class Story:
    """Builds the flowables of one document; records the line counts of boxes with an id."""

    styles: Styles
    width: float
    layout: Layout
    measured: frozenset[str]  # sections whose extent a budget reads
    lines: dict[str, int] = field(default_factory=dict)
    spacing: float = 1.0  # of the space after tables, boxes and figures

    def of(self, blocks: tuple[doc.Block, ...]) -> list[Flowable]:
        story: list[Flowable] = []
        for block in blocks:
            story += self.block(block)
            if type(block) in SPACE_AFTER:
                story.append(Spacer(1, SPACE_AFTER[type(block)] * self.spacing))
        return story

    def paragraphs(self, block: doc.Paragraph, style, label: str | None = None) -> list[Flowable]:
        return paragraphs(block, style, label, self.width)

    def block(self, block: doc.Block) -> list[Flowable]:
        p = self.styles.paragraph
        if isinstance(block, doc.Section):
            return self.section(block)
        if isinstance(block, doc.Title):
            return [BalancedParagraph(markup(doc.marked(block.portion, block.text)), p["title"])]
        if isinstance(block, doc.Heading):
            return self.heading(block)
        if isinstance(block, doc.Paragraph):
            return self.paragraphs(block, p[ROLE_STYLES[block.role]])
        if isinstance(block, doc.ItemList):
            style = p[LIST_STYLES[block.kind]]
            return [f for item in block.items for f in self.paragraphs(item.paragraph, style, item.label)]
        if isinstance(block, doc.Table):
            caption = [Para(markup(doc.marked(block.portion, block.caption)), p["caption"])]
            return [*(caption if block.caption else []), self.table(block)]
        if isinstance(block, doc.Box):
            return [self.box(block)]
        if isinstance(block, doc.Figures):
            return [self.figures(block)]
        if isinstance(block, doc.Signoff):  # kept with what precedes it: see pdf_fit.keep_tail
            return [Spacer(1, 10), *(paragraph(line, p["body"]) for line in block.lines)]
        raise TypeError(f"no PDF layout for {type(block).__name__}")

    def heading(self, block: doc.Heading, mark: Flowable | None = None) -> list[Flowable]:
        style = self.styles.paragraph["heading" if block.level == 1 else "subheading"]
        return heading(block.text, style, self.styles.keep, mark)

    def section(self, section: doc.Section) -> list[Flowable]:
        if section.id not in self.measured:
            return [*self.heading(section.heading), *self.of(section.blocks)]
        start = SectionMark(self.layout, f"{section.id}:start")
        end = SectionMark(self.layout, f"{section.id}:end")
        return [*self.heading(section.heading, start), *self.of(section.blocks), end]

    def table(self, block: doc.Table) -> RLTable:
        p, colours = self.styles.paragraph, self.styles.colours
        rows = [[markup_cell(cell, p["label"] if block.labelled and col == 0 else p["cell"])
                 for col, cell in enumerate(row)] for row in block.rows]
        if block.header:
            rows.insert(0, [Para(markup(h), p["label"]) for h in block.header])
        columns = len(rows[0])
        widths = [LABEL_WIDTH, self.width - LABEL_WIDTH] if block.labelled and columns == 2 \
            else [self.width / columns] * columns
        table = RLTable(rows, colWidths=widths, repeatRows=1 if block.header else 0,
                        splitInRow=SPLIT_IN_ROW)
        table.setStyle(TableStyle([
            self.styles.table_font,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.75, colours["muted"]),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colours["muted"]),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *([("BACKGROUND", (0, 0), (-1, 0), colours["shade"])] if block.header else []),
        ]))
        return table

    def box(self, block: doc.Box) -> RLTable:
        style = self.styles.paragraph
        width = self.width * block.width
        content = [f for para in block.paragraphs
                   for f in paragraphs(para, style[ROLE_STYLES[para.role]], width=width - 2 * BOX_PADDING)]
        if block.id:  # measured on copies: the box lays out its own
            copies = [paragraph(para, style[ROLE_STYLES[para.role]]) for para in block.paragraphs]
            self.lines[block.id] = _lines(copies, width - 2 * BOX_PADDING)
        box = RLTable([[content[0] if len(content) == 1 else content]], colWidths=[width],
                      splitInRow=SPLIT_IN_ROW, hAlign="RIGHT" if block.align == "right" else "CENTER")
        box.setStyle(TableStyle([
            self.styles.table_font,
            *([("BACKGROUND", (0, 0), (-1, -1), self.styles.colours["shade"])]
              if block.shade else []),
            ("BOX", (0, 0), (-1, -1), 0.75, self.styles.colours["muted"]),
            ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))
        return box

    def figures(self, block: doc.Figures) -> RLTable:
        """Figures side by side, each an equal share of the text width."""
        gap, count = self.styles.figure["gap"], len(block.figures)
        each = (self.width - gap * (count - 1)) / count
        cells: list[object] = []
        widths: list[float] = []
        for index, figure in enumerate(block.figures):
            if index:
                cells.append("")
                widths.append(gap)
            cells.append(drawing(figure, self.styles, each))
            widths.append(each)
        row = RLTable([cells], colWidths=widths)
        row.setStyle(TableStyle([self.styles.table_font, ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return row


def markup_cell(lines: tuple[str, ...], style) -> Para | list[Para]:
    """A table cell; a very long one in pieces (see `text.paragraphs`), so it splits in time."""
    pieces = chunks((doc.Run("\n".join(lines)),))
    if len(pieces) == 1:
        return Para(markup(pieces[0][0].text if pieces[0] else ""), style)
    return [Para(markup(runs[0].text), style) for runs in pieces]


def _lines(paragraphs: list[Para], width: float) -> int:
    """How many lines the paragraphs take at `width`."""
    count = 0
    for para in paragraphs:
        para.wrap(width, 10_000)
        count += len(para.blPara.lines)
    return count
