"""The points this brief will make, in order: drag to reorder, or Move Up / Move Down."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.brief import Brief
from ..controller import BriefController

ID_ROLE = Qt.UserRole
REWORDED_MARK = "✎"


class ChosenList(QWidget):
    point_selected = Signal(str)

    def __init__(self, controller: BriefController, parent: QWidget | None = None):
        super().__init__(parent)
        self._shown: object = None
        self._controller = controller
        self.list = QListWidget(accessibleName=self.tr("Chosen points in order"))
        self.list.setDragDropMode(QAbstractItemView.InternalMove)
        self.list.setDefaultDropAction(Qt.MoveAction)
        self.list.setToolTip(self.tr("Drag to reorder, or use Alt+Up / Alt+Down"))
        self.up_button = QPushButton(self.tr("Move &Up"), accessibleName=self.tr("Move point up"))
        self.down_button = QPushButton(self.tr("Move &Down"), accessibleName=self.tr("Move point down"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch()
        caption = QLabel(self.tr("&Chosen points, in print order:"), buddy=self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.list.model().rowsMoved.connect(lambda *_: QTimer.singleShot(0, self._commit_order))
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        controller.brief_changed.connect(self._on_controller_brief_changed)
        self._on_controller_brief_changed(controller.brief)

    def ids(self) -> list[str]:
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    def select(self, point_id: str | None, quiet: bool = False) -> None:
        """Make `point_id` current; `quiet` follows a selection made elsewhere without echoing it."""
        self.list.blockSignals(quiet)
        rows = [r for r in range(self.list.count()) if self.list.item(r).data(ID_ROLE) == point_id]
        if rows:
            self.list.setCurrentRow(rows[0])
        else:
            self.list.setCurrentRow(-1)
        self.list.blockSignals(False)

    def move_current(self, offset: int) -> None:
        point_id = self.current_id()
        if point_id:
            self._controller.move_point(point_id, offset)
            self.select(point_id)

    def _commit_order(self) -> None:
        ids = self.ids()
        if ids != self._controller.chosen_ids():
            self._controller.reorder(ids)

    def _on_controller_brief_changed(self, brief: Brief) -> None:
        rows = self._rows(brief)
        if rows == self._shown:
            return  # rewording a point again changes no row: keep typing smooth
        self._shown = rows
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for point_id, label, tip in rows:
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, point_id)
            if tip:
                item.setToolTip(tip)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.select(current, quiet=True)

    def _rows(self, brief: Brief) -> list[tuple[str, str, str]]:
        """(id, label, tooltip) for each chosen point, in print order."""
        library = self._controller.library
        rows = []
        for number, choice in enumerate(brief.points, start=1):
            custom = brief.custom(choice.id)
            point = library.points.get(choice.id)
            title = custom.title if custom else point.title if point else choice.id
            marks = self.tr(" (custom)") if custom else f" {REWORDED_MARK}" if choice.text is not None else ""
            tip = self.tr("Reworded for this brief") if choice.text is not None else ""
            if custom is None and point is None:
                tip = self.tr("Not in the library: this point cannot be printed")
            rows.append((choice.id, f"{number}. {title}{marks}", tip))
        return rows

    def _on_list_current_item_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.point_selected.emit(current.data(ID_ROLE))
