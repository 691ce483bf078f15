"""An interview across a real lock of the shared workstation (DESIGN.md §6): what was
answered is on disk, what was half typed is kept encrypted, and after the PIN the
interview goes on at the same question."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain import AnswerState, AnswerType
from tests.ui.interview.helpers import (
    answer_current,
    current,
    press,
    start_interview,
    type_text,
    wait_for_interview,
)
from tests.ui.workstation.test_shell import (  # the shared workstation and its steps
    ANNA,
    WAIT_MS,
    Workstation,
    _lock,
    _open_first_patient,
    _sign_in,
    _unlock,
    workstation,  # noqa: F401 -- the fixture
)
from ui.base import drafts
from ui.qt import Qt

pytestmark = pytest.mark.keystore

ALT = Qt.KeyboardModifier.AltModifier


def test_a_lock_mid_interview_loses_nothing_and_the_interview_goes_on(
    qtbot,
    workstation: Workstation,  # noqa: F811 -- the fixture imported above
    isolated_home: Path,
) -> None:
    ws = workstation
    typed = "Zqxhalfway through the answer"
    main = _sign_in(qtbot, ws, ANNA)
    patient_id = _open_first_patient(qtbot, main)
    dialog = start_interview(qtbot, main)
    answered: list[str] = []
    while len(answered) < 2:
        item = current(dialog)
        if item.state is AnswerState.DUE or item.question.answer_type is AnswerType.FREE_TEXT:
            press(qtbot, dialog, Qt.Key.Key_Right, ALT)
            continue
        answered.append(item.question.code)
        answer_current(qtbot, dialog)
    while current(dialog).question.answer_type is not AnswerType.FREE_TEXT:
        press(qtbot, dialog, Qt.Key.Key_Right, ALT)
    at = current(dialog).question.code
    type_text(qtbot, dialog, typed)

    _lock(qtbot, ws)
    assert drafts.open_editor() is None, "the interview closed with the lock"
    for path in isolated_home.rglob("*"):
        if path.is_file():
            assert typed.encode() not in path.read_bytes(), f"the draft is in plain {path.name}"

    main = _unlock(qtbot, ws, ANNA)
    reopened = wait_for_interview(qtbot, main)
    assert reopened.patient_id == patient_id
    assert current(reopened).question.code == at
    assert reopened.page.typed() == typed
    remaining = {i.question.code for i in reopened.flow.items}
    assert not remaining & set(answered), "what was answered before the lock is saved"
    session = ws.shell.session
    assert session is not None
    chart = ws.tasks.run_db_blocking(
        lambda: session.service.charts.chart(patient_id, audit_view=False)
    )
    for code in answered:
        assert next(i for i in chart.board if i.question.code == code).answer is not None
    with qtbot.wait_signal(reopened.finished, timeout=WAIT_MS):
        press(qtbot, reopened, Qt.Key.Key_Escape)
