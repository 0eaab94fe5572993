"""The library's models refuse what a hand-edited file gets wrong instead of guessing."""

import datetime as dt

import pytest
from pydantic import ValidationError

from briefing_app.core.models import Country, Source, TalkingPoint

SOURCE = {"title": "T", "publisher": "P", "date": dt.date(2018, 11, 23)}
POINT = {
    "id": "a-point", "title": "A point", "topic": "edge-core", "audience": ["carrier"],
    "text": "Text", "sources": [SOURCE], "reviewed": dt.date(2026, 11, 1), "releasable": True,
}


def test_a_complete_point_loads_with_defaults():
    point = TalkingPoint.model_validate(POINT)
    assert point.marking == "U"
    assert point.applies_when is None
    assert point.if_raised == []


@pytest.mark.parametrize("field, value", [
    ("releasable", "yes"),
    ("releasable", 1),
    ("reviewed", "2026-11-01"),
    ("audience", "carrier"),
    ("audience", ["ministers"]),
    ("marking", "SECRET"),
    ("id", "Not A Slug"),
])
def test_wrong_types_are_errors_not_guesses(field, value):
    with pytest.raises(ValidationError) as err:
        TalkingPoint.model_validate({**POINT, field: value})
    assert err.value.errors()[0]["loc"][0] == field


def test_unknown_keys_are_refused():
    with pytest.raises(ValidationError, match="Extra inputs"):
        TalkingPoint.model_validate({**POINT, "txet": "typo"})


def test_a_point_needs_a_source():
    with pytest.raises(ValidationError):
        TalkingPoint.model_validate({**POINT, "sources": []})


def test_source_urls_must_be_web_addresses():
    with pytest.raises(ValidationError, match="http"):
        Source.model_validate({**SOURCE, "url": "file:///etc/passwd"})


def test_country_lists_vendor_names_once_and_finds_carriers():
    vendor = {"vendor": "Huawei", "role": "radio", "source": SOURCE}
    country = Country.model_validate({
        "code": "IT", "name": "Italy", "sources": [SOURCE], "reviewed": dt.date(2026, 1, 1),
        "carriers": [{"id": "tim", "name": "TIM", "vendors": [vendor, {**vendor, "role": "core"}]}],
    })
    assert country.carrier("tim").vendor_names == ["Huawei"]
    assert country.carrier("nobody") is None


def test_a_country_is_named_as_a_sentence_needs():
    base = {"code": "GB", "name": "United Kingdom", "sources": [SOURCE], "reviewed": dt.date(2026, 1, 1),
            "carriers": [{"id": "bt-ee", "name": "BT / EE"}]}
    uk = Country.model_validate({**base, "name_in_text": "the United Kingdom"})
    assert (uk.name, uk.in_text, uk.at_start) == ("United Kingdom", "the United Kingdom", "The United Kingdom")
    italy = Country.model_validate({**base, "code": "IT", "name": "Italy"})
    assert (italy.in_text, italy.at_start) == ("Italy", "Italy")
