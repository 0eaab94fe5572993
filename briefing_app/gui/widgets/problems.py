"""The Problems list: what is wrong with the library or this brief, where the officer sees it.

Problems come from separate sources (the library check, the latest preview build), each
replacing only its own rows, so a fixed brief clears its row without hiding library faults.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ...core.faults import Fault


class ProblemsList(QTreeWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, accessibleName=self.tr("Problems"))
        self.setHeaderLabels([self.tr("File"), self.tr("Where"), self.tr("Problem")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(2, QHeaderView.Stretch)
        self._by_source: dict[str, list[Fault]] = {}

    def set_problems(self, source: str, faults: list[Fault]) -> None:
        from PySide6.QtWidgets import QStyle  # its enums cost start-up 5 ms; the list waits

        self._by_source[source] = list(faults)
        self.clear()
        error_icon = self.style().standardIcon(QStyle.SP_MessageBoxCritical)
        warning_icon = self.style().standardIcon(QStyle.SP_MessageBoxWarning)
        for fault in sorted((f for faults in self._by_source.values() for f in faults),
                            key=lambda f: (f.warning, f.file, f.place)):
            item = QTreeWidgetItem(self, [fault.file, fault.place, fault.reason])
            item.setIcon(0, warning_icon if fault.warning else error_icon)
            item.setToolTip(2, str(fault))
            item.setData(0, Qt.AccessibleTextRole, ("warning: " if fault.warning else "error: ") + str(fault))
        for column in (0, 1):
            self.resizeColumnToContents(column)

    def problems(self) -> list[Fault]:
        return [f for faults in self._by_source.values() for f in faults]

    def counts(self) -> tuple[int, int]:
        faults = self.problems()
        warnings = sum(f.warning for f in faults)
        return len(faults) - warnings, warnings
