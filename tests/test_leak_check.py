"""The handout leak check on names and markings as officers really type them, by class.

Each case is an entry in a person field and a releasable sentence that holds that person's name
in some other shape (order, office, title, script, Unicode form, invisible characters); the
check must find every one, and must pass ordinary prose that only looks like a name.
"""

from __future__ import annotations

import unicodedata

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, Clearance, ControlledBy, CuiBlock, Meeting, PointChoice
from briefing_app.core.leakcheck import find_leaks, officer_only
from tests.test_render_fixtures import mini


def leaks(text: str, drafted_by: str = "", participants: tuple[str, ...] = (), clearer: str = "",
          poc: str = "", office: str = "", marking: str | None = None, regime: str = "sbu",
          categories: tuple[str, ...] = ()) -> list[str]:
    """What the check finds in handout `text` of a brief with these people and marking."""
    brief = Brief(country="IT", carrier="tim", regime=regime, drafted_by=drafted_by, marking=marking,
                  clearances=(Clearance(name=clearer),) if clearer else (),
                  cui=CuiBlock(controlled_by=ControlledBy(office=office), poc=poc, categories=categories),
                  meeting=Meeting(participants=participants), points=(PointChoice(id="compulsion-law"),))
    assembled = assemble(mini(), brief)
    return find_leaks(officer_only(assembled, ""), text)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


NAMES = [  # (entry as typed in a person field, releasable text holding the name)
    ("Margaret Thornbury (ECON)", "We thank Margaret Thornbury for the meeting."),
    ("Dorothea Vanterpool, ECON/Rome", "Dorothea Vanterpool will send the paper."),
    ("Thornbury, Margaret", "As Margaret Thornbury noted, vendors differ."),
    ("Margaret Thornbury", "Thornbury, Margaret: follow-up contact."),
    ("Dr. Margaret A. Thornbury, POL", "Margaret Thornbury will follow up."),
    ("Margaret Thornbury", "Ms. Thornbury will follow up."),
    ("Margaret Thornbury", "Thornbury will follow up."),  # a distinctive surname alone
    ("James Young", "Mr Young will follow up."),  # an ordinary word, after a title
    ("Margaret (Maggie) Thornbury", "Maggie Thornbury will follow up."),
    ("Ludwig van Beethoven", "Van Beethoven will follow up."),
    ("van der Berg, Jan", "Jan van der Berg will follow up."),
    ("ECON (Margaret Thornbury)", "Margaret Thornbury will follow up."),
    ("MARGARET THORNBURY", "margaret thornbury will follow up."),
    ("Margaret Thornbury", "MargaretThornbury will follow up."),
    ("Margaret Thornbury", "M a r g a r e t  T h o r n b u r y will follow up."),
    ("Sato Hiroshi", "Sato-san will follow up."),
    ("Jane Roe, jane.roe@state.gov", "Write to jane.roe@state.gov for the paper."),
    ("Jane Roe, +1 202 555 0143", "Call (202) 555-0143 for the paper."),
    # Chinese, Japanese and Korean: no spaces between a name and what follows it
    ("김민수", "김민수가 회의에 참석했습니다."),
    ("김민수 (ECON)", "우리는 김민수씨에게 감사드립니다."),
    ("王伟", "我们感谢王伟先生的支持。"),
    ("王伟, 经济处", "我们感谢王伟的支持。"),
    ("田中太郎", "田中さんによろしく。"),
    ("田中 太郎", "田中太郎氏が出席します。"),
    # Unicode forms and invisible characters
    ("José Müller", nfd("José Müller will follow up.")),
    (nfd("José Müller"), "José Müller will follow up."),
    ("José Müller", "Jose Muller will follow up."),
    ("Margaret Thornbury", "Margaret Thorn\u200bbury will follow up."),
    ("Margaret Thornbury", "Margaret Thorn\u200dbury\u2060 will follow up."),
    ("Margaret Thornbury", "Mar\ufeffgaret Thornbury will follow up."),
    ("Margaret Thornbury", "Margaret Thorn\u00adbury will follow up."),
    ("Margaret Thornbury", "Margaret Thorn\u00ad\nbury will follow up."),
    ("Margaret Thornbury", "Margaret Thorn-\nbury will follow up."),
    ("Margaret Thornbury", fullwidth("Margaret Thornbury") + " will follow up."),
    ("Margaret Thornbury", "M\u0430rg\u0430ret Th\u043ernbury will follow up."),  # Cyrillic a, o
    ("Margaret Thornbury", "Margaret Th\u03bfrnbury will follow up."),  # Greek omicron
    ("Margaret Thornbury", "\U0001d40c\U0001d41a\U0001d42b\U0001d420\U0001d41a\U0001d42b\U0001d41e\U0001d42d"
                           " Thornbury will follow up."),  # mathematical bold
    ("Margaret Thornbury", "Margaret\u2800Thornbury will follow up."),
    ("Margaret Thornbury", "Margaret\u00a0Thornbury\u3000will follow up."),
    ("Margaret\u2003Thornbury", "Margaret Thornbury will follow up."),
    ("Margaret Thornbury", "\u24c9\u24bd\u24c4\u24c7\u24c3\u24b7\u24ca\u24c7\u24ce will follow up."),  # circled
    ("Margaret Thornbury", "\u1d1b\u029c\u1d0f\u0280\u0274\u0299\u1d1c\u0280\u028f will follow up."),  # small capitals
    ("Margaret Thornbury", "Thornbury\u034f will follow up."),  # combining grapheme joiner
    ("Margaret Thornbury", "Thorn bury will follow up."),  # a long surname split by a space
    ("Margaret Thornbury", "Write to margaret.thornbury@state.gov."),
    ("Seán O'Brien", "Sean O\u2019Brien will follow up."),
    ("Anne Smith-Jones", "Smith-Jones will follow up."),
    ("Kim Min-su", "Minsu Kim will follow up."),
]


@pytest.mark.parametrize("entry, text", NAMES)
def test_a_name_is_found_in_any_shape(entry, text):
    assert leaks(text, drafted_by=entry) == [f"the drafter's name '{' '.join(entry.split())}'"], text


@pytest.mark.parametrize("field, what", [("participants", "a participant's name"), ("clearer", "a clearer's name"),
                                         ("poc", "the CUI designation block")])
def test_every_person_field_is_checked(field, what):
    value = ("Thornbury, Margaret",) if field == "participants" else "Thornbury, Margaret"
    assert leaks("Ms Thornbury agrees.", **{field: value}) == [f"{what} 'Thornbury, Margaret'"]


CLEAN = [  # (entry, ordinary text that must pass)
    ("James Young", "Young people use 5G every day."),
    ("Anna King (POL)", "The King of Spain opened the network."),
    ("Peter Banks", "Banks and carriers share the risk."),
    ("Sarah Mills, ECON", "Steel mills need reliable networks."),
    ("Li Na", "Lina and others spoke; the list is long."),
    ("Margaret Thornbury", "Margaret Street is where the carrier has its office."),
    ("ECON", "The economy depends on trusted networks."),
    ("Tim Huawei-Law", "TIM reviews the law on Huawei."),  # words the library's own text uses
    ("", "Anything at all."),
]


@pytest.mark.parametrize("entry, text", CLEAN)
def test_ordinary_words_that_look_like_a_name_pass(entry, text):
    assert leaks(text, drafted_by=entry) == []


def test_the_controlling_office_is_looked_for_as_typed_not_word_by_word():
    office = "ECON Section, US Embassy Rome"
    assert leaks("Rome hosted the meeting on economic security.", office=office) == []
    assert leaks("Prepared by the ECON Section, US Embassy Rome.", office=office) == [
        f"the CUI designation block '{office}'"]


MARKINGS = [  # (text, marking named)
    ("(U) We welcome the law.", "(U)"),
    ("(U\u200b) We welcome the law.", "(U)"),
    ("( U ) We welcome the law.", "(U)"),
    ("Intro. (u) We welcome the law.", "(U)"),
    ("（SBU） We welcome the law.", "(SBU)"),
    ("(sbu) We welcome the law.", "(SBU)"),
    ("(U//FOUO) We welcome the law.", "(U//FOUO)"),
    ("This is Sensitive But Unclassified.", "SENSITIVE BUT UNCLASSIFIED"),
    ("sensitive\u00a0but unclassified", "SENSITIVE BUT UNCLASSIFIED"),
    ("Controlled Unclassified Information", "CONTROLLED UNCLASSIFIED INFORMATION"),
    ("For Official Use Only", "FOR OFFICIAL USE ONLY"),
    ("UNCLASSIFIED", "UNCLASSIFIED"),
    ("ＵＮＣＬＡＳＳＩＦＩＥＤ", "UNCLASSIFIED"),
    ("UNCLAS\u00adSIFIED", "UNCLASSIFIED"),
    ("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"),
    ("official-sensitive commercial", "OFFICIAL-SENSITIVE COMMERCIAL"),
    ("OFFICIAL", "OFFICIAL"),
    ("SBU", "SBU"),
    ("S.B.U.", "SBU"),
    ("C U I", "CUI"),
    ("U//FOUO", "FOUO"),
    ("(U/FOUO) We welcome the law.", "(U/FOUO)"),
    ("[U] We welcome the law.", "(U)"),
    ("NOFORN", "NOFORN"),
    ("top secret", "TOP SECRET"),
]


@pytest.mark.parametrize("text, marking", MARKINGS)
def test_a_marking_is_found_in_any_spelling(text, marking):
    assert leaks(text) == [f"the marking '{marking}'"]


def test_the_briefs_own_banner_is_found_in_another_case():
    assert leaks("Marked cui//sp-prvcy, as agreed.", marking="CUI", regime="cui", categories=("SP-PRVCY",)) == [
        "the marking 'CUI//SP-PRVCY'"]


@pytest.mark.parametrize("text", [
    "Official figures show the market shares.", "Sensitive networks need trusted vendors.",
    "Items (s), (t) and (u) of the annex apply.", "The cui bono question is old.",
    "Use only trusted vendors, for official networks.", "It is no secret that trusted vendors matter.",
    "Confidential talks continue.", "Section C, UI design.",
])
def test_ordinary_words_that_look_like_a_marking_pass(text):
    assert leaks(text) == []


COMMON_NAMES = """
Nancy Rogers, John Jones, George Washington, James Smith, Mary Johnson, Robert Williams, Linda
Brown, Michael Garcia, Sarah Miller, David Davis, Karen Rodriguez, Thomas Martinez, Lisa Hernandez,
Mark Lopez, Susan Wilson, Daniel Anderson, Betty Thomas, Paul Taylor, Grace Moore, Kevin Jackson,
Hope Martin, Brian Lee, Amy Thompson, Jason White, Laura Harris, Eric Clark, Anna Lewis, Ryan
Robinson, Emma Walker, Frank Young, Rose Allen, Peter King, Helen Wright, Carl Scott, Joan Torres,
Minh Nguyen, Jack Hill, Ruth Green, Adam Adams, Alan Baker, Joy Hall, Sean Campbell, Faith Mitchell,
Will Carter, Ann Roberts, Dan Evans, Sue Turner, Tim Parker, Kim Collins, Ray Stewart, Ivy Morris,
Lee Murphy, Ann Cook, Jo Ward, Hunter Long, Chase Bell, Sky Price, May Day, Heath Banks, Miles
Fields, Dale Marsh
""".replace("\n", " ").strip().split(", ")


def test_every_recommended_handout_passes_with_a_staff_of_common_names():
    """No false alarm on what the library itself prints: its points, figures and public
    sources name people too ("Chairman Rogers", "Jones Day")."""
    from briefing_app.core.compose import compose
    from briefing_app.core.library import load_library
    from briefing_app.core.paths import builtin_library
    from briefing_app.core.recommend import recommended_ids

    library = load_library([builtin_library()])
    alarms = []
    for n, (country, carrier) in enumerate((c, k) for c in library.countries.values() for k in (None, *c.carriers)):
        staff = [COMMON_NAMES[(n * 7 + i) % len(COMMON_NAMES)] for i in range(20)] + ["Nancy Rogers", "John Jones"]
        brief = Brief(country=country.code, carrier=carrier.id if carrier else None, drafted_by=staff[0],
                      clearances=tuple(Clearance(name=p) for p in staff[1:4]),
                      meeting=Meeting(participants=tuple(staff[4:])),
                      points=tuple(PointChoice(id=i) for i in recommended_ids(library, country, carrier)))
        assembled = assemble(library, brief)
        text = compose(assembled, "handout").text()
        alarms += [(country.code, leak) for leak in find_leaks(officer_only(assembled, text), text)]
    assert alarms == []


def test_a_person_entry_of_any_length_is_looked_for_with_bounded_work():
    """A field may hold 100,000 characters; its name parts are paired, so only the first and
    last few are kept (14,000 parts once meant 98 million pairs)."""
    from briefing_app.core.leak_names import name_of

    parts = [f"Zq{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)}x" for i in range(14_000)]
    entry = " ".join(parts)
    assert 90_000 < len(entry) <= 100_000
    name = name_of(entry)
    assert len(name.phrases) + len(name.packed) < 500
    assert leaks(f"We thank {parts[0]} {parts[-1]}.", drafted_by=entry) == [f"the drafter's name '{entry[:59]}…'"]
