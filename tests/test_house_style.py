"""U.S. Government Printing Office style in the app's own words: possessives, a note after a
colon, one date style, and a meeting's time in the host's zone with the zone's abbreviation
(never a bare offset), as the printed brief shows them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from briefing_app.core.brief import Brief, Meeting
from briefing_app.core.house_style import after_colon, local_time, long_date, nested_quotes, possessive
from briefing_app.core.produce import produce
from tests.pdf_reading import all_text
from tests.recommended_briefs import library


@pytest.mark.parametrize(("name", "owned"), [
    ("Italy", "Italy's"), ("the Philippines", "the Philippines'"),
    ("the Netherlands", "the Netherlands'"), ("the United Arab Emirates", "the United Arab Emirates'"),
    ("TIM", "TIM's")])
def test_a_name_ending_in_s_takes_the_apostrophe_alone(name, owned):
    assert possessive(name) == owned


def test_a_note_after_a_colon_starts_small_unless_it_opens_with_a_name():
    assert after_colon("Whether the law has passed.") == "whether the law has passed."
    assert after_colon("The current U.S. presence.") == "the current U.S. presence."
    assert after_colon("Huawei said it had no such contract.") == "Huawei said it had no such contract."


def test_one_date_style():
    assert long_date(dt.date(2026, 12, 1)) == "December 1, 2026"


@pytest.mark.parametrize(("zone", "abbreviation", "when", "printed"), [
    ("Europe/Rome", "", dt.datetime(2026, 12, 1, 10, 30), "10:30 CET"),
    ("Europe/Rome", "", dt.datetime(2026, 7, 1, 10, 30), "10:30 CEST"),
    ("Asia/Dubai", "GST", dt.datetime(2026, 12, 1, 9, 0), "09:00 GST"),
    ("Asia/Dubai", "", dt.datetime(2026, 12, 1, 9, 0), "09:00 UTC+4"),  # never a bare "+04"
    # a time typed with a zone is shown in the host's: 09:30 UTC is 10:30 in Rome in winter
    ("Europe/Rome", "", dt.datetime(2026, 12, 1, 9, 30, tzinfo=ZoneInfo("UTC")), "10:30 CET"),
    ("", "", dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-3, minutes=-30))),
     "09:30 UTC-3:30")])
def test_a_meeting_time_reads_in_the_host_zone_with_its_abbreviation(zone, abbreviation, when, printed):
    local, name = local_time(when, zone, abbreviation)
    assert f"{local:%H:%M} {name}" == printed


@pytest.mark.parametrize(("code", "zone"), [("IT", "CET"), ("AE", "GST"), ("PH", "PhST"),
                                            ("GB", "GMT")])
def test_the_printed_brief_gives_the_meeting_time_with_the_host_zone(code, zone):
    brief = Brief(country=code, meeting=Meeting(when=dt.datetime(2026, 12, 1, 10, 30)))
    text = " ".join(all_text(produce(library(), brief, "officer").data).split())
    assert f"Tuesday, December 1, 2026, 10:30 {zone}" in text
    assert "+0" not in text.split("Talking points")[0]


def test_quotation_marks_inside_a_quotation_become_single_curly_ones():
    assert nested_quotes('what are "employee shares" are "in fact a scheme."') == \
        "what are \u2018employee shares\u2019 are \u2018in fact a scheme.\u2019"
    assert nested_quotes("the \u201cclean\u201d network (\"trusted\")") == \
        "the \u2018clean\u2019 network (\u2018trusted\u2019)"
    assert nested_quotes("Huawei's kit") == "Huawei's kit"

