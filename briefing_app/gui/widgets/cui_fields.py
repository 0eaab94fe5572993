"""The document's marking: scheme, US regime (CUI or legacy SBU), UK descriptor, the overall
marking, and the CUI designation indicator, shown by the same rule the document prints it by
(`core.markings.cui_applies`): a US brief under CUI whose overall marking is CUI."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.brief import Brief, ControlledBy
from ...core.cui_designation import CONTROL_NAMES, CONTROLS
from ...core.markings import REGIME_NAMES, SCHEMES, UK_DESCRIPTORS, cui_applies, level_of, remarked
from ..controller import BriefController

REL_TO = "REL TO USA, "


def _items(text: str) -> tuple[str, ...]:
    return tuple(i.strip() for i in text.replace(",", "/").split("/") if i.strip())


class CuiFields(QWidget):
    def __init__(self, controller: BriefController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        t = self.tr
        self.scheme = QComboBox(accessibleName=t("Marking scheme"))
        for scheme in SCHEMES.values():
            self.scheme.addItem(scheme.name, scheme.id)
        self.regime = QComboBox(accessibleName=t("Regime"))
        for regime, name in REGIME_NAMES.items():
            self.regime.addItem(name, regime)
        self.descriptor = QComboBox(accessibleName=t("Descriptor"))
        self.descriptor.addItem(t("None"), "")
        for descriptor in UK_DESCRIPTORS:
            self.descriptor.addItem(descriptor, descriptor)
        self.marking = QComboBox(accessibleName=t("Overall marking"))
        self.agency = QLineEdit(accessibleName=t("Controlled by: agency"),
                                placeholderText=t("e.g. Department of State"))
        self.office = QLineEdit(accessibleName=t("Controlled by: office"),
                                placeholderText=t("e.g. Embassy Rome, Economic Section"))
        self.categories = QLineEdit(accessibleName=t("CUI categories"),
                                    placeholderText=t("e.g. SP-PRVCY, PROPIN (SP- for specified)"))
        self.controls = {c: QCheckBox(c, toolTip=CONTROL_NAMES[c]) for c in CONTROLS if c != "REL TO"}
        self.rel_to = QLineEdit(accessibleName=t("Release to (country codes)"),
                                placeholderText=t("other country codes, e.g. GBR, CAN"))
        self.poc = QLineEdit(accessibleName=t("POC"), placeholderText=t("Name, phone or e-mail"))
        self._build()
        self._connect()
        controller.brief_changed.connect(self._on_controller_brief_changed)
        controller.library_changed.connect(lambda _lib: self._on_controller_brief_changed(controller.brief))
        self._on_controller_brief_changed(controller.brief)

    def _build(self) -> None:
        t = self.tr
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.form.setContentsMargins(0, 0, 0, 0)
        for label, field in ((t("Marking scheme:"), self.scheme), (t("Re&gime:"), self.regime),
                             (t("Descriptor:"), self.descriptor), (t("Overall mar&king:"), self.marking)):
            self.form.addRow(label, field)
        self.designation = QGroupBox(t("CUI designation indicator (first page)"))
        controls = QGridLayout()
        for index, box in enumerate(self.controls.values()):
            controls.addWidget(box, index // 3, index % 3)
        lines = QFormLayout(self.designation)
        for label, field in ((t("Controlled by (agency):"), self.agency),
                             (t("Controlled by (office):"), self.office),
                             (t("CUI category:"), self.categories),
                             (t("Limited dissemination control:"), controls),
                             (t("REL TO USA,"), self.rel_to), (t("POC:"), self.poc)):
            lines.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.designation)

    def _connect(self) -> None:
        c = self._controller
        self.scheme.activated.connect(lambda i: c.update_brief(scheme=self.scheme.itemData(i), marking=None,
                                                               descriptor=""))
        self.regime.activated.connect(lambda i: c.change(remarked(c.brief, self.regime.itemData(i)),
                                                         self.tr("Change regime")))
        self.descriptor.activated.connect(lambda i: c.update_brief(descriptor=self.descriptor.itemData(i)))
        self.marking.activated.connect(lambda i: c.update_brief(marking=self.marking.itemData(i) or None))
        self.agency.textEdited.connect(lambda text: self._commit_controlled_by(agency=text))
        self.office.textEdited.connect(lambda text: self._commit_controlled_by(office=text))
        self.categories.textEdited.connect(lambda text: self._commit(categories=_items(text)))
        self.poc.textEdited.connect(lambda text: self._commit(poc=text))
        for box in self.controls.values():
            box.toggled.connect(lambda _on: self._commit(controls=self._controls()))
        self.rel_to.textEdited.connect(lambda _text: self._commit(controls=self._controls()))

    def _controls(self) -> tuple[str, ...]:
        chosen = [c for c, box in self.controls.items() if box.isChecked()]
        countries = _items(self.rel_to.text().upper())
        if countries:
            chosen.append(REL_TO + ", ".join(countries))
        return tuple(chosen)

    def _commit(self, **fields: object) -> None:
        self._controller.update_brief(cui=self._controller.brief.cui.model_copy(update=fields))

    def _commit_controlled_by(self, **fields: str) -> None:
        by: ControlledBy = self._controller.brief.cui.controlled_by.model_copy(update=fields)
        self._commit(controlled_by=by)

    def _on_controller_brief_changed(self, brief: Brief) -> None:
        for widget in self.findChildren(QWidget):
            widget.blockSignals(True)
        self.scheme.setCurrentIndex(self.scheme.findData(brief.scheme))
        self.regime.setCurrentIndex(self.regime.findData(brief.regime))
        self.descriptor.setCurrentIndex(max(0, self.descriptor.findData(brief.descriptor)))
        self.form.setRowVisible(self.regime, brief.scheme == "us")
        self.form.setRowVisible(self.descriptor, brief.scheme == "uk")
        self._show_marking(brief)
        cui = brief.cui
        for edit, value in ((self.agency, cui.controlled_by.agency), (self.office, cui.controlled_by.office),
                            (self.poc, cui.poc)):
            if edit.text() != value:
                edit.setText(value)
        if _items(self.categories.text()) != cui.categories:
            self.categories.setText(", ".join(cui.categories))
        for control, box in self.controls.items():
            box.setChecked(control in cui.controls)
        rel_to = next((c.removeprefix(REL_TO) for c in cui.controls if c.startswith(REL_TO)), "")
        if _items(self.rel_to.text().upper()) != _items(rel_to):
            self.rel_to.setText(rel_to)
        for widget in self.findChildren(QWidget):
            widget.blockSignals(False)
        self.designation.setVisible(cui_applies(brief, level_of(brief, self._controller.library)))

    def _show_marking(self, brief: Brief) -> None:
        banners = SCHEMES[brief.scheme].banners(brief.regime)
        items = [("", self.tr("Automatic (highest portion marking)")), *((b, b) for b in banners)]
        if brief.marking is not None and brief.marking not in banners:
            items.append((brief.marking, brief.marking))
        self.marking.clear()
        for value, label in items:
            self.marking.addItem(label, value)
        self.marking.setCurrentIndex(self.marking.findData(brief.marking or ""))
