"""The Country and Carrier boxes never show one thing while the brief holds another: a real
placeholder, Enter picks, text naming nothing is refused in place, any word of a name or of
its other names finds it, and a reload keeps the brief's country on show."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefing_app.gui.widgets.picker_box import Choice, words_of

IRELAND = '''code = "IE"
name = "Ireland"
aliases = ["Republic of Ireland"]
reviewed = 2026-11-20

[[carriers]]
id = "eir"
name = "eir"
vendors_unknown = "Test."

[[sources]]
title = "Test source"
publisher = "Test"
date = 2019-01-01
checked = 2026-11-20
'''


def other_names(library_dir):
    """Italy and TIM with the other names an officer may type, and a second country in I."""
    path = library_dir / "countries" / "it.toml"
    text = path.read_text().replace('name = "Italy"\n', 'name = "Italy"\naliases = ["Italian Republic"]\n')
    path.write_text(text.replace('name = "TIM"\n', 'name = "TIM"\naliases = ["Telecom Italia"]\n'))
    (library_dir / "countries" / "ie.toml").write_text(IRELAND)


def type_into(qtbot, box, text):
    box.window().activateWindow()
    qtbot.waitUntil(box.window().isActiveWindow)
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


def test_the_placeholder_is_not_text_and_enter_picks_the_only_match(qtbot, make_window):
    window = make_window()
    box = window.country_panel.country_box
    assert box.currentText() == "" and box.lineEdit().placeholderText() == "Type a country's name or code"
    box.setFocus()
    qtbot.keyClicks(box.lineEdit(), "zea")  # any word of the name
    assert box.lineEdit().text() == "zea"
    assert box.offers() == ["New Zealand (NZ)"]
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)
    assert window.controller.brief.country == "NZ"
    assert box.currentText() == "New Zealand (NZ)"
    carrier = window.country_panel.carrier_box
    assert carrier.isEnabled() and carrier.currentText() == "No carrier (government meeting)"


def test_enter_picks_the_highlighted_match_or_asks_for_more(qtbot, make_window, library_dir):
    other_names(library_dir)
    window = make_window()
    box, panel = window.country_panel.country_box, window.country_panel
    type_into(qtbot, box, "i")
    popup = box.lineEdit().completer().popup()
    assert box.offers() == ["Ireland (IE)", "Italy (IT)"]
    assert popup.currentIndex().row() == 0  # the first name starting with what was typed
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)
    assert window.controller.brief.country == "IE"

    type_into(qtbot, box, "republic")  # two matches, no name starts so: none highlighted
    assert popup.currentIndex().row() == -1
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)
    assert window.controller.brief.country == "IE" and box.currentText() == "Ireland (IE)"
    assert panel.message.isVisible()
    assert panel.message.text() == "2 countries match “republic”: type more, or pick one from the list."
    type_into(qtbot, box, "republic")
    assert box.offers() == ["Ireland (IE) — Republic of Ireland", "Italy (IT) — Italian Republic"]
    qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Return)
    assert window.controller.brief.country == "IT"
    assert box.currentText() == "Italy (IT)"
    assert not panel.message.isVisible()


def test_text_that_names_nothing_is_refused_in_place(qtbot, make_window):
    window = make_window()
    panel = window.country_panel
    type_into(qtbot, panel.country_box, "ital")
    qtbot.keyClick(panel.country_box.lineEdit(), Qt.Key_Return)
    type_into(qtbot, panel.country_box, "Atlantis")
    assert panel.country_box.offers() == []
    qtbot.keyClick(panel.country_box.lineEdit(), Qt.Key_Return)
    assert panel.country_box.currentText() == "Italy (IT)"
    assert window.controller.brief.country == "IT"
    assert panel.message.text() == "No country matches “Atlantis”; the brief keeps Italy (IT)."
    type_into(qtbot, panel.country_box, "New Zea")  # typed, then left with Tab, not Enter
    qtbot.keyClick(panel.country_box.lineEdit().completer().popup(), Qt.Key_Tab)
    assert not panel.country_box.hasFocus()
    assert panel.country_box.currentText() == "Italy (IT)"
    assert "was not chosen (press Enter to choose)" in panel.message.text()
    assert window.controller.brief.country == "IT"


def test_other_names_find_the_country_and_the_carrier(qtbot, make_window, library_dir):
    other_names(library_dir)
    window = make_window()
    panel = window.country_panel
    type_into(qtbot, panel.country_box, "italian rep")
    assert panel.country_box.offers() == ["Italy (IT) — Italian Republic"]
    qtbot.keyClick(panel.country_box.lineEdit(), Qt.Key_Return)
    assert window.controller.brief.country == "IT"
    type_into(qtbot, panel.carrier_box, "telecom")
    assert panel.carrier_box.offers() == ["TIM — Telecom Italia"]
    qtbot.keyClick(panel.carrier_box.lineEdit(), Qt.Key_Return)
    assert window.controller.brief.carrier == "tim"
    assert panel.carrier_box.currentText() == "TIM"
    type_into(qtbot, panel.carrier_box, "WINDT")  # case does not matter
    qtbot.keyClick(panel.carrier_box.lineEdit(), Qt.Key_Return)
    assert window.controller.brief.carrier == "windtre"


def test_accents_and_case_do_not_matter():
    telefonica = Choice("telefonica-de", "Telefónica Germany", ("O2",))
    assert telefonica.match(words_of("TELEFONICA ger")) == ""
    assert telefonica.match(words_of("o2")) == "O2"
    assert Choice("tef", "Telefonica").match(words_of("Telefó")) == ""


def test_reload_keeps_the_box_on_the_briefs_country(qtbot, make_window):
    window = make_window()
    panel = window.country_panel
    type_into(qtbot, panel.country_box, "ital")
    qtbot.keyClick(panel.country_box.lineEdit(), Qt.Key_Return)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key_F5)
    assert panel.country_box.currentText() == "Italy (IT)"
    assert panel.carrier_box.currentText() == "No carrier (government meeting)"
    assert window.controller.brief.country == "IT"
