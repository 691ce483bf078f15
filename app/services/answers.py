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
from app.hospital_record import record_fact
from app.services.context import ServiceContext, ServicePart
from app.services.discharge import (
    FOLLOW_UP_CHANNEL_QUESTION,
    FOLLOW_UP_TIMES_QUESTION,
    DischargeService,
)


class AnswerService(ServicePart):
    """The Ask-once board's edits."""

    def __init__(self, ctx: ServiceContext, discharge: DischargeService) -> None:
        super().__init__(ctx)
        self.discharge = discharge
        """An answer to the follow-up channel or times re-routes the follow-up request."""

    def record(
        self,
        patient_id: str,
        question_code: str,
        value: AnswerValue,
        source: Source,
        note: str = "",
    ) -> Answer:
        """A first answer (or a new one after the previous was entered in error); ``note``
        says how it came (say, from the patient's portal answers)."""
        question = self._question(question_code)
        value = self._validated_value(question, value)
        self.ctx.patient(patient_id)
        if self._current(patient_id, question_code) is not None:
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
                    note=note,
                ),
            ),
            unsent=True,
        )
        self._save_answer(answer, OutboxOperation.CREATE, question, old=None)
        return answer

    def confirm(self, answer_id: str, source: Source = Source.PATIENT, note: str = "") -> Answer:
        """The patient says the answer still holds: one action, recorded with who confirmed."""
        old = self._answer(answer_id)
        return self._revise(old, AnswerAction.CONFIRMED, old.value, source, note)

    def correct(self, answer_id: str, value: AnswerValue, source: Source, note: str = "") -> Answer:
        old = self._answer(answer_id)
        value = self._validated_value(self._question(old.question_code), value)
        if value == old.value:
            return self.confirm(answer_id, source, note)
        return self._revise(old, AnswerAction.CORRECTED, value, source, note)

    def confirm_record(
        self, patient_id: str, question_code: str, source: Source = Source.OTHER_SYSTEM
    ) -> Answer:
        """The nurse confirms what the hospital's record says: from now on it is an AskOnce
        answer too (recorded, or the current answer confirmed or corrected to it), sent to
        the server like any other. Until then the record's fact is never sent.

        The value is read from the record as cached now, not taken from the screen.
        """
        question = self._question(question_code)
        fact = record_fact(question, self.ctx.patient(patient_id))
        if fact is None:  # a sync since the board was read took it away
            raise ValidationError("That answer is no longer in the cache.")
        current = self._current(patient_id, question_code)
        if current is None:
            return self.record(patient_id, question_code, fact.value, source)
        return self.correct(current.id, fact.value, source)

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
            if answer.question_code in (FOLLOW_UP_CHANNEL_QUESTION, FOLLOW_UP_TIMES_QUESTION):
                self.discharge.follow_up_after_change(work, answer.patient_id)

    def _current(self, patient_id: str, question_code: str) -> Answer | None:
        return next(
            (
                a
                for a in self.repo.answers(patient_id)
                if a.question_code == question_code and a.status is RevisionStatus.CURRENT
            ),
            None,
        )

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
