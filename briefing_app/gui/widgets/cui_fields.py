"""The CUI designation block (Controlled by / Category / Dissemination / POC), shown only when
the brief is CUI, since a CUI first page must carry it and any other brief must not."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QWidget

from ...core.brief import Brief
from ..controller import BriefController

FIELDS = ("controlled_by", "category", "dissemination", "poc")


class CuiFields(QGroupBox):
    def __init__(self, controller: BriefController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("CUI designation (first page)"))
        self._controller = controller
        labels = (self.tr("Controlled by:"), self.tr("Category:"), self.tr("Dissemination:"), self.tr("POC:"))
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for field, label in zip(FIELDS, labels, strict=True):
            edit = QLineEdit(accessibleName=label.rstrip(":"))
            edit.textEdited.connect(lambda text, f=field: self._commit(f, text))
            form.addRow(label, edit)
            self.edits[field] = edit
        controller.brief_changed.connect(self._on_controller_brief_changed)
        self._on_controller_brief_changed(controller.brief)

    def _commit(self, field: str, text: str) -> None:
        brief = self._controller.brief
        self._controller.update_brief(cui=brief.cui.model_copy(update={field: text}))

    def _is_cui(self, brief: Brief) -> bool:
        if brief.marking is not None:
            return brief.marking.upper().startswith("CUI")
        library = self._controller.library
        markings = [brief.custom(c.id).marking if brief.custom(c.id) else
                    library.points[c.id].marking if c.id in library.points else "U" for c in brief.points]
        return brief.scheme == "us" and "CUI" in markings

    def _on_controller_brief_changed(self, brief: Brief) -> None:
        for field, edit in self.edits.items():
            value = getattr(brief.cui, field)
            if edit.text() != value:
                edit.setText(value)
        self.setVisible(self._is_cui(brief))
