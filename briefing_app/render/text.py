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


class WholeParagraph(Paragraph):
    """A paragraph that moves to the next page rather than split, unless it starts a page
    (one longer than a page still splits). Unlike KeepTogether it reports its true height,
    so a group kept together around it measures right."""

    def split(self, avail_width, avail_height):  # noqa: D102 (ReportLab's method)
        frame = getattr(self, "_frame", None)
        if frame is not None and not frame._atTop:
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
    kind = WholeParagraph if block.whole else Paragraph
    return kind((f"{mark}\u00a0" if mark else "") + text + markup(block.refs_text), style,
                bulletText=bullet)


def break_urls(text: str, style: ParagraphStyle, width: float | None) -> str:
    """Web addresses on lines of their own, wrapped to fit `width` after a `/` or before a
    `.` or `-` (so a continued line starts with its sign, as style guides ask), never inside a
    word; a part longer than a whole line is left to ReportLab."""
    if width is None or "://" not in text:
        return text

    def wrap(match: re.Match) -> str:
        lines = [""]
        for part in _URL_BREAK.split(match.group()):
            if lines[-1] and stringWidth(lines[-1] + part, style.fontName, style.fontSize) > width:
                lines.append(part)
            else:
                lines[-1] += part
        return "\n".join(lines)

    return _URL_LINE.sub(wrap, text)


def heading(text: str, style: ParagraphStyle, keep: float,
            mark: Flowable | None = None) -> list[Flowable]:
    """A heading that never ends a page: it moves to the next page unless it and `keep`
    points of the text below it fit. `mark` (a section mark) moves with it."""
    room = style.spaceBefore + 2 * style.leading + style.spaceAfter + keep
    return [CondPageBreak(room), *([mark] if mark else []), Paragraph(markup(text), style)]
