"""The Word backend: lays a `Document` out with python-docx for the clearance round, and reads
a .docx back as its recipient would, for the handout check.

The file opens with Track Changes on, so every clearer's edit shows. Its properties are set
on purpose: python-docx's template carries an author, a description, dates, a template name,
an application, custom XML and a thumbnail; all of that is dropped, and only the title and
language are written. Same document, same bytes: the package is re-zipped with fixed dates.
Word lays pages out itself, so this backend measures nothing of its own. A document that
should fit on one page (a handout) is set as the PDF backend fits it: the same document
(without figures, or with the compact source list, where the PDF needs that) in the same
tighter spacing, measured by laying it out as a PDF with a little room left at the foot of
the page, since Word and LibreOffice set lines a fraction of a point apart from ReportLab;
its page budgets are checked on that layout and overruns come back as warnings. An officer
brief is not measured: laying it out as a PDF would double what a Word export costs.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from ..core.backend import FileContents, Rendered, overruns
from ..core.document import Document, Furniture, printable
from .docx_blocks import Writer, _set
from .docx_styles import house, set_up

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_EMPTY_APP = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="'
              b'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>')
# relationship types from python-docx's template: a thumbnail, custom XML, and a second copy
# of the styles for Word 2010 that Word rebuilds from the styles when it needs it
_DROPPED = ("/thumbnail", "/customXml", "/stylesWithEffects")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|comments\w*|footnotes|endnotes)"
                         r"\.xml")
_CORE_ALLOWED = {"title", "language"}
_FORBIDDEN_PARTS = {"vbaProject": "macros", "embeddings/": "embedded objects",
                    "comments": "comments", "people.xml": "reviewers' names",
                    "docProps/custom.xml": "custom document properties",
                    "attachedTemplate": "a template path"}


def render(document: Document) -> Rendered:
    import docx  # python-docx and lxml load only when a Word file is made

    tight, overrun = False, ()
    if document.fit_one_page:
        document, tight, overrun = _fit(document)
    word = docx.Document()
    width = set_up(word, document.paper, tight)
    _furnish(word, document.furniture, width)
    Writer(word, width, house()["colours"]["shade"].lstrip("#")).blocks(document.blocks)
    _set_properties(word, document)
    _track_changes(word)
    out = io.BytesIO()
    word.save(out)
    return Rendered(_fixed_dates(out.getvalue()), warnings=overrun)


def _fit(document: Document) -> tuple[Document, bool, tuple[str, ...]]:
    """The document as the PDF backend fits it on one page (without figures, tighter, with its
    compact sections), laid out with room to spare at the foot for Word's own line setting;
    whether it is tight; and the page budgets that layout overruns. (The handout's figures
    are tables of their data here: in the house styles, their height is within a few points
    of the drawings'.)"""
    from .pdf import fitted

    laid = fitted(document, house()["page"]["word_fit_reserve"])
    return laid.document, laid.tight, overruns(document, laid.rendered.measures)


def _furnish(word, furniture: Furniture, width: int) -> None:
    """The banner centred in the header and, with the page number at the right, in the footer
    of every section; the page number is Word's own field, so it stays right as pages move."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Pt

    def banner(paragraph) -> None:
        """The overall marking: bold, and never smaller than the body text."""
        run = paragraph.add_run(printable(furniture.banner))
        run.bold, run.font.size = True, Pt(house()["page"]["banner_size"])

    for section in word.sections:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if furniture.banner:
            banner(header)
        footer = section.footer.paragraphs[0]
        footer.paragraph_format.tab_stops.add_tab_stop(width // 2, WD_TAB_ALIGNMENT.CENTER)
        footer.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        footer.add_run("\t")
        if furniture.banner:
            banner(footer)
        footer.add_run("\t")
        for piece in re.split(r"(\{page\}|\{pages\})", furniture.page_label):
            if piece in ("{page}", "{pages}"):
                field = _set(footer._p, "w:fldSimple",
                             instr=" PAGE " if piece == "{page}" else " NUMPAGES ")
                run = _set(field, "w:r")
                _set(run, "w:t").text = "1"
            elif piece:
                footer.add_run(piece)


def _set_properties(word, document: Document) -> None:
    """Title and language only: no author, editor, dates, template, application or company."""
    properties = word.core_properties
    element = properties._element
    for child in list(element):
        element.remove(child)
    properties.title = printable(document.metadata.title)
    properties.language = document.metadata.language
    package = word.part.package
    for owner in (package, word.part):
        for rel_id, rel in list(owner.rels.items()):
            if rel.reltype.endswith(_DROPPED):
                owner.rels.pop(rel_id)
    app = next(p for p in package.iter_parts() if str(p.partname) == "/docProps/app.xml")
    app._blob = _EMPTY_APP


def _track_changes(word) -> None:
    """Track Changes on when the file opens; the template's editing-session ids removed."""
    settings = word.settings.element
    for tag in ("w:rsids", "w14:docId", "w:attachedTemplate"):
        prefix, name = tag.split(":")
        for found in settings.findall(f".//{{{settings.nsmap[prefix]}}}{name}"):
            settings.remove(found)
    track = etree.SubElement(settings, f"{W}trackRevisions")
    settings.remove(track)
    settings.find(f"{W}proofState").addnext(track)  # the schema's order


def _fixed_dates(data: bytes) -> bytes:
    """The same package with every entry dated 1980-01-01, so equal documents give equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, _ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def _paragraphs(xml: bytes) -> str:
    """The text of a part, a line per paragraph, deleted tracked text included."""
    lines = []
    for paragraph in etree.fromstring(xml).iter(f"{W}p"):
        parts = []
        for node in paragraph.iter(f"{W}t", f"{W}delText", f"{W}tab", f"{W}br"):
            parts.append(node.text or "" if node.tag in (f"{W}t", f"{W}delText")
                         else "\t" if node.tag == f"{W}tab" else "\n")
        lines.append("".join(parts))
    return "\n".join(lines)


def read_back(data: bytes, document: Document) -> FileContents:
    """The text of the body, headers, footers, comments and notes, and every document
    property; and anything in the package beyond what the document put there: other
    properties, comments, macros, embedded objects, hidden text, a template path."""
    package = zipfile.ZipFile(io.BytesIO(data))
    names = package.namelist()
    texts, problems = [], []
    for name in sorted(names):
        raw = package.read(name)
        try:
            if _TEXT_PARTS.fullmatch(name):
                texts.append(_paragraphs(raw))
                if b"w:vanish" in raw or b"w:webHidden" in raw:
                    problems.append(f"hidden text in {name}")
            if name.startswith("docProps/") and name.endswith(".xml"):
                texts.append(" ".join(etree.fromstring(raw).itertext()))
        except etree.XMLSyntaxError:
            problems.append(f"a part that cannot be read ({name})")
        problems += [f"{what} ({name})" for key, what in _FORBIDDEN_PARTS.items()
                     if key in name or (key == "attachedTemplate" and b"attachedTemplate" in raw)]
    core = etree.fromstring(package.read("docProps/core.xml"))
    for field in core:
        name = etree.QName(field).localname
        if name not in _CORE_ALLOWED and (field.text or "").strip():
            problems.append(f"document property {name}")
    title = core.find("{http://purl.org/dc/elements/1.1/}title")
    if title is None or title.text != printable(document.metadata.title):
        problems.append("a document title other than the handout's own")
    app = etree.fromstring(package.read("docProps/app.xml"))
    problems += [f"application property {etree.QName(e).localname}" for e in app.iter()
                 if e is not app and (e.text or "").strip()]
    return FileContents("\n".join(texts), tuple(problems))
