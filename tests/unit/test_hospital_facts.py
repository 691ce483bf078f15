"""What the hospital already knows counts as asked (the record's facts on the board).

The catalog names where an answer may already live in the hospital's record; the board,
the ward list counts and the banner's needs take such a fact as an answer from the
record's own time, under the question's validity; a disagreement with AskOnce's answer
is shown; the fact becomes an AskOnce answer (and goes to the server) only when a nurse
confirms it.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from app import demo
from app.catalog import EXT_HOSPITAL_RECORD, default_catalog_path, parse_catalog
from app.domain import (
    Allergy,
    AllergyKind,
    AnswerAction,
    AnswerState,
    AnswerValue,
    Catalog,
    Coding,
    NoAnswer,
    NoAnswerReason,
    OutboxOperation,
    Patient,
    RecordFact,
    RecordLanguage,
    RecordTelecom,
    RevisionStatus,
    Source,
    answer_state,
)
from app.errors import CatalogError, ValidationError
from app.hospital_record import record_fact, record_facts, values_differ
from app.services import CareService
from app.services.charts import NeedKind
from app.store.database import Database
from tests.conftest import FIXED_NOW, Clock

ADMITTED = FIXED_NOW - timedelta(days=2)
LACTOSE = "diet.lactose"
GLUTEN = "diet.gluten"
LANGUAGE = "communication.preferred-language"
INTERPRETER = "communication.interpreter-needed"
INTERPRETER_LANGUAGE = "communication.interpreter-language"
CHANNEL = "communication.preferred-channel"
FAITH = "culture.faith"
SNOMED = "http://snomed.info/sct"


def _patient(**record: object) -> Patient:
    return Patient(
        id="p-record",
        mrn="20345678",
        family_name="Braun",
        given_name="Helga",
        birth_date=date(1941, 7, 30),
        ward=demo.DEMO_WARD,
        bed="12D",
        admitted_at=ADMITTED,
        **record,
    )


def _lactose(**extra: object) -> Allergy:
    fields: dict[str, object] = {
        "substance": "Lactose",
        "kind": AllergyKind.INTOLERANCE,
        "codes": (Coding(system=SNOMED, code="47703008", display="Lactose"),),
        "recorded_at": datetime(2025, 3, 12, 9, 0, tzinfo=FIXED_NOW.tzinfo),
    }
    fields.update(extra)
    return Allergy(**fields)


def _put(db: Database, catalog: Catalog, patient: Patient) -> Patient:
    demo.load_into(db, catalog, [demo.DemoPatient(patient, (), (), ())])
    return patient


def _item(service: CareService, patient_id: str, code: str):
    chart = service.charts.chart(patient_id, audit_view=False)
    return next(i for i in chart.board if i.question.code == code)


# --- the catalog names the sources -----------------------------------------------------------


def test_the_catalog_names_where_the_record_may_already_answer(catalog: Catalog) -> None:
    sources = {q.code: q.on_record for q in catalog.questions if q.on_record}
    assert sources[LANGUAGE] == ("patient-communication",)
    assert sources[INTERPRETER] == ("interpreter-required",)
    assert sources[INTERPRETER_LANGUAGE] == ("interpreter-language",)
    assert sources[CHANNEL] == ("telecom",)
    assert "allergy:47703008" in sources[LACTOSE]
    assert "allergy:lactose" in sources[LACTOSE]
    assert "allergy:gluten" in sources[GLUTEN]
    assert sources[FAITH] == ("patient-religion",)


def _catalog_with(code: str, *names: str) -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    for group in raw["item"]:
        for item in group["item"]:
            if item["linkId"] == code:
                item["extension"] += [{"url": EXT_HOSPITAL_RECORD, "valueString": n} for n in names]
    return raw


@pytest.mark.parametrize(
    ("code", "names", "problem"),
    [
        ("home.pets", ("patient-pets",), "unknown hospital-record source"),
        ("diet.lactose", ("allergy:",), "names no substance"),
        ("diet.lactose", ("allergy:lactose", "allergy:lactose"), "given twice"),
        ("home.pets", ("interpreter-required",), "does not fit"),
        ("diet.lactose", ("patient-communication",), "does not fit"),
    ],
)
def test_a_wrong_source_in_the_catalog_names_the_question(
    code: str, names: tuple[str, ...], problem: str
) -> None:
    with pytest.raises(CatalogError) as raised:
        parse_catalog(_catalog_with(code, *names))
    assert code in str(raised.value)
    assert problem in str(raised.value)


# --- one decision: answer_state ------------------------------------------------------------


def _fact(code: str, at: datetime | None, value: AnswerValue = True) -> RecordFact:
    return RecordFact(question_code=code, value=value, source="x", recorded_at=at)


def test_a_record_fact_is_an_answer_from_its_own_time(catalog: Catalog) -> None:
    lactose = catalog.question(LACTOSE)  # permanent
    channel = catalog.question(CHANNEL)  # 365 days

    def state(question, fact, answered_at=None, no_answer=None):
        return answer_state(
            question,
            answered_at,
            admitted_at=ADMITTED,
            now=FIXED_NOW,
            no_answer=no_answer,
            on_record=fact,
        )

    assert state(lactose, None) is AnswerState.NEVER_ASKED
    assert state(lactose, _fact(LACTOSE, FIXED_NOW - timedelta(days=900))) is AnswerState.VALID
    # Undated: holds for a permanent question, to re-confirm for any other; never "not asked".
    assert state(lactose, _fact(LACTOSE, None)) is AnswerState.VALID
    assert state(channel, _fact(CHANNEL, None, "phone")) is AnswerState.DUE
    assert state(channel, _fact(CHANNEL, FIXED_NOW - timedelta(days=30), "phone")) is (
        AnswerState.VALID
    )
    assert state(channel, _fact(CHANNEL, FIXED_NOW - timedelta(days=400), "phone")) is (
        AnswerState.DUE
    )
    # The better of the two decides: a lapsed AskOnce answer, a fresh record; and back.
    lapsed = FIXED_NOW - timedelta(days=500)
    fresh = _fact(CHANNEL, FIXED_NOW - timedelta(days=1), "phone")
    assert state(channel, fresh, lapsed) is AnswerState.VALID
    assert state(channel, _fact(CHANNEL, lapsed, "phone"), FIXED_NOW) is AnswerState.VALID
    # "Declined" at an earlier stay is due; the record answers it.
    declined = NoAnswerReason.DECLINED
    assert state(lactose, None, ADMITTED - timedelta(days=50), declined) is AnswerState.DUE
    assert state(lactose, _fact(LACTOSE, None), ADMITTED - timedelta(days=50), declined) is (
        AnswerState.VALID
    )


def test_a_this_stay_question_from_a_record_older_than_the_stay_is_due(catalog: Catalog) -> None:
    question = next(q for q in catalog.questions if q.validity.kind.value == "stay")
    before = _fact(question.code, ADMITTED - timedelta(hours=1))
    during = _fact(question.code, ADMITTED + timedelta(hours=1))
    before_state = answer_state(
        question, None, admitted_at=ADMITTED, now=FIXED_NOW, on_record=before
    )
    during_state = answer_state(
        question, None, admitted_at=ADMITTED, now=FIXED_NOW, on_record=during
    )
    assert before_state is AnswerState.DUE
    assert during_state is AnswerState.VALID


# --- what the record says, question by question ---------------------------------------------


def test_the_preferred_language_is_the_one_marked_else_the_only_one(catalog: Catalog) -> None:
    question = catalog.question(LANGUAGE)
    marked = _patient(
        languages=(RecordLanguage(code="de"), RecordLanguage(code="tr-TR", preferred=True)),
        record_updated_at=FIXED_NOW - timedelta(days=3),
    )
    fact = record_fact(question, marked)
    assert fact is not None
    assert (fact.value, fact.source, fact.wording) == ("tr", "patient-communication", "")
    assert fact.recorded_at == FIXED_NOW - timedelta(days=3)
    only = _patient(languages=(RecordLanguage(code="de-AT", display="German (Austria)"),))
    assert record_fact(question, only).value == "de"  # type: ignore[union-attr]
    two_unmarked = _patient(languages=(RecordLanguage(code="de"), RecordLanguage(code="en")))
    assert record_fact(question, two_unmarked) is None
    unknown = _patient(languages=(RecordLanguage(code="vi", display="Vietnamese"),))
    other = record_fact(question, unknown)
    assert other is not None
    assert (other.value, other.wording) == ("other", "Vietnamese")
    assert record_fact(question, _patient()) is None


def test_interpreter_need_and_language_come_from_the_record(catalog: Catalog) -> None:
    needs = _patient(
        languages=(RecordLanguage(code="ar", preferred=True),), interpreter_required=True
    )
    facts = record_facts(catalog, needs)
    assert facts[INTERPRETER].value is True
    assert facts[INTERPRETER].source == "interpreter-required"
    assert facts[INTERPRETER_LANGUAGE].value == "ar"
    no = _patient(
        languages=(RecordLanguage(code="ar", preferred=True),), interpreter_required=False
    )
    facts = record_facts(catalog, no)
    assert facts[INTERPRETER].value is False
    assert INTERPRETER_LANGUAGE not in facts  # no interpreter: no interpreter's language
    assert INTERPRETER not in record_facts(catalog, _patient())  # the record does not say


def test_the_records_religion_answers_faith_by_its_standard_code(catalog: Catalog) -> None:
    """The ``patient-religion`` extension's v3-ReligiousAffiliation code is the option that
    carries the same standard coding; one no option carries is "other", in its own words."""
    v3 = "http://terminology.hl7.org/CodeSystem/v3-ReligiousAffiliation"
    islam = _patient(religion=(Coding(system=v3, code="1023", display="Islam"),))
    fact = record_facts(catalog, islam)[FAITH]
    assert (fact.value, fact.source) == ("muslim", "patient-religion")
    shinto = _patient(religion=(Coding(system=v3, code="1046", display="Shinto"),))
    fact = record_facts(catalog, shinto)[FAITH]
    assert (fact.value, fact.wording) == ("other", "Shinto")
    assert FAITH not in record_facts(catalog, _patient())


def test_only_a_ranked_contact_point_is_a_preferred_channel(catalog: Catalog) -> None:
    question = catalog.question(CHANNEL)
    ranked = _patient(
        telecom=(
            RecordTelecom(system="phone", value="+49 221 1", rank=2),
            RecordTelecom(system="email", value="h@example.org", rank=1),
            RecordTelecom(system="fax", value="+49 221 2", rank=1),  # no such option
        )
    )
    assert record_fact(question, ranked).value == "email"  # type: ignore[union-attr]
    unranked = _patient(telecom=(RecordTelecom(system="phone", value="+49 221 1"),))
    assert record_fact(question, unranked) is None


@pytest.mark.parametrize(
    ("allergy", "known"),
    [
        (_lactose(), True),  # by SNOMED CT code
        (Allergy(substance="Lactose intolerance", kind=AllergyKind.INTOLERANCE), True),
        (Allergy(substance="Laktoseintoleranz", kind=AllergyKind.INTOLERANCE), True),
        (
            Allergy(
                substance="?",
                kind=AllergyKind.INTOLERANCE,
                codes=(Coding(system=SNOMED, code="782415009", display="Intolerance"),),
            ),
            True,
        ),
        (Allergy(substance="Penicillin", kind=AllergyKind.ALLERGY), False),
    ],
)
def test_the_allergy_list_answers_lactose(catalog: Catalog, allergy: Allergy, known: bool) -> None:
    fact = record_fact(catalog.question(LACTOSE), _patient(allergies=(allergy,)))
    assert (fact is not None) is known
    if fact is not None:
        assert fact.value is True
        assert fact.wording == allergy.substance
        assert fact.recorded_at == allergy.recorded_at
        assert record_fact(catalog.question(GLUTEN), _patient(allergies=(allergy,))) is None


def test_disagreement_compares_what_is_said(catalog: Catalog) -> None:
    lactose = catalog.question(LACTOSE)
    assert values_differ(lactose, False, True)
    assert not values_differ(lactose, True, True)
    assert not values_differ(lactose, NoAnswer(reason=NoAnswerReason.DECLINED), True)
    multi = next(q for q in catalog.questions if q.answer_type.value == "multi-choice")
    a, b = multi.options[0].code, multi.options[1].code
    assert not values_differ(multi, (a, b), (b, a))
    assert values_differ(multi, (a,), (a, b))


# --- the board, the ward list, the banner ---------------------------------------------------


def test_the_board_shows_the_record_as_answered_never_as_not_asked(
    db: Database, catalog: Catalog, make_service
) -> None:
    patient = _put(
        db,
        catalog,
        _patient(
            allergies=(_lactose(),),
            languages=(RecordLanguage(code="ar", display="Arabic", preferred=True),),
            interpreter_required=True,
            record_updated_at=FIXED_NOW - timedelta(days=3),
        ),
    )
    service = make_service()
    chart = service.charts.chart(patient.id, audit_view=False)
    by_code = {i.question.code: i for i in chart.board}
    for code in (LACTOSE, LANGUAGE, INTERPRETER, INTERPRETER_LANGUAGE):
        item = by_code[code]
        assert item.state is AnswerState.VALID, code
        assert item.answer is None
        assert item.on_record is not None
        assert not item.disagrees
    lactose = by_code[LACTOSE].on_record
    assert lactose is not None
    assert lactose.recorded_at == _lactose().recorded_at
    assert by_code[LANGUAGE].known_value == "ar"
    assert by_code[GLUTEN].state is AnswerState.NEVER_ASKED
    # The banner knows the interpreter and the language from the record.
    kinds = {n.kind: n for n in chart.needs}
    assert kinds[NeedKind.INTERPRETER].value_for("en") == "Arabic"
    assert kinds[NeedKind.LANGUAGE].value_for("de") == "Arabisch"
    # The ward list counts the record's facts as asked, as the board does.
    (row,) = service.charts.ward()
    assert row.open_questions == sum(i.state is not AnswerState.VALID for i in chart.board)
    assert row.open_questions == len(catalog.questions) - 4
    # Reading is not writing: nothing for the server, no answer in the cache.
    assert service.outbox.count() == 0
    assert service.repo.answers(patient.id) == []


def test_a_contradiction_with_the_record_shows_and_stays_until_resolved(
    db: Database, catalog: Catalog, make_service, clock: Clock
) -> None:
    patient = _put(db, catalog, _patient(allergies=(_lactose(),)))
    service = make_service()
    answer = service.answers.record(patient.id, LACTOSE, False, Source.PATIENT)
    item = _item(service, patient.id, LACTOSE)
    assert item.answer == answer
    assert item.state is AnswerState.VALID
    assert item.disagrees  # "No" against the allergy list's lactose intolerance
    # Confirming AskOnce's "No" does not hide the disagreement: the record still says so.
    clock.now += timedelta(minutes=5)
    service.answers.confirm(answer.id, Source.PATIENT)
    assert _item(service, patient.id, LACTOSE).disagrees
    # Taking the record's answer resolves it, as a correction by the nurse from the record.
    clock.now += timedelta(minutes=5)
    taken = service.answers.confirm_record(patient.id, LACTOSE)
    assert taken.id == answer.id
    assert taken.value is True
    assert taken.provenance.source is Source.OTHER_SYSTEM
    assert taken.history[-1].action is AnswerAction.CORRECTED
    assert not _item(service, patient.id, LACTOSE).disagrees


def test_confirming_the_record_makes_it_an_askonce_answer_sent_to_the_server(
    db: Database, catalog: Catalog, make_service
) -> None:
    patient = _put(
        db,
        catalog,
        _patient(
            languages=(RecordLanguage(code="ar", preferred=True),),
            record_updated_at=FIXED_NOW - timedelta(days=40),
        ),
    )
    service = make_service()
    assert service.outbox.count() == 0
    answer = service.answers.confirm_record(patient.id, LANGUAGE)
    assert (answer.value, answer.status) == ("ar", RevisionStatus.CURRENT)
    assert answer.provenance.source is Source.OTHER_SYSTEM
    assert answer.provenance.recorded_by == service.actor
    assert answer.effective_at == FIXED_NOW  # confirmed now: its validity runs from now
    (entry,) = service.repo.outbox()
    assert (entry.operation, entry.resource_id) == (OutboxOperation.CREATE, answer.id)
    item = _item(service, patient.id, LANGUAGE)
    assert item.answer == answer
    assert item.on_record is not None
    assert not item.disagrees
    # Confirming again is a confirmation of the answer, not a second answer.
    again = service.answers.confirm_record(patient.id, LANGUAGE)
    assert again.id == answer.id
    assert again.history[-1].action is AnswerAction.CONFIRMED
    assert len(service.repo.answers(patient.id)) == 1


def test_confirming_a_record_that_says_nothing_writes_nothing(
    db: Database, catalog: Catalog, make_service
) -> None:
    patient = _put(db, catalog, _patient())
    service = make_service()
    with pytest.raises(ValidationError):
        service.answers.confirm_record(patient.id, LACTOSE)
    assert service.outbox.count() == 0
    assert service.repo.answers(patient.id) == []


def test_the_demo_shows_helga_brauns_contradiction_and_a_known_interpreter(
    demo_service: CareService,
) -> None:
    ward = {r.patient.display_name: r.patient for r in demo_service.charts.ward()}
    helga = ward["Braun, Helga"]
    lactose = _item(demo_service, helga.id, LACTOSE)
    assert lactose.answer is not None
    assert lactose.answer.value is False
    assert lactose.on_record is not None
    assert lactose.disagrees
    khaled = ward["Khalil, Khaled"]
    chart = demo_service.charts.chart(khaled.id, audit_view=False)
    by_code = {i.question.code: i for i in chart.board}
    for code in (LANGUAGE, INTERPRETER, INTERPRETER_LANGUAGE):
        assert by_code[code].answer is None
        assert by_code[code].state is AnswerState.VALID
        assert by_code[code].on_record is not None
    assert by_code[INTERPRETER_LANGUAGE].known_value == "ar"


def test_the_handover_sheet_takes_the_record_into_account(
    db: Database, catalog: Catalog, make_service
) -> None:
    patient = _put(
        db,
        catalog,
        _patient(languages=(RecordLanguage(code="tr", preferred=True),), interpreter_required=True),
    )
    service = make_service()
    sheet = service.handover.sheet([patient.id])
    (block,) = sheet.patients
    codes = {need.code for need in block.needs}
    assert INTERPRETER in codes
    assert block.never_asked == len(catalog.questions) - 3


def test_asked_but_no_answer_leaves_the_record_to_tell(
    db: Database, catalog: Catalog, make_service
) -> None:
    patient = _put(
        db,
        catalog,
        _patient(languages=(RecordLanguage(code="uk", preferred=True),), interpreter_required=True),
    )
    service = make_service()
    service.answers.record(
        patient.id, INTERPRETER, NoAnswer(reason=NoAnswerReason.UNKNOWN), Source.PATIENT
    )
    chart = service.charts.chart(patient.id, audit_view=False)
    item = next(i for i in chart.board if i.question.code == INTERPRETER)
    assert item.answer is not None
    assert item.answer.no_answer is NoAnswerReason.UNKNOWN
    assert not item.disagrees  # no answer disagrees with nothing
    assert item.known_value is True  # the record tells what the patient could not
    assert item.state is AnswerState.VALID
    needs = {n.kind: n for n in chart.needs}
    assert needs[NeedKind.INTERPRETER].value_for("en") == "Ukrainian"
