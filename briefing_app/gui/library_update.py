"""Library ▸ Install Update… and Library ▸ Status: a signed update from a stick or a share.

The update is verified and compared with the library in use on a worker (TUF and a second
library load take a second or two); the officer reads what would change, point by point with
the words that change, and accepts or not; only then is it switched to, also on a worker.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

from ..core.faults import Fault, InputError
from ..core.library_config import LibraryConfig, day, status_lines
from ..core.update_store import Release
from . import dialogs
from .widgets.tailored_field import word_diff_html

if TYPE_CHECKING:
    from ..core.library import Library
    from ..core.library_diff import LibraryDiff
    from ..core.update_client import Staged
    from .controller import BriefController
    from .main_window import MainWindow

FIELD_NAMES = {"text": "wording", "handout_text": "handout wording", "if_raised": "if-raised answers",
               "applies_when": "when recommended", "reason": "why recommended", "reviewed": "review date",
               "host_stances": "host stances", "carrier_stances": "carrier stances", "verify": "verify note",
               "us_forces": "US forces", "policy": "policy notes", "vendors_unknown": "why no vendors"}


def tr(text: str) -> str:
    return QCoreApplication.translate("library_update", text)


def verify(config: LibraryConfig, folder: Path, current: Library, where: tuple[str | None, str | None] = (None, None),
           trust: Path | None = None) -> tuple[Staged | Release, LibraryDiff | None]:
    """On a worker: the update verified into staging (against the root in `trust` if given, as
    `library install --trust` does), and what it changes against `current` (texts as they print
    for `where`, the brief's country and carrier)."""
    from ..core.library_diff import library_diff
    from ..core.update_client import stage

    staged = stage(folder, config.data_dir, trust)
    if isinstance(staged, Release):
        return staged, None
    try:
        return staged, library_diff(current, config.load(update=staged.release), *where)
    except BaseException:
        staged.discard()
        raise


def install_update(window: MainWindow, trust: Path | None = None) -> None:
    folder = dialogs.ask_folder(window, tr("Install Library Update: Choose the Update Folder"),
                                QtCore.QDir.homePath())
    if not folder:
        return
    config, current = window.loader.config, window.controller.library
    where = (window.controller.brief.country, window.controller.brief.carrier)
    window.statusBar().showMessage(tr("Checking the library update in {0}…").format(folder))
    window.runner.run(lambda: verify(config, folder, current, where, trust),
                      lambda result: _review(window, *result), lambda err: _refused(window, err))


def install_from_new_publisher(window: MainWindow) -> None:
    """A first update from a publisher whose root of signing keys the app did not ship with:
    the officer chooses the root file headquarters sent, checks its fingerprint against the one
    sent by another channel, and only then chooses the update. Anyone can write a root file,
    and whoever holds its keys could change the talking points: the fingerprint is the check."""
    from ..core.update_client import publisher_of, read_root, root_fingerprint

    path = dialogs.ask_root_file(window, tr("Install Library Update: Choose the Publisher's Root File"),
                                 QtCore.QDir.homePath())
    if not path:
        return
    try:
        data, root = read_root(path)
    except InputError as err:
        dialogs.show_faults(window, tr("Not a Root of Signing Keys"), err.faults)
        return
    question = tr(
        "<p>Trust <b>{0}</b> to sign library updates for this app?</p><p>Root file: {1}<br>"
        "Root version {2}, valid until {3}.</p><p>Fingerprint (SHA-256):<br><tt>{4}</tt></p>"
        "<p>Compare it, group by group, with the fingerprint headquarters sent you by another "
        "channel than this file (a cable, a call). If they differ, or you were sent none, "
        "cancel: whoever holds this root's keys could change your talking points.</p>").format(
        escape(publisher_of(root.signed) or tr("an unnamed publisher")), escape(str(path)),
        root.signed.version, day(root.signed.expires.isoformat()), root_fingerprint(data))
    if dialogs.ask_trust_root(window, tr("Trust a New Publisher?"), question):
        install_update(window, trust=path)


def _refused(window: MainWindow, err: BaseException) -> None:
    window.statusBar().showMessage(tr("Library update refused: the library is unchanged."), 10000)
    faults = err.faults if isinstance(err, InputError) else [Fault(tr("library update"), "", str(err))]
    dialogs.show_faults(window, tr("Library Update Refused"), faults)


def _review(window: MainWindow, staged: Staged | Release, diff: LibraryDiff | None) -> None:
    if diff is None:
        window.statusBar().clearMessage()
        dialogs.show_info(window, tr("Library Update"), tr("Library update {0} is already installed; "
                                                          "nothing changed.").format(staged.version))
        return
    if not dialogs.ask_accept_update(window, tr("Install Library Update {0}?").format(staged.release.version),
                                     review_html(staged, diff)):
        staged.discard()
        window.statusBar().showMessage(tr("Library update not installed: the library is unchanged."), 10000)
        return
    from ..core.update_store import commit

    data_dir = window.loader.config.data_dir
    window.runner.run(lambda: commit(data_dir, staged.staging, staged.release),
                      lambda release: _installed(window, release, diff, staged.previous),
                      lambda err: _refused(window, err))


def _installed(window: MainWindow, release: Release, diff: LibraryDiff, previous: Release | None) -> None:
    window.loader.reload()
    kept = tr(" The previous library ({0}) is kept.").format(previous.label) if previous else ""
    window.statusBar().showMessage(tr("Installed library update {0}.").format(release.version), 10000)
    dialogs.show_info(window, tr("Library Update Installed"), tr(
        "<p>Installed library update {0} from {1}: {2}.{3}</p><p>Open briefs show where the "
        "library's wording of their points has changed.</p>").format(
        release.version, escape(release.publisher or tr("the publisher")), escape(diff.summary()), kept))


def review_html(staged: Staged, diff: LibraryDiff) -> str:
    """What the update changes, for the officer to read before accepting it."""
    release = staged.release
    head = tr("<p><b>Library update {0}</b> from {1}, published {2}, signed until {3}.{4}</p>").format(
        release.version, escape(release.publisher or tr("an unnamed publisher")), day(release.published),
        day(release.expires), tr(" It replaces {0}.").format(staged.previous.label) if staged.previous else "")
    notes = f"<p><i>{escape(release.notes)}</i></p>" if release.notes else ""
    summary = diff.summary()
    parts = [head, notes, f"<p>{escape(summary[:1].upper() + summary[1:])}.</p>"]
    if diff.points_added:
        parts.append(_list(tr("Points added"), [escape(title) for _id, title in diff.points_added]))
    if diff.points_removed:
        parts.append(_list(tr("Points removed"), [escape(title) for _id, title in diff.points_removed]))
    if diff.points_changed:
        items = []
        for change in diff.points_changed:
            also = [FIELD_NAMES.get(f, f) for f in change.fields if f != "text"]
            words = word_diff_html(change.old_text, change.new_text) if "text" in change.fields else ""
            items.append(f"<b>{escape(change.title)}</b>"
                         + (f"<br>{words}" if words else "")
                         + (tr("<br><i>also changed: {0}</i>").format(escape(", ".join(also))) if also else ""))
        parts.append(_list(tr("Points changed"), items))
    countries = [*(tr("{0}: added").format(escape(n)) for n in diff.countries_added),
                 *(tr("{0}: removed").format(escape(n)) for n in diff.countries_removed)]
    for change in diff.countries_changed:
        what = [FIELD_NAMES.get(f, f) for f in change.fields]
        what += [tr("carrier {0} added").format(n) for n in change.carriers_added]
        what += [tr("carrier {0} removed").format(n) for n in change.carriers_removed]
        what += [tr("carrier {0}: {1}").format(n, ", ".join(FIELD_NAMES.get(f, f) for f in fields))
                 for n, fields in change.carriers_changed]
        countries.append(f"<b>{escape(change.name)}</b>: {escape('; '.join(what))}")
    if countries:
        parts.append(_list(tr("Countries and carriers changed"), countries))
    return "".join(parts)


def _list(title: str, items: list[str]) -> str:
    return f"<h4>{escape(title)}</h4><ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def wording_faults(controller: BriefController, name: str) -> list[Fault]:
    """The Problems list's rows for points the library has reworded since the brief was made:
    an error where the officer's own wording was based on the old text, else a warning."""
    faults = []
    for change in controller.wording_changes().values():
        place = tr("point '{0}'").format(change.title)
        if change.reworded:
            faults.append(Fault(name, place, tr(
                "you reworded this point, and the library's wording it was based on has changed "
                "since this brief was made: check your wording (Point tab)")))
        else:
            faults.append(Fault(name, place, tr(
                "the library's wording changed since this brief was made: compare (Point tab)"), True))
    return faults


def show_status(window: MainWindow) -> None:
    lines = status_lines(window.loader.config)
    dialogs.show_info(window, tr("Library Status"), "<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
