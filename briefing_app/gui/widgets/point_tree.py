"""The library's points grouped by topic: tick to include, with why each one is recommended
and which host and carrier stances it was written for; a ticked point written for another
stance is flagged.

The tree only shows and asks; ticking calls the controller, and the ticks are redrawn from the
brief, so undo and opening a file put them right.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.brief import Brief
from ...core.library import Library, is_stale
from ...core.stance import written_for
from ..controller import BriefController

ID_ROLE = Qt.UserRole
STALE_MARK = "⚠"
WARNING = QColor("#a15c00")
WIDE_ENOUGH = 480  # pixels of panel that show title, reason and stances side by side


class WrappedTitles(QStyledItemDelegate):
    """Rows as tall as their title needs in the title column's width (Qt's own word wrap keeps
    one line and elides)."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        size = super().sizeHint(option, index)
        tree = self.parent()
        if index.column() != 0 or not index.parent().isValid():
            return size
        room = tree.columnWidth(0) - tree.indentation() * 2 - 2 * option.fontMetrics.height() - 8
        text = option.fontMetrics.boundingRect(QRect(0, 0, max(40, room), 10_000), Qt.TextWordWrap,
                                               index.data())
        return QSize(size.width(), max(size.height(), text.height() + 4))


class PointTree(QWidget):
    point_selected = Signal(str)

    def __init__(self, controller: BriefController, parent: QWidget | None = None,
                 today: dt.date | None = None):
        super().__init__(parent)
        self._controller = controller
        self._today = today or dt.date.today()
        self._items: dict[str, QTreeWidgetItem] = {}
        self._shown: tuple[set[str], dict] | None = None
        self.filter_edit = QLineEdit(placeholderText=self.tr("Filter points (Ctrl+F)"),
                                     accessibleName=self.tr("Filter points"), clearButtonEnabled=True)
        self.tree = QTreeWidget(accessibleName=self.tr("Library points"))
        self.tree.setHeaderLabels([self.tr("Library point"), self.tr("Recommended because"),
                                   self.tr("Written for")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setWordWrap(True)  # titles in full, over two lines where the panel is narrow
        self.tree.setItemDelegateForColumn(0, WrappedTitles(self.tree))
        self.recommend_button = QPushButton(self.tr("Tick Recommended"), enabled=False)
        self.recommend_button.setToolTip(self.tr(
            "Tick the points recommended for this meeting and untick the rest; rewordings and "
            "custom points stay. Enabled when your ticks differ from the recommendations."))
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit)
        bar.addWidget(self.recommend_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tree)
        self.recommend_button.clicked.connect(controller.tick_recommended)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        controller.library_changed.connect(self._on_controller_library_changed)
        controller.brief_changed.connect(self._on_controller_brief_changed)
        self._on_controller_library_changed(controller.library)

    def item(self, point_id: str) -> QTreeWidgetItem | None:
        return self._items.get(point_id)

    def _on_controller_library_changed(self, library: Library) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()
        self._shown = None
        groups: dict[str, QTreeWidgetItem] = {}
        for topic in library.topics:
            groups[topic.id] = QTreeWidgetItem(self.tree, [topic.title])
            groups[topic.id].setFlags(Qt.ItemIsEnabled)
            groups[topic.id].setFirstColumnSpanned(True)
        for point in library.ordered_points():
            item = QTreeWidgetItem(groups[point.topic], [point.title, "",
                                                          written_for(point, short=True) or self.tr("any stance")])
            stances = self.tr("Written for {0}").format(written_for(point) or self.tr("any host and carrier"))
            item.setToolTip(2, stances)
            item.setData(0, ID_ROLE, point.id)
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable)
            item.setCheckState(0, Qt.Unchecked)
            if is_stale(point.reviewed, self._today):
                item.setText(0, f"{STALE_MARK} {point.title}")
                item.setForeground(0, QBrush(WARNING))
                reviewed = self.tr("Stale: last reviewed {0}; check it before use")
            else:
                reviewed = self.tr("Reviewed {0}")
            item.setToolTip(0, f"{point.title}\n{reviewed.format(point.reviewed.isoformat())}\n{stances}")
            self._items[point.id] = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._on_controller_brief_changed(self._controller.brief)
        self._on_filter_edit_text_changed(self.filter_edit.text())

    def _on_controller_brief_changed(self, brief: Brief) -> None:
        chosen = set(self._controller.chosen_ids())
        reasons = self._controller.recommendations()
        if self._shown == (chosen, reasons):
            return  # rewording a point changes neither ticks nor reasons: keep typing smooth
        self._shown = (chosen, reasons)
        self.recommend_button.setEnabled(self._controller.differs_from_recommended())
        self.tree.blockSignals(True)
        for point_id, item in self._items.items():
            item.setCheckState(0, Qt.Checked if point_id in chosen else Qt.Unchecked)
            rec = reasons.get(point_id)
            misfit = rec is not None and point_id in chosen and rec.stance
            item.setText(1, f"{STALE_MARK} {rec.stance}" if misfit else rec.reason if rec and rec.recommended else "")
            item.setToolTip(1, rec.reason if rec else self.tr("Choose a country first"))
            item.setForeground(1, QBrush(WARNING if misfit else QColor("#1b5e20")))
            item.setForeground(2, QBrush(WARNING if misfit else self.palette().text().color()))
        self.tree.blockSignals(False)

    def resizeEvent(self, event) -> None:
        """Titles take the width the other columns leave and wrap; a long reason is elided and
        shown whole as a tooltip. A panel too narrow for three columns drops the stances each
        point was written for (the title's tooltip names them) rather than scroll sideways."""
        super().resizeEvent(event)
        narrow = self.width() < WIDE_ENOUGH
        self.tree.setColumnHidden(2, narrow)
        self.tree.setColumnWidth(1, int(self.width() * (0.3 if narrow else 0.28)))
        self.tree.setColumnWidth(2, int(self.width() * 0.2))
        self.tree.doItemsLayout()  # the rows' heights follow the titles' new wrapping

    def _on_tree_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        point_id = item.data(0, ID_ROLE)
        if point_id and column == 0:
            self._controller.set_chosen(point_id, item.checkState(0) == Qt.Checked)

    def _on_tree_current_item_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        point_id = current.data(0, ID_ROLE) if current else None
        if point_id:
            self.point_selected.emit(point_id)

    def _on_filter_edit_text_changed(self, text: str) -> None:
        words = text.casefold().split()
        library = self._controller.library
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            shown = 0
            for row in range(group.childCount()):
                item = group.child(row)
                point = library.points.get(item.data(0, ID_ROLE))
                haystack = " ".join([item.text(0), item.text(1), point.id, point.text] if point else [])
                visible = all(w in haystack.casefold() for w in words)
                item.setHidden(not visible)
                shown += visible
            group.setHidden(shown == 0)
