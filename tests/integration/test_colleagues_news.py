"""Colleagues' news on real HAPI: a change by another nurse is news until seen; one's own
changes and a newly assigned patient's records never are."""

from __future__ import annotations

import uuid

import pytest

from app.domain import Catalog, HomeMedication, Source
from tests.integration.fhir_seed import care_team, put, seed_ward

pytestmark = pytest.mark.integration


def _colleague(base_url: str, patients: list[str]) -> str:
    """A second nurse on the same patients (her own practitioner and care teams)."""
    tag = uuid.uuid4().hex[:8]
    put(
        base_url,
        {"resourceType": "Practitioner", "id": f"nurse-{tag}", "name": [{"family": "Demir"}]},
    )
    for n, pid in enumerate(patients):
        put(base_url, care_team(f"team-{tag}-{n}", f"Practitioner/nurse-{tag}", pid))
    return f"Practitioner/nurse-{tag}"


def test_a_colleagues_changes_are_news_until_seen_and_mine_never(
    hapi, workstations, catalog: Catalog
) -> None:
    ward = seed_ward(hapi.base_url, patients=2)
    colleague = _colleague(hapi.base_url, ward.patients)
    me = workstations("mine", ward.practitioner)
    leyla = workstations("leyla", colleague)
    me.sync()
    leyla.sync()
    # nothing the first download brought is news: every patient was new here
    assert me.service.news.counts() == {}

    patient = ward.patients[0]
    leyla.service.answers.record(patient, "diet.lactose", True, Source.PATIENT)
    leyla.service.home_care.save_medication(
        HomeMedication(
            id=str(uuid.uuid4()),
            patient_id=patient,
            name="Ramipril",
            dose="5 mg",
            provenance=leyla.service.provenance_now(Source.PATIENT),
        )
    )
    me.service.answers.record(ward.patients[1], "diet.gluten", True, Source.PATIENT)
    leyla.sync()
    me.sync()
    me.sync()  # a second sync brings nothing new and repeats no news

    assert me.service.news.counts() == {patient: 2}  # my own gluten answer is no news
    news = me.service.news.of_patient(patient)
    assert [(n.area, n.record_key) for n in news] == [
        ("medication", news[0].record_key),
        ("answer", "diet.lactose"),
    ]
    assert {n.actor.user_id for n in news} == {colleague}
    assert news[1].subject == "Lactose intolerance"

    # seen up to what was shown; what arrives later is still news
    shown = news[0].seq
    leyla.service.answers.record(patient, "diet.gluten", False, Source.PATIENT)
    leyla.sync()
    me.sync()
    # my own change, downloaded on the colleague's PC, is news there
    assert leyla.service.news.counts() == {ward.patients[1]: 1}
    me.service.news.seen(patient, shown)
    (later,) = me.service.news.of_patient(patient)
    assert later.record_key == "diet.gluten"
    me.service.news.seen(patient, later.seq)
    assert me.service.news.counts() == {}
