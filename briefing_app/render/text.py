"""Document text into ReportLab paragraphs, printed literally.

ReportLab's Paragraph reads a small markup language, so `<`, `&` and `>` from the officer or
the library are escaped; line breaks are kept. Characters some DejaVu face lacks (Chinese,
Japanese, Korean, some symbols) are set in the fallback font if it has them; the rest are
noted while a document's story is built, so the officer is told rather than handed boxes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from ..core import document
from .styles import fallback_font, glyphs, main_font_chars

_unprintable: ContextVar[set[str] | None] = ContextVar("unprintable", default=None)
_URL_LINE = re.compile(r"(?m)^https?://\S+$")
_URL_AFTER = re.compile(r"(?<=\S) (https?://\S+)$")  # an address closing a line of text
CHUNK = 8_000  # characters of one ReportLab paragraph, about two pages
_URL_BREAK = re.compile(r"(?<=/)(?!/)|(?<=[^/.\-])(?=[.\-])")  # after a slash, before . and -


def markup(text: str) -> str:
    """Plain text as Paragraph markup that prints exactly as typed."""
    clean = document.printable(text)
    escaped = escape(clean).replace("\t", " ").replace("\n", "<br/>")
    if escaped.isascii():
        return escaped
    common = main_font_chars()
    odd = {c for c in set(clean) - {"\n", "\t"} if ord(c) not in common}
    if not odd:
        return escaped
    font = fallback_font()
    fallback = glyphs(font)
    found = _unprintable.get()
    if found is not None:
        found.update(c for c in odd if ord(c) not in fallback)
    borrowed = "".join(re.escape(c) for c in odd if ord(c) in fallback)
    if not borrowed:
        return escaped
    return re.sub(f"[{borrowed}]+", lambda run: f'<font name="{font}">{run.group()}</font>', escaped)


@contextmanager
def noting_unprintable() -> Iterator[set[str]]:
    """Collects, while a story is built in this thread, the characters no font can print."""
    found: set[str] = set()
    token = _unprintable.set(found)
    try:
        yield found
    finally:
        _unprintable.reset(token)


def unprintable_warning(chars: set[str]) -> tuple[str, ...]:
    if not chars:
        return ()
    shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in sorted(chars)[:8])
    more = f" and {len(chars) - 8} more" if len(chars) > 8 else ""
    return (f"{len(chars)} character(s) are missing from the PDF fonts and may print as empty "
            f"boxes: {shown}{more}",)


class SteadyParagraph(Paragraph):
    """A paragraph that breaks its lines once for each width it is set at. ReportLab wraps a
    table's cells again each time the table splits across a page, which made a long cell cost
    its length times its pages."""

    def wrap(self, avail_width, avail_height):  # noqa: D102 (ReportLab's method)
        if getattr(self, "_wrapped_at", None) == avail_width and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(avail_width, avail_height)
        self._wrapped_at = avail_width
        return size


class WholeParagraph(SteadyParagraph):
    """A paragraph that moves to the next page rather than split, unless it starts a page or
    is taller than a whole page (it splits where it stands, under the heading kept with it).
    Unlike KeepTogether it reports its true height, so a group kept around it measures right."""

    def split(self, avail_width, avail_height):  # noqa: D102 (ReportLab's method)
        frame = getattr(self, "_frame", None)
        if frame is not None and not frame._atTop and self.height <= frame._aH:
            return []
        return super().split(avail_width, avail_height)


def paragraph(block: document.Paragraph, style: ParagraphStyle,
              bullet: str | None = None, width: float | None = None) -> Paragraph:
    """A document paragraph: its portion mark, runs (bold where marked) and source numbers;
    `bullet` (a number or bullet sign) hangs in the style's left indent; one the document
    keeps `whole` never splits. Given the `width` it is set in, a web address on a line of
    its own breaks only after `/`, or before `.` or `-`."""
    mark = block.portion.mark if block.portion else ""
    room = width - style.leftIndent - style.rightIndent if width else None
    text = "".join(f"<b>{markup(break_urls(r.text, style, room))}</b>" if r.bold
                   else markup(break_urls(r.text, style, room)) for r in block.runs)
    kind = WholeParagraph if block.whole else SteadyParagraph
    refs = markup(block.refs_text)
    if block.refs and block.refs_raised:  # a superscript, smaller: out of the line read aloud
        refs = f'<super><font size="{style.fontSize * 0.6:.1f}">{refs}</font></super>'
    return kind((f"{mark}\u00a0" if mark else "") + text + refs, style, bulletText=bullet)


def paragraphs(block: document.Paragraph, style: ParagraphStyle,
               bullet: str | None = None, width: float | None = None) -> list[Paragraph]:
    """A document paragraph as one ReportLab paragraph, or, past `CHUNK` characters, as
    several set close together (the first with the mark and bullet, the last with the source
    numbers). ReportLab wraps a paragraph whole each time it splits one across a page, so a
    single paragraph of N characters costs N times its pages; pieces keep that linear."""
    pieces = chunks(block.runs)
    if len(pieces) == 1:
        return [paragraph(block, style, bullet, width)]
    last = len(pieces) - 1
    return [paragraph(block._replace(runs=runs, portion=None if index else block.portion,
                                     refs=block.refs if index == last else (), whole=False),
                      style.clone(f"{style.name}-part", spaceBefore=0 if index else style.spaceBefore,
                                  spaceAfter=style.spaceAfter if index == last else 0),
                      None if index else bullet, width)
            for index, runs in enumerate(pieces)]


def chunks(runs: tuple[document.Run, ...]) -> list[tuple[document.Run, ...]]:
    """`runs` in pieces of at most `CHUNK` characters, each ended at a line break, a sentence
    or a space where one falls in its second half."""
    pieces: list[tuple[document.Run, ...]] = []
    current: list[document.Run] = []
    size = 0
    for run in runs:
        text = run.text
        while size + len(text) > CHUNK:
            room = CHUNK - size
            if room < CHUNK // 4 and current:
                pieces.append(tuple(current))
                current, size = [], 0
                continue
            cut = _break_at(text, room)
            pieces.append((*current, run._replace(text=text[:cut].rstrip())))
            current, size, text = [], 0, text[cut:].lstrip()
        if text:
            current.append(run._replace(text=text))
            size += len(text)
    return [*pieces, tuple(current)] if current or not pieces else pieces


def _break_at(text: str, room: int) -> int:
    half = room // 2
    for sep in ("\n", ". ", " "):
        found = text.rfind(sep, half, room)
        if found >= 0:
            return found + len(sep)
    return room


def break_urls(text: str, style: ParagraphStyle, width: float | None) -> str:
    """Web addresses on lines of their own, wrapped to fit `width` after a `/` or before a
    `.` or `-` (so a continued line starts with its sign, as style guides ask), never inside a
    word; a part longer than a whole line is left to ReportLab. An address that ends a line of
    text stays there if it fits after the text, or else starts a line of its own."""
    if width is None or "://" not in text:
        return text
    text = "\n".join(_url_after(line, style, width) for line in text.split("\n"))

    def wrap(match: re.Match) -> str:
        lines = [""]
        for part in _URL_BREAK.split(match.group()):
            if lines[-1] and stringWidth(lines[-1] + part, style.fontName, style.fontSize) > width:
                lines.append(part)
            else:
                lines[-1] += part
        return "\n".join(lines)

    return _URL_LINE.sub(wrap, text)


def _url_after(line: str, style: ParagraphStyle, width: float) -> str:
    """`line` with a web address that ends it moved onto a line of its own, unless it fits
    after the words before it (wrapped as ReportLab wraps them, at spaces)."""
    match = _URL_AFTER.search(line)
    if not match:
        return line
    last = ""
    for word in line[:match.start()].split(" "):
        joined = f"{last} {word}" if last else word
        last = word if last and stringWidth(joined, style.fontName, style.fontSize) > width else joined
    if stringWidth(f"{last} {match.group(1)}", style.fontName, style.fontSize) <= width - 1:
        return line
    return f"{line[:match.start()]}\n{match.group(1)}"


def heading(text: str, style: ParagraphStyle, keep: float,
            mark: Flowable | None = None) -> list[Flowable]:
    """A heading that never ends a page: it moves to the next page unless it and `keep`
    points of the text below it fit. `mark` (a section mark) moves with it."""
    room = style.spaceBefore + 2 * style.leading + style.spaceAfter + keep
    return [CondPageBreak(room), *([mark] if mark else []), SteadyParagraph(markup(text), style)]
