"""A `Document`'s blocks as Word paragraphs and tables, in the house styles of `docx_styles`.

Nothing here writes a word of its own. Numbers of points and sources are written as text with
a hanging indent, not as Word's automatic numbering: background headings, "if raised"
headings and source references cite those numbers, so a clearer who inserts a point in Word
must not silently renumber what the rest of the brief refers to.
"""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from ..core import document as doc
from ..core.document import printable

ROLE_STYLES = {"body": "Normal", "subtitle": "Subtitle", "question": "Question", "note": "Note",
               "bluf": "BLUF", "cell": "Table Text"}
LIST_STYLES = {"points": "Point", "facts": "Fact", "sources": "Source"}
LABEL_WIDTH = Mm(36)


def _set(parent, tag: str, **attrs: str):
    """Append a `w:` element with `w:` attributes to `parent`; returns it."""
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    parent.append(element)
    return element


def add_run(paragraph, text: str, bold: bool = False) -> None:
    """A run of `text`; plain text goes into one `w:t` (python-docx's `add_run(text)` reads
    it a character at a time, for tabs and line breaks, a quarter of a brief's layout)."""
    if "\t" in text or "\n" in text:
        run = paragraph.add_run(text)
    else:
        run = paragraph.add_run()
        run._r.add_t(text)
    if bold:
        run.bold = True


class Writer:
    """Appends blocks to a python-docx document whose text is `width` wide."""

    def __init__(self, word, width, shade: str):
        self.word, self.width, self.shade = word, width, shade
        self._style_ids: dict[str, str] = {}
        self.last = None  # the paragraph added last

    def add(self, style: str, text: str = ""):
        """A new paragraph in `style` at the end of the body."""
        out = self.last = self.word.add_paragraph()
        if text:
            add_run(out, text)
        if style != "Normal":
            self.restyle(out, style)
        return out

    def restyle(self, paragraph, style: str) -> None:
        """Set a paragraph's style by its id. (python-docx's `style = name` looks for the
        default style among all of the template's styles each time: half of a brief's
        export.)"""
        if not self._style_ids:
            self._style_ids = {s.name: s.style_id for s in self.word.styles}
        paragraph._p.style = self._style_ids[style]

    def blocks(self, blocks: tuple[doc.Block, ...]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block: doc.Block) -> None:
        if isinstance(block, doc.Section):
            self.block(block.heading)
            self.blocks(block.blocks)
        elif isinstance(block, doc.Title):
            self.add("Title", printable(doc.marked(block.portion, block.text)))
        elif isinstance(block, doc.Heading):
            self.add(f"Heading {block.level}", printable(block.text))
        elif isinstance(block, doc.Paragraph):
            self.paragraph(self.add(ROLE_STYLES[block.role]), block)
        elif isinstance(block, doc.ItemList):
            for item in block.items:
                out = self.add(LIST_STYLES[block.kind], printable(item.label) + "\t")
                self.paragraph(out, item.paragraph)
        elif isinstance(block, (doc.Table, doc.Box)):
            self.table(block) if isinstance(block, doc.Table) else self.box(block)
            self.add("Note")  # Word would join two tables that touch
        elif isinstance(block, doc.Figures):
            for figure in block.figures:
                self.figure(figure)
        elif isinstance(block, doc.Signoff):
            if self.last is not None:  # the sign-off stays with the text before it
                self.last.paragraph_format.keep_with_next = True
            for index, line in enumerate(block.lines):
                out = self.paragraph(self.add("Normal"), line)
                out.paragraph_format.keep_with_next = index < len(block.lines) - 1
                out.paragraph_format.space_before = Mm(3.5) if index == 0 else None
        else:
            raise TypeError(f"no Word layout for {type(block).__name__}")

    @staticmethod
    def paragraph(out, block: doc.Paragraph):
        """The runs of `block` (portion mark first, source numbers last) added to `out`; a
        paragraph the document keeps whole is kept on one page."""
        if block.whole:
            out.paragraph_format.keep_together = True
        if block.portion and block.portion.mark:
            add_run(out, block.portion.mark + "\u00a0")
        for run in block.runs:
            add_run(out, printable(run.text), run.bold)
        if block.refs and block.refs_raised:  # out of the line read aloud: raised and small
            out.add_run(block.refs_text).font.superscript = True
        elif block.refs:
            add_run(out, block.refs_text)
        return out

    def _cell_lines(self, cell, lines: tuple[str, ...], style: str, bold: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        self.restyle(paragraph, style)
        add_run(paragraph, printable("\n".join(lines)), bold)

    def table(self, block: doc.Table) -> None:
        columns = len(block.rows[0]) if block.rows else len(block.header)
        rows = [list(row) for row in ([block.header] if block.header else []) + list(block.rows)]
        if rows and rows[0]:  # the table's portion mark opens its first cell
            first = (rows[0][0],) if isinstance(rows[0][0], str) else rows[0][0]
            rows[0][0] = (doc.marked(block.portion, first[0]), *first[1:])
        table = self.word.add_table(rows=len(rows), cols=columns, style="Table Grid")
        widths = [LABEL_WIDTH, self.width - LABEL_WIDTH] if block.labelled and columns == 2 \
            else [int(self.width / columns)] * columns
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid, which LibreOffice reads; Word reads each cell's
        for index, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
            header = bool(block.header) and index == 0
            if header:  # repeated at the top of every page the table runs onto
                _set(row._tr.get_or_add_trPr(), "w:tblHeader")
            for col, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                cell.width = widths[col]
                lines = (value,) if isinstance(value, str) else value
                label = header or (block.labelled and col == 0)
                self._cell_lines(cell, lines, "Table Label" if label else "Table Text")
                if header:
                    _set(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto",
                         fill=self.shade)

    def box(self, block: doc.Box) -> None:
        table = self.word.add_table(rows=1, cols=1, style="Table Grid")
        table.alignment = WD_TABLE_ALIGNMENT.RIGHT if block.align == "right" \
            else WD_TABLE_ALIGNMENT.CENTER
        cell = table.cell(0, 0)
        table.autofit = False
        table.columns[0].width = cell.width = int(self.width * block.width)
        if block.shade:
            _set(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=self.shade)
        for index, para in enumerate(block.paragraphs):
            out = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            self.restyle(out, ROLE_STYLES[para.role])
            self.paragraph(out, para)

    def figure(self, figure: doc.Figure) -> None:
        """A figure as its data: a caption, a table of what it shows (with the figure's text
        alternative as the table's description) and its note."""
        self.add("Caption", printable(figure.title))
        if isinstance(figure, doc.BarChart):
            rows = tuple((bar.label, f"{bar.value:g}{figure.unit}", figure.legend[bar.group])
                         for bar in figure.bars)
            notes = (figure.note,)
        else:
            rows = tuple((row.tag, row.edge.replace("\n", " "), row.core, row.note)
                         for row in figure.rows)
            notes = ()
        self.table(doc.Table(rows))
        properties = self.word.tables[-1]._tbl.tblPr
        _set(properties, "w:tblCaption", val=printable(figure.title))
        _set(properties, "w:tblDescription", val=printable(figure.alt))
        for note in notes:
            self.add("Note", printable(note))
        self.add("Note")
