"""Where the app's data lives, whether it runs from a clone, an installed wheel or a frozen bundle.

The wheel carries `talking_points/` and `assets/` under `briefing_app/data/`; a PyInstaller
bundle puts them under `sys._MEIPASS`; a clone has them at the repository's top level.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
APP_NAME = ORGANIZATION = "Briefing Builder"  # app.py gives Qt the same names
DATA_ENV = "BRIEFING_APP_DATA"


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


def user_data_folder() -> Path:
    """The user's private data folder (autosave, log, library cache, installed library updates,
    the library configuration), where Qt's AppDataLocation puts it for our organisation and app
    name, so the command line and the window read the same one. `BRIEFING_APP_DATA` replaces it
    (tests point it at a temporary folder)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / ORGANIZATION / APP_NAME
