"""The command line: `export`, `library check`, `library list`, `--version`. Never imports Qt.

Exit status: 0 done, 1 a problem with the input (one line per fault on stderr), 2 a usage
error (argparse's own). Bad input never shows a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from . import __version__
from .core.brief import Brief, PointChoice
from .core.brief_file import load_brief
from .core.check import DEFAULT_MAX_AGE_DAYS, check_library, is_stale
from .core.faults import Fault, InputError
from .core.library import Library, load_library
from .core.paths import builtin_library
from .core.recommend import recommendations, recommended_ids

PROG = "briefing-app"


def is_command(argv: list[str]) -> bool:
    return bool(argv) and (argv[0] in ("export", "library") or argv[0].startswith("-"))


def parse_open(argv: list[str]) -> Path | None:
    """`briefing-app [BRIEF]`: the brief to open in the window, if any."""
    parser = argparse.ArgumentParser(prog=PROG, description="Open the Briefing Builder window.")
    parser.add_argument("brief", nargs="?", type=Path, help="a .brief file to open")
    return parser.parse_args(argv).brief


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Prepare meetings on 5G vendor security: talking points, an "
        "officer brief and a leave-behind handout. Run without arguments to open the window.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    export = commands.add_parser("export", help="write an officer brief or a handout as PDF")
    export.add_argument("brief", nargs="?", type=Path, metavar="BRIEF", help="a .brief file")
    export.add_argument("--country", metavar="CODE", help="ISO country code, e.g. IT")
    export.add_argument("--carrier", metavar="ID", help="carrier id, e.g. tim")
    export.add_argument("--point", action="append", metavar="ID", default=[],
                        help="a point to include (repeat; default: the recommended ones)")
    export.add_argument("--variant", choices=("officer", "handout"), default="officer")
    export.add_argument("--paper", choices=("a4", "letter"), default=None)
    export.add_argument("--library", type=Path, metavar="DIR", help="extra library folder")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    export.set_defaults(usage_error=export.error)

    library = commands.add_parser("library", help="check or list the talking-point library")
    library_commands = library.add_subparsers(dest="library_command", required=True,
                                              metavar="SUBCOMMAND")
    check = library_commands.add_parser("check", help="validate a library folder")
    check.add_argument("dir", nargs="?", type=Path, metavar="DIR",
                       help="a library folder laid over the built-in one")
    check.add_argument("--max-age", type=int, default=DEFAULT_MAX_AGE_DAYS, metavar="DAYS",
                       help=f"warn about reviews older than this (default {DEFAULT_MAX_AGE_DAYS})")
    listing = library_commands.add_parser("list", help="list points and recommendations")
    listing.add_argument("--country", metavar="CODE")
    listing.add_argument("--carrier", metavar="ID")
    listing.add_argument("--library", type=Path, metavar="DIR")
    listing.add_argument("--max-age", type=int, default=DEFAULT_MAX_AGE_DAYS, metavar="DAYS")
    listing.set_defaults(usage_error=listing.error)
    return parser


def _library(extra: Path | None) -> Library:
    """The built-in library with `--library DIR` over it; a DIR that is not a folder is an
    input error (the export must not quietly run on the built-in library alone)."""
    if extra is not None and not extra.is_dir():
        raise InputError(Fault(str(extra), "", "library folder does not exist"))
    return load_library([builtin_library(), *([extra] if extra else [])])


def _report(faults: list[Fault]) -> None:
    for fault in faults:
        print(fault, file=sys.stderr)


def _choose(library: Library, code: str | None, carrier_id: str | None, parser_error):
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


def _export(args, parser_error) -> int:
    from .core.assemble import assemble
    from .render.export import check_output_path, export_pdf

    check_output_path(args.output)
    library = _library(args.library)
    _report([Fault(f.file, f.place, f"warning: skipped: {f.reason}") for f in library.errors])
    if args.brief:
        brief = load_brief(args.brief)
        name = str(args.brief)
        if args.country or args.carrier:
            country, carrier = _choose(library, args.country or brief.country, args.carrier,
                                       parser_error)
            brief = brief.model_copy(update={"country": country.code,
                                             "carrier": carrier.id if carrier else None})
    else:
        country, carrier = _choose(library, args.country, args.carrier, parser_error)
        brief = Brief(country=country.code, carrier=carrier.id if carrier else None)
        name = "command line"
    twice = sorted({p for p in args.point if args.point.count(p) > 1})
    if twice:
        parser_error(f"--point {', '.join(twice)} given more than once")
    if args.point:
        brief = brief.model_copy(update={"points": tuple(PointChoice(id=p) for p in args.point)})
    elif not args.brief:
        ids = recommended_ids(library, country, carrier, brief.meeting)
        brief = brief.model_copy(update={"points": tuple(PointChoice(id=i) for i in ids)})
    if args.paper:
        brief = brief.model_copy(update={"paper": args.paper})
    assembled = assemble(library, brief, name)
    result = export_pdf(assembled, args.variant, args.output)
    _report([Fault(str(args.output), "", w, warning=True) for w in result.warnings])
    count = len(assembled.handout_points if args.variant == "handout" else assembled.points)
    pages = f"{result.pages} page" + ("s" if result.pages != 1 else "")
    print(f"Wrote {args.variant} ({count} points, {pages}, {brief.paper}) to {args.output}")
    return 0


def _check(args) -> int:
    library = _library(args.dir)
    faults = check_library(library, max_age_days=args.max_age)
    _report(faults)
    errors = [f for f in faults if not f.warning]
    carriers = sum(len(c.carriers) for c in library.countries.values())
    summary = (f"{len(library.topics)} topics, {len(library.points)} points, "
               f"{len(library.countries)} countries, {carriers} carriers")
    if errors:
        print(f"Library has {len(errors)} problem(s) ({summary} loaded).", file=sys.stderr)
        return 1
    warnings = len(faults) - len(errors)
    print(f"Library OK: {summary}" + (f"; {warnings} warning(s)." if warnings else "."))
    return 0


def _list(args, parser_error) -> int:
    library = _library(args.library)
    _report([Fault(f.file, f.place, f"warning: skipped: {f.reason}") for f in library.errors])
    today = dt.date.today()
    if args.country or args.carrier:
        country, carrier = _choose(library, args.country, args.carrier, parser_error)
        verdicts = {r.point_id: r for r in recommendations(library, country, carrier)}
    else:
        verdicts = {}
    width = max((len(p.id) for p in library.points.values()), default=10)
    for point in library.ordered_points():
        stale = "  [stale: reviewed " + point.reviewed.isoformat() + "]" \
            if is_stale(point.reviewed, today, args.max_age) else ""
        verdict = verdicts.get(point.id)
        if verdict is None:
            said = ""
        elif verdict.recommended:
            said = f"  recommended: {verdict.reason}"
        else:
            said = f"  not recommended: {verdict.reason}"
        print(f"{point.id:<{width}}  {point.topic:<16}{said}{stale}")
    return 0


def run_command(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "export":
            code = _export(args, args.usage_error)
        elif args.library_command == "check":
            code = _check(args)
        else:
            code = _list(args, args.usage_error)
        sys.stdout.flush()  # here, where a failed write is caught, not at exit
        return code
    except InputError as err:
        _report(err.faults)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as err:  # mostly our own output failing: `| head` stopped reading, a full disk
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # or exit retries the write
        if isinstance(err, BrokenPipeError):
            return 0
        print(f"{PROG}: {err.strerror or err}", file=sys.stderr)
        return 1
