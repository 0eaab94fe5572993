"""Recommendations follow the country and carrier profile, each with a reason an officer can check."""

import pytest

from briefing_app.core.brief import Meeting
from briefing_app.core.library import load_library
from briefing_app.core.recommend import recommendations


@pytest.fixture
def library(mini_library):
    return load_library([mini_library])


def verdicts(library, code, carrier_id=None, **meeting):
    country = library.country(code)
    carrier = country.carrier(carrier_id) if carrier_id else None
    return {r.point_id: r for r in recommendations(library, country, carrier, Meeting(**meeting))}


def test_base_traffic_only_where_us_forces_are_hosted(library):
    italy, nz = verdicts(library, "IT", "windtre"), verdicts(library, "NZ", "spark")
    assert italy["base-commercial"].recommended
    assert italy["base-commercial"].reason == "Italy hosts US forces"
    assert not nz["base-commercial"].recommended
    assert "condition not met" in nz["base-commercial"].reason


def test_vendor_line_only_for_a_carrier_with_that_vendor_on_record(library):
    assert verdicts(library, "IT", "tim")["edge-huawei"].recommended
    assert verdicts(library, "IT", "tim")["edge-huawei"].reason == "TIM has reported Huawei radio equipment"
    assert not verdicts(library, "IT", "windtre")["edge-huawei"].recommended
    assert not verdicts(library, "IT")["edge-huawei"].recommended


def test_points_without_condition_are_always_recommended(library):
    verdict = verdicts(library, "NZ")["compulsion-law"]
    assert verdict.recommended and verdict.reason == "core point for every meeting"


def test_meeting_audience_filters_points_written_for_others(library):
    government = verdicts(library, "IT", "tim", audience="government")
    assert not government["edge-huawei"].recommended
    assert "carrier meetings" in government["edge-huawei"].reason
    assert government["base-commercial"].recommended


def test_order_follows_topics(library):
    ids = list(verdicts(library, "IT"))
    assert ids.index("compulsion-law") < ids.index("edge-huawei") < ids.index("subsidy-financing")


def test_at_most_two_points_per_topic_specific_ones_first(library_copy):
    folder = library_copy / "points/edge-core"
    source = (folder / "edge-huawei.toml").read_text()
    for n in (1, 2):
        general = source.replace('"edge-huawei"', f'"edge-general-{n}"').replace(
            "applies_when = \"carrier and 'Huawei' in carrier.vendor_names\"\n", "")
        (folder / f"edge-general-{n}.toml").write_text(general)
    library = load_library([library_copy])
    chosen = verdicts(library, "IT", "tim")
    assert chosen["edge-huawei"].recommended and chosen["edge-general-1"].recommended
    assert not chosen["edge-general-2"].recommended
    assert chosen["edge-general-2"].reason.endswith("but this topic already has 2 recommended points")
    windtre = verdicts(library, "IT", "windtre")
    assert windtre["edge-general-1"].recommended and windtre["edge-general-2"].recommended


def test_a_page_of_points_every_topic_first(library_copy):
    """Five topics with three general points each: two per topic would make ten, more than a
    page holds; each topic gets its first point, then seconds go in topic order up to eight."""
    source = (library_copy / "points/state-compulsion/compulsion-law.toml").read_text()
    with (library_copy / "topics.toml").open("a") as topics:
        topics.write('\n[[topic]]\nid = "market"\ntitle = "The vendor market"\n')
    order = ["state-compulsion", "edge-core", "base-traffic", "subsidy", "market"]
    for topic in order:
        (library_copy / "points" / topic).mkdir(exist_ok=True)
        for n in (1, 2, 3):
            (library_copy / "points" / topic / f"{topic}-{n}.toml").write_text(
                source.replace('"compulsion-law"', f'"{topic}-{n}"')
                .replace('topic = "state-compulsion"', f'topic = "{topic}"')
                .replace("Chinese law obliges", f"Point {n} on {topic}: Chinese law obliges"))
    library = load_library([library_copy])
    assert not library.errors
    chosen = verdicts(library, "NZ", "spark")
    recommended = [pid for pid, v in chosen.items() if v.recommended]
    assert len(recommended) == 8
    assert {library.points[pid].topic for pid in recommended} == set(order)
    assert not any(chosen[f"{topic}-2"].recommended for topic in ("subsidy", "market"))
    assert chosen["market-2"].reason == ("fits (core point for every meeting), but 8 points already "
                                         "fill the page of talking points")
    assert chosen["market-3"].reason.endswith("but this topic already has 2 recommended points")
