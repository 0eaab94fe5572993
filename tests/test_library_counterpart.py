"""Briefs and handouts read as the foreign counterpart would read them: no source whose
headline undercuts the point it backs, no wording that places the host outside a circle it
belongs to or promises what is unsettled, and no argument for a step the carrier has taken."""

from briefing_app.core.brief import Meeting
from briefing_app.core.house_style import month_year
from briefing_app.core.recommend import recommendations
from briefing_app.core.template_context import template_context
from briefing_app.core.templating import render
from tests.recommended_briefs import Choice, library, printed, recommended


def fitting(carrier) -> set[str]:
    """The points that fit a meeting with `carrier`: recommended, or left out only because
    their topic or the page was full."""
    country = next(c for c in library().countries.values() if carrier in c.carriers)
    return {r.point_id for r in recommendations(library(), country, carrier, Meeting(audience="carrier"))
            if r.recommended or r.reason.startswith("fits (")}


def test_the_five_eyes_point_hands_over_no_headline_that_undercuts_it():
    for code in ("AE", "TR"):
        choice = Choice(code, None, ("aa-five-eyes",))
        for variant in ("handout", "officer"):
            text = printed(choice, "a4", variant).text
            assert "Close partners" in text, (code, variant)
            assert "iStart" not in text and "pressure," not in text, (code, variant)
            assert "RNZ" in text, (code, variant)


def test_the_five_eyes_point_does_not_tell_a_host_it_sits_outside_the_inner_circle():
    """To a NATO ally or the UAE, "each of our closest intelligence partners" says they are not
    among them: the point names partners as examples, NATO allies first for a NATO member."""
    for code, opening in (("TR", "NATO allies such as the United Kingdom"),
                          ("AE", "Partners such as Australia")):
        text = printed(Choice(code, None, ("aa-five-eyes",)), "a4", "officer").text
        assert "closest intelligence partners" not in text, code
        assert opening in text, (code, text[:3000])


def test_the_market_share_point_claims_only_what_dell_oro_figures_show():
    """Dell'Oro's 2024 shares: Huawei 31%, Nokia 14%, Ericsson 13%, Samsung 2%. The three named
    vendors together hold less than Huawei; the trusted vendors in the top eight hold more."""
    for code in ("IT", "AE", "TR"):
        choice = Choice(code, None, ("mk-market-share",))
        for variant in ("handout", "officer"):
            text = printed(choice, "a4", variant).text
            assert "Nokia, Ericsson, Samsung and other trusted vendors together sell" not in text
            assert "about 31 percent of worldwide revenue" in text, (code, variant)
            assert "Trusted vendors, led by Nokia and Ericsson, together sold more" in text


def test_a_handout_promises_no_export_credit_while_the_charter_renewal_is_unsettled():
    """EXIM's charter runs to December 31, 2026 and its renewal was only introduced: the handout
    names DFC, reauthorized in December 2025; the officer brief keeps the note to verify EXIM."""
    choice = Choice("NZ", "spark", ("sub-us-financing",))
    handout = printed(choice, "a4", "handout").text
    assert "export credit" not in handout and "Export-Import" not in handout
    assert "International Development Finance Corporation (reauthorized in December 2025)" in handout
    officer = printed(choice, "a4", "officer").text
    assert "whether congress has renewed exim's charter" in officer.lower()


def test_the_open_ran_point_invites_views_not_participation_in_a_fund_for_us_work():
    """NTIA's Innovation Fund pays for open RAN work in the United States: the brief asks for
    the carrier's views and says where the grants go, rather than welcoming its participation."""
    for code, carrier, name in (("AU", "telstra", "Telstra"), ("NZ", "spark", "Spark")):
        choice = Choice(code, carrier, ("mk-diversity",))
        officer = printed(choice, "a4", "officer").text
        assert "participation" not in officer, carrier
        assert f"We would welcome {name}" in officer and "views; U.S. grants fund open RAN testing " \
            "and development in the United States" in officer, carrier
        assert "TelecomTV" in officer, carrier
        handout = printed(choice, "a4", "handout").text
        assert "fund their testing and development in the United States" in handout, carrier


def test_the_host_record_point_names_the_latest_step_in_words_an_officer_can_say():
    """The point's title is something to say, not a stage direction, and its text names the
    host's latest step with its date (Italy: the golden-power conditions of September 2022)
    instead of "most recently in 2022", which, said in late 2026, sounds like a rebuke."""
    point = library().points["aa-host-record"]
    assert point.title == "Building on the steps already taken"
    restricting = [c for c in library().countries.values() if c.stance == "restricting"]
    assert {"DE", "ES", "IT", "JP", "PL"} <= {c.code for c in restricting}
    for country in restricting:
        text = render(point.text, template_context(country, None))
        assert "most recently" not in text, country.code
        assert country.stance_note.step and country.stance_note.step in text, country.code
        assert month_year(country.stance_note.date) in text, (country.code, text)
    italy = Choice("IT", None, ("aa-host-record",))
    officer = printed(italy, "a4", "officer").text
    assert "Acknowledge the host" not in officer and "most recently in" not in officer
    assert ("We recognize the steps Italy has taken, including the golden-power conditions set in "
            "September 2022 on operators' 5G purchasing plans, and we are grateful") in officer


def test_a_carrier_whose_5g_is_trusted_is_not_argued_the_5g_case_it_has_settled():
    """TIM left Huawei out of its 5G core and radio network; Huawei remains in its 4G radio
    network. Its brief keeps a trusted network trusted and asks about the older equipment; a
    carrier still running Huawei in 5G (Fastweb + Vodafone) still hears the case for moving."""
    tim = library().country("IT").carrier("tim")
    fastweb = library().country("IT").carrier("vodafone-it")
    assert (tim.stance, fastweb.stance) == ("legacy", "high-risk")
    settled = {"sub-transition-support", "mk-proven-alternatives", "ec-huawei-on-record", "ec-5g-architecture"}
    tim_fits = fitting(tim)
    assert "mk-stay-trusted" in tim_fits and not tim_fits & settled, tim_fits
    assert "mk-stay-trusted" in recommended("IT", "tim", "carrier").ids
    fastweb_fits = fitting(fastweb)
    assert "mk-stay-trusted" not in fastweb_fits
    assert {"sub-transition-support", "mk-proven-alternatives"} <= fastweb_fits, fastweb_fits
    officer = printed(recommended("IT", "tim", "carrier"), "a4", "officer").text
    assert "sensible path" not in officer and "in good company" not in officer
    assert "On the public record, TIM built its 5G network with trusted suppliers" in officer
    assert "how it plans for the Huawei equipment still in its 4G radio access network" in officer


def test_an_answer_the_carriers_record_rules_out_is_not_offered():
    """Telefónica España has Huawei in its 5G core: the brief does not prepare the objection
    "it is only in the radio network", and its argument speaks of the core; a carrier with
    Huawei only in its radio network (Fastweb + Vodafone) keeps that answer."""
    movistar = Choice("ES", "movistar", ("ec-huawei-on-record",))
    assert "ec-huawei-on-record" in fitting(library().country("ES").carrier("movistar"))
    officer = printed(movistar, "a4", "officer").text
    assert "only in the radio network, not in the core" not in officer
    assert "Telefónica España's 5G core network. The core routes and controls" in officer
    assert "As 5G moves functions toward the edge" not in officer
    fastweb = printed(Choice("IT", "vodafone-it", ("ec-huawei-on-record",)), "a4", "officer").text
    assert "The equipment is only in the radio network, not in the core." in fastweb
    assert "As 5G moves functions toward the edge" in fastweb


def test_the_deadline_point_goes_only_to_a_carrier_whose_host_set_a_deadline():
    """Australia's 2018 guidance set no removal date: TPG is not told a decision "sets what must
    change and by when"; a carrier under the UK's or Canada's deadlines still is."""
    assert library().country("AU").stance_deadline is None
    for code, carrier in (("AU", "tpg-telecom"), ("AU", "optus")):
        verdicts = {r.point_id: r for r in recommendations(
            library(), library().country(code), library().country(code).carrier(carrier),
            Meeting(audience="carrier"))}
        assert not verdicts["im-carrier-deadline"].recommended, carrier
        assert "im-carrier-deadline" not in recommended(code, carrier, "carrier").ids
    officer = printed(recommended("AU", "tpg-telecom", "carrier"), "a4", "officer").text
    assert "sets what must change and by when" not in officer
    for code, carrier in (("GB", "bt-ee"), ("CA", "telus")):
        assert "im-carrier-deadline" in fitting(library().country(code).carrier(carrier)), carrier
        text = printed(Choice(code, carrier, ("im-carrier-deadline",)), "a4", "officer").text
        assert "sets what must change and by when; its last deadline falls in December 2027" in text


def test_a_carrier_whose_radios_have_no_removal_date_is_asked_about_its_plans_not_offered_help():
    """Germany's July 2024 agreements set dates for the 5G core (end of 2026) and critical
    management (end of 2029), none for Telekom Deutschland's Huawei radios: the brief asks how
    it plans for them and whether it is on track, and offers no introductions to trusted
    vendors to a carrier that already buys from Ericsson."""
    choice = Choice("DE", "deutsche-telekom", ("ec-huawei-on-record", "sub-transition-support"))
    assert set(choice.ids) <= fitting(choice.carrier)
    officer = printed(choice, "a4", "officer").text
    for wrong in ("deadlines it is under", "help it meet them", "introductions to trusted vendors",
                  "The deadlines already set make the plan clear", "with support"):
        assert wrong not in officer, wrong
    assert "how long Telekom Deutschland plans to keep it in service" in officer
    assert ("Telekom Deutschland is already working to deadlines for high-risk equipment, including "
            "one in December 2026. We would welcome hearing whether it is on track for them, and how "
            "it plans for its remaining Huawei equipment.") in officer
    assert "sets no date for removing its Huawei radios" in officer


def test_a_host_that_restricts_first_hears_its_own_steps_recognized():
    """Japan's government brief left out 'Building on the steps already taken' because the page
    was full; a restricting host hears it first, and an excluded host first hears thanks for
    its decision."""
    for code in ("JP", "IT", "PL", "DE"):
        for audience in ("government", "both"):
            choice = recommended(code, None, audience)
            assert choice.ids[0] == "aa-host-record", (code, audience, choice.ids)
        officer = printed(recommended(code, None, "government"), "a4", "officer").text
        talking_points = officer.split("Talking points", 1)[1]
        assert talking_points.lstrip().startswith("1. (U) Building on the steps already taken"), code
    for code in ("GB", "CA", "RO"):
        assert recommended(code, None, "government").ids[0] == "im-timetable-progress", code


def test_no_background_prints_a_developer_note():
    """The background is read by the officer: no backticks, no word about the country file."""
    for code, carrier in (("JP", None), ("IT", None), ("DE", "deutsche-telekom"), ("GB", "bt-ee"),
                          ("AE", None), ("PH", "globe")):
        country = library().country(code)
        context = template_context(country, country.carrier(carrier) if carrier else None)
        for point in library().ordered_points():
            background = render(point.background, context)
            assert "`" not in background and "country file" not in background, (code, point.id)
    officer = printed(Choice("JP", None, ("aa-host-record",)), "a4", "officer").text
    assert "The spoken line names the host's latest law or decision." in officer


def test_no_point_title_is_a_stage_direction():
    """A title is printed as the line's heading: 'Offer a technical dialogue' told the principal
    what to do instead of naming what is said."""
    stage = ("Offer ", "Acknowledge ", "Ask ", "Thank ", "Raise ", "Propose ", "Stress ")
    for point in library().points.values():
        assert not point.title.startswith(stage), (point.id, point.title)
    assert library().points["bt-technical-dialogue"].title == "A technical dialogue with U.S. forces"


def test_handouts_name_the_equipment_and_do_not_overstate_new_zealand():
    """'Pays to remove this equipment' named none; the five-eyes handout repeated its title's
    words and said each partner kept high-risk vendors out of its 5G networks, while New
    Zealand's 2018 decision was a ruling on one operator's proposal."""
    for code in ("TR", "AE", "JP"):
        handout = printed(Choice(code, None, ("sub-us-pays-at-home",)), "a4", "handout").text
        assert "pays to remove this equipment" not in handout, code
        assert "The United States pays to remove Huawei and ZTE equipment at home" in handout, code
    for code in ("TR", "AE"):
        choice = Choice(code, None, ("aa-five-eyes",))
        handout = printed(choice, "a4", "handout").text
        officer = printed(choice, "a4", "officer").text
        for text in (handout, officer):
            assert "acted to keep high-risk vendors out of its 5G networks" not in text, code
            assert "reached the same conclusion" not in text, code
        assert handout.count("Close partners") == 1, code
        assert "a security agency's finding that one operator's plan to use Huawei 5G equipment " \
               "raised significant risks" in handout, code
        assert "a ruling on one operator's 5G plan" in officer, code


def test_partners_are_not_promised_export_credit_while_exims_charter_renewal_is_unsettled():
    """Canada's officer brief offered 'development finance and export credit' to third
    countries; EXIM's charter runs to December 31, 2026 and its renewal is unsettled."""
    for code in ("CA", "GB", "AU"):
        choice = Choice(code, None, ("aa-third-countries",))
        assert "aa-third-countries" in recommended(code, None, "government").ids, code
        talking = printed(choice, "a4", "officer").text.split("Background", 1)[0]
        assert "export credit" not in talking, code
        assert "where our development finance is active" in talking, code


def test_a_carrier_that_already_runs_a_trusted_vendor_is_not_told_it_would_be_in_good_company():
    """'Operators have built 5G with trusted vendors … would be in good company' argued a choice
    Telekom Deutschland has partly made (Ericsson runs part of its 5G radio network): it now hears
    the vendors it already works with."""
    choice = Choice("DE", "deutsche-telekom", ("mk-proven-alternatives",))
    assert set(choice.ids) <= fitting(choice.carrier)
    officer = printed(choice, "a4", "officer").text
    assert "would be in good company" not in officer
    assert "Telekom Deutschland already works with Ericsson." in officer
