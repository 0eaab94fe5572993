"""The window's ways out: Export (PDF or Word), Print, and the Meeting Pack (both documents at
once, printed with a copies count for each or exported to a folder), and opening what was
written in the system's viewer. Every one goes through `core.produce` on a worker, so it is
checked as the command line's output is and the window never waits for ReportLab.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore

from ..core.faults import Fault, InputError
from . import dialogs

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def _produce(library, brief, name: str, variant: str, to, fmt: str = "pdf", source: Path | None = None):
    """Runs on a worker: the one way out, to a file or a printer; ReportLab loads here."""
    from ..core.produce import produce

    return produce(library, brief, variant, fmt, to, name=name, source=source)


class OutputCommands:
    """Mixed into the main window, which provides the controller, runner, settings, preview,
    status bar, Problems list and `exported_bar`."""

    def _variant_name(self, variant: str) -> str:
        return self.tr("officer brief") if variant == "officer" else self.tr("handout")

    def _job(self):
        """What a worker needs, taken now: later edits do not reach a job already started."""
        return self.controller.library, self.controller.brief, self._display_name(), self.controller.path

    def export(self, variant: str, fmt: str = "pdf") -> None:
        """Export a variant; the Word file is the officer brief for the clearance round. Each
        format's dialog opens in the folder it was last saved to."""
        from ..core.outputs import FORMATS

        folder = self._export_folder(fmt)
        title = {"docx": self.tr("Export for Clearance (Word)"), "officer": self.tr("Export Officer Brief"),
                 "handout": self.tr("Export Handout")}["docx" if fmt == "docx" else variant]
        suggestion = folder / f"{self._export_stem()}-{variant}{FORMATS[fmt].suffix}"
        path = dialogs.ask_save_path(self, title, str(suggestion), fmt)
        if not path:
            return
        self.settings.remember_export_folder(fmt, path.parent)
        library, brief, name, source = self._job()
        self.runner.run(lambda: _produce(library, brief, name, variant, path, fmt, source),
                        lambda result: self._on_exported(((path, result),)),
                        lambda err: self._report_failure(self.tr("Cannot export"), err))

    def _export_stem(self) -> str:
        return self.controller.path.stem if self.controller.path else self._suggested_stem()

    def _export_folder(self, fmt: str) -> Path:
        return self.settings.export_folder(fmt) or (
            self.controller.path.parent if self.controller.path else Path(QtCore.QDir.homePath()))

    def _on_exported(self, written) -> None:
        """`written`: (path, result) pairs. Warnings an export raised (a clearance still
        pending) are listed, not hidden; the status bar offers to open what was written."""
        paths = tuple(path for path, _ in written)
        self.statusBar().showMessage(self.tr("Exported {0}").format(", ".join(map(str, paths))), 5000)
        self.problems.set_problems("export", [Fault(str(path), "", w, True)
                                              for path, result in written for w in result.warnings])
        self._update_problems_title()
        self.exported_bar.show_paths(paths)
        self.open_export_action.setEnabled(True)

    def open_last_export(self) -> None:
        for path in self.exported_bar.paths:
            self.open_in_system(path, self.tr("Exported file"))

    def open_in_system(self, path: Path, title: str) -> None:
        """The system's file manager or viewer on `path`; where there is none (a bare desktop),
        the path in words, to open by hand."""
        if not dialogs.show_folder(path):
            dialogs.show_info(self, title, self.tr(
                "<p>No program on this computer opened it. It is here:</p><p><b>{0}</b></p>"
                "<p>Open it with the file manager or viewer you use.</p>").format(escape(str(path))))

    def print_brief(self) -> None:
        """Prints the document on show, checked like an export: a leaking handout is refused."""
        variant, name = self.preview.variant, self._display_name()
        label = self._variant_name(variant)
        printer = dialogs.ask_printer(
            self, self.tr("Print the {0} — {1}").format(label, name),
            self.tr("Printing the {0} of {1}, as the preview shows it.").format(label, name))
        if printer is not None:
            self._print([(variant, printer.copyCount())], printer)

    def print_meeting_pack(self) -> None:
        """Both documents at once: printed, with a copies count for each (a handout for every
        counterpart by default), or exported to a folder."""
        name = self._display_name()
        answer = dialogs.ask_meeting_pack(self, name, len(self.controller.brief.meeting.counterparts))
        if answer is None:
            return
        how, officer, handout = answer
        if how == "export":
            self._export_pack()
        elif officer + handout == 0:
            self.statusBar().showMessage(self.tr("No copies asked for: nothing printed."), 5000)
        else:
            printer = dialogs.ask_printer(
                self, self.tr("Print the Meeting Pack — {0}").format(name),
                self.tr("Printing {0}: {1} of the officer brief and {2} of the handout.").format(
                    name, self._copies(officer), self._copies(handout)))
            if printer is not None:
                self._print([("handout", handout), ("officer", officer)], printer)

    def _copies(self, count: int) -> str:
        return self.tr("1 copy") if count == 1 else self.tr("{0} copies").format(count)

    def _export_pack(self) -> None:
        folder = dialogs.ask_folder(self, self.tr("Export the Meeting Pack to"), str(self._export_folder("pdf")))
        if not folder:
            return
        self.settings.remember_export_folder("pdf", folder)
        library, brief, name, source = self._job()
        paths = [(v, folder / f"{self._export_stem()}-{v}.pdf") for v in ("officer", "handout")]
        self.runner.run(lambda: [(path, _produce(library, brief, name, v, path, source=source))
                                 for v, path in paths],
                        self._on_exported,
                        lambda err: self._report_failure(self.tr("Cannot export"), err))

    def _print(self, jobs: list[tuple[str, int]], printer: QPrinter) -> None:
        """Each (variant, copies) to `printer` on the worker, the handout first, since it is
        the one a check may refuse. A "print to file" printer gets the exported PDF itself (a
        pack: one file per document), so its text stays text."""
        from .printing import print_pdf, printer_file

        library, brief, name, source = self._job()
        file = printer_file(printer)
        jobs = [(variant, copies) for variant, copies in jobs if copies > 0]
        labels = {variant: self._variant_name(variant) for variant, _ in jobs}

        def work() -> list[tuple[str, int, int | None]]:
            done = []
            for variant, copies in jobs:
                if file is not None:
                    target = file if len(jobs) == 1 else file.with_name(f"{file.stem}-{variant}{file.suffix}")
                    result = _produce(library, brief, name, variant, target, source=source)
                else:
                    printer.setCopyCount(copies)
                    printer.setDocName(f"{name}: {labels[variant]}")  # the job, in the queue
                    result = _produce(library, brief, name, variant, lambda data: print_pdf(data, printer))
                done.append((variant, copies, result.pages))
            return done

        self.runner.run(work, lambda done: self._on_printed(done, file, printer),
                        lambda err: self._report_failure(self.tr("Cannot print"), err))

    def _on_printed(self, done, file: Path | None, printer: QPrinter) -> None:
        parts = [self.tr("{0} ({1}, {2} pages)").format(self._variant_name(v), self._copies(c), pages or "?")
                 for v, c, pages in done]
        where = str(file) if file else (printer.printerName() or self.tr("the default printer"))
        self.statusBar().showMessage(self.tr("Printed {0} to {1}").format("; ".join(parts), where), 10000)

    def _report_failure(self, title: str, err: BaseException) -> None:
        faults = err.faults if isinstance(err, InputError) else [Fault(self._display_name(), "", str(err))]
        dialogs.show_faults(self, title, faults)
