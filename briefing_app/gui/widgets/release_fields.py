"""The US-forces release in the Meeting tab: who cleared US-forces content for a handout, and
when, with a line that says which chosen points wait for it.

A point that speaks of US forces stays off the handout until the brief records a release;
posts keep such material oral or clear it with the Defense Attaché office first. The fields
commit a release only when it says who cleared it; the line below says why points are held.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...core.brief import Brief, UsForcesRelease
from ..controller import BriefController


class ReleaseFields(QWidget):
    def __init__(self, controller: BriefController, parent: QWidget | None = None):
        super().__init__(parent)
        t = self.tr
        self._controller = controller
        self.cleared = QCheckBox(t("Cleared for release"),
                                 accessibleName=t("US-forces content cleared for release"))
        self.by = QLineEdit(accessibleName=t("US-forces release cleared by"),
                            placeholderText=t("Who cleared it, e.g. the Defense Attaché office"))
        self.on = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd",
                            accessibleName=t("US-forces release date"))
        self.status = QLabel(wordWrap=True, textFormat=Qt.PlainText,
                             accessibleName=t("US-forces content on the handout"))
        row = QHBoxLayout()
        for widget, stretch in ((self.cleared, 0), (self.by, 1), (self.on, 0)):
            row.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.cleared.toggled.connect(lambda _on: self._commit())
        self.by.textEdited.connect(lambda _text: self._commit())
        self.on.dateChanged.connect(lambda _date: self._commit())
        controller.brief_changed.connect(self.show_brief)
        self.show_brief(controller.brief)

    def _commit(self) -> None:
        by = self.by.text().strip()
        release = UsForcesRelease(by=by, date=self.on.date().toPython()) \
            if self.cleared.isChecked() and by else None
        self.by.setEnabled(self.cleared.isChecked())
        self.on.setEnabled(self.cleared.isChecked())
        if release != self._controller.brief.us_forces_release:
            self._controller.update_brief(us_forces_release=release)
        else:
            self._show_status(self._controller.brief)

    def show_brief(self, brief: Brief) -> None:
        release = brief.us_forces_release
        for widget in (self.cleared, self.by, self.on):
            widget.blockSignals(True)
        if release is not None:
            self.cleared.setChecked(True)
            if self.by.text().strip() != release.by:
                self.by.setText(release.by)
            self.on.setDate(QDate(release.date))
        elif not self.cleared.isChecked():
            self.on.setDate(QDate(dt.date.today()))
        self.by.setEnabled(self.cleared.isChecked())
        self.on.setEnabled(self.cleared.isChecked())
        for widget in (self.cleared, self.by, self.on):
            widget.blockSignals(False)
        self._show_status(brief)

    def _show_status(self, brief: Brief) -> None:
        library = self._controller.library
        speaking = [f"{n}. {library.points[c.id].title}" for n, c in enumerate(brief.points, start=1)
                    if c.id in library.points and library.points[c.id].releasable
                    and library.points[c.id].us_forces]
        t = self.tr
        if not speaking:
            text = t("No chosen point for the handout speaks of US forces.")
        elif brief.us_forces_release is None:
            missing = t(" Type who cleared it.") if self.cleared.isChecked() else ""
            text = t("Held back from the handout until a release is recorded (who cleared "
                     "US-forces content, and when): {0}.{1}").format("; ".join(speaking), missing)
        else:
            text = t("Cleared by {0} on {1}; on the handout: {2}.").format(
                brief.us_forces_release.by, brief.us_forces_release.date.isoformat(), "; ".join(speaking))
        self.status.setText(text)
