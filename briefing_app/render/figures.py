"""The handout's two figures, drawn as vector graphics: market shares and the edge-core diagram.

Drawn from shapes rather than a chart widget so every word uses the embedded fonts, prints
sharply at any size, extracts as text and stays legible in greyscale (values are printed on
the bars; dark and light bars differ in lightness, not only hue).
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import white
from reportlab.lib.utils import simpleSplit

from .styles import Styles

# Telecom-equipment market shares in 2017, as reported; True marks a vendor headquartered
# in China. Printed with its source on the chart.
MARKET_SHARES_2017 = (("Huawei", 22, True), ("Nokia", 13, False), ("Ericsson", 11, False),
                      ("ZTE", 10, True))
MARKET_SOURCE = "Source: IHS Markit, via The Wall Street Journal, 23 November 2018."
_SCALE_MAX = 25  # per cent at the full bar length


class _Pen:
    """Text and boxes in the handout's style, on a new drawing `width` wide."""

    def __init__(self, styles: Styles, width: float):
        self.fig = styles.figure
        # The drawing's starting font would otherwise be Times-Roman, which is never embedded.
        self.drawing = Drawing(width, self.fig["height"], initialFontName=styles.font("sans"),
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


def market_chart(styles: Styles, width: float) -> Drawing:
    """Horizontal bars of 2017 market shares, values printed, source at the foot."""
    pen = _Pen(styles, width)
    drawing, height = pen.drawing, styles.figure["height"]
    pen.text(0, height - 10, "Telecom-equipment market share, 2017", styles.figure["title_size"],
             bold=True)
    label_w, value_w, bar_h, step = 48, 26, 15, 21
    scale = (width - label_w - value_w) / _SCALE_MAX
    y = height - 38
    for vendor, share, china in MARKET_SHARES_2017:
        pen.text(label_w - 5, y + 4, vendor, anchor="end")
        drawing.add(Rect(label_w, y, share * scale, bar_h, strokeWidth=0,
                         fillColor=styles.colours["chart_bar" if china else "chart_bar_alt"]))
        pen.text(label_w + share * scale + 3, y + 4, f"{share}%", bold=True)
        y -= step
    drawing.add(Line(label_w, y + step - 3, label_w, height - 20,
                     strokeColor=styles.colours["muted"], strokeWidth=0.5))
    legend_y = y + 4
    for x, colour, label in ((0, "chart_bar", "Headquartered in China"),
                             (width / 2, "chart_bar_alt", "Headquartered in Europe")):
        drawing.add(Rect(x, legend_y, 7, 7, strokeWidth=0, fillColor=styles.colours[colour]))
        pen.text(x + 10, legend_y + 0.5, label, styles.figure["note_size"], colour="muted")
    pen.lines(0, legend_y - 12, MARKET_SOURCE, width, styles.figure["note_size"])
    return drawing


def _arrow(drawing: Drawing, x1: float, x2: float, y: float, colour, width: float) -> None:
    drawing.add(Line(x1, y, x2 - 5, y, strokeColor=colour, strokeWidth=width))
    drawing.add(Polygon([x2, y, x2 - 6, y + 3.5, x2 - 6, y - 3.5], fillColor=colour,
                        strokeWidth=0))


def edge_diagram(styles: Styles, width: float) -> Drawing:
    """4G keeps cell-site equipment apart from the core; in 5G it takes on core tasks."""
    pen = _Pen(styles, width)
    drawing, height = pen.drawing, styles.figure["height"]
    colours, note = styles.colours, styles.figure["note_size"]
    pen.text(0, height - 10, "Why 5G edge equipment reaches the core",
             styles.figure["title_size"], bold=True)
    box_w, box_h, tag_w = 78, 30, 22
    core_x = width - box_w
    gap_mid = (tag_w + box_w + core_x) / 2
    # 4G: the cell site is separated from the core.
    y4 = height - 58
    pen.text(0, y4 + box_h / 2 - 3, "4G", bold=True)
    pen.box(tag_w, y4, box_w, box_h, "shade", "Cell-site\nequipment")
    pen.box(core_x, y4, box_w, box_h, "shade", "Core network")
    drawing.add(Line(tag_w + box_w, y4 + box_h / 2, core_x, y4 + box_h / 2,
                     strokeColor=colours["diagram_line"], strokeWidth=0.75,
                     strokeDashArray=[2, 2]))
    drawing.add(Rect(gap_mid - 2, y4 - 3, 4, box_h + 6, fillColor=colours["diagram_line"],
                     strokeWidth=0))
    pen.text(0, y4 - 13, "Edge kept apart from the core", note, colour="muted")
    # 5G: core tasks move to the cell site, which now works inside the core.
    y5 = y4 - box_h - 38
    pen.text(0, y5 + box_h / 2 - 3, "5G", bold=True)
    pen.box(tag_w, y5, box_w, box_h, "diagram_risk", "Cell site runs\ncore tasks",
            light_text=True)
    pen.box(core_x, y5, box_w, box_h, "shade", "Core network")
    _arrow(drawing, tag_w + box_w, core_x, y5 + box_h / 2, colours["diagram_risk"], 2)
    pen.lines(0, y5 - 13, "Edge equipment takes over core tasks, so it could be used to "
              "disrupt the core itself.", width, note)
    return drawing


def figure_text(styles: Styles, width: float) -> list[str]:
    """Every word the two figures print, so the handout check knows them as public."""
    drawings = (market_chart(styles, width), edge_diagram(styles, width))
    return [shape.text for d in drawings for shape in d.contents if isinstance(shape, String)]
