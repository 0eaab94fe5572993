"""The validated library kept between starts: used only while every file is as it was, and a
damaged or tampered cache is read afresh, never trusted."""

from __future__ import annotations

import os
import pickle
import stat

import docx
import pytest

from briefing_app.core import library_cache
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
