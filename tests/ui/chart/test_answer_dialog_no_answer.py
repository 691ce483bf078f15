"""The chart's answer dialog offers "asked, but no answer" too, one Alt+ key each."""

from __future__ import annotations

from app.domain import AnswerType, Catalog, NoAnswer, NoAnswerReason, Source
from app.services import CareService
from ui.chart.answer_dialog import AnswerDialog
from ui.qt import Qt, QtWidgets

ALT = Qt.KeyboardModifier.AltModifier


def _shown(qtbot, dialog: AnswerDialog) -> AnswerDialog:
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog, timeout=5_000)
    return dialog


def _key(qtbot, dialog: AnswerDialog, key: Qt.Key, mods=ALT) -> None:
    before = dialog.result_value()
    qtbot.keyClick(QtWidgets.QApplication.focusWidget() or dialog, key, mods)
    if mods == ALT:  # a mnemonic clicks after the button is seen going down
        qtbot.waitUntil(lambda: dialog.result_value() != before, timeout=2_000)


def test_declined_by_keyboard_instead_of_an_answer(qtbot, catalog: Catalog) -> None:
    question = next(q for q in catalog.questions if q.answer_type is AnswerType.BOOLEAN)
    dialog = _shown(qtbot, AnswerDialog(question, None, correcting=False))
    radios = [r.accessibleName() for r in dialog.findChildren(QtWidgets.QRadioButton)]
    assert radios[-3:] == ["Declined", "Could not answer now", "Not applicable"]
    assert dialog.result_value() is None

    _key(qtbot, dialog, Qt.Key.Key_D)
    assert dialog.result_value() == NoAnswer(reason=NoAnswerReason.DECLINED)
    assert not dialog._input_box.isEnabled()  # the answer waits until the reason is taken back
    _key(qtbot, dialog, Qt.Key.Key_X)  # one reason at a time
    assert dialog.result_value() == NoAnswer(reason=NoAnswerReason.NOT_APPLICABLE)
    _key(qtbot, dialog, Qt.Key.Key_X)  # pressed again: taken back
    assert dialog.result_value() is None
    assert dialog._input_box.isEnabled()
    _key(qtbot, dialog, Qt.Key.Key_U)
    with qtbot.wait_signal(dialog.accepted):
        _key(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert dialog.result_value() == NoAnswer(reason=NoAnswerReason.UNKNOWN)


def test_correcting_a_declined_answer_shows_it_and_takes_a_value(
    qtbot, demo_service: CareService
) -> None:
    catalog = demo_service.catalog
    patient = demo_service.charts.ward()[0].patient
    board = demo_service.charts.chart(patient.id, audit_view=False).board
    item = next(i for i in board if i.answer is None and i.question.options)
    declined = demo_service.answers.record(
        patient.id, item.question.code, NoAnswer(reason=NoAnswerReason.DECLINED), Source.PATIENT
    )
    dialog = _shown(
        qtbot, AnswerDialog(catalog.question(declined.question_code), declined, correcting=True)
    )
    labels = " ".join(w.text() for w in dialog.findChildren(QtWidgets.QLabel))
    assert "Previous answer: Declined" in labels
    assert dialog.result_value() == NoAnswer(reason=NoAnswerReason.DECLINED)
    _key(qtbot, dialog, Qt.Key.Key_D)  # taken back: now an answer
    dialog.choose(item.question.options[0].code)
    assert dialog.result_value() == item.question.options[0].code
