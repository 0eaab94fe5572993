"""Signed library updates as headquarters and a post use them: the commands, end to end, in
temporary folders (the user data folder is one too: see conftest.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import stat
import subprocess

import pytest

from briefing_app.__main__ import main

from .pdf_reading import all_text

POINT = "points/state-compulsion/compulsion-law.toml"
OLD_WORDS = "must support state intelligence work when asked"
NEW_WORDS = "is bound to help state intelligence agencies whenever they ask"


@pytest.fixture
def cli(capsys):
    """The command line run in this process (as `briefing-app` would run it, exit status and
    output included), since each command in a new process costs a second of start-up;
    `test_a_post_installs_in_a_separate_process` runs the real console script."""
    def run(*args: str) -> subprocess.CompletedProcess:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse's usage errors
            code = exit_.code
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out, err)
    return run


def reword(libdir, old: str, new: str) -> None:
    path = libdir / POINT
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def ok(result):
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def refused(result, *words):
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    message = " ".join(result.stderr.split())
    for word in words:
        assert word in message, message
    return message


@pytest.fixture
def hq(cli, tmp_path, library_copy):
    """Headquarters: a key folder, a library in a folder, and a repository folder."""
    keys = tmp_path / "keys"
    made = ok(cli("library", "keys", "new", str(keys), "--publisher", "Test HQ"))
    return keys, library_copy, tmp_path / "repo", made


def publish(cli, hq, *extra):
    keys, libdir, repo, _made = hq
    return cli("library", "publish", str(libdir), "--keys", str(keys), "--to", str(repo), *extra)


def install(cli, repo, keys):
    return cli("library", "install", str(repo), "--trust", str(keys / "root.json"))


def test_keys_new_writes_private_keys_and_says_what_to_ship_and_what_to_keep_offline(hq):
    keys, _libdir, _repo, made = hq
    for key in keys.glob("*.key"):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert sorted(p.name.split("-")[0] for p in keys.glob("*.key")) == [
        "root", "snapshot", "targets", "timestamp"]
    said = made.stdout
    assert f"Ship with the app:  {keys / 'root.json'}" in said
    assert "Keep offline:       root-" in said and "root threshold 1 of 1" in said
    digest = hashlib.sha256((keys / "root.json").read_bytes()).hexdigest()
    assert f"Root fingerprint:   {' '.join(digest[i:i + 4] for i in range(0, 64, 4))} (send it" in said
    assert (keys / "root_history" / "1.root.json").read_bytes() == (keys / "root.json").read_bytes()


def test_keys_are_never_overwritten(cli, hq):
    keys = hq[0]
    before = {p.name: p.read_bytes() for p in keys.glob("*.key")}
    refused(cli("library", "keys", "new", str(keys)), "is not empty", "keys are never overwritten")
    assert {p.name: p.read_bytes() for p in keys.glob("*.key")} == before


def test_a_root_threshold_needs_that_many_root_keys(cli, tmp_path):
    result = cli("library", "keys", "new", str(tmp_path / "k"), "--threshold", "2", "--root-keys", "1")
    refused(result, "--threshold: must be between 1 and the number of root keys (1)")
    ok(cli("library", "keys", "new", str(tmp_path / "k2"), "--threshold", "2"))
    assert len(list((tmp_path / "k2").glob("root-*.key"))) == 2


def test_publish_install_status_update_and_export_the_new_wording(cli, hq, tmp_path, user_data):
    keys, libdir, repo, _made = hq
    said = ok(publish(cli, hq, "--notes", "First release for posts")).stdout
    assert "Published library version 1" in said
    for name in ("1.root.json", "root.json", "targets.json", "snapshot.json", "timestamp.json"):
        assert (repo / "metadata" / name).is_file()
    assert (repo / "targets" / POINT).read_bytes() == (libdir / POINT).read_bytes()
    old_stick = tmp_path / "old-stick"
    shutil.copytree(repo, old_stick)

    said = ok(install(cli, repo, keys)).stdout
    assert "Installed library update 1 from Test HQ" in said and "First release for posts" in said
    lines = ok(cli("library", "status")).stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("built-in: ") and "(under update 1)" in lines[0]
    assert lines[1].startswith("update 1: from Test HQ, published ") and "expires " in lines[1]
    assert lines[1].endswith("notes: First release for posts")
    assert lines[2] == "local folder: none"

    reword(libdir, OLD_WORDS, NEW_WORDS)
    ok(publish(cli, hq, "--notes", "Compulsion point reworded"))
    said = ok(install(cli, repo, keys)).stdout
    assert "The previous library (update 1) is kept" in said
    versions = user_data / "library-updates" / "versions"
    assert sorted(p.name for p in versions.iterdir()) == ["1", "2"]
    assert OLD_WORDS in (versions / "1" / "library" / POINT).read_text(encoding="utf-8")
    assert "update 2: from Test HQ" in ok(cli("library", "status")).stdout
    out = tmp_path / "it.pdf"
    ok(cli("export", "--country", "IT", "--point", "compulsion-law", "-o", str(out)))
    text = " ".join(all_text(out).split())
    assert NEW_WORDS in text and OLD_WORDS not in text

    message = refused(cli("library", "install", str(old_stick)), "update refused", "version 1",
                      "older than version 2")
    assert "rolled back" in message or "roll the library back" in message
    assert "update 2:" in ok(cli("library", "status")).stdout


def test_the_same_version_again_changes_nothing(cli, hq):
    keys, _libdir, repo, _made = hq
    ok(publish(cli, hq))
    ok(install(cli, repo, keys))
    assert "already installed" in ok(install(cli, repo, keys)).stdout


def test_a_later_install_keeps_to_the_publisher_of_the_update_in_use(cli, hq):
    keys, libdir, repo, _made = hq
    ok(publish(cli, hq))
    ok(install(cli, repo, keys))
    reword(libdir, OLD_WORDS, NEW_WORDS)
    ok(publish(cli, hq))
    assert "update 2" in ok(cli("library", "install", str(repo))).stdout  # no --trust now


def test_each_publication_gets_a_higher_version_even_in_a_fresh_folder(cli, hq, tmp_path):
    keys, libdir, _repo, _made = hq
    ok(publish(cli, hq))
    ok(publish(cli, hq))
    fresh = tmp_path / "fresh-stick"
    said = ok(cli("library", "publish", str(libdir), "--keys", str(keys), "--to", str(fresh))).stdout
    assert "Published library version 3" in said
    signed = json.loads((fresh / "metadata" / "targets.json").read_text())["signed"]
    assert signed["version"] == 3


def test_release_notes_are_in_the_signed_targets_metadata(cli, hq):
    keys, _libdir, repo, _made = hq
    ok(publish(cli, hq, "--notes", "Germany re-verified", "--expires", "30"))
    signed = json.loads((repo / "metadata" / "targets.json").read_text())["signed"]
    assert signed["x-briefing-builder"]["notes"] == "Germany re-verified"
    assert POINT in signed["targets"]
    forged = (repo / "metadata" / "targets.json").read_text().replace("Germany re-verified", "Forged")
    (repo / "metadata" / "targets.json").write_text(forged)
    refused(install(cli, repo, keys), "update refused")
    assert "update: none installed" in ok(cli("library", "status")).stdout


def test_publish_refuses_a_library_that_fails_the_check(cli, hq):
    keys, libdir, repo, _made = hq
    (libdir / POINT).write_text("id = \n", encoding="utf-8")
    result = publish(cli, hq)
    refused(result, "compulsion-law.toml", "Not published: the library check found")
    assert not (repo / "metadata").exists()


def test_a_tampered_or_missing_file_is_refused_and_the_library_stays(cli, hq):
    keys, libdir, repo, _made = hq
    ok(publish(cli, hq))
    ok(install(cli, repo, keys))
    reword(libdir, OLD_WORDS, NEW_WORDS)
    ok(publish(cli, hq))
    target = repo / "targets" / POINT
    target.write_text(target.read_text().replace(NEW_WORDS, "whatever a forger wants"))
    refused(install(cli, repo, keys), "update refused", "differs from what the publisher signed")
    target.unlink()
    refused(install(cli, repo, keys), "update refused", "missing", "compulsion-law.toml")
    assert "update 1:" in ok(cli("library", "status")).stdout


def test_a_repository_signed_by_other_keys_is_refused(cli, hq, tmp_path):
    keys, libdir, _repo, _made = hq
    ok(cli("library", "keys", "new", str(tmp_path / "forger-keys")))
    forged = tmp_path / "forged"
    ok(cli("library", "publish", str(libdir), "--keys", str(tmp_path / "forger-keys"), "--to", str(forged)))
    refused(install(cli, forged, keys), "update refused", "not signed by the keys this computer trusts")
    refused(cli("library", "install", str(forged)), "not signed by the keys this computer trusts")
    assert "update: none installed" in ok(cli("library", "status")).stdout


def test_the_root_shipped_with_the_app_is_a_real_root_without_its_private_keys(cli, hq):
    from briefing_app.core.update_client import read_root, shipped_root

    _data, root = read_root(shipped_root())
    assert root.signed.roles["root"].threshold >= 1 and len(root.signed.keys) >= 4
    assert not list(shipped_root().parent.rglob("*.key"))
    keys, _libdir, repo, _made = hq
    ok(publish(cli, hq))
    refused(cli("library", "install", str(repo)), "not signed by the keys this computer trusts")


def test_status_names_a_local_folder(cli, user_data, mini_library):
    from briefing_app.core.library_config import LibraryConfig

    LibraryConfig(user_data).local_folder = mini_library
    lines = ok(cli("library", "status")).stdout.splitlines()
    assert lines[1:] == ["update: none installed", f"local folder: {mini_library} (unsigned)"]
    listed = ok(cli("library", "list")).stdout
    assert "compulsion-law" in listed and "sc-ownership" in listed


def test_usage_errors(cli, tmp_path):
    result = cli("library", "publish", str(tmp_path), "--to", str(tmp_path / "r"))
    assert result.returncode == 2 and "--keys" in result.stderr
    result = cli("library", "publish", str(tmp_path), "--keys", str(tmp_path / "k"), "--to", str(tmp_path / "r"),
                 "--expires", "0")
    assert result.returncode == 2 and "'0' is not a whole number from 1 to 36,500" in result.stderr
    refused(cli("library", "install", str(tmp_path)), "is not a library update folder")
    refused(cli("library", "install", str(tmp_path), "--trust", str(tmp_path / "none.json")),
            "none.json: does not exist")


def test_a_post_installs_in_a_separate_process(hq, tmp_path):
    """The console script itself, as a post runs it: no Qt, and the user data folder from
    BRIEFING_APP_DATA (conftest.py points it at tmp_path)."""
    from .conftest import run_cli

    keys, _libdir, repo, _made = hq
    ok(publish(run_cli, hq))
    said = ok(run_cli("library", "install", str(repo), "--trust", str(keys / "root.json"))).stdout
    assert said.startswith("Installed library update 1 from Test HQ")
    assert "update 1: from Test HQ" in ok(run_cli("library", "status")).stdout


def test_tuf_loads_only_when_an_update_command_runs():
    """`briefing-app` alone, the window's frame and the other commands never import TUF or the
    cryptography it signs with: their start-up does not pay for it."""
    from .test_layers import loaded_by

    watched = ("tuf", "securesystemslib", "cryptography")
    assert loaded_by(["briefing_app.cli", "briefing_app.__main__", "briefing_app.app",
                      "briefing_app.gui.main_window", "briefing_app.commands.common",
                      "briefing_app.gui.library_loader"], watched) == set()
    assert "tuf" in loaded_by(["briefing_app.commands.updates", "briefing_app.core.update_client"], watched)


def test_publish_warns_when_the_root_expires_before_the_publication(cli, tmp_path, library_copy):
    keys = tmp_path / "keys"
    ok(cli("library", "keys", "new", str(keys), "--root-expires", "30"))
    result = ok(cli("library", "publish", str(library_copy), "--keys", str(keys), "--to",
                    str(tmp_path / "repo"), "--expires", "60"))
    assert "warning: the root expires on" in result.stderr and "library keys rotate" in result.stderr
    ok(cli("library", "keys", "rotate", str(keys), "--root-expires", "400"))
    result = ok(cli("library", "publish", str(library_copy), "--keys", str(keys), "--to",
                    str(tmp_path / "repo"), "--expires", "60"))
    assert "root expires" not in result.stderr
    assert "Published library version 2" in result.stdout


def test_expired_or_too_few_signatures_exit_1_and_keep_the_library(cli, hq, tmp_path):
    """The refusals the core tests on a fixed clock, as a post meets them: exit status 1, one
    reason in words, and the library in use unchanged."""
    from tuf.api.metadata import Metadata, Root

    from briefing_app.core.update_keys import rotate
    from briefing_app.core.update_publisher import publish as sign

    _keys, libdir, repo, _made = hq
    keys = tmp_path / "keys-2-of-2"
    ok(cli("library", "keys", "new", str(keys), "--threshold", "2", "--publisher", "Test HQ"))
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=200)
    sign(libdir, keys, repo, expires_days=30, now=long_ago)
    refused(install(cli, repo, keys), "update refused", "signed metadata has expired", "fresh copy")
    assert "update: none installed" in ok(cli("library", "status")).stdout

    ok(cli("library", "publish", str(libdir), "--keys", str(keys), "--to", str(repo)))
    ok(install(cli, repo, keys))
    rotate(keys, ["targets"])
    ok(cli("library", "publish", str(libdir), "--keys", str(keys), "--to", str(repo)))
    second = repo / "metadata" / "2.root.json"
    root = Metadata[Root].from_bytes(second.read_bytes())
    root.signatures.pop(next(iter(root.signatures)))  # one signature where the root needs two
    second.write_bytes(root.to_bytes())
    refused(cli("library", "install", str(repo)), "update refused", "or by too few of them")
    assert "update 2: from Test HQ" in ok(cli("library", "status")).stdout


def test_trusting_the_root_again_in_other_bytes_does_not_open_a_rollback(cli, hq, tmp_path):
    """`--trust` with the same root re-serialised (or a later root of the same publisher) is
    not another publisher: an older update stays refused, and so does the same version again."""
    from tuf.api.metadata import Metadata, Root
    from tuf.api.serialization.json import JSONSerializer

    keys, libdir, repo, _made = hq
    ok(publish(cli, hq))
    old_stick = tmp_path / "old-stick"
    shutil.copytree(repo, old_stick)
    ok(install(cli, repo, keys))
    reword(libdir, OLD_WORDS, NEW_WORDS)
    ok(publish(cli, hq))
    ok(install(cli, repo, keys))
    compact = tmp_path / "root-compact.json"
    compact.write_bytes(Metadata[Root].from_file(str(keys / "root.json")).to_bytes(JSONSerializer(compact=True)))
    refused(cli("library", "install", str(old_stick), "--trust", str(compact)), "update refused",
            "it is version 1, older than version 2")
    refused(cli("library", "install", str(repo), "--trust", str(compact)), "update refused",
            "it is version 2, not newer than version 2")
    assert "update 2: from Test HQ" in ok(cli("library", "status")).stdout



@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_on_the_stick_is_refused_without_hanging(hq):
    """A named pipe where a library file or the metadata should be would make a plain read wait
    for ever: the install says what it is and refuses (run_cli's time limit fails a hang)."""
    from .conftest import run_cli

    keys, libdir, repo, _made = hq
    ok(run_cli("library", "publish", str(libdir), "--keys", str(keys), "--to", str(repo)))
    trust = ("--trust", str(keys / "root.json"))
    for pipe, named in ((repo / "targets" / POINT, "compulsion-law.toml"),
                        (repo / "metadata" / "timestamp.json", "timestamp.json")):
        kept = pipe.read_bytes()
        pipe.unlink()
        os.mkfifo(pipe)
        refused(run_cli("library", "install", str(repo), *trust), "update refused",
                "a file could not be read", f"{named} is a FIFO (named pipe), not a file")
        pipe.unlink()
        pipe.write_bytes(kept)
    assert "update: none installed" in ok(run_cli("library", "status")).stdout
    ok(run_cli("library", "install", str(repo), *trust))


def test_keys_rotate_from_the_command_line_and_a_post_that_skipped_a_release_chains(cli, hq, user_data,
                                                                                     tmp_path):
    """Rotation as headquarters runs it: new keys (0600), the old ones retired, every root
    version published; a post that missed the release after the first rotation still installs."""
    keys, libdir, repo, _made = hq
    ok(publish(cli, hq))
    ok(install(cli, repo, keys))
    old_keys = {p.name for p in keys.glob("*.key")}

    said = ok(cli("library", "keys", "rotate", str(keys), "--role", "root", "--role", "targets")).stdout
    assert said.startswith(f"New root, targets keys in {keys}: root version 2")
    assert "Keep offline:       root-" in said and "Publish next with --keys" in said
    retired = {p.name for p in (keys / "retired").glob("*.key")}
    assert retired == {n for n in old_keys if n.startswith(("root-", "targets-"))}
    assert not retired & {p.name for p in keys.glob("*.key")}
    for key in keys.glob("*.key"):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    reword(libdir, OLD_WORDS, NEW_WORDS)
    ok(publish(cli, hq))  # version 2: this post never installs it
    ok(cli("library", "keys", "rotate", str(keys), "--role", "root", "--role", "timestamp"))
    stick = tmp_path / "new-stick"  # a fresh folder: every root version comes from the keys
    ok(cli("library", "publish", str(libdir), "--keys", str(keys), "--to", str(stick), "--notes", "Third"))
    assert sorted(p.name for p in (stick / "metadata").glob("*.root.json")) == [
        "1.root.json", "2.root.json", "3.root.json"]

    said = ok(cli("library", "install", str(stick))).stdout  # trusts root 1: walks 1 -> 2 -> 3
    assert "Installed library update 3 from Test HQ" in said
    trusted = next((user_data / "library-updates" / "trust").glob("*/root.json"))
    assert json.loads(trusted.read_text())["signed"]["version"] == 3
