"""The validated library kept between starts: used only while every file is as it was, and a
damaged or tampered cache is read afresh, never trusted."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import docx
import pytest

from briefing_app.core import library_cache
from briefing_app.core.brief import Brief, CustomPoint, PointChoice
from briefing_app.core.brief_file import save_brief
from briefing_app.core.library import load_library
from briefing_app.core.library_cache import cache_key, load_library_cached


def _no_reading(*args):
    raise AssertionError("the library was read again although nothing changed")


def test_an_unchanged_library_comes_from_the_cache(library_copy, tmp_path, monkeypatch):
    cache = tmp_path / "data" / "library-cache.pickle"
    first = load_library_cached([library_copy], cache)
    assert cache.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    monkeypatch.setattr(library_cache, "load_library", _no_reading)
    again = load_library_cached([library_copy], cache)
    assert again.points == first.points and again.countries == first.countries
    assert again.topics == first.topics and again.faults == first.faults
    assert again.points == load_library([library_copy]).points


@pytest.mark.parametrize("change", ["edit", "add", "remove", "other folder"])
def test_any_change_to_the_files_reads_the_library_afresh(library_copy, tmp_path, change):
    cache = tmp_path / "library-cache.pickle"
    folders = [library_copy]
    load_library_cached(folders, cache)
    point = next((library_copy / "points").glob("*/*.toml"))
    if change == "edit":  # same size, so only the modification time tells
        text = point.read_text(encoding="utf-8")
        point.write_text(text.replace('title = "', 'title = "X', 1)[:-1], encoding="utf-8")
        os.utime(point, ns=(point.stat().st_atime_ns, point.stat().st_mtime_ns + 10**9))
    elif change == "add":
        (point.parent / "zz-new.toml").write_text(point.read_text(encoding="utf-8").replace(
            f'id = "{point.stem}"', 'id = "zz-new"'), encoding="utf-8")
    elif change == "remove":
        point.unlink()
    else:
        folders = [library_copy, tmp_path / "mine"]
    expected = load_library(folders)
    got = load_library_cached(folders, cache)
    assert got.points == expected.points and got.faults == expected.faults


def test_a_broken_cache_is_read_afresh_and_replaced(library_copy, tmp_path):
    cache = tmp_path / "library-cache.pickle"
    cache.write_bytes(b"\x80\x05not a pickle at all")
    library = load_library_cached([library_copy], cache)
    assert library.points == load_library([library_copy]).points
    key, cached = pickle.loads(cache.read_bytes())
    assert key == cache_key([library_copy]) and cached.points == library.points


class _Payload:
    """What a tampered cache might hold: an object whose unpickling runs a command."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def test_a_tampered_cache_never_runs_code(library_copy, tmp_path):
    cache = tmp_path / "library-cache.pickle"
    marker = tmp_path / "pwned"
    cache.write_bytes(pickle.dumps((cache_key([library_copy]), _Payload(marker))))
    library = load_library_cached([library_copy], cache)
    assert not marker.exists()
    assert library.points == load_library([library_copy]).points


def test_an_unwritable_cache_still_gives_the_library(library_copy, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    library = load_library_cached([library_copy], blocker / "library-cache.pickle")
    assert library.points == load_library([library_copy]).points


def test_export_reads_the_cache_and_still_sees_an_edited_file(cli, library_copy, tmp_path, user_data):
    """`export` keeps the validated library in the user data folder as the window does, and an
    edit made between two exports reaches the second."""
    def export(name: str) -> str:
        out = tmp_path / name
        result = cli("export", "--library", str(library_copy), "--country", "IT", "--carrier", "tim",
                     "--point", "compulsion-law", "-o", str(out))
        assert result.returncode == 0, result.stderr
        return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)

    assert "Article 7" in export("a.docx")
    cached = user_data / "library-cache.pickle"
    assert cached.is_file()
    point = next((library_copy / "points").glob("*/compulsion-law.toml"))
    point.write_text(point.read_text(encoding="utf-8").replace("Article 7", "Article Seven"),
                     encoding="utf-8")
    text = export("b.docx")
    assert "Article Seven" in text and "Article 7" not in text


EXPORT_PROBE = """
import sys
from briefing_app.__main__ import main
code = main(sys.argv[1:])
print("jinja2" in sys.modules)
sys.exit(code)
"""


def _export(tmp_path, *args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", EXPORT_PROBE, "export", *args], capture_output=True,
                          text=True, cwd=tmp_path, timeout=120)


def test_an_export_after_the_first_renders_no_template(library_copy, tmp_path, user_data):
    """The first export keeps what the templates said for Italy and TIM with the cached
    library; the second finds it there, loads no Jinja, and writes the same bytes."""
    args = ["--library", str(library_copy), "--country", "IT", "--carrier", "tim",
            "--point", "compulsion-law", "--point", "base-commercial"]
    first = _export(tmp_path, *args, "-o", str(tmp_path / "a.pdf"))
    second = _export(tmp_path, *args, "-o", str(tmp_path / "b.pdf"))
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert first.stdout.split()[-1] == "True" and second.stdout.split()[-1] == "False"
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    other = _export(tmp_path, *args[:4], *args[6:], "-o", str(tmp_path / "c.pdf"))  # no carrier yet
    assert other.returncode == 0 and other.stdout.split()[-1] == "True"


def test_a_failing_template_fails_alike_from_the_cache(library_copy, tmp_path, user_data):
    point = library_copy / "points" / "state-compulsion" / "compulsion-law.toml"
    point.write_text(point.read_text(encoding="utf-8").replace(
        "must support state", "must support {{ 1 // (country.name | length - country.name | length) }} state"),
        encoding="utf-8")
    args = ["--library", str(library_copy), "--country", "IT", "--point", "compulsion-law"]
    results = [_export(tmp_path, *args, "-o", str(tmp_path / f"{n}.pdf")) for n in "ab"]
    assert [r.returncode for r in results] == [1, 1]
    assert "field 'text'" in results[0].stderr and "division by zero" in results[0].stderr
    assert results[1].stderr == results[0].stderr
    assert results[1].stdout.split()[-1] == "False"  # the failure too came from the cache


def test_the_cache_keeps_no_word_the_officer_wrote(library_copy, tmp_path, user_data):
    """Only the library's templates are kept: a reworded point and a custom point stay out of
    the cache, in the window and on the command line alike."""
    brief = tmp_path / "mine.brief"
    custom = CustomPoint(id="custom-1", title="CANARY-TITLE", text="CANARY-CUSTOM TIM and Vodafone",
                         releasable=True)
    save_brief(Brief(country="IT", carrier="tim", custom_points=(custom,),
        points=(PointChoice(id="compulsion-law", text="CANARY-REWORD TIM, Vodafone and Italy"),
                PointChoice(id="custom-1"))), brief)
    result = _export(tmp_path, str(brief), "--library", str(library_copy), "-o", str(tmp_path / "m.pdf"))
    assert result.returncode == 0, result.stderr
    cached = (user_data / "library-cache.pickle").read_bytes()
    assert b"Article 7" in cached  # the library's own wording is there
    assert b"CANARY" not in cached


def test_the_key_covers_the_code_behind_what_is_kept(library_copy):
    """Templates' outcomes are kept, so the code that renders them is part of the key."""
    names = {Path(entry[0]).name for entry in cache_key([library_copy])[2]}
    assert {"templating.py", "sandbox.py", "rendered.py", "counterpart.py", "models.py"} <= names
