"""Answering a real modal question the way an officer does: Enter for the default button, a
click on a named one, or keys of the test's own. It is answered as soon as it is on screen."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication


def answer_next_question(qtbot, seen: list[str], button: str | None = None, act=None) -> None:
    """When the next modal dialog comes up, note its text (without markup) in `seen` and answer
    it: with `act(dialog)`, a click on `button`, or Enter."""
    def press():
        box = QApplication.activeModalWidget()
        if box is None:  # not asked yet
            QTimer.singleShot(10, press)
            return
        text = box.labelText() if hasattr(box, "labelText") else f"{box.text()}\n{box.informativeText()}"
        seen.append(re.sub(r"<[^>]+>", "", text))
        if act is not None:
            act(box)
        elif button is None:
            qtbot.keyClick(box, Qt.Key_Return)
        else:
            qtbot.mouseClick(next(b for b in box.buttons() if b.text() == button), Qt.LeftButton)
    QTimer.singleShot(0, press)
