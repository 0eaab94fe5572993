"""One call from an assembled brief to a PDF file on disk, for the command line and the window."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from ..core.assemble import AssembledBrief
from ..core.atomic import write_atomic
from ..core.faults import Fault, InputError
from .handout import build_handout
from .officer import build_officer

Variant = Literal["officer", "handout"]


def render_pdf(brief: AssembledBrief, variant: Variant) -> bytes:
    return build_officer(brief) if variant == "officer" else build_handout(brief)


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
