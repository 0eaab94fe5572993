"""The window shows where the host and the carrier stand, which stance each point was written
for, and warns when the officer ticks a point written for another stance."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.test_workflow import choose_italy_and_tim


def write_for_trusted_carriers(library_dir):
    path = library_dir / "points/subsidy/subsidy-financing.toml"
    head, sep, tail = path.read_text().partition("\n[[")
    path.write_text(head + '\ncarrier_stances = ["trusted"]' + sep + tail)


def test_the_country_panel_shows_both_stances_in_one_line(qtbot, make_window):
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    first_line = window.country_panel.profile.toPlainText().splitlines()[0]
    assert first_line == ("Stance: Italy has no restriction on high-risk vendors on record · "
                          "TIM has Huawei in service (radio access network)")


def test_ticking_a_point_written_for_another_stance_is_flagged(qtbot, make_window, library_dir):
    write_for_trusted_carriers(library_dir)
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    tree = window.point_tree
    item = tree.item("subsidy-financing")
    assert item.text(2) == "carriers: trusted"
    assert item.checkState(0) == Qt.Unchecked  # not recommended for TIM
    assert item.text(1) == ""
    assert tree.item("compulsion-law").text(2) == "any stance"

    tree.tree.setFocus()
    tree.tree.setCurrentItem(item)
    qtbot.keyClick(tree.tree, Qt.Key_Space)
    assert item.checkState(0) == Qt.Checked
    assert item.text(1) == ("⚠ written for carriers on trusted vendors only; TIM has Huawei in "
                            "service (radio access network)")
    assert "written for carriers on trusted vendors only" in window.point_editor.heading.text()

    qtbot.keyClick(tree.tree, Qt.Key_Space)
    assert item.text(1) == ""


def test_the_meeting_tab_holds_us_forces_points_back_until_a_release_is_recorded(qtbot, make_window):
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    release = window.meeting_form.us_forces_release
    assert "3. Most base traffic rides commercial networks" in release.status.text()
    assert release.status.text().startswith("Held back from the handout until a release is recorded")
    assert not release.by.isEnabled()

    qtbot.mouseClick(release.cleared, Qt.LeftButton)
    assert release.by.isEnabled() and window.controller.brief.us_forces_release is None
    assert release.status.text().endswith("Type who cleared it.")
    release.by.setFocus()
    qtbot.keyClicks(release.by, "Defense Attache office")
    recorded = window.controller.brief.us_forces_release
    assert recorded is not None and recorded.by == "Defense Attache office"
    assert release.status.text().startswith("Cleared by Defense Attache office on ")

    qtbot.mouseClick(release.cleared, Qt.LeftButton)
    assert window.controller.brief.us_forces_release is None
