"""A box to pick one of a list by typing (a country, a carrier): it never shows one thing while
the brief holds another.

Typing offers every entry whose name, code or other names ("Deutsche Telekom") have a word
starting with each typed word. Enter picks the highlighted offer, or the only one; text that
names nothing is refused in place: the box goes back to what the brief holds and says why.
Leaving the box without picking puts the brief's choice back too. The box only emits `picked`;
the brief, and so the box, change when the controller says so (`show_value`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


def words_of(text: str) -> list[str]:
    """Lower-case words without accents: "Telefónica" and "telefonica" are the same word."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch if ch.isalnum() else " " for ch in plain if not unicodedata.combining(ch))
    return plain.split()


@dataclass(frozen=True)
class Choice:
    value: object
    label: str
    names: tuple[str, ...] = ()  # other names the officer may type

    def match(self, typed: list[str]) -> str | None:
        """The name `typed` matches ("" for the label itself), or None."""
        for name in (self.label, *self.names):
            words = words_of(name)
            if all(any(w.startswith(t) for w in words) for t in typed):
                return "" if name == self.label else name
        return None


class PickerBox(QComboBox):
    picked = Signal(object)
    refused = Signal(str)  # what was typed and not taken, in words

    def __init__(self, name: str, nouns: tuple[str, str], placeholder: str, parent: QWidget | None = None):
        super().__init__(parent, editable=True, accessibleName=name)
        self._nouns = nouns  # ("country", "countries")
        self._choices: list[Choice] = []
        self._offers: list[Choice] = []
        self._value: object = None
        self._held = ""  # the text that stands for the brief's choice
        self.setInsertPolicy(QComboBox.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.lineEdit().setPlaceholderText(placeholder)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self.lineEdit())
        completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.lineEdit().setCompleter(completer)  # not the box's: it would look our labels up itself
        completer.activated[str].connect(self._on_completer_activated)
        self.lineEdit().textEdited.connect(self._on_text_edited)
        self.lineEdit().installEventFilter(self)
        completer.popup().installEventFilter(self)  # after the completer's own, so first
        self.activated.connect(lambda index: self._take(self._choices[index]) if index >= 0 else None)

    def set_choices(self, choices: list[Choice]) -> None:
        self._choices = list(choices)
        self.blockSignals(True)
        self.clear()
        for choice in self._choices:
            self.addItem(choice.label, choice.value)
        self.blockSignals(False)
        self.show_value(self._value, self._held)

    def show_value(self, value: object, missing: str = "") -> None:
        """Show the brief's choice; `missing` is the text for a value not among the choices
        (a brief saved with a country the library no longer has)."""
        self._value = value
        index = next((i for i, c in enumerate(self._choices) if c.value == value), -1)
        self._held = self._choices[index].label if index >= 0 else missing
        self.blockSignals(True)
        self.setCurrentIndex(index)
        self.blockSignals(False)
        if self.lineEdit().text() != self._held:
            self.lineEdit().setText(self._held)

    def offers(self) -> list[str]:
        """What the list under the box offers for the typed text."""
        return self._model.stringList()

    def _on_text_edited(self, text: str) -> None:
        typed = words_of(text)
        matched = [(c, c.match(typed)) for c in self._choices] if typed else []
        self._offers = [c for c, name in matched if name is not None]
        self._model.setStringList([f"{c.label} — {name}" if name else c.label
                                   for c, name in matched if name is not None])
        if not self._offers:  # the line edit shows the offers next, highlighting one whose
            self.lineEdit().completer().popup().hide()  # label starts with the typed text

    def _on_completer_activated(self, text: str) -> None:
        """A click in the list (Enter is handled in `eventFilter`): the line edit then writes
        the offer's label into itself, so the brief's choice is shown again just after."""
        labels = self._model.stringList()
        if text in labels:
            self._take(self._offers[labels.index(text)])
            QTimer.singleShot(0, self, lambda: self.show_value(self._value, self._held))

    def accept_typed(self) -> None:
        """Enter: the highlighted offer, the entry named exactly, or the only match; else refuse."""
        popup = self.lineEdit().completer().popup()
        row = popup.currentIndex().row() if popup.isVisible() else -1
        popup.hide()
        typed = self.lineEdit().text()
        words = words_of(typed)
        matches = [c for c in self._choices if words and c.match(words) is not None]
        exact = [c for c in self._choices if words and any(words_of(n) == words for n in (c.label, *c.names))]
        if 0 <= row < len(self._offers):
            self._take(self._offers[row])
        elif typed == self._held:
            return
        elif len(exact) == 1 or len(matches) == 1:
            self._take((exact or matches)[0])
        else:
            self._refuse(typed, len(matches))

    def _refuse(self, typed: str, matches: int, leaving: bool = False) -> None:
        """Put the brief's choice back and say why the typed text was not taken."""
        self.show_value(self._value, self._held)
        held = self._held or self.tr("none")
        if not typed.strip():
            return
        if matches == 0:
            text = self.tr("No {0} matches \u201c{1}\u201d; the brief keeps {2}.")
        elif leaving:
            text = self.tr("\u201c{1}\u201d was not chosen (press Enter to choose); the brief keeps {2}.")
        else:
            text = self.tr("{3} {4} match \u201c{1}\u201d: type more, or pick one from the list.")
        self.refused.emit(text.format(self._nouns[0], typed, held, matches, self._nouns[1]))

    def _take(self, choice: Choice) -> None:
        self.show_value(self._value, self._held)  # the brief decides; redrawn when it changes
        self.picked.emit(choice.value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter accepts; Escape puts the brief's choice back."""
        enter = event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter)
        if enter and watched in (self.lineEdit(), self.lineEdit().completer().popup()):
            self.accept_typed()
            return True
        if watched is self.lineEdit():
            if event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape \
                    and self.lineEdit().text() != self._held:
                self.show_value(self._value, self._held)
                return True
        return super().eventFilter(watched, event)

    def focusOutEvent(self, event) -> None:
        """Leaving the box without picking puts the brief's choice back, and says so."""
        super().focusOutEvent(event)
        if event.reason() == Qt.PopupFocusReason or self.view().isVisible() \
                or self.lineEdit().text() == self._held:
            return
        self.lineEdit().completer().popup().hide()
        typed = self.lineEdit().text()
        self._refuse(typed, sum(c.match(words_of(typed)) is not None for c in self._choices), leaving=True)
