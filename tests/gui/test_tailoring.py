"""A library point tailored for one brief: its background and "if raised" answers reworded with
the same difference and revert as its text, and a private note that reaches the officer brief
and never the handout."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.test_workflow import choose_italy_and_tim, pdf_text


def end_of(qtbot, box, text):
    """Type `text` at the end of `box`, pressing Return for each line break."""
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    for index, line in enumerate(text.split("\n")):
        if index:
            qtbot.keyClick(box, Qt.Key_Return)
        qtbot.keyClicks(box, line)


def test_background_answers_and_a_private_note_are_tailored_per_brief(qtbot, make_window):
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    window.chosen_list.select("compulsion-law")
    editor = window.point_editor
    background, answers = editor.background, editor.if_raised
    assert background.box.toPlainText().startswith("BACKGROUND-COMPULSION")
    assert answers.box.toPlainText().startswith("Q: QUESTION-COMPULSION")
    assert not background.revert_button.isEnabled()
    assert "Same as the library" in background.difference.text()

    end_of(qtbot, background.box, " Our post confirmed it in March.")
    assert "Reworded" in background.difference.text() and "March." in background.difference.text()
    assert background.revert_button.isEnabled()
    end_of(qtbot, answers.box, "\n\nQ: What about Samsung?\nA: Samsung builds its radios in Korea.")
    assert window.controller.brief.points[0].if_raised[-1].answer == "Samsung builds its radios in Korea."
    assert "Samsung" in answers.difference.text()
    end_of(qtbot, editor.note, "Minister met Huawei last week.")

    window.preview.refresh_now()
    officer = " ".join(pdf_text(window.preview.pdf_bytes).split())
    assert "Our post confirmed it in March." in officer
    assert "What about Samsung? (U) Samsung builds its radios in Korea." in officer
    assert "Officer's note: Minister met Huawei last week." in officer
    qtbot.mouseClick(window.preview.handout, Qt.LeftButton)
    handout = " ".join(pdf_text(window.preview.pdf_bytes).split())
    assert "Article 7" in handout
    assert "Minister met Huawei" not in handout and "Samsung builds its radios" not in handout

    qtbot.mouseClick(background.revert_button, Qt.LeftButton)
    assert background.box.toPlainText() == "BACKGROUND-COMPULSION: the law entered into force on 28 June 2017."
    assert not background.revert_button.isEnabled()
    window.controller.undo_stack.undo()
    assert background.box.toPlainText().endswith("confirmed it in March.")
    assert editor.note.toPlainText() == "Minister met Huawei last week."

    window.chosen_list.select("edge-huawei")  # another point: its own, untouched fields
    assert editor.note.toPlainText() == ""
    assert "Same as the library" in editor.if_raised.difference.text()


def test_a_point_not_in_the_brief_is_read_only(qtbot, make_window):
    window = make_window()
    choose_italy_and_tim(qtbot, window)
    window.controller.set_chosen("subsidy-financing", False)
    window.point_editor.show_point("subsidy-financing")
    editor = window.point_editor
    assert editor.background.box.isReadOnly() and editor.if_raised.box.isReadOnly()
    assert not editor.note.isVisible()
    qtbot.keyClicks(editor.background.box, "typed")
    assert "typed" not in editor.background.box.toPlainText()
