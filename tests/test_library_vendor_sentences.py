"""A carrier's publicly reported vendors as the officer brief says them: one sentence an
officer can read out, keeping every vendor and every part of the network, and never saying
a carrier already runs equipment it has only contracted for."""

from __future__ import annotations

import re

from briefing_app.core.vendor_record import record_sentence
from tests.recommended_briefs import library
from tests.test_library_printed_record import officer_texts


def test_no_brief_reads_the_vendor_record_out_as_a_list():
    """"Public record for Telekom Deutschland: Huawei, 4G and 5G radio access network; ..." is
    a database row, not something an officer can say."""
    said = 0
    for code, carrier_id, text in officer_texts():
        assert "Public record for" not in text, (code, carrier_id)
        assert not re.search(r"(Huawei|ZTE|Ericsson|Nokia|Samsung), [2-5G ,and]*(radio access|core) network;",
                             text), (code, carrier_id)
        said += "On the public record, " in text
    assert said > 40


def test_the_sentence_keeps_every_vendor_and_every_part_of_the_network():
    checked = 0
    for country in library().countries.values():
        for carrier in (c for c in country.carriers if c.vendors):
            sentence = record_sentence(carrier)
            assert sentence.startswith(f"On the public record, {carrier.in_text} "), sentence
            assert ";" not in sentence and sentence.count(".") == 1 + carrier.in_text.count("."), sentence
            for vendor in carrier.vendors:
                assert vendor.vendor in sentence and vendor.part in sentence, (carrier.id, vendor.vendor)
                if vendor.status == "replacing":
                    assert "is replacing" in sentence, sentence
                checked += 1
    assert checked > 100


def test_a_contracted_vendor_is_never_said_to_be_in_service_already():
    """Vodafone Germany announced Samsung Open RAN sites in October 2025: the brief says it
    has contracted Samsung, not that it already runs Samsung radios."""
    contracted = {(country.code, carrier.id): [v.vendor for v in carrier.vendors if v.status == "contracted"]
                  for country in library().countries.values() for carrier in country.carriers}
    checked = 0
    for code, carrier_id, text in officer_texts():
        for vendor in contracted.get((code, carrier_id), []):
            flat = " ".join(text.split())
            for running in re.findall(r"already runs radio equipment from (.*?)(?: and has contracted|[;.])", flat):
                assert vendor not in running, (carrier_id, running)
            assert re.search(rf"has contracted [^.;]*{vendor}", flat), (carrier_id, vendor)
            checked += 1
    assert checked >= 1


def test_no_line_says_all_high_risk_equipment_is_due_out_when_some_has_no_deadline():
    """The UK's 2027 deadline covers 5G networks: BT's 2G and 4G Huawei radios are not 'the
    last high-risk equipment due out by December 2027', nor is the UK's decision one 'to keep
    high-risk vendors out of its networks, with removal due by December 2027'."""
    undated = {(country.code, carrier.id) for country in library().countries.values()
               for carrier in country.carriers
               if any(v.high_risk and v.status != "removed" and not v.deadline for v in carrier.vendors)}
    undated |= {(code, None) for code, _ in undated}  # the host's brief speaks for all its carriers
    checked = 0
    for code, carrier_id, text in officer_texts():
        if (code, carrier_id) in undated:
            flat = " ".join(text.split())
            assert not re.search(r"last high-risk equipment due out|out of its networks, with removal due", flat), \
                (code, carrier_id)
            checked += 1
    assert checked > 20
