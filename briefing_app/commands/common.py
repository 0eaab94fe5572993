"""What several subcommands share: the library they read, printing faults, picking a country."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.faults import Fault, InputError
from ..core.library import Library
from ..core.library_config import KEEP, LibraryConfig


def library_with(extra: Path | None, cached: bool = False) -> Library:
    """The configured library (built-in, installed update, local folder: the window's too),
    with `--library DIR` in place of the local folder; a DIR that is not a folder is an input
    error (the export must not quietly run without it). `cached`: from the window's cache of
    the validated library when no file has changed (`library check` reads every file)."""
    if extra is not None and not extra.is_dir():
        raise InputError(Fault(str(extra), "", "library folder does not exist"))
    config = LibraryConfig()
    return config.load(local=extra if extra is not None else KEEP,
                       cache=config.cache_file if cached else None)


def report(faults: list[Fault]) -> None:
    for fault in faults:
        print(fault, file=sys.stderr)


def skipped(library: Library) -> None:
    """Files the library could not load, as warnings: the command still runs on the rest."""
    report([Fault(f.file, f.place, f"warning: skipped: {f.reason}") for f in library.errors])


def choose(library: Library, code: str | None, carrier_id: str | None, parser_error):
    """Country and carrier from the command line, or an InputError naming what is unknown."""
    if carrier_id and not code:
        found = library.carrier(carrier_id)
        if found:
            return found
    if not code:
        parser_error("--country is required (or give a BRIEF file)")
    country = library.country(code)
    if country is None:
        known = ", ".join(sorted(library.countries))
        raise InputError(Fault("--country", "", f"unknown country code '{code}' (known: {known})"))
    if not carrier_id:
        return country, None
    carrier = country.carrier(carrier_id)
    if carrier is None:
        known = ", ".join(c.id for c in country.carriers)
        raise InputError(Fault("--carrier", "", f"'{carrier_id}' is not a carrier in "
                               f"{country.in_text} (known: {known})"))
    return country, carrier
