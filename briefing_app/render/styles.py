"""Print styles read from `assets/styles.toml`, with the embedded DejaVu fonts registered once."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..core.library import toml  # the parser the library already loaded
from ..core.paths import asset

VARIANTS = ("", "-Bold")
FALLBACK = "fallback"
_FALLBACK_LOCK = threading.Lock()


@dataclass(frozen=True)
class Styles:
    paragraph: dict[str, ParagraphStyle]
    page: dict[str, Any]
    colours: dict[str, HexColor]
    figure: dict[str, Any]
    families: tuple[str, ...]
    fallback_file: str

    def font(self, family: str, bold: bool = False) -> str:
        return f"{family}-Bold" if bold else family

    @property
    def table_font(self) -> tuple:
        """A TableStyle command: tables otherwise set Helvetica, which is never embedded."""
        return ("FONT", (0, 0), (-1, -1), self.font("sans"), self.page["footer_size"])

    @property
    def keep(self) -> float:
        """Points of text a heading keeps under it on the same page."""
        return self.page["keep_after_heading"]

    @property
    def margin(self) -> float:
        return self.page["margin_mm"] * mm


@cache
def _register_fonts(families: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
    """Regular and bold only: nothing prints in italics, and each font parsed costs start-up."""
    for family, files in families:
        normal, bold = (family + suffix for suffix in VARIANTS)
        for name, file in zip((normal, bold), files, strict=True):
            pdfmetrics.registerFont(TTFont(name, str(asset("fonts", file))))
        pdfmetrics.registerFontFamily(family, normal=normal, bold=bold, italic=normal, boldItalic=bold)


def fallback_font() -> str:
    """The font for what DejaVu lacks (Chinese, Japanese, Korean and some symbols), registered
    on first use: parsing it takes about 0.2 s, which a brief without such text never pays.
    Locked, since previews and exports render on worker threads."""
    with _FALLBACK_LOCK:
        if FALLBACK not in pdfmetrics.getRegisteredFontNames():
            file = str(asset("fonts", load_styles().fallback_file))
            pdfmetrics.registerFont(TTFont(FALLBACK, file, subfontIndex=0))
            pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK,
                                          boldItalic=FALLBACK)  # it has no bold; <b> prints regular
    return FALLBACK


def glyphs(font: str) -> dict[int, int]:
    """The code points the registered font `font` has glyphs for."""
    return pdfmetrics.getFont(font).face.charToGlyph


@cache
def main_font_chars() -> frozenset[int]:
    """The code points every main font (each family, regular and bold) has: text made of
    these prints the same in any style."""
    styles = load_styles()
    faces = [styles.font(family, bold) for family in styles.families for bold in (False, True)]
    return frozenset.intersection(*(frozenset(glyphs(face)) for face in faces))


@cache
def load_styles() -> Styles:
    data = toml.loads(asset("styles.toml").read_text(encoding="utf-8"))
    _register_fonts(tuple((k, tuple(v)) for k, v in data["fonts"].items()))
    colours = {name: HexColor(value) for name, value in data["colours"].items()}
    paragraph = {}
    for name, spec in data["style"].items():
        paragraph[name] = ParagraphStyle(
            name,
            fontName=spec["font"] + ("-Bold" if spec.get("bold") else ""),
            fontSize=spec["size"],
            leading=spec["leading"],
            spaceBefore=spec.get("space_before", 0),
            spaceAfter=spec.get("space_after", 0),
            textColor=colours[spec.get("colour", "ink")],
            leftIndent=spec.get("left_indent", 0),
            firstLineIndent=spec.get("first_line_indent", 0),
            bulletFontName=spec["font"],
            bulletFontSize=spec["size"],
            bulletIndent=0,
            splitLongWords=True,
            allowOrphans=0,
            allowWidows=0,
            keepWithNext=spec.get("keep_with_next", False),
        )
    return Styles(paragraph=paragraph, page=data["page"], colours=colours, figure=data["figure"],
                  families=tuple(data["fonts"]), fallback_file=data["fallback_font"])
