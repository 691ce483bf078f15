"""Every kind of chart record the cache keeps and the server knows, as one type."""

from __future__ import annotations

from app.discharge import DischargePlan, DischargeTask, FollowUpRequest
from app.domain import Answer, HomeCareContact, HomeMedication
from app.patient_reports import PatientReport

Record = (
    Answer
    | HomeMedication
    | HomeCareContact
    | DischargePlan
    | DischargeTask
    | PatientReport
    | FollowUpRequest
)
