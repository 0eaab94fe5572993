"""Library ▸ Install Update… and Status, briefs that remember their library, and where a point
came from, as an officer meets them in the window."""

from __future__ import annotations

import hashlib
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.brief_file import load_brief, save_brief
from briefing_app.core.update_client import stage
from briefing_app.core.update_keys import new_keys
from briefing_app.core.update_publisher import publish
from briefing_app.core.update_store import commit, installed
from briefing_app.gui import dialogs

OLD = "must support state intelligence work when asked"
NEW = "is bound to help state intelligence agencies whenever they ask"
POINT = "points/state-compulsion/compulsion-law.toml"


def menu(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def edit(path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.fixture
def hq(tmp_path, library_dir):
    """Headquarters' keys and library (the window's built-in library, as published), and a post
    (the window's data folder) that installed update 1 from it."""
    keys, libdir, repo = tmp_path / "keys", tmp_path / "hq-library", tmp_path / "stick"
    new_keys(keys, "Test HQ")
    shutil.copytree(library_dir, libdir)
    publish(libdir, keys, repo, notes="First")
    data = tmp_path / "appdata"
    staged = stage(repo, data, keys / "root.json")
    commit(data, staged.staging, staged.release)
    return keys, libdir, repo, data


def second_release(hq) -> None:
    """Update 2: one point reworded, one added, one withdrawn, a carrier's vendors changed."""
    keys, libdir, repo, _data = hq
    edit(libdir / POINT, OLD, NEW)
    added = libdir / "points" / "edge-core" / "edge-new.toml"
    shutil.copy(libdir / "points" / "edge-core" / "edge-huawei.toml", added)
    edit(added, 'id = "edge-huawei"', 'id = "edge-new"')
    edit(added, 'title = "', 'title = "Added: ')
    shutil.rmtree(libdir / "points" / "subsidy")
    edit(libdir / "countries" / "it.toml", 'role = "radio"', 'role = "core"')
    publish(libdir, keys, repo, notes="Second: compulsion reworded")


@pytest.fixture
def answers(monkeypatch, hq):
    """The stick's folder is chosen; the review is read and accepted; what is shown is kept."""
    seen = {"review": [], "info": [], "faults": []}
    monkeypatch.setattr(dialogs, "ask_folder", lambda *args: hq[2])
    monkeypatch.setattr(dialogs, "ask_accept_update",
                        lambda parent, title, html: seen["review"].append((title, html)) or seen["accept"])
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: seen["info"].append((title, text)))
    monkeypatch.setattr(dialogs, "show_faults",
                        lambda parent, title, faults: seen["faults"].append((title, faults)))
    seen["accept"] = True
    return seen


def test_install_update_shows_what_changes_then_installs_it(make_window, hq, answers):
    window = make_window()
    assert "from library update 1" in _heading(window, "compulsion-law")
    second_release(hq)
    menu(window, "Install &Update…").trigger()
    title, html = answers["review"][0]
    assert title == "Install Library Update 2?"
    assert "from Test HQ" in html and "Second: compulsion reworded" in html and "It replaces update 1" in html
    assert "Points added" in html and "Added: " in html
    assert "Points removed" in html and "Financing for trusted vendors" in html
    assert "Points changed" in html and "<s style='color:#b00020'>must support</s> " \
        "<u style='color:#1b5e20'>is bound to help</u> state intelligence" in html
    assert "<b>Italy</b>: carrier TIM: vendors" in html
    info_title, info = answers["info"][0]
    assert info_title == "Library Update Installed"
    assert "Installed library update 2 from Test HQ" in info and "previous library (update 1) is kept" in info
    library = window.controller.library
    assert NEW in library.points["compulsion-law"].text
    assert "edge-new" in library.points and "subsidy-financing" not in library.points
    assert "from library update 2" in _heading(window, "compulsion-law")
    assert installed(hq[3]).version == 2


def test_declining_the_update_leaves_the_library_as_it_was(make_window, hq, answers):
    window = make_window()
    before = window.controller.library
    second_release(hq)
    answers["accept"] = False
    menu(window, "Install &Update…").trigger()
    assert answers["review"] and not answers["info"]
    assert window.controller.library is before and installed(hq[3]).version == 1
    assert not list((hq[3] / "library-updates").glob("staging-*"))
    assert "not installed" in window.statusBar().currentMessage()


def test_a_refused_update_is_named_and_nothing_changes(make_window, hq, answers):
    window = make_window()
    second_release(hq)
    edit(hq[2] / "targets" / POINT, NEW, "whatever a forger wants")
    menu(window, "Install &Update…").trigger()
    title, faults = answers["faults"][0]
    assert title == "Library Update Refused" and not answers["review"]
    assert "differs from what the publisher signed" in str(faults[0])
    assert OLD in window.controller.library.points["compulsion-law"].text
    assert "refused" in window.statusBar().currentMessage()


def test_library_status_lists_the_layers(make_window, hq, answers):
    window = make_window()
    menu(window, "&Status").trigger()
    title, text = answers["info"][0]
    assert title == "Library Status"
    assert "built-in: " in text and "update 1: from Test HQ" in text and "notes: First" in text
    assert "local folder: none" in text


def _heading(window, point_id: str) -> str:
    if window.controller.brief.country is None:
        window.controller.choose_country("IT", "tim")
    window.point_editor.show_point(point_id)
    return window.point_editor.heading.text()


def _brief_with(tmp_path, window, text: str | None = None):
    """A brief with the compulsion point, saved from the window (which records its library)."""
    path = tmp_path / "m.brief"
    save_brief(Brief(country="IT", carrier="tim", points=(PointChoice(id="compulsion-law", text=text),)), path)
    assert window.open_path(path)
    window.controller.save(path)
    saved = load_brief(path)
    assert saved.library_version == "update 1"
    assert OLD in saved.points[0].library_text and "TIM" in saved.points[0].library_text
    return path


def _update_to_v2(hq) -> None:
    second_release(hq)
    staged = stage(hq[2], hq[3])
    commit(hq[3], staged.staging, staged.release)


def test_a_brief_opened_with_a_newer_library_flags_the_changed_wording(make_window, hq, tmp_path, qtbot):
    path = _brief_with(tmp_path, make_window())
    _update_to_v2(hq)
    window = make_window()
    assert window.open_path(path)
    rows = [f for f in window.problems.problems() if "wording changed" in f.reason]
    assert len(rows) == 1 and rows[0].warning and "Chinese law obliges" in rows[0].place
    note = window.point_editor.library_change
    window.chosen_list.select("compulsion-law")
    assert note.isVisible()
    assert "The library's wording changed since this brief was made: compare" in note.label.text()
    assert "<u style='color:#1b5e20'>is bound to help</u>" in note.label.text()
    qtbot.mouseClick(note.accept_button, Qt.LeftButton)
    assert not note.isVisible()
    assert not [f for f in window.problems.problems() if "wording changed" in f.reason]
    window.controller.save(path)
    assert NEW in load_brief(path).points[0].library_text


def test_a_reworded_point_whose_original_changed_is_flagged_more_strongly(make_window, hq, tmp_path):
    path = _brief_with(tmp_path, make_window(), text="My own words about the law.")
    _update_to_v2(hq)
    window = make_window()
    assert window.open_path(path)
    rows = [f for f in window.problems.problems() if "you reworded this point" in f.reason]
    assert len(rows) == 1 and not rows[0].warning  # an error, not a warning
    window.chosen_list.select("compulsion-law")
    note = window.point_editor.library_change
    assert note.isVisible() and "You reworded this point" in note.label.text()
    assert note.accept_button.text() == "I Have Checked &My Wording"
    assert window.point_editor.brief_text.toPlainText() == "My own words about the law."


def test_the_point_tab_names_the_local_folder_a_point_came_from(make_window, tmp_path, mini_library):
    own = tmp_path / "own"
    shutil.copytree(mini_library / "points" / "edge-core", own / "points" / "edge-core")
    window = make_window()
    assert "from the built-in library" in _heading(window, "edge-huawei")
    window.loader.config.local_folder = own
    window.loader.reload()
    assert "from your local folder (unsigned)" in _heading(window, "edge-huawei")
    assert "from the built-in library" in _heading(window, "compulsion-law")


def test_a_saved_brief_without_work_changes_country_without_asking(make_window, tmp_path, qtbot):
    """The library wording a save records is not the officer's work: after a save, a brief of
    recommended points alone changes carrier without the keep-your-work question (which would
    fail this test: dialogs are not expected), and the wording is recorded afresh on save."""
    from tests.gui.test_change_country import pick

    window = make_window()
    panel = window.country_panel
    pick(qtbot, panel.country_box, "ital")
    pick(qtbot, panel.carrier_box, "tim")
    path = tmp_path / "saved.brief"
    window.controller.save(path)
    assert all(c.library_text for c in load_brief(path).points)
    pick(qtbot, panel.carrier_box, "wind")
    assert window.controller.brief.carrier == "windtre"
    assert all(c.library_text is None for c in window.controller.brief.points)
    window.controller.save(path)
    assert "WindTre" in next(c.library_text for c in load_brief(path).points if c.id == "compulsion-law")


@pytest.fixture
def new_publisher(tmp_path, hq):
    """Another publisher, whose root the app did not ship with and the post has not trusted:
    new keys, the numbering carried on from the first publisher (as docs/library-updates.md
    says for starting again from new keys), its stick holding update 2."""
    keys, libdir, _repo, _data = hq
    new = tmp_path / "new-keys"
    new_keys(new, "New HQ")
    shutil.copy(keys / "published.json", new / "published.json")
    edit(libdir / POINT, OLD, NEW)
    stick = tmp_path / "new-stick"
    publish(libdir, new, stick, notes="From the new keys")
    return new / "root.json", stick


def test_an_update_from_a_new_publisher_installs_once_its_root_is_checked_and_trusted(
        make_window, hq, answers, new_publisher, monkeypatch):
    root, stick = new_publisher
    asked = []
    monkeypatch.setattr(dialogs, "ask_folder", lambda *args: stick)
    monkeypatch.setattr(dialogs, "ask_root_file", lambda *args: root)
    monkeypatch.setattr(dialogs, "ask_trust_root", lambda parent, title, html: asked.append(html) or True)
    window = make_window()
    menu(window, "Install &Update…").trigger()  # the app's own root does not trust it
    assert answers["faults"] and not answers["review"] and installed(hq[3]).version == 1
    menu(window, "Install Update from a New &Publisher…").trigger()
    digest = hashlib.sha256(root.read_bytes()).hexdigest()
    assert "New HQ" in asked[0] and " ".join(digest[i:i + 4] for i in range(0, 64, 4)) in asked[0]
    assert answers["review"][0][0] == "Install Library Update 2?"
    assert installed(hq[3]).version == 2 and installed(hq[3]).publisher == "New HQ"
    assert NEW in window.controller.library.points["compulsion-law"].text


def test_a_new_publisher_not_trusted_or_not_a_root_changes_nothing(
        make_window, hq, answers, new_publisher, monkeypatch, tmp_path):
    root, _stick = new_publisher
    monkeypatch.setattr(dialogs, "ask_root_file", lambda *args: root)
    monkeypatch.setattr(dialogs, "ask_trust_root", lambda *args: False)
    window = make_window()
    menu(window, "Install Update from a New &Publisher…").trigger()  # declined: no folder asked
    assert not answers["review"] and installed(hq[3]).version == 1
    forged = tmp_path / "root.json"
    forged.write_text(root.read_text().replace('"New HQ"', '"Forged HQ"'))
    monkeypatch.setattr(dialogs, "ask_root_file", lambda *args: forged)
    menu(window, "Install Update from a New &Publisher…").trigger()
    title, faults = answers["faults"][0]
    assert title == "Not a Root of Signing Keys" and "is not a valid TUF root" in str(faults[0])
    assert OLD in window.controller.library.points["compulsion-law"].text
