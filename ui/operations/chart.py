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
from app.services import CareService
from ui.base.error_text import error_text
from ui.base.taskman import DbOp, TaskManager
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
