"""Answering a real modal question the way an officer does: Enter for the default button, or a
click on a named one. The question is answered as soon as it is on screen."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication


def answer_next_question(qtbot, seen: list[str], button: str | None = None) -> None:
    """When the next message box comes up, note its text (without markup) in `seen` and
    answer it."""
    def press():
        box = QApplication.activeModalWidget()
        if box is None:  # not asked yet
            QTimer.singleShot(10, press)
            return
        seen.append(re.sub(r"<[^>]+>", "", f"{box.text()}\n{box.informativeText()}"))
        if button is None:
            qtbot.keyClick(box, Qt.Key_Return)
        else:
            qtbot.mouseClick(next(b for b in box.buttons() if b.text() == button), Qt.LeftButton)
    QTimer.singleShot(0, press)
