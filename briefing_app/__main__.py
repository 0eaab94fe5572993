"""`briefing-app` and `python -m briefing_app`: the window, or a command-line subcommand."""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Loading pydantic, Jinja and ReportLab makes some 10^5 objects that live as long as the
    # process, and little garbage; the collector walking them again and again as they pile up
    # took 50-70 ms of a 0.6 s export (measured with gc.callbacks). A command lasts seconds
    # and its garbage goes with the process, so it runs without collection.
    gc.disable()
    try:
        from .cli import is_command, run_command

        if is_command(argv):
            return run_command(argv)
    finally:
        gc.enable()
    from .cli import parse_open

    brief = parse_open(argv)
    from .app import run_app

    return run_app(brief)


if __name__ == "__main__":
    sys.exit(main())
