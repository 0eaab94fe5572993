"""The Word file's page and styles, read from `assets/styles.toml` like the PDF's.

Word's own styles (Title, Heading 1 and 2, Subtitle, Caption, Table Grid) are set to the PDF's
fonts, sizes and colours; styles of our own hold what Word has no style for (a point with its
number hanging, a question, a note). Fonts are named as the PDF names them (DejaVu Sans and
Serif), with the fallback from styles.toml written into the font table, so Word and
LibreOffice substitute a close face where DejaVu is not installed.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import StyleFactory

from ..core.library import toml
from ..core.outputs import PAPERS
from ..core.paths import asset
from .tight import tight_spacing

# styles.toml's style name: the Word style it sets
WORD_STYLES = {"title": "Title", "subtitle": "Subtitle", "heading": "Heading 1",
               "subheading": "Heading 2", "body": "Normal", "point": "Point", "item": "Fact",
               "source": "Source", "question": "Question", "small": "Note", "bluf": "BLUF",
               "cell": "Table Text", "label": "Table Label",
               "public_source": "Public Source", "caption": "Caption"}
_FAMILIES = {"sans": "swiss", "serif": "roman"}


@cache
def house() -> dict[str, Any]:
    return toml.loads(asset("styles.toml").read_text(encoding="utf-8"))


def _fonts(rpr, name: str) -> None:
    """Name the font for every script, dropping theme fonts (which would win over it)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), name)


def set_up(word, paper: str, tight: bool = False) -> int:
    """Page size, margins and every style, spaced as the PDF's `tight` layout is if asked;
    returns the text width (EMU)."""
    data = house()
    if tight:
        data = {**data, "style": {name: _tightened(spec) for name, spec in data["style"].items()}}
    page = data["page"]
    section = word.sections[0]
    section.page_width, section.page_height = (Pt(x) for x in PAPERS[paper].size)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(page["margin_mm"]))
    section.header_distance = section.footer_distance = Mm(page["banner_offset_mm"])
    elements = style_elements(word)
    for name, spec in data["style"].items():
        element = elements.get(WORD_STYLES[name])
        if element is None:  # added as `add_style` adds it, without reading every name first
            element = word.styles.element.add_style_of_type(WORD_STYLES[name], WD_STYLE_TYPE.PARAGRAPH, False)
            element.basedOn_val = elements["Normal"].styleId
        _paragraph_style(StyleFactory(element), spec, data)
    for name in ("Header", "Footer"):
        _paragraph_style(StyleFactory(elements[name]), {"font": page["banner_font"], "size": page["footer_size"],
                                                        "leading": page["footer_size"] * 1.25}, data)
    _name_fallbacks(word, data["word"])
    return section.page_width - section.left_margin - section.right_margin


def _tightened(spec: dict[str, Any]) -> dict[str, Any]:
    leading, before, after = tight_spacing(spec["size"], spec["leading"], spec.get("space_before", 0),
                                           spec.get("space_after", 0))
    return {**spec, "leading": leading, "space_before": before, "space_after": after}


def style_elements(word) -> dict[str, Any]:
    """Each style's XML by the name Word shows. (python-docx reads the names of all of the
    template's 270 styles through its proxies for every look-up by name.)"""
    name, value = qn("w:name"), qn("w:val")
    found = {}
    for element in word.styles.element.iterchildren(qn("w:style")):
        named = element.find(name)
        if named is not None:
            found[BabelFish.internal2ui(named.get(value))] = element
    return found


def _paragraph_style(style, spec: dict[str, Any], data: dict[str, Any]) -> None:
    font = style.font
    rpr = style.element.get_or_add_rPr()
    _fonts(rpr, data["word"][spec["font"]][0])
    for spacing in rpr.findall(qn("w:spacing")):  # Word's Title and Subtitle letter-space
        rpr.remove(spacing)
    font.size = Pt(spec["size"])
    font.bold = bool(spec.get("bold"))
    font.italic = False
    font.color.rgb = RGBColor.from_string(data["colours"][spec.get("colour", "ink")].lstrip("#"))
    form = style.paragraph_format
    form.space_before = Pt(spec.get("space_before", 0))
    form.space_after = Pt(spec.get("space_after", 0))
    form.line_spacing = Pt(spec["leading"])
    form.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    form.keep_with_next = spec.get("keep_with_next", style.name.startswith("Heading"))
    indent = spec.get("left_indent", 0)
    if indent:  # a number or bullet hangs in the indent, then a tab
        form.left_indent, form.first_line_indent = Pt(indent), Pt(-indent)
        form.tab_stops.add_tab_stop(Pt(indent))
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):  # Word's Title has a rule under it; ours has none
        ppr.remove(border)


def _name_fallbacks(word, fonts: dict[str, list[str]]) -> None:
    """Add each font to the font table with its fallback as `altName`."""
    part = next(p for p in word.part.package.iter_parts()
                if str(p.partname) == "/word/fontTable.xml")
    table = parse_xml(part.blob)
    for kind, (name, fallback) in fonts.items():
        entry = OxmlElement("w:font")
        entry.set(qn("w:name"), name)
        for tag, value in (("w:altName", fallback), ("w:family", _FAMILIES[kind]),
                           ("w:pitch", "variable")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            entry.append(child)
        table.append(entry)
    from lxml import etree

    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
