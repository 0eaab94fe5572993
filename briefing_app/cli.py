"""The command line: `export`, `library check|list|keys|publish|install|status`, `--version`.
Never imports Qt.

This module only parses arguments, so that `briefing-app` can tell a command from a window
start without loading pydantic or Jinja; each command's body (`commands/`) is imported when
it runs. Exit status: 0 done, 1 a problem with the input (one line per fault on stderr), 2 a
usage error (argparse's own). Bad input never shows a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .core.faults import InputError
from .core.outputs import FORMATS, PAPERS, VARIANTS

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

    export = commands.add_parser("export", help="write an officer brief or a handout (PDF or Word)")
    export.add_argument("brief", nargs="?", type=Path, metavar="BRIEF", help="a .brief file")
    export.add_argument("--country", metavar="CODE", help="ISO country code, e.g. IT")
    export.add_argument("--carrier", metavar="ID", help="carrier id, e.g. tim")
    export.add_argument("--point", action="append", metavar="ID", default=[],
                        help="a point to include (repeat; default: the recommended ones)")
    export.add_argument("--variant", choices=VARIANTS, default=VARIANTS[0])
    export.add_argument("--paper", choices=tuple(PAPERS), default=None)
    export.add_argument("--format", choices=tuple(FORMATS), default=None,
                        help="pdf or docx (default: from the output's suffix, else pdf)")
    export.add_argument("--library", type=Path, metavar="DIR", help="extra library folder")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf|OUT.docx")
    export.set_defaults(usage_error=export.error)

    library = commands.add_parser("library", help="check, list, publish or install the talking-point library")
    library_commands = library.add_subparsers(dest="library_command", required=True,
                                              metavar="SUBCOMMAND")
    check = library_commands.add_parser("check", help="validate a library folder")
    check.add_argument("dir", nargs="?", type=Path, metavar="DIR",
                       help="a library folder laid over the built-in one")
    check.add_argument("--max-age", type=_DAYS, default=None, metavar="DAYS",
                       help="warn about reviews older than this (default 365)")
    listing = library_commands.add_parser("list", help="list points and recommendations")
    listing.add_argument("--country", metavar="CODE")
    listing.add_argument("--carrier", metavar="ID")
    listing.add_argument("--library", type=Path, metavar="DIR")
    listing.add_argument("--max-age", type=_DAYS, default=None, metavar="DAYS")
    listing.set_defaults(usage_error=listing.error)
    _update_parsers(library_commands)
    return parser


def _whole(high: int):
    """An argparse type: a whole number from 1 to `high`, refused in words otherwise."""
    def parse(text: str) -> int:
        if not (text.isascii() and text.isdigit() and len(text) < 10) or not 1 <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"'{text[:30]}' is not a whole number from 1 to {high:,}")
        return int(text)
    return parse


_DAYS = _whole(36_500)  # a hundred years: any longer, and dates overflow
_KEYS = _whole(20)


def _update_parsers(commands) -> None:
    """Signed library updates: `keys new|rotate`, `publish`, `install`, `status` (commands/updates.py)."""
    keys = commands.add_parser("keys", help="publisher: make or rotate the signing keys")
    keys_commands = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    new = keys_commands.add_parser("new", help="new signing keys and root.json in DIR")
    rotate = keys_commands.add_parser("rotate", help="new keys for some roles: root version N+1")
    for parser in (new, rotate):
        parser.add_argument("dir", type=Path, metavar="DIR")
        parser.add_argument("--threshold", type=_KEYS, default=None if parser is rotate else 1,
                            metavar="T", help="root keys needed to sign a new root (default 1)")
        parser.add_argument("--root-keys", type=_KEYS, default=None, metavar="N",
                            help="how many root keys (default: the threshold)")
        parser.add_argument("--root-expires", type=_DAYS, default=3 * 365, metavar="DAYS",
                            help="days until the root expires (default 1095)")
    new.add_argument("--publisher", default="Headquarters", metavar="NAME",
                     help="who publishes (shown at posts)")
    rotate.add_argument("--role", action="append", choices=("root", "targets", "snapshot", "timestamp"),
                        help="a role whose keys to replace (repeat; none: renew the root's expiry)")
    publish = commands.add_parser("publish", help="publisher: sign a library into an update folder")
    publish.add_argument("libdir", type=Path, metavar="LIBDIR")
    publish.add_argument("--keys", type=Path, required=True, metavar="DIR")
    publish.add_argument("--to", type=Path, required=True, metavar="REPO")
    publish.add_argument("--expires", type=_DAYS, default=180, metavar="DAYS",
                         help="days until the signed metadata expires (default 180)")
    publish.add_argument("--notes", metavar="TEXT", help="release notes posts will see")
    install = commands.add_parser("install", help="post: verify and install a library update")
    install.add_argument("repo", type=Path, metavar="REPO")
    install.add_argument("--trust", type=Path, metavar="ROOT.json",
                         help="the publisher's root.json, for a first install from another publisher")
    commands.add_parser("status", help="the library layers in use")


def run_command(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "export":
            from .commands import export

            code = export.run(args, args.usage_error)
        elif args.library_command == "check":
            from .commands import library

            code = library.check(args)
        elif args.library_command == "list":
            from .commands import library

            code = library.listing(args, args.usage_error)
        else:
            from .commands import updates

            name = f"keys_{args.keys_command}" if args.library_command == "keys" else args.library_command
            code = getattr(updates, name)(args)
        sys.stdout.flush()  # here, where a failed write is caught, not at exit
        return code
    except InputError as err:
        for fault in err.faults:
            print(fault, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as err:  # mostly our own output failing: `| head` stopped reading, a full disk
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # or exit retries the write
        if isinstance(err, BrokenPipeError):
            return 0
        where = f"{err.filename}: " if err.filename else ""
        print(f"{PROG}: {where}{err.strerror or err}", file=sys.stderr)
        return 1
