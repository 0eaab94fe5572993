"""One call from an assembled brief to a PDF file on disk, for the command line and the window.

`export_pdf` is the call to use: it writes the file, and for a handout reads the written file
back and refuses it (deleting it) if any officer-only content got in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from ..core.assemble import AssembledBrief
from ..core.atomic import write_atomic
from ..core.faults import Fault, InputError
from .budgets import RenderResult
from .handout import build_handout
from .officer import build_officer

Variant = Literal["officer", "handout"]


def render_document(brief: AssembledBrief, variant: Variant) -> RenderResult:
    """The PDF bytes, page count and page-budget warnings for one variant."""
    return build_officer(brief) if variant == "officer" else build_handout(brief)


def render_pdf(brief: AssembledBrief, variant: Variant) -> bytes:
    return render_document(brief, variant).data


def check_output_path(path: Path) -> None:
    """Refuse, in words, an output path that cannot be written, before any work is done."""
    name = str(path)
    if path.is_dir():
        raise InputError(Fault(name, "", "is a folder; give a file name such as brief.pdf"))
    if not path.parent.is_dir():
        raise InputError(Fault(name, "", f"the folder {path.parent} does not exist"))


def write_pdf(data: bytes, path: Path) -> None:
    path = Path(path)
    check_output_path(path)
    try:
        write_atomic(path, data, private=False)
    except OSError as err:
        raise InputError(Fault(str(path), "", f"cannot be written: {err.strerror or err}")) \
            from None


def verify_handout(path: Path, brief: AssembledBrief) -> None:
    """Read a written handout back; delete it and raise InputError if anything leaked."""
    from .leaks import handout_leaks  # pypdf is slow to import and only handouts need it

    leaks = handout_leaks(Path(path).read_bytes(), brief)
    if leaks:
        Path(path).unlink(missing_ok=True)
        raise InputError([Fault(str(path), "", f"handout refused and deleted: it contains {leak}")
                          for leak in leaks])


def export_pdf(brief: AssembledBrief, variant: Variant, path: Path) -> RenderResult:
    """Render, write and (for a handout) verify the written file; returns the warnings."""
    result = render_document(brief, variant)
    write_pdf(result.data, path)
    if variant == "handout":
        verify_handout(path, brief)
    return result
