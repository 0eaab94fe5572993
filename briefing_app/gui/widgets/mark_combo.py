"""A chooser for the portion mark of something the officer writes (BLUF, purpose, an objective,
a custom point), offering the marks of the brief's scheme and regime only."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ...core.brief import Brief
from ...core.markings import SCHEMES, controlled_mark


class MarkCombo(QComboBox):
    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent, accessibleName=name)
        self.setSizeAdjustPolicy(QComboBox.AdjustToContents)

    def show_mark(self, brief: Brief, marking: str) -> None:
        """Offer (U) and the regime's controlled mark; a mark of the other regime (from a file)
        is shown as it is, so the officer sees what the export will refuse."""
        scheme = SCHEMES[brief.scheme]
        codes = ["U", controlled_mark(brief.regime)]
        items = [(code, scheme.label(code, brief.regime)) for code in codes]
        if marking not in codes:
            items.append((marking, self.tr("({0}) other regime").format(marking)))
        if [(self.itemData(i), self.itemText(i)) for i in range(self.count())] != items:
            self.blockSignals(True)
            self.clear()
            for code, label in items:
                self.addItem(label, code)
            self.blockSignals(False)
        self.blockSignals(True)
        self.setCurrentIndex(self.findData(marking))
        self.blockSignals(False)

    def mark(self) -> str:
        return self.currentData()
