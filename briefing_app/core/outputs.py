"""What the app can produce, declared once and read everywhere else: the two variants, the
paper sizes, the file formats and the ids of the marking schemes (whose banners and portion
marks `core/markings.py` declares). Plain Python, so the command line and the window's first
frame can read it without loading pydantic."""

from typing import Literal, NamedTuple, get_args

Variant = Literal["officer", "handout"]
PaperId = Literal["a4", "letter"]
FormatId = Literal["pdf", "docx"]
SchemeId = Literal["us", "uk"]
VARIANTS: tuple[str, ...] = get_args(Variant)
SCHEME_IDS: tuple[str, ...] = get_args(SchemeId)

_INCH = 72.0
_MM = _INCH / 2.54 * 0.1  # computed as ReportLab computes it, so page sizes match to the bit


class Paper(NamedTuple):
    id: str
    name: str
    size: tuple[float, float]  # width and height in points


PAPERS = {"a4": Paper("a4", "A4", (210 * _MM, 297 * _MM)),
          "letter": Paper("letter", "US Letter", (8.5 * _INCH, 11 * _INCH))}


class Format(NamedTuple):
    id: str
    name: str
    suffix: str
    file_filter: str
    backend: str  # the module that lays a Document out in this format


FORMATS = {
    "pdf": Format("pdf", "PDF", ".pdf", "PDF documents (*.pdf)", "briefing_app.render.pdf"),
    "docx": Format("docx", "Word", ".docx", "Word documents (*.docx)", "briefing_app.render.docx"),
}
assert tuple(PAPERS) == get_args(PaperId) and tuple(FORMATS) == get_args(FormatId)


def format_of(path_suffix: str) -> str | None:
    """The format a file name's suffix asks for, or None for a suffix no format has."""
    return next((f.id for f in FORMATS.values() if f.suffix == path_suffix.lower()), None)
