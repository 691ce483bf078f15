"""A colleague's change reads in History exactly like one's own (app/history_lines.py).

Workstation A changes an answer, a medication, a contact, the discharge plan and a
checklist item; B receives each change from the real FHIR server. The line B writes
for the download says what A's line says: area, subject, action, old and new value.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.discharge import Destination, TaskStatus
from app.domain import (
    AnswerType,
    Catalog,
    ContactKind,
    ContactPoint,
    ContactRole,
    HistoryEntry,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    ReconciliationDecision,
    Source,
)
from tests.integration.conftest import Workstation
from tests.integration.fhir_seed import seed_ward

pytestmark = pytest.mark.integration


def _wording(line: HistoryEntry) -> tuple[str, ...]:
    return (line.area, line.subject, line.action, line.old_value, line.new_value)


class Pair:
    """A edits; both sync; B's new line for the same subject must read as A's."""

    def __init__(self, a: Workstation, b: Workstation, patient_id: str) -> None:
        self.a, self.b, self.patient_id = a, b, patient_id
        self.checked: list[tuple[object, ...]] = []

    def same_wording(self) -> None:
        before = len(self.b.service.repo.history(self.patient_id))
        assert self.a.sync().errors == ()
        assert self.b.sync().errors == ()
        mine = self.a.service.repo.history(self.patient_id)[0]
        received = self.b.service.repo.history(self.patient_id)
        new = received[: len(received) - before]
        theirs = [h for h in new if h.subject == mine.subject]
        assert len(theirs) == 1, [_wording(h) for h in new]
        assert _wording(theirs[0]) == _wording(mine)
        self.checked.append((mine.area, mine.action))


def test_changes_downloaded_read_like_the_same_changes_made_here(
    hapi, workstations, catalog: Catalog
) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    pid = ward.patients[0]
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    a.sync()
    b.sync()
    pair = Pair(a, b, pid)
    service = a.service

    # An answer: recorded, corrected, confirmed.
    code = next(q.code for q in catalog.questions if q.answer_type is AnswerType.FREE_TEXT)
    answer = service.answers.record(pid, code, "Daughter visits daily", Source.PATIENT)
    pair.same_wording()
    service.answers.correct(answer.id, "Son visits daily", Source.FAMILY)
    pair.same_wording()
    service.answers.confirm(answer.id, Source.PATIENT)
    pair.same_wording()

    # A home medication: added, changed, reconciled, stopped; one added as new for home.
    med = service.home_care.save_medication(
        HomeMedication(
            id=service.new_id(),
            patient_id=pid,
            name="Metformin",
            dose="500 mg",
            route="oral",
            frequency="twice daily",
            provenance=service.provenance_now(Source.PATIENT),
        )
    )
    pair.same_wording()
    med = service.home_care.save_medication(med.model_copy(update={"dose": "1000 mg"}))
    pair.same_wording()
    service.discharge.reconcile_medication(med.id, ReconciliationDecision.CHANGE, "850 mg at home")
    pair.same_wording()
    stopped = service.home_care.stop_medication(med.id)
    assert stopped.status is MedicationStatus.STOPPED
    pair.same_wording()
    service.discharge.add_new_medication(
        HomeMedication(
            id=service.new_id(),
            patient_id=pid,
            name="Enoxaparin",
            dose="40 mg",
            route="subcutaneous",
            provenance=service.provenance_now(Source.CHART),
        )
    )
    pair.same_wording()

    # A contact: added, changed, verified for discharge, removed.
    contact = service.home_care.save_contact(
        HomeCareContact(
            id=service.new_id(),
            patient_id=pid,
            kind=ContactKind.PERSON,
            name="Hans Weber",
            relationship="son",
            roles=(ContactRole.EMERGENCY_CONTACT,),
            telecom=(ContactPoint(system="phone", value="+49 171 2345678", rank=1),),
            provenance=service.provenance_now(Source.FAMILY),
        )
    )
    pair.same_wording()
    new_phone = (ContactPoint(system="phone", value="+49 30 1234567", rank=1),)
    contact = service.home_care.save_contact(contact.model_copy(update={"telecom": new_phone}))
    pair.same_wording()
    contact = service.discharge.verify_contact(contact.id)
    pair.same_wording()
    service.home_care.save_contact(contact.model_copy(update={"active": False}))
    pair.same_wording()

    # The discharge plan: started, changed; a checklist item: done, changed, one added.
    plan = service.discharge.start_plan(pid, service.today() + timedelta(days=4), Destination.HOME)
    pair.same_wording()
    service.discharge.save_plan(
        plan.model_copy(update={"destination": Destination.REHABILITATION, "note": "Bed booked"})
    )
    pair.same_wording()
    task = service.discharge.view(pid).tasks[0]
    task = service.discharge.save_task(task.model_copy(update={"status": TaskStatus.DONE}))
    pair.same_wording()
    service.discharge.save_task(task.model_copy(update={"note": "Done by phone"}))
    pair.same_wording()
    service.discharge.add_task(pid, "Oxygen supplier informed", task.owner_role)
    pair.same_wording()

    assert pair.checked == [
        ("answer", "recorded"),
        ("answer", "corrected"),
        ("answer", "confirmed"),
        ("medication", "added"),
        ("medication", "changed"),
        ("medication", "reconciled"),
        ("medication", "stopped"),
        ("medication", "added"),
        ("contact", "added"),
        ("contact", "changed"),
        ("contact", "verified"),
        ("contact", "removed"),
        ("discharge", "started"),
        ("discharge", "changed"),
        ("discharge", "done"),
        ("discharge", "changed"),
        ("discharge", "added"),
    ]
