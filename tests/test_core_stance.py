"""Stances: derived from the policy and vendor records, seen by templates, obeyed by the
recommendations, and warned about when the officer picks a point written for another stance."""

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, Meeting, PointChoice
from briefing_app.core.counterpart import CounterpartCheck, sentences
from briefing_app.core.library import load_library
from briefing_app.core.recommend import recommendations
from briefing_app.core.stance import stance_line
from briefing_app.core.template_context import template_context
from briefing_app.core.templating import check_template, render

ITALY_EXCLUDES = '''
[[policy]]
date = 2019-03-25
note = "Screening of 5G contracts under the golden power."
stance = "restricting"
[[policy.sources]]
title = "Decree"
publisher = "Government of Italy"
date = 2019-03-25

[[policy]]
date = 2024-05-01
note = "High-risk vendors excluded from 5G networks."
stance = "excluded"
deadline = 2027-12-31
[[policy.sources]]
title = "Law"
publisher = "Government of Italy"
date = 2024-05-01
'''


def add_to_country(folder, code, text):
    path = folder / "countries" / f"{code}.toml"
    head, sep, tail = path.read_text().partition("[[carriers]]")
    path.write_text(head + text + "\n" + sep + tail)


def set_point(folder, topic, point_id, **fields):
    """Add TOML lines to a point, before its first table."""
    path = folder / "points" / topic / f"{point_id}.toml"
    head, sep, tail = path.read_text().partition("\n[[")
    lines = "".join(f"\n{key} = {value}" for key, value in fields.items())
    path.write_text(head + lines + sep + tail)


def replace_in_country(folder, code, old, new):
    path = folder / "countries" / f"{code}.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def verdicts(library, code, carrier_id=None, **meeting):
    country = library.country(code)
    carrier = country.carrier(carrier_id) if carrier_id else None
    return {r.point_id: r for r in recommendations(library, country, carrier, Meeting(**meeting))}


def test_the_latest_decision_sets_the_hosts_stance_and_templates_see_it(library_copy):
    add_to_country(library_copy, "it", ITALY_EXCLUDES)
    library = load_library([library_copy])
    italy = library.country("IT")
    assert italy.stance == "excluded" and library.country("NZ").stance == "undecided"
    context = template_context(italy, italy.carrier("tim"))
    assert context["country"]["stance"] == "excluded"
    assert str(context["country"]["stance_date"]) == "2024-05-01"
    assert str(context["country"]["stance_deadline"]) == "2027-12-31"
    assert render("{{ country.stance }} until {{ country.stance_deadline.year }}", context) == \
        "excluded until 2027"
    assert check_template("{{ carrier.stance }} {{ carrier.high_risk }} {{ carrier.deadline }}") == []
    assert "country.stanse" in check_template("{{ country.stanse }}")[0]


def test_a_carriers_stance_follows_its_vendor_records(library_copy):
    replace_in_country(library_copy, "it", 'role = "radio"\n',
                       'role = "radio"\nnetworks = ["4G"]\nstatus = "replacing"\ndeadline = 2027-12-31\n')
    library = load_library([library_copy])
    italy = library.country("IT")
    tim = italy.carrier("tim")
    context = template_context(italy, tim)["carrier"]
    assert (context["stance"], context["high_risk"], str(context["deadline"])) == \
        ("replacing", ["Huawei"], "2027-12-31")
    assert tim.vendors[0].phrase == "4G radio access network, being replaced by December 2027"
    assert template_context(italy, italy.carrier("windtre"))["carrier"]["stance"] == "unknown"
    assert stance_line(italy, tim) == ("Italy has no restriction on high-risk vendors on record · "
                                       "TIM is replacing Huawei (4G radio access network, by December 2027)")


def test_a_point_written_for_another_host_stance_is_not_recommended_and_says_why(library_copy):
    set_point(library_copy, "state-compulsion", "compulsion-law", host_stances='["undecided"]')
    add_to_country(library_copy, "it", ITALY_EXCLUDES)
    library = load_library([library_copy])
    italy = verdicts(library, "IT")["compulsion-law"]
    assert not italy.recommended
    assert italy.reason == ("written for hosts still deciding; Italy has excluded high-risk vendors "
                            "(since May 2024; removal by December 2027)")
    assert verdicts(library, "NZ")["compulsion-law"].recommended


def test_a_point_written_for_carriers_of_one_stance_fits_only_such_a_carrier(library_copy):
    set_point(library_copy, "state-compulsion", "compulsion-law", carrier_stances='["trusted"]')
    library = load_library([library_copy])
    assert verdicts(library, "IT")["compulsion-law"].recommended  # no carrier: the host's point
    tim = verdicts(library, "IT", "tim")["compulsion-law"]
    assert not tim.recommended
    assert tim.reason == ("written for carriers on trusted vendors only; TIM has Huawei in service "
                          "(radio access network)")
    replace_in_country(library_copy, "it", 'vendor = "Huawei"', 'vendor = "Nokia"')
    assert verdicts(load_library([library_copy]), "IT", "tim")["compulsion-law"].recommended


def test_a_hand_picked_point_for_another_stance_is_warned_about(library_copy):
    set_point(library_copy, "state-compulsion", "compulsion-law", carrier_stances='["trusted"]')
    library = load_library([library_copy])
    brief = Brief(country="IT", carrier="tim", points=(PointChoice(id="compulsion-law"),))
    (warning,) = assemble(library, brief).points[0].misfit_warning
    assert "point 1 (compulsion-law) does not fit this meeting (written for carriers on trusted" in warning


def test_a_sentence_that_holds_the_counterpart_up_as_its_own_example_is_found(library_copy):
    library = load_library([library_copy])
    italy, nz = library.country("IT"), library.country("NZ")
    check = CounterpartCheck(library, italy, italy.carrier("tim"))
    assert check("Spark and TIM chose trusted vendors.") == \
        "it names TIM among its own examples, beside Spark"
    assert check("New Zealand acted in 2018, and Italy in 2019.") == \
        "it names Italy among its own examples, beside New Zealand"
    assert check("Spark chose trusted vendors. TIM would be welcome to do the same.") == ""
    assert CounterpartCheck(library, nz, None)("Spark and One NZ chose trusted vendors.") == ""


def test_a_point_that_names_the_counterpart_among_its_examples_is_left_out(library_copy):
    path = library_copy / "points/state-compulsion/compulsion-law.toml"
    text = path.read_text()
    path.write_text(text.replace(text.split('text = "')[1].split('"\n')[0],
                                 "New Zealand and {{ country.name }} have both acted."))
    library = load_library([library_copy])
    italy = verdicts(library, "IT")["compulsion-law"]
    assert not italy.recommended
    assert italy.reason == "it names Italy among its own examples, beside New Zealand"


@pytest.mark.parametrize(("text", "expected"), [
    ("U.S. forces rely on it. Art. 7 applies (2017). Bell chose 5G. Next",
     ["U.S. forces rely on it.", "Art. 7 applies (2017).", "Bell chose 5G.", "Next"]),
    ("One sentence only", ["One sentence only"]),
])
def test_sentences_keep_abbreviations(text, expected):
    assert sentences(text) == expected


def test_a_carrier_whose_only_high_risk_entry_is_contracted_is_described_not_crashed():
    """A contracted high-risk vendor makes the stance `high-risk` (models.Carrier.stance); the
    window's stance line said which vendors from the entries in service only, found none and
    failed. It says the vendor is contracted, never that it runs."""
    from tests.recommended_briefs import library

    italy = library().country("IT")
    tim = italy.carrier("tim")
    contracted = [v.model_copy(update={"status": "contracted", "networks": ["5G"]}) if v.high_risk else v
                  for v in tim.vendors]
    tim = tim.model_copy(update={"vendors": contracted})
    assert tim.stance == "high-risk"
    line = stance_line(italy, tim)
    assert "TIM has Huawei contracted (5G radio access network)" in line
    assert "in service" not in line
