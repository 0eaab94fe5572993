"""Files are never lost, never hang the app and never fill memory: FIFOs, devices, links,
huge files, unreadable folders, long names, file modes, outputs that would overwrite inputs.

Commands that could hang on a regression run as child processes with a time-out.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.core.atomic import write_atomic
from briefing_app.core.library import load_library
from briefing_app.core.produce import produce

from .cli_here import run
from .conftest import ROOT
from .pdf_reading import all_text

posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets, links and modes are POSIX")


def _capped() -> None:
    import resource  # POSIX only

    resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))


def cli(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """The command as a user runs it, capped at 1.5 GB, so reading a huge file whole fails."""
    return subprocess.run([sys.executable, "-m", "briefing_app", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=timeout,
                          preexec_fn=_capped if os.name == "posix" else None)


# -- reading: FIFOs, devices, huge files ---------------------------------------------------------

@posix
def test_a_fifo_as_the_brief_is_refused_at_once(tmp_path):
    fifo = tmp_path / "meeting.brief"
    os.mkfifo(fifo)
    done = cli("export", str(fifo), "-o", str(tmp_path / "out.pdf"), timeout=60)
    assert done.returncode == 1
    assert f"{fifo}: is a FIFO (named pipe), not a file" in done.stderr


@posix
def test_a_fifo_in_the_library_is_skipped_with_a_fault(library_copy, tmp_path):
    os.mkfifo(library_copy / "points/subsidy/pipe.toml")
    os.mkfifo(library_copy / "countries/zz.toml")
    checked = cli("library", "check", str(library_copy), timeout=60)
    assert checked.returncode == 1
    for name in ("points/subsidy/pipe.toml", "countries/zz.toml"):
        assert f"{name}: is a FIFO (named pipe), not a file" in checked.stderr
    out = tmp_path / "out.pdf"
    exported = cli("export", "--library", str(library_copy), "--country", "IT", "--point", "compulsion-law",
                   "-o", str(out), timeout=60)
    assert exported.returncode == 0 and "warning: skipped: is a FIFO" in exported.stderr
    assert "Article 7" in all_text(out)


@posix
def test_a_device_as_the_brief_or_a_library_file_is_refused(library_copy, tmp_path):
    done = cli("export", "/dev/zero", "-o", str(tmp_path / "out.pdf"), timeout=60)
    assert done.returncode == 1 and "/dev/zero: is a device, not a file" in done.stderr
    (library_copy / "points/subsidy/zero.toml").symlink_to("/dev/zero")
    done = cli("library", "check", str(library_copy), timeout=60)
    assert done.returncode == 1 and "zero.toml: is a device, not a file" in done.stderr


def sparse(path: Path, size: int = 6_000_000_000) -> Path:
    """A file of `size` bytes on paper and next to nothing on disk."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def test_a_huge_library_file_is_refused_by_its_size_before_it_is_read(library_copy):
    sparse(library_copy / "points/subsidy/huge.toml")
    done = cli("library", "check", str(library_copy), timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert ("huge.toml: is 6,000,000,000 bytes; a library file may be at most 1,000,000 bytes"
            in done.stderr)


def test_a_huge_brief_is_refused_by_its_size(tmp_path):
    brief = sparse(tmp_path / "huge.brief")
    done = cli("export", str(brief), "-o", str(tmp_path / "out.pdf"), timeout=120)
    assert done.returncode == 1
    assert "is 6,000,000,000 bytes; a brief may be at most 20,000,000 bytes" in done.stderr


@posix
def test_settings_that_are_a_fifo_do_not_stop_the_app(tmp_path):
    config = tmp_path / "config"
    (config / "Briefing Builder").mkdir(parents=True)
    os.mkfifo(config / "Briefing Builder" / "Briefing Builder.conf")
    script = ("from PySide6.QtCore import QCoreApplication\n"
              "from briefing_app.gui.settings import AppSettings, settings_store\n"
              "app = QCoreApplication([])\n"
              "app.setOrganizationName('Briefing Builder'); app.setApplicationName('Briefing Builder')\n"
              "settings = AppSettings(settings_store())\n"
              "settings.remember_defaults('us', 'letter', 'A. Officer'); settings.sync()\n"
              "print(settings.paper, settings._store.fileName())\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(config),
                               "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("letter ") and "Briefing Builder.conf" not in done.stdout
    assert "is a FIFO (named pipe), not a file; settings are kept for this session only" in done.stderr


@posix
def test_a_fifo_as_the_library_cache_or_configuration_is_passed_over(tmp_path):
    os.mkfifo(tmp_path / "library-cache.pickle")
    os.mkfifo(tmp_path / "library-config.json")
    script = ("import sys; from pathlib import Path\n"
              "from briefing_app.core.library_cache import load_library_cached\n"
              "from briefing_app.core.library_config import LibraryConfig\n"
              "from briefing_app.core.paths import builtin_library\n"
              "data = Path(sys.argv[1])\n"
              "print(LibraryConfig(data).local_folder)\n"
              "print(len(load_library_cached([builtin_library()], data / 'library-cache.pickle').points) > 0)\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["None", "True"]


# -- folders and permissions ---------------------------------------------------------------------

def _unreadable(folder: Path, monkeypatch) -> None:
    """Make `folder` unlistable: by its mode, or (for root, who reads anything) for this process."""
    if os.geteuid() != 0:
        folder.chmod(0)
        return
    real = os.scandir

    def scandir(path=".", real=real):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_points_folder_is_reported_not_skipped(library_copy, capsys, monkeypatch):
    points = library_copy / "points"
    _unreadable(points, monkeypatch)
    try:
        code, out, err = run(capsys, "library", "check", str(library_copy))
    finally:
        points.chmod(0o755)
    assert code == 1 and "Library OK" not in out
    assert "library/points: cannot be read (permission denied): nothing in it is loaded" in err


def test_an_unreadable_topic_folder_is_reported(library_copy, capsys, monkeypatch):
    topic = library_copy / "points/subsidy"
    _unreadable(topic, monkeypatch)
    try:
        code, _, err = run(capsys, "library", "check", str(library_copy))
    finally:
        topic.chmod(0o755)
    assert code == 1 and "library/points/subsidy: cannot be read (permission denied)" in err


def test_an_unreadable_brief_is_named(tmp_path, capsys, monkeypatch):
    brief = tmp_path / "locked.brief"
    brief.write_text('{"schema_version": 2, "country": "IT"}', encoding="utf-8")
    real = os.open

    def refuse(path, *args, real=real, **kwargs):
        if Path(path) == brief:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    code, _, err = run(capsys, "export", str(brief), "-o", str(tmp_path / "out.pdf"))
    assert code == 1 and f"{brief}: cannot be read: permission denied" in err


@pytest.mark.parametrize("args, words", [
    (["library", "check", "--max-age", "1000000"], "'1000000' is not a whole number from 1 to 36,500"),
    (["library", "list", "--max-age", "0"], "'0' is not a whole number from 1 to 36,500"),
    (["library", "check", "--max-age", "²"], "is not a whole number"),
    (["library", "check", "--max-age", "9" * 5000], "is not a whole number from 1 to 36,500"),
    (["library", "publish", "{tmp}/lib", "--keys", "{tmp}/keys", "--to", "{tmp}/repo", "--expires",
      "100000000000000000000"], "is not a whole number from 1 to 36,500"),
    # the threshold above the key count makes an unchecked build refuse before it makes any key
    (["library", "keys", "new", "{tmp}/keys", "--root-keys", "1000000000", "--threshold", "1000000001"],
     "'1000000000' is not a whole number from 1 to 20"),
])
def test_numeric_options_are_range_checked(args, words, capsys, tmp_path):
    """Folders are named under tmp_path, so a number let through writes nothing into the checkout
    (an unchecked `--root-keys 1000000000` once wrote 156,000 keys into the working folder)."""
    code, _, err = run(capsys, *(arg.replace("{tmp}", str(tmp_path)) for arg in args))
    assert code == 2 and words in err
    assert list(tmp_path.iterdir()) == []


# -- writing: inputs, links, devices, names, modes -------------------------------------------------

def test_the_output_cannot_be_the_input_brief(tmp_path, capsys):
    brief = tmp_path / "meeting.brief"
    brief.write_text('{"schema_version": 2, "country": "IT", "points": [{"id": "sc-intelligence-law"}]}',
                     encoding="utf-8")
    before = brief.read_bytes()
    for target in (brief, tmp_path / "." / "meeting.brief"):
        code, _, err = run(capsys, "export", str(brief), "-o", str(target))
        assert code == 1 and "is the brief being exported" in err
    if os.name == "posix":
        (tmp_path / "alias.pdf").symlink_to(brief)
        code, _, err = run(capsys, "export", str(brief), "-o", str(tmp_path / "alias.pdf"))
        assert code == 1 and "is the brief being exported" in err
    assert brief.read_bytes() == before


def test_the_output_cannot_be_a_library_file(library_copy, capsys):
    point = library_copy / "points/subsidy/subsidy-financing.toml"
    before = point.read_bytes()
    code, _, err = run(capsys, "export", "--library", str(library_copy), "--country", "IT", "-o", str(point))
    assert code == 1 and f"{point}: is a file of the talking-point library" in err
    assert point.read_bytes() == before
    topics = library_copy / "topics.toml"
    code, _, err = run(capsys, "export", "--library", str(library_copy), "--country", "IT", "-o", str(topics))
    assert code == 1 and "is a file of the talking-point library" in err


@posix
def test_a_link_to_a_regular_file_writes_the_file_and_keeps_the_link(tmp_path, capsys, user_data):
    (tmp_path / "briefs").mkdir()
    target = tmp_path / "briefs" / "2026-11-29.pdf"
    target.write_bytes(b"last week's brief")
    link = tmp_path / "latest.pdf"
    link.symlink_to(target)
    code, out, err = run(capsys, "export", "--country", "IT", "--point", "sc-intelligence-law", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == target
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir() if p != user_data) == ["briefs", "latest.pdf"]
    assert [p.name for p in (tmp_path / "briefs").iterdir()] == ["2026-11-29.pdf"]  # no temporary left


@posix
@pytest.mark.parametrize("kind", ["device link", "fifo", "fifo link", "socket"])
def test_an_output_that_is_not_a_regular_file_is_refused_and_left_alone(kind, tmp_path):
    path = tmp_path / "out.pdf"
    if kind == "device link":
        path.symlink_to("/dev/null")
    elif kind.startswith("fifo"):
        os.mkfifo(tmp_path / "pipe")
        (path.symlink_to(tmp_path / "pipe") if "link" in kind else os.mkfifo(path))
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    done = cli("export", "--country", "IT", "--point", "sc-intelligence-law", "-o", str(path), timeout=60)
    assert done.returncode == 1
    words = {"device link": "is a device", "fifo": "is a FIFO (named pipe)",
             "fifo link": "is a FIFO (named pipe)", "socket": "is a socket"}
    assert f"{path}: {words[kind]}, not a regular file" in done.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not stat.S_ISREG(os.stat(path).st_mode)


@posix
def test_write_atomic_refuses_a_device_behind_a_link(tmp_path):
    link = tmp_path / "saved.brief"
    link.symlink_to("/dev/null")
    with pytest.raises(OSError, match="is a device, not a regular file"):
        write_atomic(link, b"{}")
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("length", [249, 251, 255])
def test_a_long_valid_file_name_can_be_written(length, tmp_path, capsys, user_data):
    out = tmp_path / ("b" * (length - 4) + ".pdf")
    code, _, err = run(capsys, "export", "--country", "IT", "--point", "sc-intelligence-law", "-o", str(out))
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p != user_data] == [out.name]  # the cache is in user_data


@posix
def test_outputs_follow_the_umask_and_controlled_officer_briefs_are_private(tmp_path, mini_library):
    from .test_core_markings import cui_brief

    library = load_library([mini_library])
    old = os.umask(0o027)
    try:
        produce(library, cui_brief(point_marking="U"), "officer", "pdf", tmp_path / "plain.pdf")
        produce(library, cui_brief(), "officer", "pdf", tmp_path / "cui.pdf")
        produce(library, cui_brief(), "officer", "docx", tmp_path / "cui.docx")
        os.umask(0o022)
        produce(library, cui_brief(point_marking="U"), "handout", "pdf", tmp_path / "handout.pdf")
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    assert modes == {"plain.pdf": 0o640, "cui.pdf": 0o600, "cui.docx": 0o600, "handout.pdf": 0o644}
