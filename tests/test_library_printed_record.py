"""What the officer brief prints from the library's record, for every built-in country and
carrier with every point chosen: quotations punctuated in house style, source addresses that
are real hosts, and removal deadlines that cover only the networks the law names."""

from __future__ import annotations

import re
from functools import cache

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.compose import compose
from tests.recommended_briefs import library


@cache
def officer_texts() -> tuple[tuple[str, str | None, str], ...]:
    lib = library()
    every = tuple(PointChoice(id=i) for i in lib.points)
    return tuple(
        (country.code, carrier and carrier.id,
         compose(assemble(lib, Brief(country=country.code, carrier=carrier and carrier.id,
                                     points=every)), "officer").text())
        for country in lib.countries.values() for carrier in [None, *country.carriers])


def test_no_printed_quotation_holds_a_double_quotation_mark():
    """Inside the double quotes that wrap a source's quotation or title, only single ones."""
    seen = 0
    for code, carrier_id, text in officer_texts():
        for quoted in re.findall(r"\u201c([^\u201d]*)\u201d", text):
            assert '"' not in quoted and "\u201c" not in quoted, (code, carrier_id, quoted)
            seen += 1
    assert seen > 1000


def test_every_printed_source_address_names_a_real_host():
    seen = 0
    for code, carrier_id, text in officer_texts():
        for host in re.findall(r"https?://([^/\s]+)", text):
            assert not re.match(r"w{4,}\.|ww\.", host), (code, carrier_id, host)
            seen += 1
    assert seen > 1000


def networks_due(note: str, year: int) -> set[str]:
    """The networks a policy note sets this year's deadline for: each "5G" followed by the
    year with no other network named between them ("from 5G networks by end-2027")."""
    pattern = rf"\b([2-5]G)\b(?=((?:(?!\b[2-5]G\b)[^;:])*?)\b{year}\b)"
    return {m.group(1) for m in re.finditer(pattern, note)}


def test_a_carriers_removal_deadline_covers_only_the_networks_the_law_names():
    """BT's 2G and 4G Huawei radios are not under the UK's 2027 deadline for 5G networks."""
    checked = 0
    for country in library().countries.values():
        for note in (p for p in country.policy if p.deadline):
            named = networks_due(note.note, note.deadline.year)
            for carrier in country.carriers:
                for vendor in (v for v in carrier.vendors if v.deadline == note.deadline):
                    if named:
                        assert set(vendor.networks) <= named, (carrier.id, vendor.networks, named)
                        checked += 1
    assert networks_due("5G networks by end-2027", 2027) == {"5G"}
    assert checked >= 4
