"""Print names what it prints, keeps the PDF's text, says when it is done, prints the meeting
pack with a copies count for each document; what an export wrote opens from the status bar."""

from __future__ import annotations

import os
import stat

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox

from briefing_app.gui import dialogs
from tests.gui.modal import on_next_dialog
from tests.gui.test_window_details import trigger
from tests.gui.test_workflow import choose_italy_and_tim, pdf_text

REAL_ASK_PRINTER, REAL_ASK_MEETING_PACK = dialogs.ask_printer, dialogs.ask_meeting_pack  # before conftest stubs them

FAKE_LP = """#!/bin/sh
n=$(ls "{jobs}" | grep -c pdf)
printf '%s\\n' "$@" > "{jobs}/job$n.args"
cat > "{jobs}/job$n.pdf"
"""


@pytest.fixture
def spooler(tmp_path, monkeypatch):
    """A print spooler (`lp`) that keeps each job it is handed: its options and its PDF."""
    folder, jobs = tmp_path / "bin", tmp_path / "jobs"
    folder.mkdir()
    jobs.mkdir()
    lp = folder / "lp"
    lp.write_text(FAKE_LP.format(jobs=jobs))
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}:{os.environ['PATH']}")

    def received():
        return [((jobs / f"job{i}.args").read_text().splitlines(), (jobs / f"job{i}.pdf").read_bytes())
                for i in range(len(list(jobs.glob("*.pdf"))))]
    return received


def printer_asked(monkeypatch, printer, asked):
    monkeypatch.setattr(dialogs, "ask_printer", lambda parent, title, line: asked.append((title, line)) or printer)


def saved_brief_window(qtbot, make_window, tmp_path):
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    window.save_to(tmp_path / "rome.brief")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_print_to_pdf_keeps_the_text_and_names_the_document(qtbot, make_window, tmp_path, monkeypatch):
    window = saved_brief_window(qtbot, make_window, tmp_path)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    asked = []
    printer_asked(monkeypatch, printer, asked)
    qtbot.keyClick(window, Qt.Key_P, Qt.ControlModifier)
    assert asked == [("Print the officer brief — rome.brief",
                      "Printing the officer brief of rome.brief, as the preview shows it.")]
    data = (tmp_path / "printed.pdf").read_bytes()
    assert "Meeting with TIM" in pdf_text(data)  # text, not page images
    assert len(data) < 300_000
    message = window.statusBar().currentMessage()
    assert message.startswith("Printed officer brief (1 copy, ") and str(tmp_path / "printed.pdf") in message


def test_a_printer_gets_the_pdf_itself_through_the_spooler(qtbot, make_window, tmp_path, monkeypatch, spooler):
    window = saved_brief_window(qtbot, make_window, tmp_path)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setCopyCount(2)
    printer_asked(monkeypatch, printer, [])
    qtbot.keyClick(window, Qt.Key_2, Qt.ControlModifier)  # the handout on show
    qtbot.keyClick(window, Qt.Key_P, Qt.ControlModifier)
    [(args, data)] = spooler()
    assert args[:2] == ["-n", "2"] and "rome.brief: handout" in args
    assert "Officer brief" not in pdf_text(data) and pdf_text(data).strip()
    assert window.statusBar().currentMessage().startswith("Printed handout (2 copies, ")


def test_the_meeting_pack_prints_each_document_with_its_own_copies(qtbot, make_window, tmp_path, monkeypatch,
                                                                   spooler):
    window = saved_brief_window(qtbot, make_window, tmp_path)
    for _ in range(3):
        qtbot.mouseClick(window.meeting_form.add_counterpart, Qt.LeftButton)
    suggested = []

    def answer(parent, name, handouts):
        suggested.append((name, handouts))
        return "print", 1, 4
    monkeypatch.setattr(dialogs, "ask_meeting_pack", answer)
    asked = []
    printer_asked(monkeypatch, QPrinter(QPrinter.HighResolution), asked)
    qtbot.keyClick(window, Qt.Key_P, Qt.ControlModifier | Qt.ShiftModifier)
    assert suggested == [("rome.brief", 3)]  # a handout for each counterpart
    assert asked[0][0] == "Print the Meeting Pack — rome.brief"
    assert "1 copy of the officer brief and 4 copies of the handout" in asked[0][1]
    jobs = spooler()
    assert [args[:2] for args, _ in jobs] == [["-n", "4"], ["-n", "1"]]
    handout, officer = (pdf_text(data) for _, data in jobs)
    assert "Officer brief" in officer and "Officer brief" not in handout


def test_the_meeting_pack_dialog_counts_copies_for_each_document(qtbot, make_window):
    window = make_window()
    answers = []

    def fill(dialog):
        answers.append(dialog.windowTitle())
        answers.append([s.value() for s in dialog.findChildren(QSpinBox)])
        answers.append(any("Both documents of Untitled" in label.text() for label in dialog.findChildren(QLabel)))
        handout = next(s for s in dialog.findChildren(QSpinBox) if s.accessibleName() == "Handout copies")
        handout.setFocus()
        handout.selectAll()
        qtbot.keyClicks(handout, "5")
        export = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Export to Folder…")
        qtbot.mouseClick(export, Qt.LeftButton)
    on_next_dialog(fill)
    assert REAL_ASK_MEETING_PACK(window, "Untitled", 0) == ("export", 1, 5)
    assert answers == ["Meeting Pack — Untitled", [1, 1], True]


def test_the_meeting_pack_exports_both_and_the_status_bar_opens_them(qtbot, make_window, tmp_path, monkeypatch):
    window = saved_brief_window(qtbot, make_window, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(dialogs, "ask_meeting_pack", lambda parent, name, handouts: ("export", 1, 1))
    monkeypatch.setattr(dialogs, "ask_folder", lambda parent, title, folder: out)
    trigger(window, "Print &Meeting Pack…")
    written = [out / "rome-officer.pdf", out / "rome-handout.pdf"]
    assert all(PdfReader(path).pages for path in written)
    bar = window.exported_bar
    assert bar.isVisible() and bar.label.text() == "Exported rome-officer.pdf, rome-handout.pdf"
    opened = []
    monkeypatch.setattr(dialogs, "show_folder", lambda path: opened.append(path) or True)
    qtbot.mouseClick(bar.open_button, Qt.LeftButton)
    assert opened == written
    qtbot.mouseClick(bar.folder_button, Qt.LeftButton)
    assert opened[-1] == out


def test_after_an_export_open_last_export_opens_it_or_names_it(qtbot, make_window, tmp_path, monkeypatch):
    window = saved_brief_window(qtbot, make_window, tmp_path)
    action = next(a for a in window.findChildren(QAction) if a.text() == "Open &Last Export")
    assert not action.isEnabled() and not window.exported_bar.isVisible()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: tmp_path / "rome-handout.pdf")
    qtbot.keyClick(window, Qt.Key_E, Qt.ControlModifier | Qt.ShiftModifier)
    assert (tmp_path / "rome-handout.pdf").is_file() and action.isEnabled()
    shown = []
    monkeypatch.setattr(dialogs, "show_folder", lambda path: False)  # no viewer on this desktop
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    action.trigger()
    assert str(tmp_path / "rome-handout.pdf") in shown[0]


def test_the_print_dialog_names_the_document(qtbot, make_window):
    window = make_window()
    seen = []

    def look(dialog):
        seen.append((dialog.windowTitle(), [label.text() for label in dialog.findChildren(QLabel)]))
        dialog.reject()
    on_next_dialog(look)
    assert REAL_ASK_PRINTER(window, "Print the handout — rome.brief", "Printing the handout of rome.brief.") is None
    title, labels = seen[0]
    assert title == "Print the handout — rome.brief" and "Printing the handout of rome.brief." in labels
