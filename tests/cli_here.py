"""The command line run in this process, as `briefing-app` would run it: faster than a new
process per case, and any traceback in its output fails the test."""

from __future__ import annotations

from briefing_app.__main__ import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's usage errors
        code = exit_.code
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err
