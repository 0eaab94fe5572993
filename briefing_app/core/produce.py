"""The one way out: a brief's variant in a format, to a file, to a printer or to the preview.

The command line, the window's Export and Print, and the preview all call `produce`, so they
cannot drift. It assembles the brief, composes the `Document`, and for a handout checks the
document before anything is laid out or written; then it lays the document out with the
format's backend, writes it to a temporary file beside the target, reads that file back as
the recipient would and checks it too, and only then renames it into place. Nothing is
written when a handout leaks, so an earlier file at that path survives. Printed and previewed
handouts are checked the same way, on the bytes.
"""


import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from .assemble import AssembledBrief, assemble
from .atomic import check_output, write_atomic
from .backend import overruns
from .brief import Brief
from .compose import compose
from .document import Document
from .faults import Fault, InputError
from .library import Library
from .outputs import FORMATS

Printer = Callable[[bytes], object]


class Produced(NamedTuple):
    data: bytes
    pages: int | None  # None where the format cannot measure its layout
    warnings: tuple[str, ...]
    points: int  # how many talking points it carries
    document: Document


def backend(fmt: str) -> ModuleType:
    """The module that lays documents out in `fmt`, imported when first needed."""
    return importlib.import_module(FORMATS[fmt].backend)


def check_output_path(path: Path, library: Library | None = None, source: Path | None = None) -> None:
    """Refuse, in words, an output path that cannot be written, or that is the brief being
    exported or one of the library's files, before any work is done."""
    inputs = [(source, "the brief being exported")] if source else []
    if library is not None:
        files = [*library.files.values(), *(folder / "topics.toml" for folder in library.folders)]
        inputs += [(file, "a file of the talking-point library") for file in files]
    check_output(path, inputs)


def produce(library: Library, brief: Brief, variant: str = "officer", fmt: str = "pdf",
            to: Path | Printer | None = None, *, name: str = "brief",
            language: str = "en", source: Path | None = None) -> Produced:
    """Produce one variant of `brief` in `fmt`; write it to the path `to`, hand it to the
    printer `to`, or (None) only return it, for the preview. Raises InputError for bad input,
    a leak, or (when it goes to a file or printer) a brief its markings refuse. `source` is the
    brief's own file, which the output must not replace. An officer brief marked above
    UNCLASSIFIED is written readable by the user only; other files as the umask allows."""
    where = str(to) if isinstance(to, Path) else name
    if isinstance(to, Path):
        check_output_path(to, library, source)
    assembled = assemble(library, brief, name)
    if to is not None:  # the preview shows a wrongly marked brief; nothing leaves it
        assembled.marks.require(variant)
    document = compose(assembled, variant, language)
    check = _handout_check(assembled, document, where) if variant == "handout" else None
    if check:
        check(document.text(), ())
    layout = backend(fmt)
    rendered = layout.render(document)

    def read_back(data: bytes) -> None:
        if check:
            contents = layout.read_back(data, document)
            check(contents.text, contents.problems)

    if isinstance(to, Path):
        private = variant == "officer" and assembled.marks.level != "U"
        _write(to, rendered.data, private, lambda written: read_back(written.read_bytes()))
    else:
        read_back(rendered.data)
        if to is not None:
            to(rendered.data)
    budget = overruns(document, rendered.measures) if rendered.measures else ()
    count = len(assembled.handout_points if variant == "handout" else assembled.points)
    return Produced(rendered.data, rendered.pages, budget + document.notes + rendered.warnings,
                    count, document)


def _handout_check(brief: AssembledBrief, document: Document,
                   where: str) -> Callable[[str, tuple[str, ...]], None]:
    from .leakcheck import find_leaks, officer_only

    material = officer_only(brief, document.text())

    def check(text: str, problems: tuple[str, ...]) -> None:
        leaks = [*problems, *find_leaks(material, text)]
        if leaks:
            raise InputError([Fault(where, "", f"handout refused: it contains {leak}")
                              for leak in leaks])
    return check


def _write(path: Path, data: bytes, private: bool, verify: Callable[[Path], None]) -> None:
    """Write atomically; `verify` reads the written file before it replaces `path`."""
    try:
        write_atomic(path, data, private=private, verify=verify)
    except OSError as err:
        raise InputError(Fault(str(path), "", f"cannot be written: {err.strerror or err}")) \
            from None
