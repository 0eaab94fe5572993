"""Country and carrier pickers, with a short profile of the choice the officer can check."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QTextBrowser, QVBoxLayout, QWidget

from ...core.brief import Brief
from ...core.check import is_stale
from ...core.library import Library
from ...core.models import Carrier, Country
from ...core.stance import stance_line
from ..controller import BriefController


class CountryPanel(QWidget):
    def __init__(self, controller: BriefController, parent: QWidget | None = None):
        super().__init__(parent)
        self._shown: object = None
        self._controller = controller
        self.country_box = QComboBox(editable=True, accessibleName=self.tr("Country"))
        self.country_box.setInsertPolicy(QComboBox.NoInsert)
        self.country_box.lineEdit().setPlaceholderText(self.tr("Type a country name or code"))
        self.carrier_box = QComboBox(accessibleName=self.tr("Carrier"))
        self.profile = QTextBrowser(accessibleName=self.tr("Country and carrier profile"))
        self.profile.setFrameShape(QTextBrowser.NoFrame)
        self.profile.viewport().setAutoFillBackground(False)
        self.profile.setMinimumHeight(60)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Country:"), self.country_box)
        form.addRow(self.tr("C&arrier:"), self.carrier_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.profile)
        self.country_box.activated.connect(self._on_country_box_activated)
        self.carrier_box.activated.connect(self._on_carrier_box_activated)
        controller.library_changed.connect(self._on_controller_library_changed)
        controller.brief_changed.connect(self._on_controller_brief_changed)
        self._on_controller_library_changed(controller.library)

    def _on_controller_library_changed(self, library: Library) -> None:
        self.country_box.blockSignals(True)
        self.country_box.clear()
        self.country_box.addItem(self.tr("Choose a country…"), None)
        for country in sorted(library.countries.values(), key=lambda c: c.name):
            self.country_box.addItem(f"{country.name} ({country.code})", country.code)
        completer = QCompleter(self.country_box.model(), self.country_box)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        self.country_box.setCompleter(completer)
        self.country_box.blockSignals(False)
        self._on_controller_brief_changed(self._controller.brief)

    def _on_controller_brief_changed(self, brief: Brief) -> None:
        library = self._controller.library
        if self._shown == (library, brief.country, brief.carrier):
            return
        self._shown = (library, brief.country, brief.carrier)
        country = library.country(brief.country) if brief.country else None
        self.country_box.blockSignals(True)
        self.country_box.setCurrentIndex(max(0, self.country_box.findData(brief.country)))
        self.country_box.blockSignals(False)
        self.carrier_box.blockSignals(True)
        self.carrier_box.clear()
        self.carrier_box.addItem(self.tr("No carrier (government meeting)"), None)
        for carrier in country.carriers if country else []:
            self.carrier_box.addItem(carrier.name, carrier.id)
        self.carrier_box.setCurrentIndex(max(0, self.carrier_box.findData(brief.carrier)))
        self.carrier_box.setEnabled(country is not None)
        self.carrier_box.blockSignals(False)
        carrier = country.carrier(brief.carrier) if country and brief.carrier else None
        self.profile.setHtml(self._profile(country, carrier))

    def _on_country_box_activated(self, index: int) -> None:
        code = self.country_box.itemData(index)
        if code != self._controller.brief.country:
            self._controller.choose_country(code)

    def _on_carrier_box_activated(self, index: int) -> None:
        carrier = self.carrier_box.itemData(index)
        if carrier != self._controller.brief.carrier:
            self._controller.choose_country(self._controller.brief.country, carrier)

    def _profile(self, country: Country | None, carrier: Carrier | None) -> str:
        if country is None:
            return self.tr("<i>Choose the host country, then the carrier you are meeting.</i>")
        forces = ", ".join(f"{escape(f.name)} – {escape(f.service)}" for f in country.us_forces)
        lines = [self.tr("<b>Stance:</b> {0}").format(escape(stance_line(country, carrier))),
                 self.tr("<b>US forces:</b> {0}").format(forces or self.tr("none on record"))]
        if carrier is not None:
            vendors = "; ".join(f"{escape(v.vendor)} – {escape(v.phrase)} ({v.source.date.year})"
                                for v in carrier.vendors)
            none = self.tr("none on public record: {0}").format(escape(carrier.vendors_unknown)) \
                if carrier.vendors_unknown else self.tr("not recorded in the library (verify locally)")
            lines.append(self.tr("<b>{0} vendors on record:</b> {1}").format(
                escape(carrier.name), vendors or none))
        for note in sorted(country.policy, key=lambda n: n.date, reverse=True)[:2]:
            lines.append(f"<b>{note.date.isoformat()}:</b> {escape(note.note)}")
        stale = is_stale(country.reviewed, dt.date.today())
        review = self.tr("<b>Reviewed:</b> {0}").format(country.reviewed.isoformat())
        lines.append(f"<span style='color:#b00'>{review} ⚠ stale</span>" if stale else review)
        return "<br>".join(lines)
