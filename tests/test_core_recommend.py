"""Recommendations follow the country and carrier profile, each with a reason an officer can check."""

import re

import pytest

from briefing_app.core.brief import Meeting
from briefing_app.core.library import load_library
from briefing_app.core.recommend import PAGE_WORDS, POINT_WORDS, recommendations


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
    """Five topics with three general points each, every point as long as the page holds six
    of: each topic gets its first point, then seconds go in topic order while the page has
    room; a shorter point after a full page still fits if its words do."""
    source = (library_copy / "points/state-compulsion/compulsion-law.toml").read_text()
    for existing in (library_copy / "points").glob("*/*.toml"):
        existing.unlink()
    with (library_copy / "topics.toml").open("a") as topics:
        topics.write('\n[[topic]]\nid = "market"\ntitle = "The vendor market"\n')
    order = ["state-compulsion", "edge-core", "base-traffic", "subsidy", "market"]
    title_words = len("Chinese law obliges firms to assist state intelligence work".split())
    per_point = (PAGE_WORDS - 30) // 6 - POINT_WORDS - title_words  # six fit, not seven
    for topic in order:
        (library_copy / "points" / topic).mkdir(exist_ok=True)
        for n in (1, 2, 3):
            words = 3 if (topic, n) == ("market", 2) else per_point  # a short second point
            (library_copy / "points" / topic / f"{topic}-{n}.toml").write_text(re.sub(
                r"(?m)^text = .*$", 'text = "' + "word " * (words - 1) + 'end."',
                source.replace('"compulsion-law"', f'"{topic}-{n}"')
                .replace('topic = "state-compulsion"', f'topic = "{topic}"')))
    library = load_library([library_copy])
    assert not library.errors
    chosen = verdicts(library, "NZ", "spark")
    recommended = [pid for pid, v in chosen.items() if v.recommended]
    assert recommended == ["state-compulsion-1", "state-compulsion-2", "edge-core-1",
                           "base-traffic-1", "subsidy-1", "market-1", "market-2"]
    assert chosen["edge-core-2"].reason == ("fits (core point for every meeting), but the page "
                                            "of talking points is full")
    assert chosen["market-3"].reason.endswith("but this topic already has 2 recommended points")
