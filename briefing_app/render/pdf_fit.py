"""Page rules a reader notices, applied to a laid-out story: the last page is never a stub,
and a handout that can fit on one page does.

- Headings: a heading (with any sub-heading, question or section mark under it) is kept
  with the first whole entry that follows it, however tall that entry is: a heading never ends
  a page (its page-break check alone reserves only a few lines).
- The tail: the last flowables, at least `TAIL_WORDS` words of them (with any heading just
  before), are kept together, so the sign-off stays with the text before it and no last page
  holds only the sign-off, a source line or the end of an address. A leave-behind's public
  sources are kept with its last point: a handout that runs over carries a point on page 2.
- Fitting: a document that asks for it (`Document.fit_one_page`, the handout) is laid out
  again with tighter spacing, then without its figures, then with its compact sections (the
  sources without titles), and the first layout on one page wins.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer
from reportlab.platypus import Table as RLTable

from ..core import document as doc
from .pages import SectionMark
from .styles import Styles
from .tight import tight_spacing

TAIL_WORDS = 80  # more than a test's "a page with fewer than 60 words is a stub"


def words(flowable: Flowable) -> int:
    """How many words a flowable prints (paragraphs and table cells; drawings count none)."""
    if isinstance(flowable, Paragraph):
        return len(flowable.getPlainText().split())
    if isinstance(flowable, KeepTogether):
        return sum(words(f) for f in flowable._content)
    if isinstance(flowable, RLTable):
        cells = [c for row in flowable._cellvalues for c in row]
        return sum(words(c) if isinstance(c, Flowable) else sum(words(f) for f in c)
                   if isinstance(c, list) else len(str(c).split()) for c in cells)
    return 0


def _heading_part(flowable: Flowable) -> bool:
    """A heading's page-break check, its section mark, the heading itself, and a paragraph
    kept with the next (a question with its answer): ReportLab keeps a paragraph with the
    next flowable, but not with a KeepTogether."""
    if isinstance(flowable, Paragraph):
        return flowable.style.name in ("heading", "subheading") or bool(flowable.getKeepWithNext())
    return isinstance(flowable, (CondPageBreak, Spacer, SectionMark))


def _is_heading(flowable: Flowable) -> bool:
    return isinstance(flowable, Paragraph) and flowable.style.name in ("heading", "subheading")


class HeadingGroup(KeepTogether):
    """A heading kept with the first entry under it. Its space before is the heading's, not
    that of the section mark in front of it (which has none): ReportLab reserves the group's
    space before from the first flowable, and a mark's nothing left the heading's unmeasured."""

    def getSpaceBefore(self, content=None):  # noqa: N802 (ReportLab's name)
        return super().getSpaceBefore([f for f in self._content if not isinstance(f, SectionMark)])


def keep_headings(story: list[Flowable]) -> list[Flowable]:
    """The story with each heading kept together with what leads up to the next entry (its
    section mark, sub-headings, a question) and that entry itself. The first heading's
    page-break check stays, before the group; the checks of sub-headings inside it go, as
    each could break the page between a heading and its sub-heading."""
    kept: list[Flowable] = []
    run: list[Flowable] = []
    for flowable in [*story, None]:
        if flowable is not None and _heading_part(flowable):
            run.append(flowable)
            continue
        first = next((i for i, f in enumerate(run) if _is_heading(f)), None)
        if flowable is not None and first is not None:
            start = max((i + 1 for i, f in enumerate(run[:first]) if isinstance(f, CondPageBreak)),
                        default=first)
            group = [f for f in run[start:] if not isinstance(f, CondPageBreak)]
            kept += [*run[:start], HeadingGroup([*group, flowable])]
        else:
            kept += [*run, *([flowable] if flowable is not None else [])]
        run = []
    return kept


def keep_tail(story: list[Flowable], start: int | None = None) -> list[Flowable]:
    """The story with its last TAIL_WORDS words (and the heading or question they start
    under), or all from `start` if that is earlier, kept together: if they do not fit under
    the text before them, they go over as one."""
    start = len(story) if start is None else start
    count = sum(words(f) for f in story[start:])
    while start > 0 and count < TAIL_WORDS:
        start -= 1
        count += words(story[start])
    while start > 0 and _heading_part(story[start - 1]):
        start -= 1
    if start == 0:
        return story
    tail = [f for kept in story[start:]  # one level: a KeepTogether inside one measures as endless
            for f in (kept._content if isinstance(kept, KeepTogether) else [kept])]
    return [*story[:start], KeepTogether(tail)]


def closing_blocks(document: doc.Document) -> int:
    """How many of the document's last blocks go over to a second page together: for a
    leave-behind, its closing section (the public sources) with the point before it, so a
    second page never holds sources alone; otherwise none beyond the tail's words."""
    blocks = document.blocks
    return 2 if document.fit_one_page and len(blocks) > 2 and isinstance(blocks[-1], doc.Section) else 0


def tightened(styles: Styles) -> Styles:
    """The same styles with half the space around paragraphs and a little less leading."""
    paragraph = {}
    for name, style in styles.paragraph.items():
        leading, before, after = tight_spacing(style.fontSize, style.leading, style.spaceBefore,
                                               style.spaceAfter)
        paragraph[name] = style.clone(name, leading=leading, spaceBefore=before, spaceAfter=after)
    return replace(styles, paragraph=paragraph)


def fitting_attempts(document: doc.Document) -> list[tuple[doc.Document, bool]]:
    """The (document, tight) layouts to try in turn for a document that should fit on one
    page: as composed, tighter, tighter without figures, then with its compact sections too."""
    attempts = [(document, False)]
    if document.fit_one_page:
        bare = tuple(b for b in document.blocks if not isinstance(b, doc.Figures))
        attempts += [(document, True)]
        if len(bare) < len(document.blocks):
            attempts.append((document._replace(blocks=bare), True))
        if document.compact:
            short = {section.id: section for section in document.compact}
            blocks = tuple(short.get(b.id, b) if isinstance(b, doc.Section) else b for b in bare)
            attempts.append((document._replace(blocks=blocks), True))
    return attempts
