"""What an update changes (core/library_diff.py) and what a brief remembers of its library
(core/library_changes.py), without the window."""

from __future__ import annotations

from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.brief_file import load_brief, save_brief
from briefing_app.core.library import load_library
from briefing_app.core.library_changes import accept_wording, stamp, wording_changes
from briefing_app.core.library_diff import library_diff

POINT = "points/state-compulsion/compulsion-law.toml"


def edit(path, old, new):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_the_diff_names_points_countries_and_carriers(mini_library, library_copy):
    edit(library_copy / POINT, "must support", "is bound to support")
    edit(library_copy / POINT, 'reviewed = 2026-11-20', 'reviewed = 2026-11-28')
    (library_copy / "points" / "subsidy" / "subsidy-financing.toml").unlink()
    edit(library_copy / "countries" / "it.toml", 'name = "WindTre"', 'name = "Wind Tre"')
    old, new = load_library([mini_library]), load_library([library_copy])
    diff = library_diff(old, new, "IT", "tim")
    assert diff.points_removed == (("subsidy-financing", "Financing for trusted vendors"),)
    (change,) = diff.points_changed
    assert {"reviewed", "text"} <= set(change.fields)
    assert "a supplier to TIM must support" in change.old_text  # rendered for TIM, not a template
    assert "a supplier to TIM is bound to support" in change.new_text
    (italy,) = diff.countries_changed
    assert italy.carriers_changed == (("Wind Tre", ("name",)),) and not italy.fields
    assert diff.summary() == "1 point removed, 1 changed; 1 country changed (1 carrier changed)"
    assert library_diff(old, old).empty


def test_a_brief_records_its_library_and_sees_what_changed_since(mini_library, library_copy, tmp_path):
    brief = Brief(country="IT", carrier="tim", points=(PointChoice(id="compulsion-law"),
                                                       PointChoice(id="edge-huawei", text="Mine.")))
    old = load_library([mini_library])
    saved = stamp(old, brief, "update 1")
    assert saved.library_version == "update 1"
    assert all(c.library_text for c in saved.points)
    save_brief(saved, tmp_path / "b.brief")
    assert load_brief(tmp_path / "b.brief") == saved  # format 2, fields kept
    assert wording_changes(old, saved) == []

    edit(library_copy / POINT, "must support", "is bound to support")
    edit(library_copy / "points" / "edge-core" / "edge-huawei.toml", "text = \"", "text = \"Today, ")
    new = load_library([library_copy])
    changes = {c.point_id: c for c in wording_changes(new, saved)}
    assert set(changes) == {"compulsion-law", "edge-huawei"}
    assert not changes["compulsion-law"].reworded and changes["edge-huawei"].reworded
    assert "is bound to support" in changes["compulsion-law"].now
    assert "must support" in changes["compulsion-law"].was
    accepted = accept_wording(new, saved, "compulsion-law")
    assert [c.point_id for c in wording_changes(new, accepted)] == ["edge-huawei"]
    assert stamp(new, accepted, "update 2").points == accepted.points  # recorded wording stays


def test_an_older_brief_without_a_recorded_wording_is_not_flagged(mini_library, library_copy):
    brief = Brief(country="IT", carrier="tim", points=(PointChoice(id="compulsion-law"),))
    edit(library_copy / POINT, "must support", "is bound to support")
    assert wording_changes(load_library([library_copy]), brief) == []
