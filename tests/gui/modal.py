"""Answering a real modal question the way an officer does: Enter for the default button, a
click on a named one, or keys of the test's own. It is answered as soon as it is on screen.
And the dialog an export that is refused ends in."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from briefing_app.gui import dialogs


def on_next_dialog(act) -> None:
    """Call `act(dialog)` as soon as the next modal dialog is on screen."""
    def wait():
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not asked yet
            QTimer.singleShot(10, wait)
            return
        act(dialog)
    QTimer.singleShot(0, wait)


def answer_next_question(qtbot, seen: list[str], button: str | None = None, act=None) -> None:
    """When the next modal dialog comes up, note its text (without markup) in `seen` and answer
    it: with `act(dialog)`, a click on `button`, or Enter."""
    def press(box):
        text = box.labelText() if hasattr(box, "labelText") else f"{box.text()}\n{box.informativeText()}"
        seen.append(re.sub(r"<[^>]+>", "", text))
        if act is not None:
            act(box)
        elif button is None:
            qtbot.keyClick(box, Qt.Key_Return)
        else:
            qtbot.mouseClick(next(b for b in box.buttons() if b.text() == button), Qt.LeftButton)
    on_next_dialog(press)


def refused_export(qtbot, window, monkeypatch, variant: str, target) -> tuple[str, list]:
    """Export `variant` to `target` and wait for the dialog that refuses it: its title and faults."""
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    shown = []
    monkeypatch.setattr(dialogs, "show_faults", lambda parent, title, faults: shown.append((title, faults)))
    window.export(variant)
    qtbot.waitUntil(lambda: bool(shown))
    return shown[0]
