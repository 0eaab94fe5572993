"""The window's one undo command: swap the whole brief, before for after.

Every edit is such a swap (`BriefController.change`), so undo and redo redraw the window by the
same path as an edit; typing in one field merges into one step, as an officer expects.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ..core.brief import Brief


class SwapBrief(QUndoCommand):
    """Replace the whole brief; consecutive edits of the same text field merge into one step."""

    def __init__(self, show: Callable[[Brief], None], before: Brief, after: Brief, label: str,
                 merge_key: str | None):
        super().__init__(label)
        self._show, self.before, self.after, self.merge_key = show, before, after, merge_key

    def id(self) -> int:
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SwapBrief) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._show(self.after)

    def undo(self) -> None:
        self._show(self.before)
