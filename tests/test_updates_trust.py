"""What TUF guards against, through the core: expiry on a fixed clock, root rotation chains
(and a broken chain does not), too few signatures, and a repository any TUF client can read."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from tuf.api.metadata import Metadata, Root
from tuf.ngclient import Updater

from briefing_app.core.faults import InputError
from briefing_app.core.library_config import LibraryConfig
from briefing_app.core.update_client import FolderFetcher, stage
from briefing_app.core.update_keys import new_keys, rotate
from briefing_app.core.update_publisher import publish
from briefing_app.core.update_store import Release, commit, installed

T0 = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.UTC)  # the fixed clock


def install(repo, data, trust=None, now=T0) -> Release:
    staged = stage(repo, data, trust, now=now)
    return staged if isinstance(staged, Release) else commit(data, staged.staging, staged.release)


def refusal(repo, data, trust=None, now=T0) -> str:
    with pytest.raises(InputError) as caught:
        install(repo, data, trust, now)
    assert not list((data / "library-updates").glob("staging-*"))  # nothing left half-made
    return " ".join(str(caught.value).split())


@pytest.fixture
def keys(tmp_path):
    folder = tmp_path / "keys"
    new_keys(folder, "Test HQ", now=T0)
    return folder


def test_metadata_past_its_expiry_is_refused_on_a_fixed_clock(tmp_path, keys, mini_library):
    repo, data = tmp_path / "repo", tmp_path / "data"
    publish(mini_library, keys, repo, expires_days=30, now=T0)
    late = refusal(repo, data, keys / "root.json", now=T0 + dt.timedelta(days=30, seconds=1))
    assert "signed metadata has expired" in late and "fresh copy" in late
    assert installed(data) is None
    assert install(repo, data, keys / "root.json", now=T0 + dt.timedelta(days=29)).version == 1


def test_a_root_rotation_chains_for_a_post_that_skipped_updates(tmp_path, keys, library_copy):
    repo, data, behind = tmp_path / "repo", tmp_path / "data", tmp_path / "behind"
    publish(library_copy, keys, repo, now=T0)
    install(repo, data, keys / "root.json")
    install(repo, behind, keys / "root.json")
    old_root_keys = sorted(p.name for p in keys.glob("root-*.key"))

    rotate(keys, ["root", "targets"], now=T0)
    publish(library_copy, keys, repo, now=T0)
    assert install(repo, data).version == 2
    rotate(keys, ["root", "snapshot", "timestamp"], root_keys=2, threshold=2, now=T0)
    publish(library_copy, keys, repo, now=T0)
    assert sorted(p.name for p in (repo / "metadata").glob("*.root.json")) == [
        "1.root.json", "2.root.json", "3.root.json"]
    assert set(old_root_keys) < {p.name for p in (keys / "retired").glob("root-*.key")}
    assert len(list(keys.glob("root-*.key"))) == 2

    assert install(repo, behind).version == 3  # trusts root 1; chains 1 -> 2 -> 3
    assert install(repo, data).version == 3
    trusted = json.loads((data / "library-updates" / "trust").glob("*/root_history/3.root.json")
                         .__next__().read_text())
    assert trusted["signed"]["roles"]["root"]["threshold"] == 2


def test_a_missing_intermediate_root_breaks_the_chain(tmp_path, keys, library_copy):
    repo, data = tmp_path / "repo", tmp_path / "data"
    publish(library_copy, keys, repo, now=T0)
    install(repo, data, keys / "root.json")
    rotate(keys, ["targets"], now=T0)
    rotate(keys, ["root"], now=T0)
    publish(library_copy, keys, repo, now=T0)
    (repo / "metadata" / "2.root.json").unlink()
    assert "not signed by the keys this computer trusts" in refusal(repo, data)
    assert installed(data).version == 1


def test_a_new_root_with_too_few_signatures_is_refused(tmp_path, library_copy):
    keys, repo, data = tmp_path / "keys", tmp_path / "repo", tmp_path / "data"
    new_keys(keys, "Test HQ", root_keys=2, threshold=2, now=T0)
    publish(library_copy, keys, repo, now=T0)
    install(repo, data, keys / "root.json")
    rotate(keys, ["targets"], now=T0)
    publish(library_copy, keys, repo, now=T0)
    signed_twice = (repo / "metadata" / "2.root.json").read_bytes()
    root = Metadata[Root].from_bytes(signed_twice)
    root.signatures.pop(next(iter(root.signatures)))  # one of the two root keys only
    (repo / "metadata" / "2.root.json").write_bytes(root.to_bytes())
    assert "or by too few of them" in refusal(repo, data)
    (repo / "metadata" / "2.root.json").write_bytes(signed_twice)
    assert install(repo, data).version == 2


def test_rotation_needs_a_threshold_of_the_old_root_keys(tmp_path):
    keys = tmp_path / "keys"
    new_keys(keys, "Test HQ", root_keys=2, threshold=2, now=T0)
    next(keys.glob("root-*.key")).rename(tmp_path / "offline.key")
    with pytest.raises(InputError, match="holds 1 of the root keys the root names; 2 are needed"):
        rotate(keys, ["targets"], now=T0)
    assert json.loads((keys / "root.json").read_text())["signed"]["version"] == 1


def test_any_tuf_client_can_verify_the_repository(tmp_path, keys, mini_library):
    """python-tuf's own Updater, with only a fetcher for the folder and the root from keys new."""
    repo = tmp_path / "repo"
    publish(mini_library, keys, repo, now=T0)
    client = tmp_path / "client"
    client.mkdir()
    updater = Updater(str(client), (repo / "metadata").as_uri() + "/", str(client),
                      (repo / "targets").as_uri() + "/", FolderFetcher(repo),
                      bootstrap=(keys / "root.json").read_bytes())
    info = updater.get_targetinfo("topics.toml")
    path = updater.download_target(info, str(client / "topics.toml"))
    assert open(path, "rb").read() == (mini_library / "topics.toml").read_bytes()
    assert updater.get_targetinfo("points/edge-core/edge-huawei.toml").length > 0


def test_an_update_this_app_cannot_read_is_refused(tmp_path, keys, library_copy):
    repo, data = tmp_path / "repo", tmp_path / "data"
    point = library_copy / "points" / "edge-core" / "edge-huawei.toml"
    point.write_text(point.read_text() + 'field_of_a_newer_app = "x"\n')
    publish(library_copy, keys, repo, now=T0)
    reason = refusal(repo, data, keys / "root.json")
    assert "cannot read it" in reason and "field_of_a_newer_app" in reason


def test_withdrawn_points_leave_the_built_in_layer(tmp_path, keys, library_copy, mini_library):
    """A point headquarters deleted does not live on from the built-in library; one the officer's
    own folder supplies stays."""
    repo, data = tmp_path / "repo", tmp_path / "data"
    publish(library_copy, keys, repo, now=T0)
    (library_copy / "points" / "subsidy" / "subsidy-financing.toml").unlink()
    shutil.rmtree(library_copy / "points" / "subsidy")
    publish(library_copy, keys, repo, now=T0)
    release = install(repo, data, keys / "root.json")
    assert release.withdrawn == ("point:subsidy-financing",)
    config = LibraryConfig(data, builtin=mini_library)
    assert "subsidy-financing" not in config.load().points
    own = tmp_path / "own"
    shutil.copytree(mini_library / "points" / "subsidy", own / "points" / "subsidy")
    assert "subsidy-financing" in config.load(local=own).points
