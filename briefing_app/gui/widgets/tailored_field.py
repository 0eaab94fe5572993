"""One part of a library point the officer may word differently for this brief (the spoken
text, the background, the "if raised" answers): an editable box, what differs from the
library shown word by word, and a button that puts the library's wording back."""

from __future__ import annotations

import difflib
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ...core.brief import Answer


def word_diff_html(old: str, new: str) -> str:
    """Words taken out struck through in red, words put in underlined in green."""
    a, b = old.split(), new.split()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            out.append(f"<s style='color:#b00020'>{escape(' '.join(a[i1:i2]))}</s>")
        if tag in ("insert", "replace"):
            out.append(f"<u style='color:#1b5e20'>{escape(' '.join(b[j1:j2]))}</u>")
        if tag == "equal":
            out.append(escape(" ".join(a[i1:i2])))
    return " ".join(out)


def text_box(name: str, rows: int) -> QPlainTextEdit:
    """A text box about `rows` lines high (a little more room to grow), so what is below it
    stays in view; Tab leaves it."""
    box = QPlainTextEdit(accessibleName=name, tabChangesFocus=True)
    line = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(line * rows + 12)
    box.setMaximumHeight(line * (rows + 2) + 12)
    return box


def answers_text(answers) -> str:
    """Questions and answers as the officer edits them: "Q: …" and "A: …", a blank line between."""
    return "\n\n".join(f"Q: {a.question}\nA: {a.answer}" for a in answers)


def parse_answers(text: str) -> tuple[Answer, ...]:
    """The pairs in `text`: a line starting "Q:" opens a question, "A:" its answer; other lines
    continue whichever came last (text before the first "Q:" is taken as a question)."""
    pairs: list[dict[str, list[str]]] = []
    part = "question"
    for line in text.splitlines():
        head = line.strip()[:2].upper()
        if head == "Q:" or not pairs:
            pairs.append({"question": [], "answer": []})
            part = "question"
        if head == "A:":
            part = "answer"
        body = line.strip()[2:] if head in ("Q:", "A:") else line
        pairs[-1][part].append(body.strip())
    return tuple(Answer(question=" ".join(w for w in p["question"] if w),
                        answer=" ".join(w for w in p["answer"] if w))
                 for p in pairs if any(p["question"]) or any(p["answer"]))


class TailoredField(QWidget):
    """`edited` carries the box's text; `reverted` asks for the library's wording back."""

    edited = Signal(str)
    reverted = Signal()

    def __init__(self, name: str, label: str, revert: str, rows: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = text_box(name, rows)
        self.label = QLabel(label, buddy=self.box)
        self.difference = QLabel(wordWrap=True, textFormat=Qt.RichText,
                                 accessibleName=self.tr("Difference: {0}").format(name))
        self.revert_button = QPushButton(revert, accessibleName=self.tr("Revert {0}").format(name))
        row = QHBoxLayout()
        row.addWidget(self.difference, 1)
        row.addWidget(self.revert_button, 0, Qt.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.box)
        layout.addLayout(row)
        self.box.textChanged.connect(lambda: self.box.isReadOnly() or self.edited.emit(self.box.toPlainText()))
        self.revert_button.clicked.connect(self.reverted.emit)

    def show_text(self, library: str, text: str, editable: bool, same: str,
                  shown: str | None = None) -> None:
        """Show this brief's `text` against the `library` wording; `same` says they agree. The
        box holds `shown` where that is how the officer is typing the same content."""
        set_plain(self.box, text if shown is None else shown)
        self.box.setReadOnly(not editable)
        differs = text != library
        self.revert_button.setVisible(editable)
        self.revert_button.setEnabled(differs)
        self.difference.setText(
            self.tr("<b style='color:#b00020'>✎ Reworded</b> — differs from the library:<br>")
            + word_diff_html(library, text) if differs else f"<span style='color:#555'>{same}</span>")


def set_plain(box: QPlainTextEdit, text: str) -> None:
    """Update a box only when it differs, so typing keeps its cursor and undo redraws it."""
    if box.toPlainText() != text:
        box.blockSignals(True)
        box.setPlainText(text)
        box.blockSignals(False)
