"""Officer-typed text into ReportLab paragraphs, printed literally.

ReportLab's Paragraph reads a small markup language, so `<`, `&` and `>` from the officer or
the library are escaped; line breaks are kept.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))


def markup(text: str) -> str:
    """Plain text as Paragraph markup that prints exactly as typed."""
    clean = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)
    return escape(clean).replace("\t", " ").replace("\n", "<br/>")


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
