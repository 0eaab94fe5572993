"""`briefing-app` and `python -m briefing_app`: the window, or a command-line subcommand."""

from __future__ import annotations

import sys

from .core.collector import collection_paused


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    with collection_paused():  # a command lasts seconds; its garbage goes with the process
        from .cli import is_command, run_command

        if is_command(argv):
            return run_command(argv)
    from .cli import parse_open

    brief = parse_open(argv)
    from .app import run_app

    return run_app(brief)


if __name__ == "__main__":
    sys.exit(main())
