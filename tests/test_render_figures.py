"""The handout's figures stay inside the room they take on the page: every bar, label, legend
and source line of the chart and the diagram lies within its drawing, so none runs into the
text below (a chart of eight bars once did)."""

from __future__ import annotations

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.compose import compose
from briefing_app.core.document import BarChart, Figures
from briefing_app.render.pdf_figures import drawing
from briefing_app.render.styles import load_styles
from tests.recommended_briefs import library


def figures():
    brief = Brief(country="DE", points=(PointChoice(id="mk-market-share"),
                                        PointChoice(id="ec-5g-architecture")))
    document = compose(assemble(library(), brief), "handout")
    return next(b for b in document.blocks if isinstance(b, Figures)).figures


@pytest.mark.parametrize("width", [220, 480])
@pytest.mark.parametrize("bars", [None, 14])
def test_every_mark_of_a_figure_lies_inside_its_drawing(width, bars):
    for figure in figures():
        if bars and isinstance(figure, BarChart):
            figure = figure._replace(bars=(figure.bars * 2)[:bars])
        made = drawing(figure, load_styles(), width)
        left, bottom, right, top = made.getBounds()
        assert bottom >= 0 and top <= made.height, (type(figure).__name__, bottom, top, made.height)
