"""What a backend hands back, and the page budgets checked against what it measured.

A backend (`render/pdf.py`, `render/docx.py`) is a module with `render(Document) -> Rendered`
and `read_back(bytes, Document) -> FileContents`; `core/outputs.py` names the module for each
format. A backend that can measure its layout fills `Rendered.measures`, and only then are
the document's page budgets checked: code asks for the capability, not for a format's name.
"""


from typing import NamedTuple

from .document import Document

SLACK = 0.02  # a line's rounding is not an overrun


class Measures(NamedTuple):
    pages: int
    extents: dict[str, float]  # section id: pages of body text
    lines: dict[str, int]  # box id: lines
    spills: dict[str, int] | None = None  # section id: pages it runs onto past its first


class Rendered(NamedTuple):
    data: bytes
    measures: Measures | None = None
    warnings: tuple[str, ...] = ()  # what the layout itself noticed (characters no font has)

    @property
    def pages(self) -> int | None:
        return self.measures.pages if self.measures else None


class FileContents(NamedTuple):
    """A written file as its recipient could read it: all its text (metadata included) and
    whatever its structure holds beyond what the document put there."""

    text: str
    problems: tuple[str, ...] = ()


def overruns(document: Document, measures: Measures) -> tuple[str, ...]:
    found = []
    for budget in document.budgets:
        if budget.measure in ("lines", "spill"):
            counts = measures.lines if budget.measure == "lines" else measures.spills or {}
            value: float = counts.get(budget.target, 0)
            over = value > budget.limit
        elif budget.target:
            value = measures.extents.get(budget.target, 0.0)
            over = value > budget.limit + SLACK
        else:
            value = measures.pages
            over = value > budget.limit
        if over:
            found.append(budget.message.format(value=value, limit=budget.limit))
    return tuple(found)
