"""Edits as operations: each runs on the DB worker and announces the changed chart.

Widgets call these with what the user decided; they never call the service
directly, so every write goes through the one worker (see ``ui.base.taskman``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from app.discharge import Destination, DischargePlan, DischargeTask
from app.domain import (
    AnswerValue,
    HomeCareContact,
    HomeMedication,
    ReconciliationDecision,
    Source,
)
from app.patient_reports import AnswersExport, ItemToConfirm
from app.services import CareService
from sync import questionnaire_response
from sync.client import SyncError
from ui.base.error_text import error_text
from ui.base.taskman import DbOp, NetOp, TaskManager
from ui.qt import QtCore, Signal

T = TypeVar("T")


class ChartActions(QtCore.QObject):
    """Write operations on one patient's chart."""

    sig_chart_changed = Signal(str)
    """A patient's chart changed (argument: patient id); views reload it."""

    sig_edit_failed = Signal(str)
    """An edit was refused; the argument is a message for the nurse (no patient data)."""

    def __init__(
        self, tasks: TaskManager, service: CareService, parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.service = service

    def _edit(self, patient_id: str, op: Callable[[], T], done: Callable[[T], None] | None) -> None:
        def ok(result: T) -> None:
            if done is not None:
                done(result)
            self.sig_chart_changed.emit(patient_id)

        def refused(exc: Exception) -> None:
            self.sig_edit_failed.emit(error_text(exc))

        DbOp(self.tasks, op).success(ok).failure(refused).run()

    def mark_news_seen(self, patient_id: str, up_to: int) -> None:
        """The user has seen colleagues' changes up to ``up_to`` (the chart reloads)."""
        self._edit(patient_id, lambda: self.service.news.seen(patient_id, up_to), None)

    def record_answer(
        self,
        patient_id: str,
        question_code: str,
        value: AnswerValue,
        source: Source,
        done: Callable[[object], None] | None = None,
    ) -> None:
        self._edit(
            patient_id,
            lambda: self.service.answers.record(patient_id, question_code, value, source),
            done,
        )

    def confirm_answer(self, patient_id: str, answer_id: str, source: Source) -> None:
        self._edit(patient_id, lambda: self.service.answers.confirm(answer_id, source), None)

    def confirm_record(self, patient_id: str, question_code: str) -> None:
        """What the hospital record says is right: it becomes an AskOnce answer too."""
        self._edit(
            patient_id,
            lambda: self.service.answers.confirm_record(patient_id, question_code),
            None,
        )

    def correct_answer(
        self, patient_id: str, answer_id: str, value: AnswerValue, source: Source, note: str
    ) -> None:
        self._edit(
            patient_id,
            lambda: self.service.answers.correct(answer_id, value, source, note),
            None,
        )

    def mark_entered_in_error(self, patient_id: str, answer_id: str, reason: str) -> None:
        self._edit(
            patient_id, lambda: self.service.answers.mark_entered_in_error(answer_id, reason), None
        )

    def save_medication(self, med: HomeMedication) -> None:
        self._edit(med.patient_id, lambda: self.service.home_care.save_medication(med), None)

    def stop_medication(self, patient_id: str, med_id: str) -> None:
        self._edit(patient_id, lambda: self.service.home_care.stop_medication(med_id), None)

    def save_contact(self, contact: HomeCareContact) -> None:
        self._edit(contact.patient_id, lambda: self.service.home_care.save_contact(contact), None)

    # --- discharge planning -------------------------------------------------------------

    def start_discharge_plan(
        self, patient_id: str, expected_date: date, destination: Destination, note: str = ""
    ) -> None:
        service = self.service
        self._edit(
            patient_id,
            lambda: service.discharge.start_plan(patient_id, expected_date, destination, note),
            None,
        )

    def save_discharge_plan(self, plan: DischargePlan) -> None:
        self._edit(plan.patient_id, lambda: self.service.discharge.save_plan(plan), None)

    def add_discharge_task(self, patient_id: str, fields: dict[str, Any]) -> None:
        """A checklist item beyond the standard checklist, as the user typed it."""
        self._edit(patient_id, lambda: self.service.discharge.add_task(patient_id, **fields), None)

    def save_discharge_task(self, task: DischargeTask) -> None:
        self._edit(task.patient_id, lambda: self.service.discharge.save_task(task), None)

    def reconcile_medication(
        self, patient_id: str, med_id: str, decision: ReconciliationDecision, note: str = ""
    ) -> None:
        self._edit(
            patient_id,
            lambda: self.service.discharge.reconcile_medication(med_id, decision, note),
            None,
        )

    def add_new_medication(self, med: HomeMedication) -> None:
        """A medication started for after discharge: added and decided "new" in one edit."""
        self._edit(med.patient_id, lambda: self.service.discharge.add_new_medication(med), None)

    def verify_contact(self, patient_id: str, contact_id: str) -> None:
        self._edit(patient_id, lambda: self.service.discharge.verify_contact(contact_id), None)

    def set_home_helper(self, patient_id: str, contact_id: str | None) -> None:
        self._edit(
            patient_id, lambda: self.service.discharge.set_home_helper(patient_id, contact_id), None
        )

    def request_follow_up(self, patient_id: str) -> None:
        """Hand the follow-up to the hospital's messaging system now (a plan already done)."""
        self._edit(patient_id, lambda: self.service.discharge.request_follow_up(patient_id), None)

    def cancel_follow_up(self, patient_id: str, request_id: str) -> None:
        """Withdraw the follow-up request from the messaging system."""
        self._edit(patient_id, lambda: self.service.discharge.cancel_follow_up(request_id), None)

    # --- answers the patient reported elsewhere (app.services.reports) -------------------

    def load_reported(self, patient_id: str, done: Callable[[list[ItemToConfirm]], None]) -> None:
        """The patient-reported answers still waiting for a nurse (a read, no change)."""
        DbOp(self.tasks, lambda: self.service.reports.reports_to_confirm(patient_id)).success(
            done
        ).failure(lambda exc: self.sig_edit_failed.emit(error_text(exc))).run()

    def confirm_reported(self, patient_id: str, report_id: str, question_code: str) -> None:
        """The patient confirms what they reported: it becomes their answer."""
        self._edit(
            patient_id,
            lambda: self.service.reports.confirm_reported(patient_id, report_id, question_code),
            None,
        )

    def dismiss_reported(self, patient_id: str, report_id: str, question_code: str) -> None:
        """A reported answer is set aside: no longer offered, the chart unchanged."""
        self._edit(
            patient_id,
            lambda: self.service.reports.dismiss_reported(patient_id, report_id, question_code),
            None,
        )

    def _build_export(
        self, patient_id: str, to_server: bool
    ) -> Callable[[], tuple[dict[str, Any], AnswersExport]]:
        """On the DB worker: what to export (one service call) as the response to write or
        send (``sync.questionnaire_response``'s mapping, no ids or times chosen here)."""
        service = self.service

        def build() -> tuple[dict[str, Any], AnswersExport]:
            export = service.reports.export_answers(patient_id, to_server=to_server)
            return questionnaire_response.export_to_response(service.catalog, export), export

        return build

    def export_answers(
        self,
        patient_id: str,
        write: Callable[[dict[str, Any]], bool],
        done: Callable[[int], None],
    ) -> None:
        """Export the patient's answers to a file: built on the DB worker, written by
        ``write`` on the GUI thread (``False``: it could not), and only then audited; ``done``
        gets how many answers were left out as due for re-confirmation."""

        def built(result: tuple[dict[str, Any], AnswersExport]) -> None:
            response, export = result
            if write(response):
                self._audit_export(patient_id, export, done)

        DbOp(self.tasks, self._build_export(patient_id, False)).success(built).failure(
            lambda exc: self.sig_edit_failed.emit(error_text(exc))
        ).run()

    def send_answers(
        self,
        patient_id: str,
        upload: Callable[[dict[str, Any]], object],
        done: Callable[[int], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """Export the answers to the server: built on the DB worker, sent by ``upload`` (the
        sync layer's) on the network worker, audited once the server took it; ``done`` gets
        how many answers were left out as due for re-confirmation."""

        def send(result: tuple[dict[str, Any], AnswersExport]) -> None:
            response, export = result

            def attempt() -> SyncError | None:
                try:
                    upload(response)
                except SyncError as exc:  # the server's refusal or the network: words, no bug
                    return exc
                return None

            def answered(refusal: SyncError | None) -> None:
                if refusal is not None:
                    failed(refusal)
                else:
                    self._audit_export(patient_id, export, done)

            NetOp(self.tasks, attempt).success(answered).failure(failed).run()

        DbOp(self.tasks, self._build_export(patient_id, True)).success(send).failure(failed).run()

    def _audit_export(
        self, patient_id: str, export: AnswersExport, done: Callable[[int], None]
    ) -> None:
        service = self.service
        DbOp(
            self.tasks, lambda: service.reports.exported(patient_id, to_server=export.to_server)
        ).success(lambda _r: done(export.left_out)).failure(
            lambda exc: self.sig_edit_failed.emit(error_text(exc))
        ).run()
