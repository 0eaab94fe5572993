"""The points this brief will make, in order: drag to reorder, or Move Up / Move Down; Remove
(or Delete) takes one out. A point the library no longer has (an update removed or renamed it)
is shown as missing, left out of the documents, until it is removed or replaced by a library
point; a context menu offers the same commands."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.brief import Brief
from .. import dialogs
from ..controller import BriefController

ID_ROLE = Qt.UserRole
REWORDED_MARK = "✎"
MISSING_MARK = "⚠"
WARNING = QColor("#a15c00")


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
        self.list.setWordWrap(True)  # a long title wraps in a narrow panel rather than scroll sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.Adjust)  # and wraps again as the panel is resized
        self.up_button = QPushButton(self.tr("Move Up"), accessibleName=self.tr("Move point up"),
                                     toolTip=self.tr("Alt+Up"))
        self.down_button = QPushButton(self.tr("Move Down"), accessibleName=self.tr("Move point down"),
                                       toolTip=self.tr("Alt+Down"))
        self.remove_button = QToolButton(text=self.tr("Remove"), accessibleName=self.tr("Remove point"),
                                         toolTip=self.tr("Take the selected point out of this brief (Delete)"))
        self.replace_button = QToolButton(text=self.tr("Replace…"), accessibleName=self.tr("Replace point"),
                                          toolTip=self.tr("Put a library point in the place of a missing one"))
        self.replace_button.hide()  # shown while the brief has a point the library lacks
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button, self.replace_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.menu: QMenu | None = None
        self.list.setContextMenuPolicy(Qt.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu_requested)
        delete = QShortcut(QKeySequence.Delete, self.list, context=Qt.WidgetShortcut)
        delete.activated.connect(self.remove_current)
        caption = QLabel(self.tr("Chose&n points, in print order:"), buddy=self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button.clicked.connect(self.remove_current)
        self.replace_button.clicked.connect(self.replace_current)
        self.list.model().rowsMoved.connect(lambda *_: QTimer.singleShot(0, self._commit_order))
        self.list.currentItemChanged.connect(lambda *_: self._enable_buttons())
        self.list.itemSelectionChanged.connect(self._on_list_item_selection_changed)
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
        self._enable_buttons()

    def move_current(self, offset: int) -> None:
        point_id = self.current_id()
        if point_id:
            self._controller.move_point(point_id, offset)
            self.select(point_id)

    def remove_current(self) -> None:
        point_id = self.current_id()
        if point_id:
            self._controller.remove_point(point_id)

    def replace_current(self) -> None:
        """Ask which library point takes the missing point's place (with the officer's wording
        and note of it)."""
        point_id = self.current_id()
        if not point_id or not self._missing(point_id):
            return
        chosen = set(self._controller.chosen_ids())
        offers = [p for p in self._controller.library.ordered_points() if p.id not in chosen]
        index = dialogs.ask_point(self.window(), self.tr("Replace Missing Point"), self.tr(
            "The library no longer has '{0}'. Which library point takes its place?").format(point_id),
            [p.title for p in offers])
        if index is not None:
            self._controller.replace_point(point_id, offers[index].id)
            self.select(offers[index].id)

    def _missing(self, point_id: str) -> bool:
        return self._controller.brief.custom(point_id) is None and point_id not in self._controller.library.points

    def _on_list_context_menu_requested(self, where: QPoint) -> None:
        """The list's commands for the point under the pointer (or the selected one)."""
        item = self.list.itemAt(where) or self.list.currentItem()
        if item is None:
            return
        self.list.setCurrentItem(item)
        self.menu = QMenu(self)
        for text, slot in ((self.tr("Move &Up"), lambda: self.move_current(-1)),
                           (self.tr("Move &Down"), lambda: self.move_current(1)),
                           (self.tr("&Remove From Brief"), self.remove_current)):
            self.menu.addAction(text, slot)
        if self._missing(item.data(ID_ROLE)):
            self.menu.addAction(self.tr("Re&place With a Library Point…"), self.replace_current)
        self.menu.popup(self.list.viewport().mapToGlobal(where))

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
            if label.startswith(MISSING_MARK):
                item.setForeground(QBrush(WARNING))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.replace_button.setVisible(any(label.startswith(MISSING_MARK) for _id, label, _tip in rows))
        self.select(current, quiet=True)

    def _rows(self, brief: Brief) -> list[tuple[str, str, str]]:
        """(id, label, tooltip) for each chosen point, in print order; a missing point has no
        number, since it does not print."""
        library = self._controller.library
        rows = []
        number = 0
        for choice in brief.points:
            custom = brief.custom(choice.id)
            point = library.points.get(choice.id)
            if custom is None and point is None:
                rows.append((choice.id, self.tr("{0} {1} — not in the library").format(MISSING_MARK, choice.id),
                             self.tr("The library no longer has this point, so it is left out of the "
                                     "documents: remove it, or replace it with a library point")))
                continue
            number += 1
            # a note, or the library wording a save records, is no rewording
            plain = type(choice)(id=choice.id, note=choice.note, library_text=choice.library_text)
            tailored = custom is None and choice != plain
            marks = self.tr(" (custom)") if custom else f" {REWORDED_MARK}" if tailored else ""
            tip = self.tr("Reworded for this brief") if tailored else ""
            rows.append((choice.id, f"{number}. {custom.title if custom else point.title}{marks}", tip))
        return rows

    def _on_list_item_selection_changed(self) -> None:
        """A point picked (by click or arrow keys) opens in the Point tab; Tab passing through
        the list only makes a row current, and leaves the tab on show alone."""
        current = self.list.currentItem()
        if current is not None and current.isSelected():
            self.point_selected.emit(current.data(ID_ROLE))

    def _enable_buttons(self) -> None:
        point_id = self.current_id()
        self.remove_button.setEnabled(point_id is not None)
        self.replace_button.setEnabled(point_id is not None and self._missing(point_id))
