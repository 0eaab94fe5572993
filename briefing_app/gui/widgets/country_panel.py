"""Country and carrier pickers, with a short profile of the choice the officer can check.

The boxes always show what the brief holds: typing only offers, Enter (or a click) picks, and
text that names nothing is refused with a message under the boxes (`PickerBox`)."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtWidgets import QFormLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ...core.brief import Brief
from ...core.library import Library, is_stale
from ...core.models import Carrier, Country
from ...core.stance import stance_line
from .. import dialogs
from ..controller import BriefController
from .picker_box import Choice, PickerBox


class CountryPanel(QWidget):
    def __init__(self, controller: BriefController, parent: QWidget | None = None):
        super().__init__(parent)
        self._shown: object = None
        self._controller = controller
        t = self.tr
        self.country_box = PickerBox(t("Country"), (t("country"), t("countries")),
                                     t("Type a country's name or code"))
        self.carrier_box = PickerBox(t("Carrier"), (t("carrier"), t("carriers")), t("Choose a country first"))
        self.message = QLabel(wordWrap=True, accessibleName=t("Country and carrier message"))
        self.message.setStyleSheet("color:#a15c00")
        self.message.hide()
        self.profile = QTextBrowser(accessibleName=t("Country and carrier profile"))
        self.profile.setFrameShape(QTextBrowser.NoFrame)
        self.profile.viewport().setAutoFillBackground(False)
        self.profile.setMinimumHeight(60)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(t("&Country:"), self.country_box)
        form.addRow(t("Ca&rrier:"), self.carrier_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.profile)
        self.country_box.picked.connect(self._on_country_box_picked)
        self.carrier_box.picked.connect(self._on_carrier_box_picked)
        for box in (self.country_box, self.carrier_box):
            box.refused.connect(self._say)
            box.lineEdit().textEdited.connect(lambda _text: self._say(""))
        controller.library_changed.connect(self._on_controller_library_changed)
        controller.brief_changed.connect(self._on_controller_brief_changed)
        self._on_controller_library_changed(controller.library)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_controller_library_changed(self, library: Library) -> None:
        self._shown = None
        self.country_box.set_choices([Choice(c.code, f"{c.name} ({c.code})", (c.code, *c.aliases))
                                      for c in sorted(library.countries.values(), key=lambda c: c.name)])
        self._on_controller_brief_changed(self._controller.brief)

    def _on_controller_brief_changed(self, brief: Brief) -> None:
        library = self._controller.library
        if self._shown == (library, brief.country, brief.carrier):
            return
        self._shown = (library, brief.country, brief.carrier)
        country = library.country(brief.country) if brief.country else None
        missing = self.tr("{0} (not in the library)")
        self.country_box.show_value(brief.country, missing.format(brief.country) if brief.country else "")
        none = Choice(None, self.tr("No carrier (government meeting)"), (self.tr("none"), self.tr("government")))
        self.carrier_box.set_choices([none, *(Choice(c.id, c.name, (c.id, *c.aliases))
                                              for c in (country.carriers if country else []))]
                                     if country else [])
        self.carrier_box.show_value(brief.carrier, missing.format(brief.carrier) if brief.carrier else "")
        self.carrier_box.setEnabled(country is not None)
        carrier = country.carrier(brief.carrier) if country and brief.carrier else None
        self.profile.setHtml(self._profile(country, carrier))

    def _on_country_box_picked(self, code: str | None) -> None:
        self._choose(code, None)

    def _on_carrier_box_picked(self, carrier: str | None) -> None:
        self._choose(self._controller.brief.country, carrier)

    def _choose(self, code: str | None, carrier: str | None) -> None:
        """Change the country or carrier; where that would change the officer's points, ask
        whether to keep their work or take the new recommendations only."""
        self._say("")
        brief = self._controller.brief
        if (code, carrier) == (brief.country, brief.carrier):
            return
        kept, fresh = self._controller.drafts_for(code, carrier)
        answer = "keep"
        if kept.points != fresh.points:
            answer = dialogs.ask_keep_work(self.window(), self._question(kept),
                                           self._keeps(kept), self._fresh(fresh))
        if answer != "cancel":
            self._controller.choose_country(code, carrier, keep_work=answer == "keep")

    def _name(self, brief: Brief) -> str:
        country = self._controller.library.country(brief.country) if brief.country else None
        carrier = country.carrier(brief.carrier) if country and brief.carrier else None
        name = country.name if country else self.tr("no country")
        return f"{name} / {carrier.name}" if carrier else name

    def _question(self, kept: Brief) -> str:
        return self.tr("Change from {0} to {1}? This brief has work of yours in it.").format(
            self._name(self._controller.brief), self._name(kept))

    def _keeps(self, kept: Brief) -> str:
        before = {c.id for c in self._controller.brief.points}
        after = {c.id for c in kept.points}
        return self.tr("keeps your hand-picked points, their order, your wording and notes and "
                       "your custom points; adds {0} recommended for {1} and takes out {2} only "
                       "the old choice recommended.").format(
            self._points(len(after - before)), self._name(kept), self._points(len(before - after)))

    def _fresh(self, fresh: Brief) -> str:
        lost = [c for c in self._controller.brief.points  # the recorded library wording is not work
                if c.model_copy(update={"library_text": None}) not in fresh.points]
        return self.tr("ticks exactly the {0} recommended for {1}; {2} of yours go.").format(
            self._points(sum(1 for c in fresh.points if not fresh.custom(c.id))), self._name(fresh),
            self._points(len(lost)))

    def _points(self, count: int) -> str:
        return self.tr("1 point") if count == 1 else self.tr("{0} points").format(count)

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
