"""Officer-typed text into ReportLab paragraphs, printed literally.

ReportLab's Paragraph reads a small markup language, so `<`, `&` and `>` from the officer or
the library are escaped; line breaks are kept.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))


def markup(text: str) -> str:
    """Plain text as Paragraph markup that prints exactly as typed."""
    clean = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)
    return escape(clean).replace("\t", " ").replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle, prefix: str = "") -> Paragraph:
    """A paragraph of literal text; `prefix` is trusted markup (numbers, bold labels)."""
    return Paragraph(prefix + markup(text), style)


def bold(text: str) -> str:
    return f"<b>{markup(text)}</b>"
