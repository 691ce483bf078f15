"""The synthetic demo ward: deterministic, varied, valid against the catalog, and scalable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import demo
from app.clock import local_day
from app.domain import AnswerState, AnswerType, Catalog, NoAnswer, RevisionStatus
from app.errors import CacheKeyError
from app.keys import DatabaseKey
from app.session import CACHE_FILE, open_demo_cache
from app.store.database import Database
from tests.conftest import FIXED_NOW, Clock


def test_the_same_seed_and_time_give_the_same_ward(catalog: Catalog) -> None:
    first = list(demo.generate_ward(catalog, FIXED_NOW, patients=20))
    second = list(demo.generate_ward(catalog, FIXED_NOW, patients=20))
    assert first == second
    assert [p.patient.model_dump() for p in first] == [p.patient.model_dump() for p in second]


def test_another_seed_or_time_gives_another_ward(catalog: Catalog) -> None:
    base = list(demo.generate_ward(catalog, FIXED_NOW, patients=10))
    other_seed = list(demo.generate_ward(catalog, FIXED_NOW, patients=10, seed=7))
    later = list(demo.generate_ward(catalog, FIXED_NOW + timedelta(days=1), patients=10))
    assert [p.patient.id for p in base] != [p.patient.id for p in other_seed]
    assert [p.patient.admitted_at for p in base] != [p.patient.admitted_at for p in later]


def test_a_smaller_ward_is_the_start_of_a_bigger_one(catalog: Catalog) -> None:
    small = list(demo.generate_ward(catalog, FIXED_NOW, patients=5))
    big = list(demo.generate_ward(catalog, FIXED_NOW, patients=12))
    assert big[:5] == small


def test_the_default_ward_varies_languages_ages_and_states(catalog: Catalog) -> None:
    ward = list(demo.generate_ward(catalog, FIXED_NOW))
    assert len(ward) == 32
    languages = {
        a.value
        for p in ward
        for a in p.answers
        if a.question_code == "communication.preferred-language"
    }
    assert len(languages) >= 4
    ages = [p.patient.age_on(FIXED_NOW.date()) for p in ward]
    assert min(ages) >= 18
    assert max(ages) - min(ages) >= 30
    assert len(set(ages)) >= 15
    assert len({p.patient.family_name for p in ward}) >= 15
    assert any(p.patient.allergies for p in ward)
    assert any(p.medications for p in ward)
    assert any(p.contacts for p in ward)
    # Some patients are barely known, others well known.
    answered = [len(p.answers) for p in ward]
    assert min(answered) < len(catalog.questions) // 3 < max(answered)


def test_generated_records_fit_the_catalog_and_their_patient(catalog: Catalog) -> None:
    for item in demo.generate_ward(catalog, FIXED_NOW):
        p = item.patient
        assert p.admitted_at is not None
        assert p.admitted_at <= FIXED_NOW
        for answer in item.answers:
            question = catalog.question(answer.question_code)
            assert answer.patient_id == p.id
            assert answer.status is RevisionStatus.CURRENT
            assert answer.effective_at <= FIXED_NOW
            assert answer.history[-1].status is RevisionStatus.CURRENT
            codes = {o.code for o in question.options}
            if isinstance(answer.value, NoAnswer):
                continue  # asked, but no answer: fits every question
            if question.answer_type is AnswerType.MULTI_CHOICE:
                assert isinstance(answer.value, tuple)
                assert set(answer.value) <= codes
            elif question.answer_type in (AnswerType.CHOICE, AnswerType.CONTACT_METHOD):
                assert answer.value in codes
            elif question.answer_type is AnswerType.BOOLEAN:
                assert isinstance(answer.value, bool)
        assert all(m.patient_id == p.id for m in item.medications)
        assert all(c.patient_id == p.id and c.telecom for c in item.contacts)


def test_the_generator_scales_to_a_hospital(catalog: Catalog) -> None:
    ward = list(demo.generate_ward(catalog, FIXED_NOW, patients=2000))
    assert len(ward) == 2000
    assert len({p.patient.id for p in ward}) == 2000
    assert len({(p.patient.ward, p.patient.bed) for p in ward}) == 2000
    answer_ids = [a.id for p in ward for a in p.answers]
    assert len(answer_ids) == len(set(answer_ids))


def test_the_demo_has_discharge_plans_in_every_state(catalog: Catalog) -> None:
    from app.discharge import TaskStatus, readiness

    ward = list(demo.generate_ward(catalog, FIXED_NOW, patients=64))
    today = local_day(FIXED_NOW)
    with_plan = [p for p in ward if p.plan is not None]
    assert 0 < len(with_plan) < len(ward)  # some patients have no plan yet
    states = [readiness(p.tasks, today) for p in with_plan]
    assert any(r.done == 0 for r in states)  # just started
    assert any(0 < r.done < r.total for r in states)  # half done
    assert any(r.overdue for r in states)
    assert any(r.ready for r in states)
    assert any(t.status is TaskStatus.NOT_NEEDED for p in with_plan for t in p.tasks)
    dates = [p.plan.expected_date for p in with_plan if p.plan and p.plan.expected_date]
    assert min(dates) < today < max(dates) <= today + timedelta(days=7)
    assert len({p.plan.destination for p in with_plan if p.plan}) >= 3
    meds = [m for p in with_plan for m in p.medications]
    assert any(m.reconciliation for m in meds)
    assert any(m.reconciliation is None for m in meds)
    assert any(c.verified_at for p in ward for c in p.contacts)
    for p in with_plan:
        assert p.plan is not None
        assert p.patient.expected_discharge == p.plan.expected_date
        assert {t.plan_id for t in p.tasks} == {p.plan.id}
        assert all(t.patient_id == p.patient.id for t in p.tasks)
        helper = p.plan.home_helper_id
        assert helper is None or helper in {c.id for c in p.contacts}


# --- the demo cache --------------------------------------------------------------------------


def test_the_demo_cache_holds_a_ward_with_unsent_edits(
    tmp_path: Path, catalog: Catalog, clock: Clock
) -> None:
    session = open_demo_cache(catalog, data_dir=tmp_path, clock=clock)
    try:
        assert session.is_demo
        assert session.db.path == tmp_path / "demo" / CACHE_FILE
        assert session.db.path.is_file()
        assert session.service.actor == demo.DEMO_USER
        rows = session.service.charts.ward()
        assert len(rows) == 32
        assert session.service.repo.patient_count() == 32
        assert session.service.outbox.count() > 0
        unsent = [r for r in rows if r.unsent_changes]
        assert 0 < len(unsent) < len(rows)
        assert all(e.patient_id for e in session.service.repo.outbox())
        assert session.service.repo.verify_audit_chain() is None
        assert {r.patient.ward for r in rows} == {demo.DEMO_WARD}
    finally:
        session.close()


def test_closing_the_demo_cache_wipes_its_key(
    tmp_path: Path, catalog: Catalog, clock: Clock
) -> None:
    session = open_demo_cache(catalog, data_dir=tmp_path, clock=clock, patients=4)
    path = session.db.path
    session.close()
    with pytest.raises(CacheKeyError):
        session.key.raw()
    # The file stays, but nobody can open it again.
    assert path.is_file()
    with pytest.raises(CacheKeyError):
        Database.open(path, DatabaseKey.generate())


def test_a_new_demo_cache_replaces_the_old_one(
    tmp_path: Path, catalog: Catalog, clock: Clock
) -> None:
    first = open_demo_cache(catalog, data_dir=tmp_path, clock=clock, patients=4)
    first.close()
    second = open_demo_cache(catalog, data_dir=tmp_path, clock=clock, patients=6)
    try:
        assert second.db.path == first.db.path
        assert second.service.repo.patient_count() == 6
        assert [p.name for p in (tmp_path / "demo").iterdir() if p.suffix == ".db"] == [CACHE_FILE]
    finally:
        second.close()


def test_a_demo_cache_without_a_data_dir_is_removed_on_close(
    catalog: Catalog, clock: Clock
) -> None:
    session = open_demo_cache(catalog, clock=clock, patients=3)
    folder = session.db.path.parent
    assert session.db.path.is_file()
    session.close()
    assert not folder.exists()


def test_names_fit_the_persons_sex_and_relationship(catalog: Catalog) -> None:
    women = {g for _lang, givens, _fam in demo._PEOPLE for g in givens[0::2]}
    men = {g for _lang, givens, _fam in demo._PEOPLE for g in givens[1::2]}
    assert not women & men
    female_relations = {"daughter", "wife", "niece"}
    male_relations = {"son", "husband", "son-in-law"}
    checked = 0
    for chart in demo.generate_ward(catalog, FIXED_NOW, patients=60):
        patient = chart.patient
        assert patient.given_name in (women if patient.sex == "female" else men), patient.sex
        for contact in chart.contacts:
            given, family = contact.name.split(" ", 1)
            if contact.relationship in female_relations:
                assert given in women, contact.relationship
                assert not family.endswith(("ski", "cki")), family
                checked += 1
            elif contact.relationship in male_relations:
                assert given in men, contact.relationship
                assert not family.endswith(("ska", "cka", "ova")), family
                checked += 1
    assert checked > 20


# --- the demo on any day ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "now",
    [
        FIXED_NOW + timedelta(days=200),  # months after the tests were written
        datetime(2027, 12, 31, 23, 30, tzinfo=UTC),  # the last half hour of a year (UTC)
        datetime(2028, 2, 29, 6, 0, tzinfo=UTC),  # a leap day
    ],
    ids=["months-ahead", "new-years-eve", "leap-day"],
)
def test_the_demo_ward_is_plausible_on_any_day(
    tmp_path: Path, catalog: Catalog, now: datetime
) -> None:
    """Admissions, answers, due dates and the discharge window follow the clock: on any
    day the demo has answers due for re-confirmation, discharges today and tomorrow, and
    overdue items, and nothing happened after "now"."""
    session = open_demo_cache(catalog, data_dir=tmp_path, clock=Clock(now))
    try:
        service = session.service
        today = local_day(now)
        assert service.today() == today
        rows = service.charts.ward()
        assert all(r.patient.admitted_at is not None for r in rows)
        assert all(r.patient.admitted_at <= now for r in rows if r.patient.admitted_at)
        assert any(r.due_questions for r in rows)  # due for re-confirmation
        assert any(r.open_questions > r.due_questions for r in rows)  # never asked
        charts = [service.charts.chart(r.patient.id, audit_view=False) for r in rows]
        answers = [i.answer for c in charts for i in c.board if i.answer is not None]
        assert answers
        assert all(a.effective_at <= now for a in answers)
        assert {i.state for c in charts for i in c.board} == set(AnswerState)
        board = service.discharge.board(window_days=7)
        dates = {r.expected_date for r in board}
        assert today in dates
        assert today + timedelta(days=1) in dates
        assert all(d is None or d <= today + timedelta(days=7) for d in dates)
        assert any(r.readiness.overdue for r in board)
    finally:
        session.close()


def test_a_new_user_sees_a_question_asked_but_declined(catalog: Catalog) -> None:
    first = next(iter(demo.generate_ward(catalog, FIXED_NOW, patients=1)))
    declined = [a for a in first.answers if isinstance(a.value, NoAnswer)]
    assert [a.question_code for a in declined] == [demo.DECLINED_IN_DEMO]
    assert declined[0].provenance.recorded_by in demo.STAFF
