"""What a field bug report needs: a log file, and errors that are recorded and shown, not lost.

The installed app has no console (the Windows build runs without one), so an exception in a Qt
slot, an error in a worker or a critical Qt message would vanish. Here every one is written to a
rotating log in the user data folder (`logs/briefing-builder.log`, readable by the user only),
and an error on the UI thread also opens a dialog with "Copy Details" and the log's location.

What the officer writes stays out of the log at the default level: the app logs counts, timings
and kinds of error, never a brief's names or text, and an exception's message (which may quote
them: a validation error repeats its input) is withheld unless detailed logging is on (Help >
Detailed Logging, or BRIEFING_APP_LOG=DEBUG). The traceback's files, lines and code stay.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import QtCore

from .. import __version__

LOG_NAME = "briefing-builder.log"
LEVEL_VARIABLE = "BRIEFING_APP_LOG"  # DEBUG, INFO, WARNING or ERROR; overrides the Help menu
MAX_BYTES, BACKUPS = 1_000_000, 3
WITHHELD = "(message withheld: Help > Detailed Logging records it)"
_log = logging.getLogger("briefing_app")
_state: dict[str, object] = {"folder": None, "detailed": False, "handler": None, "window": None,
                             "showing": False}


def versions() -> str:
    """The app, Python, Qt and the system. (Not `platform.platform()`: it runs `uname -p` in a
    new process, 20 ms of every start.)"""
    import platform

    system = platform.uname()
    return (f"Briefing Builder {__version__}, Python {platform.python_version()}, Qt {QtCore.qVersion()}, "
            f"{system.system} {system.release} {system.machine}")


def log_folder() -> Path | None:
    return _state["folder"]  # type: ignore[return-value]


def log_file() -> Path | None:
    folder = log_folder()
    return folder / LOG_NAME if folder else None


def _level(detailed: bool) -> int:
    named = os.environ.get(LEVEL_VARIABLE, "").strip().upper()
    if named in ("DEBUG", "INFO", "WARNING", "ERROR"):
        return getattr(logging, named)
    return logging.DEBUG if detailed else logging.INFO


def detailed() -> bool:
    return _level(bool(_state["detailed"])) <= logging.DEBUG


def _apply_level() -> None:
    """The log file's level; the root logger lets records that far through."""
    level, handler, root = _level(bool(_state["detailed"])), _state["handler"], logging.getLogger()
    if isinstance(handler, logging.Handler):
        handler.setLevel(level)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)


def describe(exc: BaseException, with_messages: bool) -> str:
    """The traceback as text; without messages, each exception is named but not quoted."""
    if with_messages:
        return "".join(traceback.format_exception(exc))
    parts, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        kind = type(exc)
        parts.insert(0, "Traceback (most recent call last):\n" + "".join(traceback.format_tb(exc.__traceback__))
                     + f"{kind.__module__}.{kind.__qualname__}: {WITHHELD}\n")
        exc = exc.__cause__ or exc.__context__
    return "\nDuring or because of the above, this happened:\n\n".join(parts)


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        """Formats the exception anew: another handler's text of it (cached on the record)
        would have its message."""
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:  # noqa: N802 (logging's name)
        return describe(ei[1], detailed()).rstrip("\n")


def install(folder: Path, detailed_logging: bool, window_of: Callable[[], object | None]) -> None:
    """Record every uncaught exception and Qt's warnings in `folder`'s log; `window_of` gives
    the error dialog's parent. The file itself opens on `start_logging` or the first error."""
    _state.update(folder=Path(folder), detailed=detailed_logging, window=window_of)
    sys.excepthook = _on_exception
    threading.excepthook = _on_thread_exception
    QtCore.qInstallMessageHandler(_on_qt_message)


def start_logging() -> Path | None:
    """Open the log (once). None when its folder cannot be written: the app then runs without a
    log rather than not at all."""
    folder = log_folder()
    if _state["handler"] is None and folder is not None:
        from logging.handlers import RotatingFileHandler  # 10 ms of imports: after the first frame

        class PrivateFileHandler(RotatingFileHandler):
            def _open(self):
                stream = super()._open()
                if os.name == "posix":
                    os.chmod(self.baseFilename, 0o600)
                return stream

        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handler = PrivateFileHandler(folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                         encoding="utf-8")
        except OSError as err:
            _state["folder"] = None
            print(f"briefing-app: no log file in {folder}: {err.strerror or err}", file=sys.stderr)
            return None
        handler.setFormatter(_Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(handler)
        _state["handler"] = handler
        _apply_level()
        _log.info("%s starting", versions())
    return log_file()


def stop_logging() -> None:
    """Close the log file (tests start several windows in one process)."""
    handler = _state["handler"]
    if isinstance(handler, logging.Handler):
        logging.getLogger().removeHandler(handler)
        handler.close()
    _state.update(folder=None, detailed=False, handler=None, window=None, showing=False)


def set_detailed(on: bool) -> None:
    _state["detailed"] = on
    _apply_level()
    _log.info("detailed logging %s", "on" if on else "off")


def _on_exception(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    report_error(QtCore.QCoreApplication.translate("diagnostics", "Something went wrong."), exc)


def report_error(summary: str, exc: BaseException) -> None:
    """An error in the app's own code: logged with its traceback (the log opened if it was not
    yet) and shown in the error dialog, whose details can be copied into a report."""
    start_logging()
    _log.error("Unexpected error", exc_info=exc)
    show_error(summary, describe(exc, True))


def _on_thread_exception(args: threading.ExceptHookArgs) -> None:
    start_logging()
    _log.error("Unexpected error in thread %s", args.thread.name if args.thread else "?",
               exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


_QT_LEVELS = {"QtDebugMsg": logging.DEBUG, "QtInfoMsg": logging.INFO, "QtWarningMsg": logging.WARNING,
              "QtCriticalMsg": logging.ERROR, "QtFatalMsg": logging.CRITICAL}


def _on_qt_message(kind: QtCore.QtMsgType, context: QtCore.QMessageLogContext, message: str) -> None:
    level = _QT_LEVELS.get(kind.name, logging.WARNING)
    if level >= logging.WARNING:
        start_logging()
    logging.getLogger("qt").log(level, "%s", message)
    if level >= logging.ERROR:
        show_error(QtCore.QCoreApplication.translate("diagnostics", "Qt reported an error."), message)


def show_error(summary: str, details: str) -> None:
    """The dialog, on the UI thread only (elsewhere the log has it); never raises."""
    app = QtCore.QCoreApplication.instance()
    if app is None or QtCore.QThread.currentThread() is not app.thread() or _state["showing"]:
        return
    from . import dialogs

    getter = _state["window"]
    parent = getter() if callable(getter) else None
    head = versions() + "\n\n"
    _state["showing"] = True  # an error while the dialog is up is logged, not shown again
    try:
        dialogs.show_error(parent, summary, head + details, log_file())
    except Exception:  # noqa: BLE001 - a failing dialog must not recurse into this hook
        _log.exception("The error dialog failed")
    finally:
        _state["showing"] = False
