"""The document as data: what a brief or handout says, before any backend lays it out.

`core/compose*.py` builds a `Document` from an assembled brief, a variant and a language, and
writes every word of it there; a backend (`render/pdf.py`, `render/docx.py`) only decides how
each block looks. Blocks are plain immutable values, so a document can be checked for leaks,
compared and laid out more than once (named tuples: every export and preview imports this,
and a frozen dataclass costs a millisecond or two to define). Every block that carries the
officer's or the library's content carries its portion marking, so marking rules can work on
blocks, not on pages.
"""


import re
from collections.abc import Iterator
from typing import Literal, NamedTuple, Union

# C0 and C1 controls (but tab and newline), the byte-order mark pasted text can carry, lone
# surrogates and the two non-characters no file format may hold.
_CONTROL = dict.fromkeys([c for c in range(32) if c not in (9, 10)] + [*range(0x7F, 0xA0), 0xFEFF])
_UNWRITABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """Text as every backend may print it: newlines unified, invisible controls dropped."""
    clean = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)
    return _UNWRITABLE.sub("", clean) if not clean.isascii() else clean


class Run(NamedTuple):
    """A stretch of text in one weight. Text is literal: a backend never reads markup in it."""

    text: str
    bold: bool = False


class Portion(NamedTuple):
    """A paragraph's portion marking: the scheme's code (`U`, `SBU`, `CUI`) and the mark that
    prints before it ("(SBU)", or "" where the scheme marks the document only)."""

    marking: str
    mark: str


ParagraphRole = Literal["body", "subtitle", "question", "note", "bluf", "cell"]


class Paragraph(NamedTuple):
    """Runs of text with an optional portion mark before them and source numbers after."""

    runs: tuple[Run, ...]
    role: ParagraphRole = "body"
    portion: Portion | None = None
    refs: tuple[int, ...] = ()
    whole: bool = False  # never split across pages (a talking point, an answer, a source)
    refs_raised: bool = False  # source numbers small and raised, out of a line read aloud

    @property
    def text(self) -> str:
        return marked(self.portion, "".join(r.text for r in self.runs) + self.refs_text)

    @property
    def refs_text(self) -> str:
        """Source numbers as they print after the text: " [1, 3]", or raised "1–3,5"."""
        if not self.refs:
            return ""
        return number_ranges(self.refs) if self.refs_raised else f" [{', '.join(map(str, self.refs))}]"


def number_ranges(numbers: tuple[int, ...]) -> str:
    """"1–3,5": three or more numbers in a row as a range, so a raised list stays short."""
    groups: list[list[int]] = []
    for n in sorted(set(numbers)):
        if groups and n == groups[-1][-1] + 1:
            groups[-1].append(n)
        else:
            groups.append([n])
    return ",".join(f"{g[0]}–{g[-1]}" if len(g) > 2 else ",".join(map(str, g)) for g in groups)


def marked(portion: Portion | None, text: str) -> str:
    """`text` as it prints after its portion mark: "(U) text"."""
    return f"{portion.mark} {text}" if portion and portion.mark else text


def plain(text: str, role: ParagraphRole = "body", portion: Portion | None = None,
          whole: bool = False) -> Paragraph:
    return Paragraph((Run(text),), role, portion, whole=whole)


class Title(NamedTuple):
    text: str
    portion: Portion | None = None


class Heading(NamedTuple):
    """Level 1 heads a section; level 2 heads a part of one (a point, a kind of fact)."""

    text: str
    level: Literal[1, 2] = 1


ListKind = Literal["points", "facts", "sources", "public-sources"]


class Item(NamedTuple):
    """One entry of a list; `label` is what hangs before it: "3." or a bullet."""

    label: str
    paragraph: Paragraph


class ItemList(NamedTuple):
    """Numbered points (talking points, objectives), bulleted facts, or a source list."""

    kind: ListKind
    items: tuple[Item, ...]


class Table(NamedTuple):
    """Rows of cells, each cell one or more lines; `labelled` tables read their first column
    as labels; `header` rows repeat at the top of each page a table spans. A table is one
    portion, marked once, before the `caption` set above it (as a figure's caption carries its
    mark), with the highest marking of what it holds: a mark on its first cell alone would
    read as that row's."""

    rows: tuple[tuple[tuple[str, ...], ...], ...]
    header: tuple[str, ...] = ()
    labelled: bool = False
    portion: Portion | None = None  # the table's mark, printed before its caption
    caption: str = ""


class Box(NamedTuple):
    """Text set apart in a frame: the BLUF (shaded, full width) or the CUI designation (a
    half-width box at the right)."""

    paragraphs: tuple[Paragraph, ...]
    id: str = ""  # names it for a line budget ("bluf")
    shade: bool = False
    align: Literal["centre", "right"] = "centre"
    width: float = 1.0  # of the text width


class Bar(NamedTuple):
    label: str
    value: float
    group: int  # index into the chart's legend


class BarChart(NamedTuple):
    title: str
    bars: tuple[Bar, ...]
    unit: str
    scale_max: float
    legend: tuple[str, ...]
    note: str  # the source, printed under the chart
    alt: str


class DiagramRow(NamedTuple):
    """One network generation: a tag ("5G"), two boxes, whether the edge reaches the core,
    and a note under the row."""

    tag: str
    edge: str
    core: str
    joined: bool
    note: str


class Diagram(NamedTuple):
    title: str
    rows: tuple[DiagramRow, ...]
    alt: str


Figure = BarChart | Diagram


class Figures(NamedTuple):
    """Figures set side by side, with the data they show and a text alternative for each."""

    figures: tuple[Figure, ...]


class Signoff(NamedTuple):
    """The drafted and cleared lines that close an officer brief, kept together."""

    lines: tuple[Paragraph, ...]


Block = Union[Title, Heading, Paragraph, ItemList, Table, Box, Figures, Signoff, "Section"]


class Section(NamedTuple):
    """A heading and what it heads; `id` names it for page budgets ("points", "background")."""

    id: str
    heading: Heading
    blocks: tuple[Block, ...]


class Furniture(NamedTuple):
    """What every page carries: the overall marking at top and bottom ("" for none) and the
    page number, worded with {page} and {pages}."""

    banner: str
    page_label: str


class Metadata(NamedTuple):
    """Document properties, set on purpose: a title and language, nothing about who or where."""

    title: str
    language: str


class Budget(NamedTuple):
    """A length read-ahead practice sets, checked where a backend can measure the layout: a
    section's pages, a box's lines, the document's pages (`target` "" is the document), or
    the pages a closing section spills onto past the page it starts on ("spill": pages that
    hold nothing else). `message` says what ran over, with {value} (measured) and {limit}."""

    measure: Literal["pages", "lines", "spill"]
    target: str
    limit: float
    message: str


class Document(NamedTuple):
    variant: str
    paper: str
    blocks: tuple[Block, ...]
    furniture: Furniture
    metadata: Metadata
    budgets: tuple[Budget, ...] = ()
    notes: tuple[str, ...] = ()  # warnings known before layout
    # A leave-behind that can fit on one page should: a backend that measures its layout may
    # tighten the spacing, then leave the figures out, and last set the `compact` sections (a
    # shorter form of those with the same id: the public sources without their titles) in
    # place of the full ones to get there.
    fit_one_page: bool = False
    compact: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Block]:
        """Every block, sections opened, in reading order."""
        yield from _walk(self.blocks)

    def text(self) -> str:
        """Everything the document prints, one piece a line: what may appear in its file."""
        lines = [self.metadata.title, self.furniture.banner]
        for block in self.walk():
            lines += list(block_text(block))
        return "\n".join(line for line in lines if line)


def _walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        if isinstance(block, Section):
            yield block.heading
            yield from _walk(block.blocks)
        else:
            yield block


def block_text(block: Block) -> Iterator[str]:
    """The words one block prints (a section's are those of its parts, see `Document.walk`)."""
    if isinstance(block, Title):
        yield marked(block.portion, block.text)
    elif isinstance(block, Heading):
        yield block.text
    elif isinstance(block, Paragraph):
        yield block.text
    elif isinstance(block, ItemList):
        yield from (f"{item.label} {item.paragraph.text}" for item in block.items)
    elif isinstance(block, Table):
        yield from [marked(block.portion, block.caption)] if block.caption else []
        yield from (*block.header, *(line for row in block.rows for cell in row for line in cell))
    elif isinstance(block, (Box, Signoff)):
        yield from (p.text for p in (block.paragraphs if isinstance(block, Box) else block.lines))
    elif isinstance(block, Figures):
        for figure in block.figures:
            yield from figure_text(figure)


def figure_text(figure: Figure) -> Iterator[str]:
    yield figure.title
    if isinstance(figure, BarChart):
        for bar in figure.bars:
            yield f"{bar.label} {bar.value:g}{figure.unit}"
        yield from figure.legend
        yield figure.note
    else:
        for row in figure.rows:
            yield from (row.tag, row.edge, row.core, row.note)
