"""Assembly renders the chosen points in order, keeps officer wording literal, and names what is missing."""

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, CustomPoint, PointChoice
from briefing_app.core.faults import InputError
from briefing_app.core.library import load_library


@pytest.fixture
def library(mini_library):
    return load_library([mini_library])


def brief(**kw):
    return Brief(country="IT", carrier="tim", **kw)


def test_points_render_in_the_chosen_order_with_sources_numbered(library):
    result = assemble(library, brief(points=(PointChoice(id="edge-huawei"),
                                              PointChoice(id="compulsion-law")), regime="sbu"))
    assert [p.number for p in result.points] == [1, 2]
    assert result.points[0].text == "TIM's Huawei radio equipment would take on core tasks in 5G."
    assert result.points[0].source_numbers == (1, 2)  # its own, then the carrier's vendor report
    assert result.sources[1].title == "Test source"
    assert result.points[1].source_numbers == (1,)
    assert result.banner == "SENSITIVE BUT UNCLASSIFIED"
    assert result.handout_points == (result.points[1],)


def test_reworded_text_is_literal_and_marked_reworded(library):
    result = assemble(library, brief(points=(PointChoice(id="compulsion-law", text="{{ country.name }} <b>"),)))
    (point,) = result.points
    assert point.text == "{{ country.name }} <b>"
    assert point.reworded and "Article 7" in point.library_text


def test_custom_points_take_their_place(library):
    custom = CustomPoint(id="custom-visit", title="Visit", text="Invite the CTO.", releasable=True)
    result = assemble(library, brief(points=(PointChoice(id="custom-visit"),), custom_points=(custom,)))
    assert result.points[0].custom and result.points[0].text == "Invite the CTO."
    assert result.banner == "UNCLASSIFIED"


def test_uk_scheme_and_officer_override(library):
    points = (PointChoice(id="edge-huawei"),)
    assert assemble(library, brief(points=points, scheme="uk")).banner == "OFFICIAL-SENSITIVE"
    assert assemble(library, brief(points=points, scheme="uk", descriptor="LOCSEN")).banner == \
        "OFFICIAL-SENSITIVE LOCSEN"
    raised = assemble(library, brief(points=(PointChoice(id="compulsion-law"),), marking="CUI"))
    assert raised.banner == "CUI" and "higher than every portion" in raised.marks.warnings[0]


@pytest.mark.parametrize("kw, words", [
    ({"country": "FR"}, "unknown country 'FR'"),
    ({"carrier": "spark"}, "'spark' is not a carrier in Italy (it belongs to New Zealand)"),
])
def test_references_the_library_lacks_are_named(library, kw, words):
    with pytest.raises(InputError, match=words.replace("(", r"\(").replace(")", r"\)")):
        assemble(library, Brief(**{"country": "IT", "carrier": "tim", **kw}), "x.brief")


def test_every_snapshot_source_is_numbered_whichever_carrier_is_chosen():
    from briefing_app.core.paths import builtin_library

    library = load_library([builtin_library()])
    for country in library.countries.values():
        for carrier in [None, *country.carriers]:
            result = assemble(library, Brief(country=country.code, carrier=carrier.id if carrier else None))
            for other in country.carriers:
                for use in other.vendors:
                    assert result.sources[result.source_number(use.source) - 1] == use.source


def test_a_point_the_library_no_longer_has_is_left_out_with_a_warning(library):
    brief = Brief(country="IT", carrier="tim", points=(
        PointChoice(id="compulsion-law"), PointChoice(id="renamed-since", text="My words")))
    assembled = assemble(library, brief, "x.brief")
    assert [p.id for p in assembled.points] == ["compulsion-law"]
    assert assembled.missing_warnings == ("point 'renamed-since' is no longer in the library and is "
                                          "left out; remove it, or replace it with a library point",)
