"""Full-text search as the nurse types it: names, MRNs, phones, answers, medications, contacts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from app import demo
from app.domain import (
    Catalog,
    ContactKind,
    ContactPoint,
    ContactRole,
    HomeCareContact,
    HomeMedication,
    Patient,
    Source,
)
from app.keys import DatabaseKey
from app.search.facts import FactKind
from app.search.query import parse_query
from app.services import CareService, PatientHit, SearchResults
from app.store.database import Database
from app.store.search import search
from tests.conftest import FIXED_NOW, NURSE, Clock

MakeService = Callable[..., CareService]


@dataclass(frozen=True)
class Ward:
    service: CareService
    mueller: Patient
    schneider: Patient
    yilmaz: Patient
    wojcik: Patient
    lactose_answer_id: str
    dislikes_answer_id: str
    medication: HomeMedication
    contact: HomeCareContact


def _patient(pid: str, family: str, given: str, mrn: str, bed: str) -> Patient:
    return Patient(
        id=pid,
        mrn=mrn,
        family_name=family,
        given_name=given,
        birth_date=date(1944, 5, 1),
        ward=demo.DEMO_WARD,
        bed=bed,
        admitted_at=FIXED_NOW - timedelta(days=1),
    )


def _build_ward(db: Database, catalog: Catalog, service: CareService) -> Ward:
    mueller = _patient("p-mueller", "Müller", "Ingrid", "10234567", "10A")
    schneider = _patient("p-schneider", "Schneider", "Klaus", "20987654", "10B")
    yilmaz = _patient("p-yilmaz", "Yılmaz", "Ayşe", "30111222", "10C")
    wojcik = _patient("p-wojcik", "Wójcik", "Stanisław", "40333444", "10D")
    demo.load_into(
        db, catalog, [demo.DemoPatient(p, (), (), ()) for p in (mueller, schneider, yilmaz, wojcik)]
    )
    lactose = service.answers.record(mueller.id, "diet.lactose", True, Source.PATIENT)
    service.answers.record(schneider.id, "diet.gluten", True, Source.PATIENT)
    dislikes = service.answers.record(
        schneider.id, "diet.food-dislikes", "Mushrooms", Source.FAMILY
    )
    med = service.home_care.save_medication(
        HomeMedication(
            id="med-1",
            patient_id=mueller.id,
            name="Metformin",
            dose="500 mg",
            route="oral",
            frequency="twice daily",
            provenance=service.provenance_now(Source.PATIENT),
        )
    )
    contact = service.home_care.save_contact(
        HomeCareContact(
            id="contact-1",
            patient_id=mueller.id,
            kind=ContactKind.PERSON,
            name="Hans Weber",
            relationship="son",
            roles=(ContactRole.EMERGENCY_CONTACT,),
            telecom=(
                ContactPoint(system="phone", value="+49 171 2345678", rank=1),
                ContactPoint(system="email", value="hans@example.org", rank=2),
            ),
            provenance=service.provenance_now(Source.FAMILY),
        )
    )
    return Ward(service, mueller, schneider, yilmaz, wojcik, lactose.id, dislikes.id, med, contact)


@pytest.fixture(scope="module")
def ward(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Iterator[Ward]:
    """A small ward shared by the tests that only search (they must not edit it)."""
    db = Database.open(
        tmp_path_factory.mktemp("search") / "cache.db", DatabaseKey.generate(), create=True
    )
    service = CareService(db, catalog, NURSE, workstation="test-ws", clock=Clock())
    yield _build_ward(db, catalog, service)
    db.close()


@pytest.fixture
def fresh_ward(db: Database, catalog: Catalog, make_service: MakeService) -> Ward:
    """The same ward in the test's own cache, for tests that edit."""
    return _build_ward(db, catalog, make_service())


def found(ward: Ward, text: str) -> set[str]:
    return {hit.patient.id for hit in ward.service.charts.search(text).hits}


def only_hit(ward: Ward, text: str) -> PatientHit:
    (hit,) = ward.service.charts.search(text).hits
    return hit


def kinds(hit: PatientHit) -> list[FactKind]:
    return [f.kind for f in hit.facts]


def texts(hit: PatientHit) -> list[str]:
    return [f.text_for("en") for f in hit.facts]


# --- names and MRN -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Müller", "Mül", "müll", "MÜLLER", "muller", "mull", "Ingrid", "ingrid müller"]
)
def test_a_patient_is_found_by_name_beginning_with_or_without_diacritics(
    ward: Ward, text: str
) -> None:
    hit = only_hit(ward, text)
    assert hit.patient.id == ward.mueller.id
    assert kinds(hit) == [FactKind.NAME]


@pytest.mark.parametrize("text", ["ayse", "Ayşe", "Yıl", "wojcik", "Wójcik", "Stanisław"])
def test_names_with_decomposable_accents_are_found_without_them(ward: Ward, text: str) -> None:
    assert found(ward, text) in ({ward.yilmaz.id}, {ward.wojcik.id})


@pytest.mark.parametrize("text", ["yilmaz", "stanislaw"])
def test_letters_without_decomposition_are_found_from_plain_ascii(ward: Ward, text: str) -> None:
    assert found(ward, text)


@pytest.mark.parametrize("text", ["10234567", "102345", "10A"])
def test_a_patient_is_found_by_mrn_or_bed(ward: Ward, text: str) -> None:
    assert found(ward, text) == {ward.mueller.id}


def test_a_name_that_is_nobodys_finds_nothing(ward: Ward) -> None:
    assert found(ward, "Zimmermann") == set()
    assert found(ward, "99999999") == set()


# --- facts: answers, medications, contacts ---------------------------------------------


def test_an_answer_is_found_with_the_matched_fact(ward: Ward) -> None:
    hit = only_hit(ward, "lactose")
    assert hit.patient.id == ward.mueller.id
    (fact,) = hit.facts
    assert fact.kind is FactKind.ANSWER
    assert fact.text_for("en") == "Lactose intolerance: Yes"
    assert not fact.similar


def test_a_free_text_answer_is_found(ward: Ward) -> None:
    hit = only_hit(ward, "mushroom")
    assert hit.patient.id == ward.schneider.id
    assert texts(hit) == ["Food dislikes: Mushrooms"]


@pytest.mark.parametrize("text", ["Metformin", "metf", "metformin 500"])
def test_a_medication_is_found(ward: Ward, text: str) -> None:
    hit = only_hit(ward, text)
    assert hit.patient.id == ward.mueller.id
    (fact,) = hit.facts
    assert fact.kind is FactKind.MEDICATION
    assert fact.text_for("en") == "Metformin 500 mg oral twice daily"


@pytest.mark.parametrize("text", ["Hans Weber", "weber", "hans", "hans@example"])
def test_a_contact_is_found_by_name_or_email(ward: Ward, text: str) -> None:
    hit = only_hit(ward, text)
    assert hit.patient.id == ward.mueller.id
    (fact,) = hit.facts
    assert fact.kind is FactKind.CONTACT
    # The digit runs used for matching are not shown to the nurse.
    assert fact.text_for("en") == "Hans Weber (son) · +49 171 2345678"


@pytest.mark.parametrize(
    "text",
    [
        "+49 171 2345678",
        "+491712345678",
        "+49-171-2345678",
        "49 171 234 5678",
        "171 2345678",
        "2345678",
        "23456",  # partial digits
        "+49 171 23",  # the first digits only
    ],
)
def test_a_phone_number_is_found_whatever_the_spacing(ward: Ward, text: str) -> None:
    hit = only_hit(ward, text)
    assert hit.patient.id == ward.mueller.id
    assert kinds(hit) == [FactKind.CONTACT]


@pytest.mark.parametrize(
    "text",
    [
        "0171 2345678",
        "01712345678",
        "0171 234 5678",
        "(0171) 234-5678",
        "0171-2345678",
        "0171 2345",
    ],
)
def test_a_phone_number_typed_in_national_format_is_found(ward: Ward, text: str) -> None:
    hit = only_hit(ward, text)
    assert hit.patient.id == ward.mueller.id
    assert kinds(hit) == [FactKind.CONTACT]


@pytest.mark.parametrize("text", ["+49 (171) 234-5678", "0049 171 2345678"])
def test_a_phone_number_in_other_international_formats_is_found(ward: Ward, text: str) -> None:
    assert found(ward, text) == {ward.mueller.id}


def test_several_facts_of_one_patient_come_back_as_one_result(fresh_ward: Ward) -> None:
    fresh_ward.service.answers.record(
        fresh_ward.mueller.id, "diet.food-dislikes", "Oral rinse taste", Source.PATIENT
    )
    hit = only_hit(fresh_ward, "oral")
    assert hit.patient.id == fresh_ward.mueller.id
    assert sorted(kinds(hit)) == [FactKind.ANSWER, FactKind.MEDICATION]


# --- the index follows edits ----------------------------------------------------------------


def test_a_corrected_answer_is_found_by_its_new_value_only(fresh_ward: Ward) -> None:
    fresh_ward.service.answers.correct(fresh_ward.dislikes_answer_id, "Liver", Source.PATIENT)
    assert found(fresh_ward, "mushrooms") == set()
    hit = only_hit(fresh_ward, "liver")
    assert hit.patient.id == fresh_ward.schneider.id
    assert texts(hit) == ["Food dislikes: Liver"]


def test_a_corrected_choice_shows_the_new_value(fresh_ward: Ward) -> None:
    fresh_ward.service.answers.correct(fresh_ward.lactose_answer_id, False, Source.PATIENT)
    assert texts(only_hit(fresh_ward, "lactose")) == ["Lactose intolerance: No"]


def test_an_answer_entered_in_error_is_no_longer_found(fresh_ward: Ward) -> None:
    fresh_ward.service.answers.mark_entered_in_error(fresh_ward.lactose_answer_id, "wrong patient")
    assert found(fresh_ward, "lactose") == set()
    assert found(fresh_ward, "Müller") == {fresh_ward.mueller.id}  # the patient is still there


def test_a_changed_medication_and_contact_are_found_by_their_new_values(fresh_ward: Ward) -> None:
    fresh_ward.service.home_care.save_medication(
        fresh_ward.medication.model_copy(update={"name": "Ramipril"})
    )
    new_phone = (ContactPoint(system="phone", value="+49 30 7654321", rank=1),)
    fresh_ward.service.home_care.save_contact(
        fresh_ward.contact.model_copy(update={"name": "Hanna Weber", "telecom": new_phone})
    )
    assert found(fresh_ward, "metformin") == set()
    assert found(fresh_ward, "ramipril") == {fresh_ward.mueller.id}
    assert found(fresh_ward, "+49 171 2345678") == set()
    assert found(fresh_ward, "+49 30 7654321") == {fresh_ward.mueller.id}
    assert found(fresh_ward, "hanna") == {fresh_ward.mueller.id}


def test_a_removed_contact_is_no_longer_found(fresh_ward: Ward) -> None:
    fresh_ward.service.home_care.save_contact(
        fresh_ward.contact.model_copy(update={"active": False})
    )
    assert found(fresh_ward, "Hans Weber") == set()


# --- odd input never raises -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        '"',
        "'",
        '"Müller',
        "Müller'",
        "*",
        "mül*",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "Müller AND",
        "AND Müller OR",
        "NEAR(müller weber)",
        "(",
        ")",
        "{body}: x",
        "body:müller",
        "patient_id:x",
        "^müller",
        "-müller",
        "+",
        "_",
        "a_b",
        "\x00",
        "🙂",
        "١٢٣٤٥",
        "x" * 2000,
        "Müller " * 200,
        "%",
        "; DROP TABLE patients; --",
    ],
)
def test_odd_input_never_raises(ward: Ward, text: str) -> None:
    assert isinstance(ward.service.charts.search(text), SearchResults)
    for language in ("en", "de"):
        search(ward.service.db, parse_query(text, language=language), today=FIXED_NOW.date())
    assert ward.service.repo.patient_count() == 4


def test_empty_input_finds_nothing(ward: Ward) -> None:
    for text in ("", "  *  "):
        assert ward.service.charts.search(text) == SearchResults((), 0)


def test_a_relationship_given_as_a_role_code_is_found_in_every_language(
    fresh_ward: Ward,
) -> None:
    # another system's RelatedPerson may say only v3-RoleCode#DAU
    fresh_ward.service.home_care.save_contact(
        fresh_ward.contact.model_copy(update={"relationship": "DAU"})
    )
    for text in ("daughter", "Tochter"):
        hit = only_hit(fresh_ward, text)
        assert hit.patient.id == fresh_ward.mueller.id
    (fact,) = only_hit(fresh_ward, "Tochter").facts
    assert fact.text_for("de") == "Hans Weber (Tochter) · +49 171 2345678"
    assert fact.text_for("en") == "Hans Weber (daughter) · +49 171 2345678"
