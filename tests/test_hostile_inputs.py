"""Every hostile input ends in a message naming the file and the fault, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .cli_here import run
from .hostile.corpus import BRIEF_CASES, HANDOUT_CASES, LIBRARY_CASES
from .pdf_reading import all_text


@pytest.mark.parametrize("case", LIBRARY_CASES, ids=lambda c: c.name)
def test_library_check_names_file_and_fault(case, library_copy, capsys):
    target = case.place(library_copy)
    code, out, err = run(capsys, "library", "check", str(library_copy))
    assert code == case.exit_code, err
    for words in case.words:
        assert words in err
    if case.exit_code:
        fault_line = next(line for line in err.splitlines() if case.words[0] in line)
        assert target.name in fault_line or target.parent.name in fault_line


@pytest.mark.parametrize("case", [c for c in LIBRARY_CASES if c.exit_code], ids=lambda c: c.name)
def test_export_goes_on_past_a_broken_library_file(case, library_copy, tmp_path, capsys):
    case.place(library_copy)
    out_pdf = tmp_path / "out.pdf"
    code, out, err = run(capsys, "export", "--library", str(library_copy), "--country", "IT",
                         "--point", "compulsion-law", "-o", str(out_pdf))
    assert code == 0, err
    assert "Article 7" in all_text(out_pdf)


@pytest.mark.parametrize("case", BRIEF_CASES, ids=lambda c: c.name)
def test_brief_files(case, mini_library, tmp_path, capsys):
    brief = case.place(tmp_path)
    out_pdf = tmp_path / "out.pdf"
    code, out, err = run(capsys, "export", str(brief), "--library", str(mini_library), "-o", str(out_pdf))
    assert code == case.exit_code, err
    if case.exit_code:
        assert str(brief) in err
        for words in case.words:
            assert words in err
        assert not out_pdf.exists()
    else:
        assert out_pdf.read_bytes().startswith(b"%PDF")
        assert all(words in err for words in case.words)  # as warnings


@pytest.mark.parametrize("case", HANDOUT_CASES, ids=lambda c: c.name)
def test_handouts_holding_our_names_or_markings_are_refused(case, mini_library, tmp_path, capsys):
    """The refusal names the field, the name or marking found and the point to edit; an earlier
    handout at the path survives."""
    brief = case.place(tmp_path)
    out_pdf = tmp_path / "out.pdf"
    out_pdf.write_bytes(b"yesterday's handout")
    code, out, err = run(capsys, "export", str(brief), "--library", str(mini_library), "--variant", "handout",
                         "-o", str(out_pdf))
    assert code == 1, err
    assert f"{out_pdf}: handout refused: it contains " in err
    for words in case.words:
        assert words in err
    assert out_pdf.read_bytes() == b"yesterday's handout"


def test_control_characters_print_as_the_visible_text(mini_library, tmp_path, capsys):
    case = next(c for c in BRIEF_CASES if c.name == "control characters")
    brief = case.place(tmp_path)
    assert run(capsys, "export", str(brief), "--library", str(mini_library), "-o", str(tmp_path / "o.pdf"))[0] == 0
    assert "bell nul esc[31m end" in " ".join(all_text(tmp_path / "o.pdf").split())


def unwritable(tmp_path: Path) -> Path:
    if os.geteuid() == 0:
        return Path("/proc/briefing-test.pdf")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    return locked / "out.pdf"


@pytest.mark.parametrize("kind, words", [("folder", "is a folder"), ("missing folder", "does not exist"),
                                         ("unwritable", "cannot be written")])
def test_output_paths(kind, words, mini_library, tmp_path, capsys):
    target = {"folder": tmp_path, "missing folder": tmp_path / "nope" / "out.pdf",
              "unwritable": unwritable(tmp_path)}[kind]
    code, out, err = run(capsys, "export", "--library", str(mini_library), "--country", "IT", "-o", str(target))
    assert code == 1
    assert str(target) in err and words in err


@pytest.mark.parametrize("args", [["export"], ["export", "--paper", "a3", "-o", "x.pdf"], ["library", "lint"],
                                  ["--frobnicate"], ["library", "check", "--max-age", "soon"]])
def test_usage_errors_exit_2(args, capsys):
    code, out, err = run(capsys, *args)
    assert code == 2 and "usage:" in err


def test_the_open_brief_is_untouched_by_a_failed_export(mini_library, tmp_path, capsys):
    brief = tmp_path / "keep.brief"
    brief.write_bytes(b'{"schema_version": 1, "country": "FR", "points": [{"id": "compulsion-law"}]}')  # no FR
    before = brief.read_bytes()
    assert run(capsys, "export", str(brief), "--library", str(mini_library), "-o", str(tmp_path / "o.pdf"))[0] == 1
    assert brief.read_bytes() == before
