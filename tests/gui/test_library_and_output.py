"""A broken library never stops the app; preview, print, settings, help and background work."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QThread
from PySide6.QtPrintSupport import QPrinter

from briefing_app.gui import dialogs
from briefing_app.gui.settings import AppSettings
from briefing_app.gui.tasks import ThreadRunner


def test_a_broken_library_file_is_listed_and_the_rest_works(qtbot, make_window, library_dir):
    (library_dir / "points" / "edge-core" / "edge-huawei.toml").write_text('id = "edge-huawei"\ntitle = [')
    (library_dir / "countries" / "nz.toml").write_text('code = "NZ"\nname = 5\n')
    window = make_window()
    qtbot.waitUntil(lambda: len(window.problems.problems()) >= 2)
    problems = {(f.file, f.reason.split(":")[0]) for f in window.problems.problems()}
    assert ("library/points/edge-core/edge-huawei.toml", "TOML syntax error") in problems
    assert any(file == "library/countries/nz.toml" for file, _ in problems)
    assert "error" in window.problems_dock.windowTitle()
    assert window.problems.topLevelItemCount() >= 2
    window.controller.choose_country("IT", "tim")
    assert window.point_tree.item("edge-huawei") is None
    assert window.point_tree.item("compulsion-law").checkState(0) == Qt.Checked
    window.preview.refresh_now()
    assert window.preview.stack.currentWidget() is window.preview.view
    assert window.preview.document.pageCount() >= 1


def test_unchecked_sources_and_passed_deadlines_are_listed_as_warnings(qtbot, make_window,
                                                                       library_dir):
    point = library_dir / "points" / "subsidy" / "subsidy-financing.toml"
    point.write_text(point.read_text().replace("checked = 2026-11-20\n", ""))
    country = library_dir / "countries" / "it.toml"
    country.write_text(country.read_text().replace('service = "US Air Force"\n',
                                                   'service = "US Air Force"\ndeadline = 2026-11-25\n'))
    window = make_window()
    qtbot.waitUntil(lambda: len([f for f in window.problems.problems() if f.warning]) >= 3)
    rows = {(window.problems.topLevelItem(i).text(0), window.problems.topLevelItem(i).text(1))
            for i in range(window.problems.topLevelItemCount())}
    assert ("library/points/subsidy/subsidy-financing.toml", "field 'sources #1.checked'") in rows
    assert ("library/countries/it.toml", "field 'us_forces #1.deadline'") in rows
    assert "0 errors" in window.problems_dock.windowTitle()


def test_the_country_panel_says_why_no_vendor_is_on_record(qtbot, make_window, library_dir):
    nz = library_dir / "countries" / "nz.toml"
    unknown = 'vendors_unknown = "Test: nothing public on its radio network."\n'
    nz.write_text(nz.read_text().replace('name = "One NZ"\n' + unknown, 'name = "One NZ"\n'))
    window = make_window()
    window.controller.choose_country("NZ", "spark")
    profile = window.country_panel.profile.toPlainText()
    assert "Spark vendors on record: none on public record: Test: nothing public" in profile
    window.controller.choose_country("NZ", "one-nz")
    profile = window.country_panel.profile.toPlainText()
    assert "One NZ vendors on record: not recorded in the library (verify locally)" in profile


def test_reload_picks_up_a_fixed_library(qtbot, make_window, library_dir):
    broken = library_dir / "points" / "subsidy" / "subsidy-financing.toml"
    good = broken.read_text()
    broken.write_text("not toml at all [")
    window = make_window()
    assert window.point_tree.item("subsidy-financing") is None
    broken.write_text(good)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key_F5)
    assert window.point_tree.item("subsidy-financing") is not None
    assert not [f for f in window.problems.problems() if not f.warning]


def test_preview_shows_officer_brief_or_handout(qtbot, make_window):
    window = make_window()
    window.controller.choose_country("IT", "tim")
    qtbot.waitUntil(lambda: window.preview.stack.currentWidget() is window.preview.view, timeout=5000)
    officer = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(window.preview.pdf_bytes)).pages)
    assert "BACKGROUND-EDGE" in officer
    window.preview.handout.click()
    handout = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(window.preview.pdf_bytes)).pages)
    assert "Chinese law obliges" in handout and "BACKGROUND" not in handout
    assert "page" in window.preview.status.text()


def test_print_sends_every_page_to_the_printer(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    window.controller.choose_country("IT", "tim")
    printer = QPrinter(QPrinter.ScreenResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    monkeypatch.setattr(dialogs, "ask_printer", lambda parent, title, line: printer)
    window.print_brief()
    printed = PdfReader(tmp_path / "printed.pdf")
    window.preview.refresh_now()
    assert len(printed.pages) == window.preview.document.pageCount()


def test_settings_persist_between_runs(qtbot, make_window, tmp_path, monkeypatch, settings_file):
    window = make_window()
    qtbot.keyClicks(window.meeting_form.drafted_by, "A. Drafter")
    window.meeting_form.paper.setCurrentIndex(1)
    window.meeting_form.paper.activated.emit(1)
    target = tmp_path / "one.brief"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    assert window.save()
    window.resize(700, 500)  # the offscreen screen is 800x600
    window.splitter.setSizes([100, 200, 300])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window()
    assert again.size().width() == 700
    assert again.splitter.sizes() == sizes
    assert again.controller.brief.drafted_by == "A. Drafter"
    assert again.meeting_form.paper.currentText() == "US Letter"
    assert [a.text() for a in again.recent_menu.actions()] == ["one.brief"]
    assert AppSettings(QSettings(str(settings_file), QSettings.IniFormat)).recent_files == [target.resolve()]


def test_undo_covers_meeting_and_counterparts(qtbot, make_window):
    window = make_window()
    form = window.meeting_form
    qtbot.keyClicks(form.title, "Ministry")
    form.add_counterpart.click()
    form.counterparts.item(0, 0).setText("Dr Rossi")
    assert window.controller.brief.meeting.counterparts[0].name == "Dr Rossi"
    stack = window.controller.undo_stack
    stack.undo()
    assert form.counterparts.item(0, 0).text() == ""
    stack.undo()
    assert form.counterparts.rowCount() == 0
    stack.undo()
    assert form.title.text() == ""
    assert not window.isWindowModified()
    stack.redo()
    assert form.title.text() == "Ministry"


def test_help_shows_the_offline_guide_and_about(qtbot, make_window, monkeypatch):
    window = make_window()
    window.show_user_guide()
    assert "Briefing Builder" in window.guide.browser.toPlainText()
    assert "Export" in window.guide.browser.toPlainText()
    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    window.show_about()
    assert "4 points, 2 countries" in shown[0]
    assert "2020-01-01" in shown[0]


def test_thread_runner_hands_results_back_on_the_ui_thread(qtbot):
    runner = ThreadRunner()
    results = []
    ui_thread = QThread.currentThread()
    runner.run(lambda: QThread.currentThread() is not ui_thread,
               lambda off_thread: results.append((off_thread, QThread.currentThread() is ui_thread)),
               results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=8000)
    assert results == [(True, True)]
    failures = []
    runner.run(lambda: 1 / 0, results.append, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=8000)
    assert isinstance(failures[0], ZeroDivisionError)


def test_page_budget_overruns_are_listed_as_warnings(qtbot, make_window):
    window = make_window()
    window.controller.choose_country("IT", "tim")
    window.tabs.setCurrentWidget(window.meeting_form)
    objectives = window.meeting_form.objectives
    for text in ("One", "Two", "Three", "Four"):
        qtbot.mouseClick(objectives.add_button, Qt.LeftButton)
        qtbot.keyClicks(objectives.texts[-1], text)
    window.preview.refresh_now()
    warnings = [f for f in window.problems.problems() if f.warning]
    assert any("4 objectives" in f.reason for f in warnings)
    assert window.problems_dock.isVisible()
    qtbot.waitUntil(lambda: "0 errors, 2 warnings" in window.problems_dock.windowTitle())  # + stale point


def test_an_unwritable_export_is_named_in_a_dialog(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    window.controller.choose_country("IT", "tim")
    target = tmp_path / "missing-folder" / "brief.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    shown = []
    monkeypatch.setattr(dialogs, "show_faults", lambda parent, title, faults: shown.append((title, faults)))
    window.export("officer")
    assert shown[0][0] == "Cannot export"
    assert str(target) in str(shown[0][1][0]) and "does not exist" in str(shown[0][1][0])


def test_a_reload_that_fails_is_named_and_the_library_in_use_stays(qtbot, make_window, library_dir, monkeypatch):
    from briefing_app.gui import library_loader

    window = make_window()
    before = window.controller.library
    shown = []
    monkeypatch.setattr(dialogs, "show_faults", lambda parent, title, faults: shown.append((title, faults)))

    def unreadable(folders, cache):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(library_loader, "_load_and_check", unreadable)
    window.loader.reload()
    title, faults = shown[0]
    assert title == "Cannot reload the library"
    assert str(library_dir) in str(faults[0]) and "Permission denied" in str(faults[0])
    assert window.controller.library is before


def test_printing_a_leaking_handout_is_refused(qtbot, make_window, tmp_path, monkeypatch):
    """Print goes the way Export goes: a releasable point with the drafter's name in it is
    refused, and nothing reaches the printer."""
    window = make_window()
    window.controller.choose_country("IT", "tim")
    qtbot.keyClicks(window.meeting_form.drafted_by, "Anna Qzdrafter")
    point_id = window.controller.add_custom("Our view")
    window.controller.update_custom(point_id, text="As Anna Qzdrafter said, we agree.",
                                    releasable=True)
    window.preview.handout.click()
    assert "the drafter's name 'Anna Qzdrafter', in the wording of point" in window.preview.message.text()
    printer = QPrinter(QPrinter.ScreenResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    monkeypatch.setattr(dialogs, "ask_printer", lambda parent, title, line: printer)
    shown = []
    monkeypatch.setattr(dialogs, "show_faults", lambda parent, title, faults: shown.append((title, faults)))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key_P, Qt.ControlModifier)
    assert [title for title, _ in shown] == ["Cannot print"]
    assert "handout refused: it contains the drafter's name 'Anna Qzdrafter'" in str(shown[0][1][0])
    assert not (tmp_path / "printed.pdf").exists()


def test_export_for_clearance_writes_word_and_remembers_its_folder(qtbot, make_window, tmp_path,
                                                                   monkeypatch):
    import docx

    window = make_window()
    window.controller.choose_country("IT", "tim")
    folder = tmp_path / "clearance"
    folder.mkdir()
    asked = []

    def ask(parent, title, suggestion, fmt=None):
        asked.append((title, suggestion, fmt))
        return folder / "rome.docx"

    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "Export for &Clearance (Word)…")
    action.trigger()
    word = docx.Document(str(folder / "rome.docx"))
    # no date, post or counterparts yet: no header block repeating the title, the title first
    assert [p.style.name for p in word.paragraphs[:2]] == ["Title", "Subtitle"]
    assert "Talking points" in [p.text for p in word.paragraphs]
    assert "<w:trackRevisions/>" in word.settings.element.xml
    action.trigger()
    assert [(title, fmt) for title, _, fmt in asked] == [("Export for Clearance (Word)", "docx")] * 2
    assert asked[0][1].endswith("-officer.docx") and not asked[0][1].startswith(str(folder))
    assert asked[1][1].startswith(str(folder))  # the folder it was last saved to
