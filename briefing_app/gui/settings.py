"""The officer's preferences, kept with QSettings in the platform's standard place.

Wrapping QSettings in one class keeps the keys and their types in one spot, and lets tests
hand in a QSettings that writes into a temporary folder.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QStandardPaths

from ..core.outputs import PAPERS, SCHEME_IDS
from ..core.reading import kind_of

if TYPE_CHECKING:
    from ..core.brief import Brief

MAX_RECENT = 8
_log = logging.getLogger(__name__)


def settings_store() -> QSettings:
    """The app's QSettings. Qt reads the settings file while it builds the object and would
    wait for ever on a FIFO, so where one of the files Qt reads exists and is not a regular
    file, it is left alone and this session keeps its settings in a private temporary file."""
    for path in _native_settings_files():
        kind = kind_of(path.stat().st_mode) if path.exists() else ""
        if kind:
            _log.warning("the settings file %s is %s, not a file; settings are kept for this "
                         "session only", path, kind)
            folder = Path(tempfile.mkdtemp(prefix="briefing-settings-"))
            return QSettings(str(folder / "settings.ini"), QSettings.IniFormat)
    return QSettings()


def _native_settings_files() -> list[Path]:
    """The files QSettings() reads on Linux and other Unix systems (macOS keeps a property
    list, Windows the registry): the application's file and the organisation's, in each
    configuration folder."""
    if os.name != "posix" or sys.platform == "darwin":
        return []
    org, app = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    folders = QStandardPaths.standardLocations(QStandardPaths.GenericConfigLocation)
    return [Path(folder) / name for folder in folders for name in (f"{org}/{app}.conf", f"{org}.conf")]


def _make_private(path: Path) -> None:
    """Settings name files and people: readable by the user only. Qt rewrites the file through
    a temporary copy and a rename (so a crash never leaves half a file) and keeps the mode of
    the file it replaces, so setting 0600 once holds."""
    if os.name != "posix" or not path.is_absolute():
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY | getattr(os, "O_NONBLOCK", 0), 0o600))
        os.chmod(path, 0o600)
    except OSError:
        pass  # an unwritable settings folder must not stop the app; Qt reports it on sync


class AppSettings:
    def __init__(self, store: QSettings):
        self._store = store
        _make_private(Path(store.fileName()))

    def _text(self, key: str, default: str = "") -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    # -- defaults for a new brief -----------------------------------------------------------
    @property
    def scheme(self) -> str:
        value = self._text("brief/scheme", "us")
        return value if value in SCHEME_IDS else SCHEME_IDS[0]

    @property
    def regime(self) -> str:
        """A post's US regime: CUI, or legacy SBU where the post still uses it."""
        value = self._text("brief/regime", "cui")
        return value if value in ("cui", "sbu") else "cui"

    @property
    def paper(self) -> str:
        value = self._text("brief/paper", "a4")
        return value if value in PAPERS else next(iter(PAPERS))

    @property
    def drafted_by(self) -> str:
        return self._text("brief/drafted_by")

    @property
    def post(self) -> str:
        return self._text("brief/post")

    def remember_defaults(self, scheme: str, paper: str, drafted_by: str, regime: str = "cui",
                          post: str = "") -> None:
        self._store.setValue("brief/scheme", scheme)
        self._store.setValue("brief/post", post)
        self._store.setValue("brief/regime", regime)
        self._store.setValue("brief/paper", paper)
        self._store.setValue("brief/drafted_by", drafted_by)

    def new_brief(self) -> Brief:
        from ..core.brief import Brief  # pydantic loads after the window is shown

        return Brief(scheme=self.scheme, regime=self.regime, paper=self.paper,
                     drafted_by=self.drafted_by, post=self.post)

    # -- library --------------------------------------------------------------------------
    def take_library_folder(self) -> Path | None:
        """The local library folder an earlier version kept here, handed over once to the
        library configuration the command line shares (core/library_config.py)."""
        text = self._text("library/folder")
        self._store.remove("library/folder")
        return Path(text) if text else None

    # -- export folders -------------------------------------------------------------------
    def export_folder(self, fmt: str) -> Path | None:
        """The folder the last export in `fmt` went to, while it still exists."""
        text = self._text(f"export/{fmt}_folder")
        return Path(text) if text and Path(text).is_dir() else None

    def remember_export_folder(self, fmt: str, folder: Path) -> None:
        self._store.setValue(f"export/{fmt}_folder", str(folder))

    # -- recent files ---------------------------------------------------------------------
    @property
    def recent_files(self) -> list[Path]:
        value = self._store.value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(v) for v in items if isinstance(v, str) and v]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        items = [path] + [p for p in self.recent_files if p != path]
        self._store.setValue("files/recent", [str(p) for p in items[:MAX_RECENT]])

    # -- diagnostics ----------------------------------------------------------------------
    @property
    def detailed_logging(self) -> bool:
        return self._text("help/detailed_logging") == "true"

    @detailed_logging.setter
    def detailed_logging(self, on: bool) -> None:
        self._store.setValue("help/detailed_logging", "true" if on else "false")

    # -- window layout --------------------------------------------------------------------
    def window_layout(self) -> tuple[QByteArray | None, ...]:
        """Saved (geometry, dock state, panel splitter state), each None if never saved."""
        values = (self._store.value(f"window/{key}") for key in ("geometry", "state", "splitter"))
        return tuple(v if isinstance(v, QByteArray) else None for v in values)

    def remember_window(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/state", state)
        self._store.setValue("window/splitter", splitter)

    @property
    def preview_zoom(self) -> float | None:
        """The preview's last zoom factor; None: fit the page to the width (the default)."""
        try:
            zoom = float(self._text("preview/zoom", "fit"))
        except ValueError:
            return None
        return zoom if 0.1 <= zoom <= 10 else None

    @preview_zoom.setter
    def preview_zoom(self, zoom: float | None) -> None:
        self._store.setValue("preview/zoom", "fit" if zoom is None else f"{zoom:g}")

    def sync(self) -> None:
        self._store.sync()
