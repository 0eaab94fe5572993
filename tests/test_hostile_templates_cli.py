"""Hostile templates through the command line: `library check` names each one's file and field
in one line, and a bad condition costs only its own point in `library list` and `export`.

The commands run as child processes capped at 1.5 GB and a time-out, as a user would run them.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .hostile.templates import ALL, CRASHES, TIME, placed, point_toml
from .pdf_reading import all_text


def capped_cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "briefing_app", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=timeout, preexec_fn=cap)


def plant(library: Path, cases) -> list[tuple[str, str, object]]:
    spread = placed(cases)
    for point_id, field, case in spread:
        (library / "points/subsidy" / f"{point_id}.toml").write_text(point_toml(point_id, field, case.template),
                                                                     encoding="utf-8")
    return spread


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    import shutil

    from .conftest import MINI
    library = tmp_path_factory.mktemp("hostile") / "library"
    shutil.copytree(MINI, library)
    spread = plant(library, ALL)
    return spread, capped_cli("library", "check", str(library))


def test_library_check_refuses_every_hostile_template(checked):
    spread, done = checked
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"Library has {len(spread)} problem(s)" in done.stderr


@pytest.mark.parametrize("index", range(len(ALL)), ids=[c.name for c in ALL])
def test_one_line_names_the_file_and_the_field(checked, index):
    spread, done = checked
    point_id, field, case = spread[index]
    lines = [line for line in done.stderr.splitlines() if f"{point_id}.toml" in line]
    assert len(lines) == 1, lines
    assert f"field '{field}'" in lines[0] and case.words in lines[0], lines[0]


@pytest.fixture
def conditions(library_copy):
    """The test library with every hostile condition in a point of its own, and a hostile reason."""
    spread = plant(library_copy, [c for c in ALL if c.expression])
    (library_copy / "points/subsidy/hostile-reason.toml").write_text(
        point_toml("hostile-reason", "reason", "{{ 'x'.center(3000000000) }}"), encoding="utf-8")
    return library_copy, spread


def test_a_bad_condition_costs_only_its_own_point_in_the_list(conditions):
    library, spread = conditions
    done = capped_cli("library", "list", "--library", str(library), "--country", "IT", "--carrier", "tim")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    listed = {line.split()[0]: line for line in done.stdout.splitlines()}
    # a sound point keeps its own verdict (recommended, or left out only by the topic's or the
    # page's limit among the built-in points it is layered with), never a neighbour's failure
    assert "core point for every meeting" in listed["compulsion-law"], listed["compulsion-law"]
    for point_id, _, case in spread:
        assert f"not recommended: its condition fails: {case.words}" in listed[point_id] or \
            case.words in listed[point_id], listed[point_id]
    assert "recommended" in listed["hostile-reason"]


def test_recommended_exports_still_work_beside_a_bad_condition(conditions, tmp_path):
    library, _ = conditions
    out = tmp_path / "it.pdf"
    done = capped_cli("export", "--library", str(library), "--country", "IT", "--carrier", "windtre", "-o",
                     str(out))
    assert done.returncode == 0, done.stderr
    assert "Article 7" in all_text(out)


@pytest.mark.parametrize("case", [CRASHES[0], CRASHES[6], TIME[0], TIME[4]], ids=lambda c: c.name)
def test_exporting_a_hostile_point_is_one_fault_naming_file_and_field(case, library_copy, tmp_path):
    plant(library_copy, [case])
    out = tmp_path / "out.pdf"
    done = capped_cli("export", "--library", str(library_copy), "--country", "IT", "--point", "hostile-000",
                      "-o", str(out))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (line,) = [line for line in done.stderr.splitlines() if "hostile-000.toml" in line]
    assert "field 'text'" in line and case.words in line
    assert not out.exists()


def test_a_template_cannot_copy_the_meeting_onto_a_handout(library_copy, tmp_path):
    (library_copy / "points/subsidy/leaky.toml").write_text(
        point_toml("leaky", "text", "We understand you want {{ meeting.purpose }}."), encoding="utf-8")
    brief = tmp_path / "m.brief"
    brief.write_text('{"schema_version": 1, "country": "IT", "meeting": {"purpose": "PURPOSE-CANARY"}, '
                     '"points": [{"id": "leaky"}]}', encoding="utf-8")
    out = tmp_path / "handout.pdf"
    done = capped_cli("export", str(brief), "--library", str(library_copy), "--variant", "handout", "-o", str(out))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    (line,) = [line for line in done.stderr.splitlines() if "leaky.toml" in line]
    assert "field 'text'" in line and "do not see the meeting" in line
    assert not out.exists() and "PURPOSE-CANARY" not in done.stderr
