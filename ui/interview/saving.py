"""Each interview answer is saved the moment it is given, on the DB worker.

A lock or a crash mid-interview loses nothing but the question on screen. The answer
ids live with the worker's own work (every write runs there, one after the other), so a
correction typed right after a first answer finds the answer that one created, even
before the GUI has heard back.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain import Answer, AnswerValue, Source
from app.services import BoardItem, CareService
from ui.base.error_text import error_text
from ui.base.taskman import DbOp, TaskManager

Saved = Callable[[str], None]
"""Called with the question code once its answer is on disk."""
Refused = Callable[[str, str], None]
"""Called with the question code and the reason, in the user's words."""


def _ignore_saved(_code: str) -> None:
    pass


def _ignore_refused(_code: str, _message: str) -> None:
    pass


class InterviewSaver:
    """Record, correct or confirm one patient's answers through ``CareService.answers``."""

    def __init__(
        self,
        tasks: TaskManager,
        service: CareService,
        patient_id: str,
        items: list[BoardItem],
        *,
        on_saved: Saved,
        on_refused: Refused,
    ) -> None:
        self._tasks = tasks
        self._service = service
        self.patient_id = patient_id
        self._on_saved = on_saved
        self._on_refused = on_refused
        self.pending = 0
        # Written and read on the DB worker only (after this constructor).
        self._answer_ids: dict[str, str] = {
            i.question.code: i.answer.id for i in items if i.answer is not None
        }

    def detach(self) -> None:
        """The interview is gone: saves still under way finish without calling back."""
        self._on_saved = _ignore_saved
        self._on_refused = _ignore_refused

    def answer(self, code: str, value: AnswerValue, source: Source) -> None:
        """A first answer, or a new value for one answered before (then it is a correction)."""
        answers, patient_id, ids = self._service.answers, self.patient_id, self._answer_ids

        def save() -> Answer:
            existing = ids.get(code)
            if existing is None:
                saved = answers.record(patient_id, code, value, source)
            else:
                saved = answers.correct(existing, value, source)
            ids[code] = saved.id
            return saved

        self._run(code, save)

    def confirm(self, code: str, source: Source) -> None:
        """Still true: the current answer confirmed by ``source``."""
        answers, ids = self._service.answers, self._answer_ids

        def save() -> Answer:
            return answers.confirm(ids[code], source)

        self._run(code, save)

    def _run(self, code: str, save: Callable[[], Answer]) -> None:
        self.pending += 1
        counted = False

        def settle() -> None:
            # Before the callback, so that it sees this save as done.
            nonlocal counted
            if not counted:
                counted = True
                self.pending -= 1

        def saved(_answer: Answer) -> None:
            settle()
            self._on_saved(code)

        def refused(exc: Exception) -> None:
            settle()
            self._on_refused(code, error_text(exc))

        DbOp(self._tasks, save).success(saved).failure(refused).always(settle).run()
