"""The controller: owns the brief being edited, its file, its undo history and the library.

Views never change a brief; they call a method here, which builds a new (frozen) Brief and
pushes an undo command that swaps whole values. Everything the window shows is redrawn from
`brief_changed`, so undo, redo, open and restore all take the same path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..core.assemble import AssembledPoint, assemble
from ..core.brief import Brief, CustomPoint, Meeting, PointChoice
from ..core.brief_file import load_brief, save_brief
from ..core.library import Library
from ..core.library_changes import WordingChange, accept_wording, stamp, wording_changes
from ..core.library_config import library_version
from ..core.point_choices import in_library_order, kept_work, moved_to, with_points
from ..core.recommend import Recommendation, recommendations
from .undo_step import SwapBrief


class BriefController(QObject):
    brief_changed = Signal(object)
    library_changed = Signal(object)
    path_changed = Signal(object)
    modified_changed = Signal(bool)

    def __init__(self, library: Library, defaults: Brief | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self._recommended: tuple[Library | None, tuple, dict[str, Recommendation]] = (None, (), {})
        self._wording: tuple[Library | None, tuple, dict[str, WordingChange]] = (None, (), {})
        self.defaults = defaults or Brief()
        self.brief = self.defaults
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self._restored_unsaved = False
        self._saved = self.brief  # as last opened or saved
        self._was_modified = False
        self.replaced_names: tuple[str, ...] = ()  # of a country and carrier chosen before

    @property
    def modified(self) -> bool:
        """Whether the brief differs from the file: text typed and deleted again, or an edit
        undone, leaves it unmodified."""
        return self._restored_unsaved or self.brief != self._saved

    def _report_modified(self) -> None:
        if self.modified != self._was_modified:
            self._was_modified = self.modified
            self.modified_changed.emit(self.modified)

    # -- whole-brief operations ------------------------------------------------------------
    def _show(self, brief: Brief) -> None:
        self.brief = brief
        self.brief_changed.emit(brief)
        self._report_modified()

    def change(self, brief: Brief, label: str, merge_key: str | None = None) -> None:
        """The one way a view's edit becomes part of the brief, with an undo step."""
        if brief == self.brief:
            return
        self.undo_stack.push(SwapBrief(self._show, self.brief, brief, label, merge_key))

    def replace(self, brief: Brief, path: Path | None, unsaved: bool = False) -> None:
        """Start afresh with `brief` (new, opened or restored): history and modified mark reset."""
        self.undo_stack.clear()
        self.replaced_names = ()
        self.path = path
        self._restored_unsaved = unsaved
        self._saved = brief
        self._show(brief)
        self.path_changed.emit(path)
        self._was_modified = self.modified
        self.modified_changed.emit(self.modified)

    def new_brief(self) -> None:
        self.replace(self.defaults, None)

    def open(self, path: Path) -> None:
        """Load `path`; raises InputError and leaves the current brief untouched if it is bad."""
        brief = load_brief(path)
        self.replace(brief, Path(path))

    def save(self, path: Path | None = None) -> None:
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("save() needs a path for a brief that was never saved")
        self.brief = stamp(self.library, self.brief, library_version(self.library))  # no undo step
        save_brief(self.brief, target)
        self.path = target
        self._restored_unsaved = False
        self._saved = self.brief
        self.path_changed.emit(target)
        self._was_modified = False
        self.modified_changed.emit(False)

    def wording_changes(self) -> dict[str, WordingChange]:
        """The chosen points whose library wording changed since the brief recorded it."""
        key = (self.brief.country, self.brief.carrier,
               tuple((c.id, c.library_text, c.text is None) for c in self.brief.points))
        library, cached_key, cached = self._wording
        if library is not self.library or cached_key != key:  # typing must not re-render points
            cached = {c.point_id: c for c in wording_changes(self.library, self.brief)}
            self._wording = (self.library, key, cached)
        return cached

    def accept_library_wording(self, point_id: str) -> None:
        self.change(accept_wording(self.library, self.brief, point_id), self.tr("Accept library wording"))

    def set_library(self, library: Library) -> None:
        self.library = library
        self.library_changed.emit(library)
        self.brief_changed.emit(self.brief)

    # -- country, carrier, points ----------------------------------------------------------
    def recommendations(self, brief: Brief | None = None) -> dict[str, Recommendation]:
        """What the library recommends for `brief` (default: the current one), by point id."""
        brief = brief or self.brief
        meeting = brief.meeting
        key = (brief.country, brief.carrier, meeting.audience, meeting.title, meeting.place,
               meeting.purpose)
        library, cached_key, cached = self._recommended
        if library is self.library and cached_key == key:  # typing must not re-run conditions
            return cached
        country = self.library.country(brief.country) if brief.country else None
        carrier = country.carrier(brief.carrier) if country and brief.carrier else None
        found = {} if country is None else {
            r.point_id: r for r in recommendations(self.library, country, carrier, meeting)}
        self._recommended = (self.library, key, found)
        return found

    def choose_country(self, code: str | None, carrier: str | None = None, keep_work: bool = True) -> None:
        """Pick the country (and carrier); see `drafts_for` for what `keep_work` keeps. The names
        of the country and carrier left behind are remembered, to point out where they remain."""
        old = self.library.country(self.brief.country) if self.brief.country else None
        kept, fresh = self.drafts_for(code, carrier)
        draft = kept if keep_work else fresh
        if old is not None:
            gone = [] if draft.country == old.code else [old.name, old.in_text, *old.aliases]
            carrier_before = old.carrier(self.brief.carrier) if self.brief.carrier else None
            if carrier_before is not None and draft.carrier != carrier_before.id:
                gone += [carrier_before.name, carrier_before.in_text, *carrier_before.aliases]
            self.replaced_names = tuple(dict.fromkeys(self.replaced_names + tuple(gone)))
        self.change(draft, self.tr("Choose country and carrier"))

    def drafts_for(self, code: str | None, carrier: str | None = None) -> tuple[Brief, Brief]:
        """The brief for another country or carrier, two ways. Kept: the officer's work stays
        (hand-picked points, order, wording and notes, custom points, points taken out) with
        the newly recommended points added and those only the old choice recommended taken out.
        Fresh: exactly the new recommendations (wording of those that stay, custom points).
        The meeting details stay in both."""
        country = self.library.country(code) if code else None
        if country is not None and carrier and country.carrier(carrier) is None:
            carrier = None
        draft = moved_to(self.brief, country.code if country else None, carrier)
        if country is None:
            return draft, draft
        before = {rid for rid, r in self.recommendations().items() if r.recommended}
        after = [rid for rid, r in self.recommendations(draft).items() if r.recommended]
        return kept_work(self.library, draft, before, after), self._with_recommended(draft)

    def tick_recommended(self) -> None:
        """Tick exactly the points recommended for this meeting, for when its audience or the
        library changed after the country was chosen. Points that stay keep their place and
        wording; custom points stay."""
        if self.differs_from_recommended():
            self.change(self._with_recommended(self.brief), self.tr("Tick recommended points"))

    def differs_from_recommended(self) -> bool:
        """Whether the library has the brief's country and the ticked library points are not the
        recommended ones. (A country missing after a reload recommends nothing, and ticking
        nothing would clear the brief.)"""
        if self.brief.country is None or self.library.country(self.brief.country) is None:
            return False
        picked = {rid for rid, r in self.recommendations().items() if r.recommended}
        return picked != {c.id for c in self.brief.points if not self.brief.custom(c.id)}

    def _with_recommended(self, draft: Brief) -> Brief:
        picked = [rid for rid, r in self.recommendations(draft).items() if r.recommended]
        return with_points(self.library, draft, picked)

    def chosen_ids(self) -> list[str]:
        return [c.id for c in self.brief.points]

    def assembled_point(self, point_id: str) -> AssembledPoint:
        """One point as it will print in this brief (library wording, background, if raised);
        raises InputError while no country is chosen or a template fails."""
        choice = next((c for c in self.brief.points if c.id == point_id), PointChoice(id=point_id))
        return assemble(self.library, self.brief.model_copy(update={"points": (choice,)})).points[0]

    def set_chosen(self, point_id: str, chosen: bool) -> None:
        points = [c for c in self.brief.points if c.id != point_id]
        if chosen:
            points = in_library_order(self.library, points, point_id)
        label = self.tr("Add point") if chosen else self.tr("Remove point")
        self.change(self.brief.model_copy(update={"points": tuple(points)}), label)

    def remove_point(self, point_id: str) -> None:
        """Take a point out of the brief: untick a library point (or a missing one), delete a
        custom one."""
        if self.brief.custom(point_id):
            self.remove_custom(point_id)
        else:
            self.set_chosen(point_id, False)

    def replace_point(self, old_id: str, new_id: str) -> None:
        """Put library point `new_id` in `old_id`'s place, with the officer's wording and note."""
        points = tuple(c.model_copy(update={"id": new_id}) if c.id == old_id else c
                       for c in self.brief.points if c.id != new_id)
        self.change(self.brief.model_copy(update={"points": points}), self.tr("Replace point"))

    def move_point(self, point_id: str, offset: int) -> None:
        ids = self.chosen_ids()
        if point_id not in ids:
            return
        index = ids.index(point_id)
        target = max(0, min(len(ids) - 1, index + offset))
        ids.insert(target, ids.pop(index))
        self.reorder(ids)

    def reorder(self, ids: list[str]) -> None:
        by_id = {c.id: c for c in self.brief.points}
        if sorted(ids) != sorted(by_id):
            return
        self.change(self.brief.model_copy(update={"points": tuple(by_id[i] for i in ids)}),
                    self.tr("Reorder points"))

    def reword(self, point_id: str, text: str | None) -> None:
        """Set this brief's wording of a library point; None reverts it."""
        self.tailor(point_id, "text", text)

    def tailor(self, point_id: str, field: str, value: object) -> None:
        """Set this brief's own `text`, `background` or `if_raised` of a chosen point (None: the
        library's again), or its private `note`. Typing in one part merges into one undo step."""
        points = tuple(c.model_copy(update={field: value}) if c.id == point_id else c
                       for c in self.brief.points)
        labels = {"text": self.tr("Reword point"), "background": self.tr("Reword background"),
                  "if_raised": self.tr("Reword answers"), "note": self.tr("Edit private note")}
        label = self.tr("Revert to library wording") if value is None else labels[field]
        self.change(self.brief.model_copy(update={"points": points}), label,
                    None if value is None else f"{field}:{point_id}")

    # -- custom points ---------------------------------------------------------------------
    def add_custom(self, title: str) -> str:
        taken = {c.id for c in self.brief.custom_points}
        number = 1
        while f"custom-{number}" in taken:
            number += 1
        point = CustomPoint(id=f"custom-{number}", title=title)
        self.change(self.brief.model_copy(update={
            "custom_points": self.brief.custom_points + (point,),
            "points": self.brief.points + (PointChoice(id=point.id),)}), self.tr("Add custom point"))
        return point.id

    def update_custom(self, point_id: str, **fields: object) -> None:
        customs = tuple(c.model_copy(update=fields) if c.id == point_id else c
                        for c in self.brief.custom_points)
        key = f"custom:{point_id}:{','.join(sorted(fields))}"
        self.change(self.brief.model_copy(update={"custom_points": customs}),
                    self.tr("Edit custom point"), key)

    def remove_custom(self, point_id: str) -> None:
        self.change(self.brief.model_copy(update={
            "custom_points": tuple(c for c in self.brief.custom_points if c.id != point_id),
            "points": tuple(c for c in self.brief.points if c.id != point_id)}),
            self.tr("Remove custom point"))

    # -- meeting and document fields -------------------------------------------------------
    def update_meeting(self, merge: bool = True, **fields: object) -> None:
        """Change meeting fields; typing in one field merges into one undo step unless `merge`
        is off (adding or removing a counterpart is a step of its own)."""
        meeting: Meeting = self.brief.meeting.model_copy(update=fields)
        self.change(self.brief.model_copy(update={"meeting": meeting}), self.tr("Edit meeting"),
                    "meeting:" + ",".join(sorted(fields)) if merge else None)

    def update_brief(self, **fields: object) -> None:
        """Document fields: marking, scheme, paper, drafted/cleared by."""
        self.change(self.brief.model_copy(update=fields), self.tr("Edit document details"),
                    "brief:" + ",".join(sorted(fields)))
