"""What the officer brief prints about how far each fact can be trusted: "verify locally"
notes, passed deadlines (in the brief and among the export warnings), why a carrier has no
vendor on record, and the sources' quotations, which never reach a handout."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest

from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.library import load_library
from briefing_app.core.paths import builtin_library
from briefing_app.core.produce import produce
from briefing_app.core.recommend import recommended_ids
from tests.pdf_reading import all_text
from tests.recommended_briefs import choices, library, recommended
from tests.recommended_briefs import printed as recommended_printed

# Field text that must never show in a sentence: template or TOML brackets, brackets doubled
# by pasting one phrase into another, a phrase pasted with its own closing bracket.
RAW = re.compile(r"\[\[|\]\]|\(\(|\)\)|\{\{|\}\}|\{%|%\}|\bas reported\)")
NO_VENDOR = "no vendor on public record"


def printed(library, brief: Brief, variant: str = "officer") -> tuple[str, tuple[str, ...]]:
    result = produce(library, brief, variant)
    return " ".join(all_text(result.data).split()), result.warnings


def carrier_lines(text: str, names: list[str]) -> dict[str, str]:
    """Each carrier's line of the country snapshot, as extracted from the PDF."""
    snapshot = text[text.index("Carriers and publicly reported vendors"):]
    snapshot = snapshot[:snapshot.index("These facts were last reviewed")]
    starts = sorted((snapshot.index(f"{name}: "), name) for name in names)
    ends = [start for start, _ in starts[1:]] + [len(snapshot)]
    return {name: snapshot[start:end] for (start, name), end in zip(starts, ends, strict=True)}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_recommended_officer_brief_says_no_vendor_only_where_none_is_known():
    library = load_library([builtin_library()])
    for code, country in library.countries.items():
        names = [c.name for c in country.carriers]
        for carrier in [None, *country.carriers]:
            ids = recommended_ids(library, country, carrier)
            brief = Brief(country=code, carrier=carrier.id if carrier else None,
                          points=tuple(PointChoice(id=i) for i in ids))
            text, _ = printed(library, brief)
            where = (code, carrier and carrier.id)
            assert not RAW.search(text), (where, RAW.search(text))
            for known in country.carriers:
                line = carrier_lines(text, names)[known.name]
                assert (NO_VENDOR in line) == bool(known.vendors_unknown), (where, known.id, line)


@pytest.fixture
def library_dir(library_copy: Path) -> Path:
    """The test library with a verify note, a passed deadline and a quotation on a releasable
    point, a vendor entry with both, and a carrier whose vendors are unknown and one unrecorded."""
    point = library_copy / "points/state-compulsion/compulsion-law.toml"
    edit(point, "reviewed = 2026-11-20\n", 'reviewed = 2026-11-20\nverify = "VERIFY-POINT: '
         'whether the law was amended again."\ndeadline = 2026-11-25\n')
    edit(point, "checked = 2026-11-20\n", 'checked = 2026-11-20\nquote = "QUOTE-WSJ: the bulk '
         'of traffic crosses commercial networks."\n')
    country = library_copy / "countries/it.toml"
    edit(country, 'role = "radio"\n', 'role = "radio"\nstatus = "replacing"\ndeadline = '
         '2026-11-24\nverify = "VERIFY-VENDOR: whether the swap is done"\n')
    edit(country, 'vendors_unknown = "Test: nothing public on its radio network."\n',
         'vendors_unknown = "WHY-UNKNOWN: it names no suppliers."\n')
    return library_copy


def test_verify_notes_deadlines_and_quotes_print_in_the_officer_brief_only(library_dir):
    library = load_library([library_dir])
    brief = Brief(country="IT", carrier="tim", points=(PointChoice(id="compulsion-law"),))
    officer, warnings = printed(library, brief)
    assert "(Verify locally: VERIFY-POINT: whether the law was amended again.)" in officer
    assert ("The deadline of November 25, 2026 has passed since these facts were last checked: "
            "confirm what happened before relying on this point.") in officer
    assert ("TIM: Huawei, radio access network, being replaced by November 2026 [2] (verify "
            "locally: VERIFY-VENDOR: whether the swap is done; deadline November 24, 2026 passed "
            "and not checked since: confirm the current state)") in officer
    assert "WindTre: no vendor on public record: WHY-UNKNOWN: it names no suppliers" in officer
    assert "\u201cQUOTE-WSJ: the bulk of traffic crosses commercial networks.\u201d" in officer
    assert warnings == (
        "point 1 (compulsion-law): the deadline of November 25, 2026 has passed since the facts "
        "were last checked; confirm the current state before the meeting",
        "country snapshot, TIM, Huawei: the deadline of November 24, 2026 has passed since the "
        "facts were last checked; confirm the current state before the meeting")
    handout, _ = printed(library, brief, "handout")
    assert "Washington Asks Allies to Drop Huawei" in handout  # the quoted source is listed
    for officer_only in ("QUOTE-WSJ", "VERIFY-POINT", "VERIFY-VENDOR", "WHY-UNKNOWN",
                         "deadline"):
        assert officer_only not in handout


def test_a_deadline_checked_again_is_no_longer_reported(library_dir):
    edit(library_dir / "points/state-compulsion/compulsion-law.toml", "checked = 2026-11-20",
         "checked = 2026-11-26")
    library = load_library([library_dir])
    brief = Brief(country="IT", points=(PointChoice(id="compulsion-law"),))
    officer, warnings = printed(library, brief)
    assert "The deadline of November 25, 2026" not in officer
    assert [w for w in warnings if w.startswith("point 1")] == []


def test_a_carrier_with_no_vendor_record_is_not_said_to_have_none_on_record(library_dir):
    edit(library_dir / "countries/nz.toml",
         'vendors_unknown = "Test: nothing public on its radio network."\n', "")
    library = load_library([library_dir])
    officer, _ = printed(library, Brief(country="NZ", points=(PointChoice(id="compulsion-law"),)))
    lines = carrier_lines(officer, ["Spark", "One NZ"])
    assert lines["Spark"].startswith("Spark: vendors not on record (verify locally)")
    assert "One NZ: no vendor on public record: Test: nothing public" in lines["One NZ"]


def test_the_command_line_lists_passed_deadlines_among_its_warnings(cli, library_dir, tmp_path):
    out = tmp_path / "brief.pdf"
    result = cli("export", "--library", str(library_dir), "--country", "IT", "--carrier", "tim",
                 "--point", "compulsion-law", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert (f"{out}: warning: point 1 (compulsion-law): the deadline of November 25, 2026 has "
            "passed") in result.stderr


# A verify note never runs on from the fact it qualifies ("U.S. Army Verify locally: ..."):
# the composer puts it in parentheses; library prose may start a sentence with it.
VERIFY = re.compile(r"verify locally", re.IGNORECASE)
PUNCTUATED = re.compile(r"(?:\(|[.!?]\s)$")


def run_on_notes(text: str) -> list[str]:
    """Each "verify locally" not preceded by a sentence's end or an opening parenthesis."""
    return [text[max(0, m.start() - 60):m.end()] for m in VERIFY.finditer(text)
            if not PUNCTUATED.search(text[max(0, m.start() - 2):m.start()])]


def word_text(data: bytes) -> str:
    word = docx.Document(io.BytesIO(data))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def test_every_recommended_brief_punctuates_its_verify_notes_and_no_handout_prints_one():
    """Over every country, carrier and audience in PDF, and every country's brief in Word."""
    officer_notes = 0
    for choice in choices():
        text = recommended_printed(choice, "a4", "officer").text
        officer_notes += len(VERIFY.findall(text))
        assert not run_on_notes(text), (choice, run_on_notes(text))
        assert not VERIFY.search(recommended_printed(choice, "a4", "handout").text), choice
    for code in library().countries:
        brief = recommended(code, None).brief()
        text = word_text(produce(library(), brief, "officer", "docx").data)
        assert VERIFY.search(text) and not run_on_notes(text), (code, run_on_notes(text))
        assert not VERIFY.search(word_text(produce(library(), brief, "handout", "docx").data)), code
    assert officer_notes > len(choices())  # the snapshot's notes are read, not missed
