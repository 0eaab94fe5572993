"""The documents as data, before any backend: the handout Document holds nothing officer-only,
every paragraph of the officer brief carries its portion marking, and the figures carry
their data and a text alternative."""

from __future__ import annotations

from briefing_app.core.compose import compose
from briefing_app.core.document import BarChart, Diagram, Figures, Paragraph, Section
from tests.test_render_fixtures import LIBRARY_OFFICER_ONLY, OFFICER_ONLY, assembled, custom


def test_the_handout_document_holds_nothing_officer_only():
    document = compose(assembled(), "handout")
    text = document.text()
    for planted in [*OFFICER_ONLY.values(), *LIBRARY_OFFICER_ONLY]:
        assert planted not in text, planted
    assert document.furniture.banner == ""
    assert document.metadata.title == "Trusted suppliers for 5G networks in Italy"


def test_officer_paragraphs_carry_their_portion_marking():
    document = compose(assembled(customs=(custom(1, marking="SBU"),)), "officer")
    points = next(b for b in document.blocks if isinstance(b, Section) and b.id == "points")
    marks = [(item.paragraph.portion.marking, item.paragraph.portion.mark)
             for item in points.blocks[0].items]
    assert marks == [("U", "(U)"), ("SBU", "(SBU)"), ("U", "(U)"), ("SBU", "(SBU)")]
    uk = compose(assembled(scheme="uk"), "officer")
    assert {p.portion.mark for p in uk.walk() if isinstance(p, Paragraph) and p.portion} == {""}


def test_points_cite_sources_as_numbers_not_text():
    document = compose(assembled(), "officer")
    points = next(b for b in document.blocks if isinstance(b, Section) and b.id == "points")
    first = points.blocks[0].items[0].paragraph
    assert first.refs == (1,) and first.refs_raised  # a superscript, out of the spoken line
    assert first.text.endswith(".1") and "[1]" not in first.text


def test_figures_carry_their_data_and_a_text_alternative():
    ids = ("compulsion-law", "subsidy-financing")  # the one uses the diagram, the other the chart
    figures = next(b for b in compose(assembled(ids=ids), "handout").blocks if isinstance(b, Figures))
    diagram, chart = figures.figures
    assert isinstance(chart, BarChart) and isinstance(diagram, Diagram)
    assert [(b.label, b.value) for b in chart.bars][:4] == [("Huawei", 31), ("Nokia", 14),
                                                              ("Ericsson", 13), ("ZTE", 11)]
    assert "2024" in chart.title and "Dell\u2019Oro" in chart.note
    assert "Huawei 31%" in chart.alt and "5G" in diagram.alt
    assert "some core functions move toward the network edge" in diagram.alt


def test_a_figure_prints_only_when_a_chosen_point_uses_it():
    def figures(ids):
        blocks = compose(assembled(ids=ids, customs=()), "handout").blocks
        return [type(f).__name__ for b in blocks if isinstance(b, Figures) for f in b.figures]

    assert figures(("compulsion-law",)) == ["Diagram"]
    assert figures(("subsidy-financing",)) == ["BarChart"]
    assert figures(("edge-huawei",)) == []  # not releasable: its figures would not count anyway
