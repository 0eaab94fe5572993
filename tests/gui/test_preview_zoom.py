"""The preview zooms (Ctrl++ / Ctrl+- / Ctrl+0, Ctrl+wheel, Fit Width) and the next start
keeps the last zoom."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from briefing_app.gui import dialogs
from tests.gui.test_workflow import choose_italy_and_tim


def ctrl_wheel(viewport, up: bool) -> None:
    where = QPointF(viewport.width() / 2, viewport.height() / 2)
    QApplication.sendEvent(viewport, QWheelEvent(
        where, viewport.mapToGlobal(where), QPoint(), QPoint(0, 120 if up else -120), Qt.NoButton,
        Qt.ControlModifier, Qt.NoScrollPhase, False))


def test_zoom_by_keys_wheel_and_fit_width_and_kept_for_the_next_start(qtbot, make_window, monkeypatch):
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    preview = window.preview
    preview.refresh_now()
    zoom, view = preview.zoom, preview.view
    assert zoom.level.text() == "Fit" and zoom.fit_button.isChecked()
    fitted = zoom.factor()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.meeting_form.title.setFocus()  # the keys work from any field
    qtbot.keyClick(window.meeting_form.title, Qt.Key_Plus, Qt.ControlModifier)
    assert view.zoomFactor() > fitted and not zoom.fit_button.isChecked()
    assert zoom.level.text() == f"{view.zoomFactor():.0%}"
    larger = view.zoomFactor()
    qtbot.keyClick(window.meeting_form.title, Qt.Key_Minus, Qt.ControlModifier)
    assert view.zoomFactor() < larger
    qtbot.keyClick(window.meeting_form.title, Qt.Key_0, Qt.ControlModifier)
    assert view.zoomFactor() == 1.0 and zoom.level.text() == "100%"
    ctrl_wheel(view.viewport(), up=True)
    ctrl_wheel(view.viewport(), up=True)
    assert view.zoomFactor() == 1.5
    ctrl_wheel(view.viewport(), up=False)
    assert view.zoomFactor() == 1.25
    qtbot.mouseClick(zoom.fit_button, Qt.LeftButton)
    assert zoom.level.text() == "Fit"
    qtbot.mouseClick(zoom.in_button, Qt.LeftButton)
    qtbot.mouseClick(zoom.in_button, Qt.LeftButton)
    kept = view.zoomFactor()
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: "discard")
    window.close()

    again = make_window()
    assert again.preview.view.zoomFactor() == kept
    assert again.preview.zoom.level.text() == f"{kept:.0%}"


def test_on_a_1366_laptop_the_preview_is_readable_without_zooming_and_the_form_fits(qtbot, make_window):
    """First start on a 1366x768 screen: the page fitted to the preview's width prints its
    10-point body text at least 8 pixels high, and the Meeting tab needs no sideways scrolling."""
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    window._first_panel_widths()
    window.preview.refresh_now()
    qtbot.waitUntil(lambda: window.preview.document.pageCount() > 0)
    text_px = 10 * window.preview.zoom.factor() * window.logicalDpiX() / 72
    assert text_px >= 8, f"body text {text_px:.1f} px high"
    assert not window.meeting_form.horizontalScrollBar().isVisible()
