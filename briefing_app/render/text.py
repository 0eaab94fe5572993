"""Officer-typed text into ReportLab paragraphs, printed literally.

ReportLab's Paragraph reads a small markup language, so `<`, `&` and `>` from the officer or
the library are escaped; line breaks are kept. Chinese, Japanese and Korean runs are set in
the fallback font, since DejaVu has none of them; characters no embedded font has are noted
while a document's story is built, so the officer is told rather than handed empty boxes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from .styles import covers, fallback_font, load_styles

_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))
# Hangul jamo, CJK radicals to ideographs (not the Yijing hexagrams, which DejaVu has), Hangul
# syllables, compatibility ideographs and forms, full-width forms.
_CJK = re.compile("[\u1100-\u11ff\u2e80-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff"
                  "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+")
_unprintable: ContextVar[set[str] | None] = ContextVar("unprintable", default=None)


def markup(text: str) -> str:
    """Plain text as Paragraph markup that prints exactly as typed."""
    clean = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)
    escaped = escape(clean).replace("\t", " ").replace("\n", "<br/>")
    if escaped.isascii():
        return escaped
    found = _unprintable.get()
    if found is not None:
        found.update(c for c in set(clean) if not _printable(c))
    if not _CJK.search(escaped):
        return escaped
    font = fallback_font()
    return _CJK.sub(lambda run: f'<font name="{font}">{run.group()}</font>', escaped)


def _printable(char: str) -> bool:
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
        return True
    # Body text's font has the fewest glyphs of the two families: what it has, all styles print.
    return covers(fallback_font() if _CJK.match(char) else load_styles().paragraph["body"].fontName,
                  char)


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
    return (f"{len(chars)} character(s) are missing from the body text's font and may print "
            f"as empty boxes: {shown}{more}",)


def para(text: str, style: ParagraphStyle, prefix: str = "", bullet: str | None = None) -> Paragraph:
    """A paragraph of literal text; `prefix` is trusted markup (portion marks, bold labels);
    `bullet` (a number or bullet sign) hangs in the style's left indent."""
    return Paragraph(prefix + markup(text), style, bulletText=bullet)


def bold(text: str) -> str:
    return f"<b>{markup(text)}</b>"


def run_in(title: str) -> str:
    """A bold run-in title that leads into the paragraph, closed by a full stop."""
    stop = "" if title.rstrip()[-1:] in ".?!:" else "."
    return f"<b>{markup(title)}{stop}</b> "


def heading(text: str, style: ParagraphStyle, keep: float,
            mark: Flowable | None = None) -> list[Flowable]:
    """A heading that never ends a page: it moves to the next page unless it and `keep`
    points of the text below it fit. `mark` (a section mark) moves with it."""
    room = style.spaceBefore + 2 * style.leading + style.spaceAfter + keep
    return [CondPageBreak(room), *([mark] if mark else []), Paragraph(markup(text), style)]
