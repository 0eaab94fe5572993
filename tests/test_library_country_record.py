"""What the officer brief and handout print from one host's or one carrier's record, where a
reader found it wrong: each test names the host and the fact, and reads the rendered pages."""

from __future__ import annotations

import re

from tests.recommended_briefs import Choice, library, printed, recommended
from tests.test_library_printed_record import officer_texts


def pages(code: str, carrier_id: str | None, variant: str) -> str:
    return printed(recommended(code, carrier_id), "a4", variant).text


def test_spain_brief_tells_the_officer_congress_asked_for_a_review_of_intelligence_sharing():
    """The answer 'No' to 'Is the United States threatening ... to stop sharing intelligence?'
    needs beside it that the intelligence committees' chairs asked the DNI for such a review in
    July 2025, as oversight, with the administration's position to be checked."""
    officer = pages("ES", "movistar", "officer")
    assert "stop sharing intelligence?" in officer
    assert "Senator Tom Cotton and Representative Rick Crawford" in officer
    assert "review intelligence sharing with Spain" in officer
    assert "not an administration decision" in officer
    assert "Verify locally: the administration's current position" in officer
    assert "Cotton" not in pages("ES", "movistar", "handout")


def test_no_carrier_note_prints_twice_in_an_officer_brief():
    """The snapshot prints each carrier's note; the background of the point on the carrier's
    Huawei equipment printed it again ('Its parent said in July 2025 ...', KPN's April 2019
    plan, TIM's 2020 core tender)."""
    checked, repeated = 0, []
    for code, carrier_id, text in officer_texts():
        flat = " ".join(text.split())
        for carrier in library().country(code).carriers:
            for sentence in filter(None, re.split(r"(?<=\.)\s+", (carrier.notes or "").strip())):
                checked += 1
                if flat.count(sentence) > 1:
                    repeated.append(f"{code}/{carrier_id}: {sentence}")
    assert repeated == []
    assert checked > 400


def test_movistar_contract_renewed_in_late_2024_and_reported_in_august_2025():
    officer = pages("ES", "movistar", "officer")
    assert "renewed its consumer 5G core contract with Huawei in late 2024, to run until 2030" in officer
    assert "reported renewed" not in officer


def test_spark_is_not_thanked_for_replacing_huawei_equipment_no_source_says_it_is_replacing():
    """Spark kept Huawei on its preferred 5G list in November 2019; the only later report has
    Nokia upgrading 4G equipment at its 5G sites. Its Huawei 4G radios are in service, to verify."""
    spark = library().country("NZ").carrier("spark")
    assert [v.status for v in spark.vendors if v.vendor == "Huawei"] == ["in-service"]
    officer, handout = pages("NZ", "spark", "officer"), pages("NZ", "spark", "handout")
    for claim in ("work to replace its Huawei equipment", "the rest of its replacement"):
        assert claim not in officer
    assert "Until the last high-risk equipment is gone" not in handout
    assert "preferred 5G radio suppliers (November 2019)" in officer
    assert "verify locally: Spark has announced no plan to replace its Huawei 4G radios" in officer


def test_the_financing_point_cites_the_statutes_at_pages_that_hold_them():
    """The EXIM reauthorization was cited to an exim.gov page about something else, the CHIPS
    Act with no address at all."""
    officer = printed(Choice("NZ", "spark", ("sub-us-financing",)), "a4", "officer").text
    assert ("Further Consolidated Appropriations Act, 2020,” December 20, 2019 "
            "https://www.govinfo.gov/app/details/PLAW-116publ94/") in officer
    assert "exim.gov" not in officer
    assert "CHIPS Act of 2022 (P.L. 117-167),” August 9, 2022 https://taxnotes.com/" in officer


def test_turkiye_brief_says_what_the_record_shows_of_the_april_2026_launch():
    """Eight months after the date, the brief says what was set and how far the reports go
    (March 2026), not that service 'was due to start' with no more said."""
    officer = pages("TR", None, "officer")
    assert "set to start on April 1, 2026 in all 81 provincial capitals" in officer
    assert "the latest reports found, from March 2026, have the operators preparing for April 1" in officer
    assert "was due to start" not in pages("TR", "turkcell", "officer")


def test_kpn_older_core_is_said_to_be_under_replacement_with_its_end_to_verify():
    """KPN said in 2019 it would take Huawei out of its older mobile core and chose Ericsson for
    the core in October 2020; the talking point placed Huawei in that core as if nothing changed."""
    officer = pages("NL", "kpn", "officer")
    assert "and 2G, 3G and 4G core network (being replaced)." in officer
    assert ("verify locally: confirm whether any Huawei equipment remains in the older mobile core: "
            "KPN gave no timeline") in officer


def test_italy_brief_says_the_fastweb_vodafone_merger_took_effect():
    """Eleven months after January 1, 2026 the brief said the two 'were to merge'."""
    officer = pages("IT", None, "officer")
    assert "on January 1, 2026 Vodafone Italia was merged into Fastweb S.p.A." in officer
    assert "were to merge" not in officer


def test_poland_brief_names_the_cybersecurity_act_its_signature_and_the_tribunal_referral():
    """The host-record point said only 'most recently in 2026'; the note it prints names the Act."""
    officer = pages("PL", None, "officer")
    assert "signed the amended National Cybersecurity System Act (KSC) on February 19, 2026" in officer
    assert "referred it to the Constitutional Tribunal for follow-up review, which does not delay it" in officer


def test_kt_snapshot_gives_its_5g_vendors_as_its_answers_do():
    """The answers cite KT's November 2018 choice of Samsung, Ericsson and Nokia for 5G; the
    snapshot listed its 4G vendors only."""
    officer = pages("KR", "kt", "officer")
    kt_line = officer[officer.index("KT: Samsung"):officer.index("LG Uplus:")]
    for vendor in ("Samsung", "Ericsson", "Nokia"):
        assert f"{vendor}, 5G radio access network" in kt_line
    assert ("KT uses Samsung, Ericsson and Nokia equipment in its 4G radio access network and its 5G "
            "radio access network") in officer


def test_uae_handouts_keep_their_source_titles_like_every_other_handout():
    """The UAE government handout lost its source titles to fit one page ('Federal
    Communications Commission, June 30, 2020.'); the 2025 authorization rule and the FCC's 2022
    letter on reimbursement costs stay behind the background, since the 2020 rule and
    designation order, the CRS report and the 2022 authorization order carry its lines."""
    for paper in ("a4", "letter"):
        shown = printed(recommended("AE", None), paper, "handout")
        assert len(shown.pages) == 1
        assert "Federal Communications Commission, June 30, 2020." not in shown.text
        assert ("“Protecting Against National Security Threats to the Communications Supply Chain Through FCC "
                "Programs; Huawei Designation; ZTE Designation (final rule, FCC 19-121),” "
                "January 3, 2020") in shown.text
