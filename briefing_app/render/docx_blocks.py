"""A `Document`'s blocks as Word paragraphs and tables, in the house styles of `docx_styles`.

Nothing here writes a word of its own. Numbers of points and sources are written as text with
a hanging indent, not as Word's automatic numbering: background headings, "if raised"
headings and source references cite those numbers, so a clearer who inserts a point in Word
must not silently renumber what the rest of the brief refers to.
"""

from __future__ import annotations

import re

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Emu, Mm
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..core import document as doc
from ..core.document import printable
from .balance import kept_last_line
from .docx_styles import style_elements
from .styles import load_styles

ROLE_STYLES = {"body": "Normal", "subtitle": "Subtitle", "question": "Question", "note": "Note",
               "bluf": "BLUF", "cell": "Table Text"}
LIST_STYLES = {"points": "Point", "facts": "Fact", "sources": "Source",
               "public-sources": "Public Source"}
LABEL_WIDTH = Mm(36)


def _set(parent, tag: str, **attrs: str):
    """Append a `w:` element with `w:` attributes to `parent`; returns it."""
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    parent.append(element)
    return element


_R, _RPR, _B, _T, _PPR, _PSTYLE, _VAL = (qn(f"w:{tag}") for tag in ("r", "rPr", "b", "t", "pPr", "pStyle", "val"))
_BREAKS = {"\t": qn("w:tab"), "\n": qn("w:br")}
_SPACE = qn("xml:space")
_PIECES = re.compile(r"([\t\n])")


def add_run(paragraph, text: str, bold: bool = False) -> None:
    """A run of `text`, tabs and line breaks as Word's own, written as XML: python-docx's
    `add_run` looks for each new element's place among every one the schema allows there,
    and reads text a character at a time, most of the time a brief's layout took."""
    run = paragraph._p.makeelement(_R)
    if bold:
        run.append(run.makeelement(_RPR))
        run[0].append(run.makeelement(_B))
    for piece in _PIECES.split(text):
        if piece in _BREAKS:
            run.append(run.makeelement(_BREAKS[piece]))
        elif piece:
            t = run.makeelement(_T)
            t.text = piece
            if piece != piece.strip():
                t.set(_SPACE, "preserve")
            run.append(t)
    paragraph._p.append(run)


class Writer:
    """Appends blocks to a python-docx document whose text is `width` wide."""

    def __init__(self, word, width, shade: str):
        self.word, self.width, self.shade = word, width, shade
        self._style_ids: dict[str, str] = {}
        self._end = word.element.body.sectPr  # the body's last element: new blocks go before it
        self.last = None  # the paragraph added last
        self.last_table: Table | None = None

    def add(self, style: str, text: str = ""):
        """A new paragraph in `style` at the end of the body, put straight before the body's
        section properties (python-docx's `add_paragraph` looks for them among all of the body's
        paragraphs every time)."""
        p = self._end.makeelement(qn("w:p"))
        if style != "Normal":
            properties = p.makeelement(_PPR)
            properties.append(properties.makeelement(_PSTYLE, {_VAL: self._style_id(style)}))
            p.append(properties)
        self._end.addprevious(p)
        out = self.last = Paragraph(p, self.word._body)
        if text:
            add_run(out, text)
        return out

    def _style_id(self, style: str) -> str:
        if not self._style_ids:
            self._style_ids = {name: element.styleId for name, element in style_elements(self.word).items()}
        return self._style_ids[style]

    def add_table(self, rows: int, columns: int) -> Table:
        """A new table in Table Grid at the end of the body (placed and styled as `add`
        places and styles a paragraph)."""
        tbl = CT_Tbl.new_tbl(rows, columns, self.width)
        tbl.tblStyle_val = self._style_id("Table Grid")
        self._end.addprevious(tbl)
        self.last_table = Table(tbl, self.word._body)
        return self.last_table

    def restyle(self, paragraph, style: str) -> None:
        """Set a paragraph's style by its id. (python-docx's `style = name` looks for the
        default style among all of the template's styles each time: half of a brief's
        export.)"""
        paragraph._p.style = self._style_id(style)

    def blocks(self, blocks: tuple[doc.Block, ...]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block: doc.Block) -> None:
        if isinstance(block, doc.Section):
            self.block(block.heading)
            self.blocks(block.blocks)
        elif isinstance(block, doc.Title):
            self.add("Title", kept_last_line(printable(doc.marked(block.portion, block.text)),
                                             load_styles().paragraph["title"], Emu(self.width).pt))
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
        if block.caption:  # kept with the table, its portion mark before it
            self.add("Caption", printable(doc.marked(block.portion, block.caption)))
        table = self.add_table(len(rows), columns)
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
        table = self.add_table(1, 1)
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
        properties = self.last_table._tbl.tblPr
        _set(properties, "w:tblCaption", val=printable(figure.title))
        _set(properties, "w:tblDescription", val=printable(figure.alt))
        for note in notes:
            self.add("Note", printable(note))
        self.add("Note")
