"""Titles in balanced lines, so a wrapped title never leaves one short word alone below it.

ReportLab and Word fill each line as far as it goes ("Meeting with the Government of the
Republic of / Korea"). A title whose last line fills less than a third of the width is set
here at the narrowest width that keeps its number of lines, so its lines come out close in
length ("Meeting with the Government / of the Republic of Korea"); a title that wraps well
already is left as it is. Its text keeps ordinary spaces and extracts as typed.

Word has no such setting, so its title keeps the PDF's rebalanced last line together with
no-break spaces: the Word file uses the PDF's fonts and text width, so the lines before it
break as the PDF's do.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from .text import SteadyParagraph, markup

TOLERANCE = 1.0  # points: how close to the narrowest width the search comes
SHORT = 1 / 3  # of the width: a last line this short is rebalanced


class BalancedParagraph(SteadyParagraph):
    """A paragraph that, when its last line would be short, is wrapped as narrow as its line
    count allows. It still reports the full width, so it stands where a full-width one would."""

    balanced = False  # whether its lines were rebalanced, once wrapped

    def wrap(self, avail_width, avail_height):  # noqa: D102 (ReportLab's method)
        if getattr(self, "_wrapped_at", None) == avail_width and hasattr(self, "blPara"):
            return self.width, self.height
        lines = self._lines(avail_width, avail_height)
        self.balanced = lines > 1 and self._short_end(avail_width)
        narrow, wide = 0.0, avail_width  # `wide` keeps the line count, `narrow` does not
        while self.balanced and wide - narrow > TOLERANCE:
            middle = (narrow + wide) / 2
            narrow, wide = (narrow, middle) if self._lines(middle, avail_height) == lines \
                else (middle, wide)
        Paragraph.wrap(self, wide, avail_height)
        self.width, self._wrapped_at = avail_width, avail_width
        return self.width, self.height

    def _lines(self, width: float, height: float) -> int:
        Paragraph.wrap(self, width, height)
        return len(self.blPara.lines)

    def _short_end(self, width: float) -> bool:
        """Whether the last line (as wrapped at `width`) fills less than a third of it."""
        line = self.blPara.lines[-1]
        room = line[0] if self.blPara.kind == 0 else line.extraSpace  # kind 0: (room, words)
        return width - room < SHORT * width

    def last_line_start(self) -> int:
        """How many characters other than spaces come before the last line (once wrapped)."""
        lines = self.blPara.lines
        if self.blPara.kind == 0:  # plain text: (room left, words) for each line
            return sum(len(word) for _, words in lines[:-1] for word in words)
        return sum(len(fragment.text.replace(" ", "")) for line in lines[:-1]
                   for fragment in line.words)


def kept_last_line(text: str, style: ParagraphStyle, width: float) -> str:
    """`text` with the words of the last line it takes when balanced at `width` (points) joined
    by no-break spaces, for a layout that cannot balance lines itself (Word)."""
    para = BalancedParagraph(markup(text), style)
    para.wrap(width, 10_000)
    if not para.balanced:
        return text
    before, seen = para.last_line_start(), 0
    for index, char in enumerate(text):
        if seen == before and char != " ":
            return text[:index] + text[index:].replace(" ", "\u00a0")
        seen += char != " "
    return text
