"""The Problems dock: what is wrong with the library, this brief (references, markings, old
names, wording the library changed, names or markings in releasable points), the document on
show and the autosave, each source replacing only its own rows; the dock shows itself while
there is something to read."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from ..core.faults import Fault


class WindowProblems:
    """Mixed into the main window, which provides the controller, autosaver and status bar."""

    def _add_problems_dock(self) -> None:
        from .widgets.problems import ProblemsList

        Qt, QDockWidget = QtCore.Qt, QtWidgets.QDockWidget
        self.problems = ProblemsList()
        self.problems_dock = QDockWidget(self.tr("Problems"), self, objectName="ProblemsDock")
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setFeatures(QDockWidget.DockWidgetClosable | QDockWidget.DockWidgetMovable)
        self.addDockWidget(Qt.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [80], Qt.Vertical)
        self.view_menu.addAction(self.problems_dock.toggleViewAction())

    def hold_problems(self, hold: bool) -> None:
        """While held (start-up, until the brief is on screen), the brief's problems wait: the
        checks behind them load the leak check's name lists. Releasing shows them for the brief
        as it is then."""
        was_held, self._problems_held = self._problems_held, hold
        if was_held and not hold and self.controller is not None:
            self._show_brief_checks(self.controller.brief)

    def _on_controller_brief_changed(self, brief) -> None:
        if self.controller.modified:
            self.autosaver.schedule(brief, self.controller.path)
        if not self._problems_held:
            self._show_brief_checks(brief)

    def _show_brief_checks(self, brief) -> None:
        from ..core.assemble import reference_faults
        from ..core.leakcheck import releasable_leaks
        from ..core.markings import marks_of

        self.problems.set_problems("references", reference_faults(self.controller.library, brief,
                                                                  self._display_name()))
        marks = marks_of(brief, self.controller.library, self._display_name())
        self.problems.set_problems("markings", [*marks.errors, *marks.handout_errors])
        self.problems.set_problems("old names", self._old_names(brief))
        self.problems.set_problems("wording", self._library_update().wording_faults(
            self.controller, self._display_name()))
        self.problems.set_problems("leaks", releasable_leaks(brief, marks.banner, self._display_name()))
        self._update_problems_title()

    @staticmethod
    def _library_update():
        """Library updates and changed wording (gui/library_update.py), loaded when first used."""
        from . import library_update

        return library_update

    def _old_names(self, brief) -> list[Fault]:
        """The officer's fields that still name a country or carrier the brief was for before."""
        from ..core.mentions import mentions

        country = self.controller.library.country(brief.country) if brief.country else None
        carrier = country.carrier(brief.carrier) if country and brief.carrier else None
        now = [r for r in (country, carrier) if r is not None]
        current = {n.casefold() for r in now for n in (r.name, r.in_text, *r.aliases)}
        names = [n for n in self.controller.replaced_names if n.casefold() not in current]
        found = mentions(brief, names)
        what = " / ".join(r.name for r in now) or self.tr("no country")
        return [Fault(self._display_name(), where, self.tr("still names {0}; the brief is now for {1}")
                      .format(name, what), True) for where, name in found]

    def _on_preview_rendered(self, variant: str, warnings: tuple[str, ...]) -> None:
        """Page-budget overruns and unprintable characters in the document on show are listed,
        as warnings, not errors."""
        place = self.tr("officer brief") if variant == "officer" else self.tr("handout")
        self._show_brief_problems([Fault(self._display_name(), place, w, True) for w in warnings])

    def _show_brief_problems(self, faults: list[Fault]) -> None:
        self._show_problems("brief", faults)

    def _show_library_problems(self, faults: list[Fault]) -> None:
        self._show_problems("library", faults)

    def _show_problems(self, source: str, faults: list[Fault]) -> None:
        self.problems.set_problems(source, faults)
        self._update_problems_title()

    def _on_autosave_failed(self, file: str, reason: str) -> None:
        self.statusBar().showMessage(self.tr("Autosave failed: {0}: {1}. Save the brief yourself.")
                                     .format(file, reason))
        self._show_problems("autosave", [Fault(file, "", self.tr(
            "autosave is not working ({0}): save the brief yourself").format(reason))])

    def _update_problems_title(self) -> None:
        """The dock shows itself while there is something to read and steps aside when not."""
        errors, warnings = self.problems.counts()
        title = self.tr("Problems ({0} errors, {1} warnings)").format(errors, warnings)
        self.problems_dock.setWindowTitle(title)
        self.problems_dock.setVisible(bool(errors or warnings))
