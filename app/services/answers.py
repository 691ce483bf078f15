"""Answers to catalog questions: record, confirm, correct, enter in error — ``CareService.answers``.

Ask once: an existing answer is confirmed or corrected, never duplicated.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from app.domain import (
    Answer,
    AnswerAction,
    AnswerRevision,
    AnswerType,
    AnswerValue,
    AuditAction,
    NoAnswer,
    OutboxOperation,
    Question,
    RevisionStatus,
    Source,
)
from app.errors import ValidationError
from app.history_lines import answer_change
from app.services.context import ServicePart


class AnswerService(ServicePart):
    """The Ask-once board's edits."""

    def record(
        self, patient_id: str, question_code: str, value: AnswerValue, source: Source
    ) -> Answer:
        """A first answer (or a new one after the previous was entered in error)."""
        question = self._question(question_code)
        value = self._validated_value(question, value)
        self.ctx.patient(patient_id)
        current = [
            a
            for a in self.repo.answers(patient_id)
            if a.question_code == question_code and a.status is RevisionStatus.CURRENT
        ]
        if current:
            # Ask once: an existing answer is confirmed or corrected, never duplicated.
            raise ValidationError(
                "This question is already answered; confirm or correct the answer instead."
            )
        now = self.ctx.now()
        prov = self.ctx.provenance(now, source, None)
        answer = Answer(
            id=str(uuid.uuid4()),
            patient_id=patient_id,
            question_code=question_code,
            value=value,
            status=RevisionStatus.CURRENT,
            effective_at=now,
            provenance=prov,
            history=(
                AnswerRevision(
                    action=AnswerAction.RECORDED,
                    value=value,
                    provenance=prov,
                    status=RevisionStatus.CURRENT,
                ),
            ),
            unsent=True,
        )
        self._save_answer(answer, OutboxOperation.CREATE, question, old=None)
        return answer

    def confirm(self, answer_id: str, source: Source = Source.PATIENT) -> Answer:
        """The patient says the answer still holds: one action, recorded with who confirmed."""
        old = self._answer(answer_id)
        return self._revise(old, AnswerAction.CONFIRMED, old.value, source, "")

    def correct(self, answer_id: str, value: AnswerValue, source: Source, note: str = "") -> Answer:
        old = self._answer(answer_id)
        value = self._validated_value(self._question(old.question_code), value)
        if value == old.value:
            return self.confirm(answer_id, source)
        return self._revise(old, AnswerAction.CORRECTED, value, source, note)

    def mark_entered_in_error(self, answer_id: str, reason: str) -> Answer:
        if not reason.strip():
            raise ValidationError("Please say why the answer was entered in error.")
        old = self._answer(answer_id)
        return self._revise(old, AnswerAction.ENTERED_IN_ERROR, old.value, Source.CHART, reason)

    def _revise(
        self, old: Answer, action: AnswerAction, value: AnswerValue, source: Source, note: str
    ) -> Answer:
        if old.status is RevisionStatus.ENTERED_IN_ERROR:
            raise ValidationError("This answer was entered in error; record a new answer instead.")
        now = self.ctx.now()
        prov = self.ctx.provenance(now, source, old.server_version)
        status = (
            RevisionStatus.ENTERED_IN_ERROR
            if action is AnswerAction.ENTERED_IN_ERROR
            else RevisionStatus.CURRENT
        )
        earlier = tuple(
            r.model_copy(update={"status": RevisionStatus.SUPERSEDED}) for r in old.history
        )
        revision = AnswerRevision(
            action=action, value=value, provenance=prov, status=status, note=note
        )
        answer = old.model_copy(
            update={
                "value": value,
                "status": status,
                # An answer in error keeps its time; a confirmation or correction restarts
                # its validity.
                "effective_at": old.effective_at if status is not RevisionStatus.CURRENT else now,
                "provenance": prov,
                "history": (*earlier, revision),
                "unsent": True,
            }
        )
        self._save_answer(answer, OutboxOperation.UPDATE, self._question(old.question_code), old)
        return answer

    def _save_answer(
        self,
        answer: Answer,
        operation: OutboxOperation,
        question: Question,
        old: Answer | None,
    ) -> None:
        line = answer_change(question, old, answer)
        with self.ctx.work() as work:
            work.save_edit(answer, line, operation=operation)
            work.audit(AuditAction.EDIT, answer.patient_id, f"answer {line.action}")

    def _question(self, code: str) -> Question:
        try:
            return self.catalog.question(code)
        except KeyError as exc:
            raise ValidationError("That question is not in the catalog.") from exc

    def _answer(self, answer_id: str) -> Answer:
        answer = self.repo.answer(answer_id)
        if answer is None:
            raise ValidationError("That answer is no longer in the cache.")
        return answer

    @staticmethod
    def _validated_value(question: Question, value: AnswerValue) -> AnswerValue:
        if isinstance(value, NoAnswer):
            return value  # asked, but no answer: fits every question
        t = question.answer_type
        codes = {o.code for o in question.options}
        if t is AnswerType.BOOLEAN:
            if not isinstance(value, bool):
                raise ValidationError("Please answer yes or no.")
            return value
        if t is AnswerType.MULTI_CHOICE:
            chosen = (value,) if isinstance(value, str) else value
            if not isinstance(chosen, tuple) or not chosen or not set(chosen) <= codes:
                raise ValidationError("Please pick at least one of the listed answers.")
            return tuple(sorted(chosen, key=[o.code for o in question.options].index))
        if not isinstance(value, str) or not value.strip():
            raise ValidationError("Please enter an answer.")
        value = value.strip()
        if t in (AnswerType.CHOICE, AnswerType.CONTACT_METHOD) and value not in codes:
            raise ValidationError("Please pick one of the listed answers.")
        if t is AnswerType.TIME:
            try:
                # Normalised, so the server always receives a valid FHIR time ("07:05").
                return datetime.strptime(value, "%H:%M").strftime("%H:%M")
            except ValueError as exc:
                raise ValidationError("Please enter a time as HH:MM, for example 21:30.") from exc
        return value
