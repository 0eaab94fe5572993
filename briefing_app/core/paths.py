"""Where the app's data lives, whether it runs from a clone, an installed wheel or a frozen bundle.

The wheel carries `talking_points/` and `assets/` under `briefing_app/data/`; a PyInstaller
bundle puts them under `sys._MEIPASS`; a clone has them at the repository's top level.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def data_root() -> Path:
    """The folder that holds `talking_points/` and `assets/`."""
    candidates = [_PACKAGE / "data", _PACKAGE.parent]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen))
    for candidate in candidates:
        if (candidate / "talking_points" / "topics.toml").is_file():
            return candidate
    raise FileNotFoundError(
        "Briefing Builder's data (talking_points/, assets/) is missing from "
        + ", ".join(str(c) for c in candidates)
    )


def builtin_library() -> Path:
    return data_root() / "talking_points"


def asset(*parts: str) -> Path:
    return data_root().joinpath("assets", *parts)


def user_guide() -> Path:
    """The offline user guide (Markdown) the window's Help menu shows."""
    return data_root() / "docs" / "user-guide.md"
