"""The tighter spacing a document that should fit on one page (a handout) is laid out in when
its styled spacing runs over: the same numbers for the PDF and the Word file, so the Word
file is set as the PDF that was measured. Free of ReportLab and python-docx."""

from __future__ import annotations

TIGHT_SPACE = 0.5  # of the space before and after paragraphs, tables and figures
TIGHT_LEADING = 0.93  # of the line spacing, never below 1.15 times the font size


def tight_spacing(size: float, leading: float, before: float, after: float) -> tuple[float, float, float]:
    """A style's leading, space before and space after, tightened."""
    return max(size * 1.15, leading * TIGHT_LEADING), before * TIGHT_SPACE, after * TIGHT_SPACE
