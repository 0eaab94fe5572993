"""The hostile-input corpus, met by the window: a message naming file and fault, the app still
running, the officer's open brief untouched."""

from __future__ import annotations

import pytest

from briefing_app.gui import dialogs

from ..hostile.corpus import BRIEF_CASES, LIBRARY_CASES
from .test_files import a_brief


def listed(window) -> str:
    return "\n".join(str(f) for f in window.problems.problems())


@pytest.mark.parametrize("case", [c for c in LIBRARY_CASES if c.exit_code], ids=lambda c: c.name)
def test_a_broken_library_file_is_listed_and_the_brief_still_previews(case, qtbot, make_window, library_dir,
                                                                       tmp_path):
    target = case.place(library_dir)
    window = make_window(a_brief(tmp_path / "rome.brief"))
    qtbot.waitUntil(lambda: case.words[0] in listed(window), timeout=5000)
    line = next(line for line in listed(window).splitlines() if case.words[0] in line)
    assert target.name in line or target.parent.name in line
    assert window.meeting_form.title.text() == "Rome meeting"
    if target.name != "topics.toml":  # without its topics the library has no points to print
        window.preview.refresh_now()
        assert window.preview.pdf_bytes.startswith(b"%PDF")


@pytest.mark.parametrize("case", BRIEF_CASES, ids=lambda c: c.name)
def test_a_hostile_brief_file_is_named_and_nothing_is_lost(case, qtbot, make_window, tmp_path, monkeypatch):
    window = make_window(a_brief(tmp_path / "rome.brief"))
    hostile = case.place(tmp_path)
    shown = []
    monkeypatch.setattr(dialogs, "show_faults", lambda parent, title, faults: shown.append(faults))
    opened = window.open_path(hostile)
    if shown:  # the file itself is unreadable: a dialog, and the open brief stays
        assert not opened and case.exit_code == 1
        message = "\n".join(str(f) for f in shown[0])
        assert str(hostile) in message and all(words in message for words in case.words)
        assert window.meeting_form.title.text() == "Rome meeting"
        assert window.windowTitle().startswith("rome.brief")
        return
    assert opened  # readable, but it may name what the library lacks: the Problems list says so
    window.preview.refresh_now()
    qtbot.waitUntil(lambda: all(words in listed(window) for words in case.words), timeout=5000)
    if not case.exit_code:
        assert window.preview.pdf_bytes.startswith(b"%PDF")
