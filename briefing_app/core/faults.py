"""Structured problems with user input, which the command line and the window turn into words.

Core code never prints or shows dialogs: it collects `Fault`s (file, place, reason) so the
command line can print one line each and the window can list them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Fault:
    file: str
    place: str
    reason: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}: {self.place}" if self.place else self.file
        kind = "warning: " if self.warning else ""
        return f"{where}: {kind}{self.reason}"


class InputError(Exception):
    """Bad input (library, brief, template or output path), described by one or more faults."""

    def __init__(self, faults: list[Fault] | Fault):
        self.faults = [faults] if isinstance(faults, Fault) else list(faults)
        super().__init__("\n".join(str(f) for f in self.faults))


def display_path(path: Path, roots: tuple[Path, ...] = ()) -> str:
    """A path as the user should read it: relative to a library root when inside one."""
    for root in roots:
        try:
            return str(path.relative_to(root.parent))
        except ValueError:
            continue
    return str(path)
