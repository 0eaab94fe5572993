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
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from ..core import document
from .styles import fallback_font, glyphs, main_font_chars

_unprintable: ContextVar[set[str] | None] = ContextVar("unprintable", default=None)


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


def paragraph(block: document.Paragraph, style: ParagraphStyle,
              bullet: str | None = None) -> Paragraph:
    """A document paragraph: its portion mark, runs (bold where marked) and source numbers;
    `bullet` (a number or bullet sign) hangs in the style's left indent."""
    mark = block.portion.mark if block.portion else ""
    text = "".join(f"<b>{markup(r.text)}</b>" if r.bold else markup(r.text) for r in block.runs)
    return Paragraph((f"{mark}\u00a0" if mark else "") + text + markup(block.refs_text), style,
                     bulletText=bullet)


def heading(text: str, style: ParagraphStyle, keep: float,
            mark: Flowable | None = None) -> list[Flowable]:
    """A heading that never ends a page: it moves to the next page unless it and `keep`
    points of the text below it fit. `mark` (a section mark) moves with it."""
    room = style.spaceBefore + 2 * style.leading + style.spaceAfter + keep
    return [CondPageBreak(room), *([mark] if mark else []), Paragraph(markup(text), style)]
