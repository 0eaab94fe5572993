"""Figures of a `Document` drawn as PDF vector graphics: a bar chart and the edge-core diagram.

Drawn from shapes rather than a chart widget so every word uses the embedded fonts, prints
sharply at any size, extracts as text and stays legible in greyscale (values are printed on
the bars; dark and light bars differ in lightness, not only hue). Every word and number comes
from the figure's data; this module only places them.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import white
from reportlab.lib.utils import simpleSplit

from ..core.document import BarChart, Diagram, Figure
from .styles import Styles

_BAR_COLOURS = ("chart_bar", "chart_bar_alt")  # by legend group: dark, then light


class _Pen:
    """Text and boxes in the handout's style, on a new drawing `width` wide and `height` high
    (the figure height of the styles unless given)."""

    def __init__(self, styles: Styles, width: float, height: float | None = None):
        self.fig = styles.figure
        # The drawing's starting font would otherwise be Times-Roman, which is never embedded.
        self.drawing = Drawing(width, height or self.fig["height"], initialFontName=styles.font("sans"),
                               initialFontSize=self.fig["label_size"])
        self.font = styles.font("sans")
        self.bold_font = styles.font("sans", bold=True)
        self.colours = styles.colours

    def text(self, x: float, y: float, text: str, size: float | None = None, bold=False,
             anchor="start", colour="ink") -> None:
        self.drawing.add(String(x, y, text, fontName=self.bold_font if bold else self.font,
                                fontSize=size or self.fig["label_size"], textAnchor=anchor,
                                fillColor=self.colours[colour] if colour in self.colours
                                else colour))

    def lines(self, x: float, y: float, text: str, width: float, size: float,
              colour="muted") -> float:
        """Wrapped text going down from `y`; returns the y below the last line."""
        for line in simpleSplit(text, self.font, size, width):
            self.text(x, y, line, size, colour=colour)
            y -= size * 1.25
        return y

    def box(self, x: float, y: float, w: float, h: float, fill: str, label: str,
            light_text=False) -> None:
        self.drawing.add(Rect(x, y, w, h, rx=3, ry=3, fillColor=self.colours[fill],
                              strokeColor=self.colours["diagram_line"], strokeWidth=0.75))
        lines = label.split("\n")
        size = self.fig["label_size"]
        top = y + h / 2 + (len(lines) - 1) * size * 0.6 - size * 0.35
        for i, line in enumerate(lines):
            self.text(x + w / 2, top - i * size * 1.2, line, size, anchor="middle",
                      colour=white if light_text else "ink")


def bar_chart(chart: BarChart, styles: Styles, width: float) -> Drawing:
    """Horizontal bars, values printed, the legend and the source at the foot. The drawing is
    as tall as its bars and note need (never less than the styled figure height), so a chart of
    many bars never runs into the text below it."""
    label_w, value_w, bar_h, step = 48, 26, 15, 21
    size = styles.figure["note_size"]
    notes = len(simpleSplit(chart.note, styles.font("sans"), size, width)) if chart.note else 0
    height = max(styles.figure["height"], 50 + len(chart.bars) * step + notes * size * 1.25)
    pen = _Pen(styles, width, height)
    drawing = pen.drawing
    pen.text(0, height - 10, chart.title, styles.figure["title_size"], bold=True)
    scale = (width - label_w - value_w) / chart.scale_max
    y = height - 38
    for bar in chart.bars:
        pen.text(label_w - 5, y + 4, bar.label, anchor="end")
        drawing.add(Rect(label_w, y, bar.value * scale, bar_h, strokeWidth=0,
                         fillColor=styles.colours[_BAR_COLOURS[bar.group]]))
        pen.text(label_w + bar.value * scale + 3, y + 4, f"{bar.value:g}{chart.unit}", bold=True)
        y -= step
    drawing.add(Line(label_w, y + step - 3, label_w, height - 20,
                     strokeColor=styles.colours["muted"], strokeWidth=0.5))
    legend_y = y + 4
    for index, label in enumerate(chart.legend):
        x, colour = index * width / 2, _BAR_COLOURS[index]
        drawing.add(Rect(x, legend_y, 7, 7, strokeWidth=0, fillColor=styles.colours[colour]))
        pen.text(x + 10, legend_y + 0.5, label, styles.figure["note_size"], colour="muted")
    pen.lines(0, legend_y - 12, chart.note, width, styles.figure["note_size"])
    return drawing


def _arrow(drawing: Drawing, x1: float, x2: float, y: float, colour, width: float) -> None:
    drawing.add(Line(x1, y, x2 - 5, y, strokeColor=colour, strokeWidth=width))
    drawing.add(Polygon([x2, y, x2 - 6, y + 3.5, x2 - 6, y - 3.5], fillColor=colour,
                        strokeWidth=0))


def edge_diagram(diagram: Diagram, styles: Styles, width: float) -> Drawing:
    """One row per network generation: the edge box, the core box, and between them a
    separator (kept apart) or an arrow (the edge works inside the core)."""
    pen = _Pen(styles, width)
    drawing, height = pen.drawing, styles.figure["height"]
    colours, note = styles.colours, styles.figure["note_size"]
    pen.text(0, height - 10, diagram.title, styles.figure["title_size"], bold=True)
    box_w, box_h, tag_w = 78, 30, 22
    core_x = width - box_w
    gap_mid = (tag_w + box_w + core_x) / 2
    y = height - 58
    for row in diagram.rows:
        pen.text(0, y + box_h / 2 - 3, row.tag, bold=True)
        if row.joined:
            pen.box(tag_w, y, box_w, box_h, "diagram_risk", row.edge, light_text=True)
            pen.box(core_x, y, box_w, box_h, "shade", row.core)
            _arrow(drawing, tag_w + box_w, core_x, y + box_h / 2, colours["diagram_risk"], 2)
        else:
            pen.box(tag_w, y, box_w, box_h, "shade", row.edge)
            pen.box(core_x, y, box_w, box_h, "shade", row.core)
            drawing.add(Line(tag_w + box_w, y + box_h / 2, core_x, y + box_h / 2,
                             strokeColor=colours["diagram_line"], strokeWidth=0.75,
                             strokeDashArray=[2, 2]))
            drawing.add(Rect(gap_mid - 2, y - 3, 4, box_h + 6, fillColor=colours["diagram_line"],
                             strokeWidth=0))
        pen.lines(0, y - 13, row.note, width, note)
        y -= box_h + 38
    return drawing


def drawing(figure: Figure, styles: Styles, width: float) -> Drawing:
    return (bar_chart if isinstance(figure, BarChart) else edge_diagram)(figure, styles, width)
