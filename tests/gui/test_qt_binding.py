"""The Qt binding and interpreter pair must survive a long editing session.

PySide6 6.12.0 drops a reference to None on every call of a method that returns nothing. On
Python 3.11, where None is an ordinary object, the app then aborts after a few thousand edits
("deallocating None"); from Python 3.12 None is immortal and the fault is harmless. This test
fails on a pairing that would crash an officer's session.
"""

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_leave_none_alone(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 10
