"""Provenance checks: every source shows when it was checked, deadlines are followed up, no
date lies in the future, and every carrier says what is known of its vendors.

The library and "today" are fixed here, so the findings move neither with the calendar nor
with the built-in library's content."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from briefing_app.core import provenance
from briefing_app.core.check import check_library
from briefing_app.core.library import load_library

TODAY = dt.date(2026, 11, 29)


def findings(folders: list[Path], today: dt.date = TODAY) -> list[tuple[str, bool]]:
    """(fault as printed, is a warning) for the provenance rules alone."""
    faults = provenance.provenance_faults(load_library(folders), today, 365)
    return [(str(f), f.warning) for f in faults]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def built_in(library_copy: Path, monkeypatch) -> Path:
    """The scratch library in the built-in library's place, where the rules are strict."""
    monkeypatch.setattr(provenance, "builtin_library", lambda: library_copy)
    return library_copy


@pytest.fixture
def overlay(library_copy: Path, tmp_path: Path) -> Path:
    """An officer's own folder laid over the library, starting with copies of two files."""
    mine = tmp_path / "mine"
    for part in ("points/subsidy/subsidy-financing.toml", "countries/nz.toml"):
        (mine / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(library_copy / part, mine / part)
    return mine


def test_the_test_library_meets_every_rule(mini_library):
    assert findings([mini_library]) == []


def test_a_source_without_checked_is_an_error_built_in_and_a_warning_in_an_officers_folder(
        built_in, overlay):
    edit(built_in / "points/subsidy/subsidy-financing.toml", "checked = 2026-11-20\n", "")
    message = ("field 'sources #1.checked': {}source 'Washington Asks Allies to Drop Huawei' has "
               "no 'checked' date: confirm it supports the claim citing it and record the day "
               "you did")
    assert findings([built_in]) == [
        ("library/points/subsidy/subsidy-financing.toml: " + message.format(""), False)]
    edit(overlay / "points/subsidy/subsidy-financing.toml", "checked = 2026-11-20\n", "")
    assert findings([built_in, overlay]) == [
        ("mine/points/subsidy/subsidy-financing.toml: " + message.format("warning: "), True)]


def test_a_source_not_checked_for_twelve_months_is_a_warning(built_in):
    edit(built_in / "countries/it.toml", "checked = 2026-11-20", "checked = 2025-10-01")
    expected = [("library/countries/it.toml: field 'carriers #1.vendors #1.source.checked': "
                 "warning: source 'Test source' was last checked 2025-10-01, more than 365 days "
                 "ago; check it again", True)]
    assert findings([built_in]) == expected
    edit(built_in / "countries/it.toml", "checked = 2025-10-01", "checked = 2025-11-29")
    assert findings([built_in]) == []  # exactly twelve months


def test_dates_later_than_today_are_errors_even_in_an_officers_folder(overlay, library_copy):
    edit(overlay / "points/subsidy/subsidy-financing.toml", "reviewed = 2020-01-01",
         "reviewed = 2026-12-01")
    edit(overlay / "countries/nz.toml", "checked = 2026-11-20", "checked = 2027-01-05")
    assert findings([library_copy, overlay]) == [
        ("mine/points/subsidy/subsidy-financing.toml: field 'reviewed': 2026-12-01 is later "
         "than today (2026-11-29); give the date the file was actually reviewed", False),
        ("mine/countries/nz.toml: field 'sources #1.checked': source 'Test source' was checked "
         "2027-01-05, later than today (2026-11-29)", False)]


def test_a_passed_deadline_warns_until_the_entry_is_checked_again(built_in):
    country = built_in / "countries/it.toml"
    edit(country, 'role = "radio"\n', 'role = "radio"\nstatus = "replacing"\n'
                                      "deadline = 2026-06-30\n")
    edit(country, "checked = 2026-11-20", "checked = 2026-05-02")
    assert findings([built_in]) == [
        ("library/countries/it.toml: field 'carriers #1.vendors #1.deadline': warning: the "
         "deadline 2026-06-30 has passed and its sources were last checked 2026-05-02; find out "
         "what happened, update the entry and check its sources again", True)]
    edit(country, "checked = 2026-05-02", "checked = 2026-07-15")
    assert findings([built_in]) == []  # checked again after the deadline
    edit(country, "checked = 2026-07-15", "checked = 2026-05-02")
    edit(country, "deadline = 2026-06-30", "deadline = 2026-11-29")
    assert findings([built_in]) == []  # a deadline falling today has not passed


def test_a_passed_deadline_on_a_point_or_an_installation_is_followed_up(built_in):
    edit(built_in / "points/subsidy/subsidy-financing.toml", "releasable = true\n",
         "releasable = true\ndeadline = 2026-11-25\n")
    edit(built_in / "countries/it.toml", 'service = "US Air Force"\n',
         'service = "US Air Force"\ndeadline = 2026-11-25\n')
    assert [(f.split(": warning: ")[0], warning) for f, warning in findings([built_in])] == [
        ("library/points/subsidy/subsidy-financing.toml: field 'deadline'", True),
        ("library/countries/it.toml: field 'us_forces #1.deadline'", True)]


def test_a_carrier_must_list_its_vendors_or_say_why_none_is_on_record(built_in, overlay):
    unknown = 'vendors_unknown = "Test: nothing public on its radio network."\n'
    message = ("field 'carriers #2': {}carrier 'one-nz' lists no vendors; record its publicly "
               "reported vendors with sources, or say why none is on record in 'vendors_unknown'")
    edit(built_in / "countries/nz.toml", 'name = "One NZ"\n' + unknown, 'name = "One NZ"\n')
    assert findings([built_in]) == [("library/countries/nz.toml: " + message.format(""), False)]
    edit(overlay / "countries/nz.toml", 'name = "One NZ"\n' + unknown, 'name = "One NZ"\n')
    edit(built_in / "countries/nz.toml", 'name = "One NZ"\n', 'name = "One NZ"\n' + unknown)
    assert findings([built_in, overlay]) == [
        ("mine/countries/nz.toml: " + message.format("warning: "), True)]


def test_library_check_reports_provenance_with_the_other_faults(built_in):
    edit(built_in / "countries/it.toml", "checked = 2026-11-20", "checked = 2026-12-24")
    faults = check_library(load_library([built_in]), today=TODAY)
    assert any("was checked 2026-12-24, later than today" in str(f) and not f.warning
               for f in faults)


def test_the_built_in_library_has_every_source_checked_and_every_carrier_recorded():
    from briefing_app.core.paths import builtin_library

    assert findings([builtin_library()]) == []
