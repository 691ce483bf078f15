"""Answers the patient reported elsewhere, waiting for a nurse — ``CareService.reports``.

A portal's answers are the patient's words, not yet the chart's: each is offered until
a nurse confirms it with the patient (recorded through ``CareService.answers`` like any
answer, so an answer on record is corrected, never overwritten silently) or sets it
aside. Also the export of the patient's current answers (a FHIR QuestionnaireResponse
is built from them by ``sync.questionnaire_response``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from app.clock import local_day
from app.domain import (
    Answer,
    AnswerState,
    AuditAction,
    HistoryEntry,
    NoAnswer,
    RevisionStatus,
    Source,
    answer_state,
)
from app.errors import ValidationError
from app.history_lines import REPORT_SET_ASIDE
from app.patient_reports import AnswersExport, ItemToConfirm, PatientReport, still_to_confirm
from app.services.answers import AnswerService
from app.services.context import ServiceContext, ServicePart

_UNDATED = datetime.min.replace(tzinfo=UTC)
_GONE = "That answer is no longer in the cache."
_NOT_RECORDED = (
    "The patient's reported answer was not recorded: the chart now holds another answer, "
    "or the report is no longer waiting."
)
EXPORT_NAMESPACE = uuid.UUID("3c5e8f0a-6b2d-4f7e-9a1c-8d4b2e6f0a57")
"""The exported QuestionnaireResponse's id is ``uuid5(EXPORT_NAMESPACE, patient id)``: one
response per patient, sent again (PUT) rather than a new one each time."""
_NOTE = {"en": "reported via {source}, {day}", "de": "angegeben über {source}, {day}"}
_NOTE_UNDATED = {"en": "reported via {source}", "de": "angegeben über {source}"}


class ReportService(ServicePart):
    """Patient-reported answers: what waits, confirm, set aside; and the answers to export."""

    def __init__(self, ctx: ServiceContext, answers: AnswerService) -> None:
        super().__init__(ctx)
        self.answers = answers

    def reports_to_confirm(self, patient_id: str) -> list[ItemToConfirm]:
        """The reported answers still waiting, in catalog order; of a question reported
        twice, the newer report's answer (an undated report counts as the oldest)."""
        newest = self.newest_answers(patient_id)
        waiting: dict[str, ItemToConfirm] = {}
        for report in self._by_time(self.repo.patient_reports(patient_id)):
            if not report.status.finished:
                continue
            for item in report.items:
                try:
                    question = self.catalog.question(item.question_code)
                except KeyError:
                    continue  # the catalog changed since the report arrived
                answer = newest.get(item.question_code)
                if still_to_confirm(report, question, answer):
                    on_record = answer if _is_current(answer) else None
                    waiting[question.code] = ItemToConfirm(report, question, item.value, on_record)
                else:
                    waiting.pop(question.code, None)
        order = {q.code: n for n, q in enumerate(self.catalog.questions)}
        return sorted(waiting.values(), key=lambda w: order[w.question.code])

    def confirm_reported(self, patient_id: str, report_id: str, question_code: str) -> Answer:
        """The patient confirms what they reported: recorded as their answer (a correction
        of a different answer on record, a confirmation of the same one), with a note
        saying where it came from."""
        waiting = self._waiting(patient_id, report_id, question_code)
        if waiting is None:
            # Confirmed a moment ago (a second key press) only when the chart now holds
            # exactly what this report says; anything else is not the patient's value.
            report = self.repo.patient_report(report_id)
            item = None
            if (
                report is not None
                and report.patient_id == patient_id
                and report.status.finished
                and question_code not in report.dismissed
            ):
                item = report.item(question_code)
            current = self.newest_answers(patient_id).get(question_code)
            confirmed = current is not None and item is not None and current.value == item.value
            if confirmed and current is not None and _is_current(current):
                return current
            raise ValidationError(_NOT_RECORDED)
        report = waiting.report
        # The nurse confirms it with the patient now, whoever filled in the portal.
        source = Source.PATIENT
        note = self._note(report)
        if waiting.on_record is None:
            return self.answers.record(patient_id, question_code, waiting.reported, source, note)
        return self.answers.correct(waiting.on_record.id, waiting.reported, source, note)

    def dismiss_reported(self, patient_id: str, report_id: str, question_code: str) -> None:
        """A nurse sets a reported answer aside (the patient says otherwise now, or it is
        wrong): no longer offered, the chart unchanged; in History and the audit trail."""
        waiting = self._waiting(patient_id, report_id, question_code)
        if waiting is None:
            raise ValidationError(_GONE)
        report = waiting.report
        kept = report.model_copy(update={"dismissed": (*report.dismissed, question_code)})
        with self.ctx.work() as work:
            work.repo.put_patient_report(work.conn, kept)
            work.repo.add_history(
                work.conn,
                HistoryEntry(
                    patient_id=patient_id,
                    at=work.at,
                    actor=self.actor,
                    area="answer",
                    subject=waiting.question.label,
                    action=REPORT_SET_ASIDE,
                    new_value=waiting.question.format_value(waiting.reported),
                    source=report.provenance.source,
                ),
            )
            work.audit(AuditAction.EDIT, patient_id, "patient report set aside")

    def answers_for_export(self, patient_id: str) -> tuple[list[Answer], int]:
        """The patient's current answers that still hold (the board's ``answer_state`` is
        VALID), and how many current answers were left out as due for re-confirmation."""
        patient = self.ctx.patient(patient_id)
        now = self.ctx.now()
        valid: list[Answer] = []
        due = 0
        for answer in self.newest_answers(patient_id).values():
            if not _is_current(answer) or isinstance(answer.value, NoAnswer):
                continue
            try:
                question = self.catalog.question(answer.question_code)
            except KeyError:
                continue
            # The answer's own state (not the hospital record's): it is the answer sent.
            state = answer_state(
                question, answer.effective_at, admitted_at=patient.admitted_at, now=now
            )
            if state is AnswerState.VALID:
                valid.append(answer)
            else:
                due += 1
        return valid, due

    def export_answers(self, patient_id: str, *, to_server: bool = False) -> AnswersExport:
        """What to write or send as the patient's QuestionnaireResponse (built from it by
        ``sync.questionnaire_response.export_to_response``): one stable id per patient.
        Not audited here: ``exported`` is, once the file is written or the server took it."""
        patient = self.ctx.patient(patient_id)
        answers, due = self.answers_for_export(patient_id)
        return AnswersExport(
            patient_id=patient.id,
            mrn=patient.mrn,
            display=patient.display_name,
            answers=tuple(answers),
            left_out=due,
            response_id=export_response_id(patient.id),
            authored=self.ctx.now(),
            author=self.actor,
            to_server=to_server,
        )

    def exported(self, patient_id: str, *, to_server: bool = False) -> None:
        """The export succeeded (file written, server took it): in the audit trail."""
        self.ctx.patient(patient_id)
        where = "the server" if to_server else "a file"
        with self.ctx.work() as work:
            work.audit(AuditAction.EXPORT, patient_id, f"answers exported to {where} (FHIR)")

    # --- helpers ------------------------------------------------------------------------

    def _waiting(self, patient_id: str, report_id: str, question_code: str) -> ItemToConfirm | None:
        self.ctx.patient(patient_id)
        return next(
            (
                w
                for w in self.reports_to_confirm(patient_id)
                if w.report.id == report_id and w.question.code == question_code
            ),
            None,
        )

    def _note(self, report: PatientReport) -> str:
        language = self.ctx.language if self.ctx.language in _NOTE else "en"
        if report.authored is None:
            return _NOTE_UNDATED[language].format(source=report.source_text)
        return _NOTE[language].format(
            source=report.source_text, day=local_day(report.authored).isoformat()
        )

    @staticmethod
    def _by_time(reports: list[PatientReport]) -> list[PatientReport]:
        return sorted(reports, key=lambda r: r.authored or _UNDATED)


def export_response_id(patient_id: str) -> str:
    """The id of the patient's exported QuestionnaireResponse: the same on every export."""
    return str(uuid.uuid5(EXPORT_NAMESPACE, patient_id))


def _is_current(answer: Answer | None) -> bool:
    return answer is not None and answer.status is RevisionStatus.CURRENT
