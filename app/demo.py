"""A deterministic synthetic ward for ``--demo``, screenshots, tests and benchmarks.

The same seed and reference time always give the same ward. Every name,
number and answer is invented. The generator scales from a ward of 32 to a
hospital of 10,000 patients (benchmarks) with the same code path.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from app.clock import local_day
from app.discharge import (
    Appointment,
    Checklist,
    Destination,
    DischargePlan,
    DischargeTask,
    TaskStatus,
    default_checklist,
    due_date,
)
from app.domain import (
    Actor,
    Allergy,
    AllergyKind,
    Answer,
    AnswerAction,
    AnswerRevision,
    AnswerType,
    AnswerValue,
    Catalog,
    Channel,
    Coding,
    ContactKind,
    ContactPoint,
    ContactRole,
    HistoryEntry,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    NoAnswer,
    NoAnswerReason,
    Patient,
    Provenance,
    Question,
    Reconciliation,
    ReconciliationDecision,
    RecordAddress,
    RecordContact,
    RecordLanguage,
    RecordTelecom,
    RevisionStatus,
    Source,
)
from app.errors import BugError
from app.history_lines import (
    HistoryLine,
    answer_change,
    contact_change,
    medication_change,
    plan_change,
    task_change,
)
from app.patient_reports import PatientReport, ReportedItem
from app.store.database import Connection, Database
from app.store.repository import Repository
from app.store.search import mark_index_current, reindex_patient

DEMO_WARD = "4B Internal Medicine"
DEMO_USER = Actor(user_id="Practitioner/demo-nurse", display_name="Demo Nurse")

STAFF = (
    Actor(user_id="Practitioner/anna-keller", display_name="Anna Keller, RN"),
    Actor(user_id="Practitioner/tomasz-nowak", display_name="Tomasz Nowak, RN"),
    Actor(user_id="Practitioner/leyla-demir", display_name="Leyla Demir, RN"),
    Actor(user_id="Practitioner/james-okafor", display_name="James Okafor, RN"),
    Actor(user_id="Practitioner/mia-schulz", display_name="Mia Schulz, discharge coordinator"),
    Actor(user_id="Practitioner/dr-ivan-petrenko", display_name="Dr Ivan Petrenko"),
)

# (language code, given names, family names): a ward in a mid-sized European city.
_PEOPLE: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "de",
        (
            "Ingrid",
            "Klaus",
            "Helga",
            "Werner",
            "Renate",
            "Jürgen",
            "Ursula",
            "Dieter",
            "Sabine",
            "Lukas",
            "Gisela",
            "Horst",
        ),
        (
            "Müller",
            "Schneider",
            "Fischer",
            "Weber",
            "Becker",
            "Hoffmann",
            "Schäfer",
            "Koch",
            "Richter",
            "Wolf",
            "Krüger",
            "Braun",
        ),
    ),
    (
        "en",
        ("Margaret", "George", "Patricia", "Arthur", "Eileen", "Robert"),
        ("Thompson", "Walsh", "Harris", "Bennett", "Clarke", "O'Neill"),
    ),
    (
        "tr",
        ("Ayşe", "Mehmet", "Fatma", "Mustafa", "Emine", "Hasan"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk"),
    ),
    (
        "pl",
        ("Krystyna", "Stanisław", "Danuta", "Józef", "Barbara"),
        ("Kowalski", "Wiśniewska", "Wójcik", "Kamiński", "Lewandowska"),
    ),
    (
        "ar",
        ("Fatima", "Ahmad", "Mariam", "Khaled", "Huda"),
        ("Haddad", "Khalil", "Nasser", "Mansour", "Saleh"),
    ),
    (
        "uk",
        ("Olena", "Mykola", "Halyna", "Petro"),
        ("Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko"),
    ),
    ("ru", ("Nadezhda", "Sergei", "Valentina"), ("Ivanova", "Smirnov", "Volkova")),
)
_LANG_WEIGHTS = (50, 8, 12, 9, 8, 7, 6)
# In every list of given names above, women's and men's names alternate (women first).


def _given_name(rng: random.Random, givens: tuple[str, ...], sex: str) -> str:
    return rng.choice(givens[0::2] if sex == "female" else givens[1::2])


def _family_name(family: str, lang: str, sex: str) -> str:
    """Polish and Russian family names take the person's gender (Kowalski, Kowalska)."""
    female = sex == "female"
    if lang == "pl":
        for male_end, female_end in (("ski", "ska"), ("cki", "cka")):
            if female and family.endswith(male_end):
                return family[: -len(male_end)] + female_end
            if not female and family.endswith(female_end):
                return family[: -len(female_end)] + male_end
    if lang == "ru":
        if female and family.endswith(("ov", "ev", "in")):
            return family + "a"
        if not female and family.endswith(("ova", "eva", "ina")):
            return family[:-1]
    return family


_MEDICATIONS = (
    ("Metformin", "500 mg", "oral", "twice daily", "860975"),
    ("Ramipril", "5 mg", "oral", "once daily", "35296"),
    ("Bisoprolol", "2.5 mg", "oral", "once daily, morning", "19484"),
    ("Atorvastatin", "20 mg", "oral", "once daily, evening", "83367"),
    ("Levothyroxine", "75 micrograms", "oral", "before breakfast", "10582"),
    ("Apixaban", "5 mg", "oral", "twice daily", "1364430"),
    ("Furosemide", "40 mg", "oral", "once daily, morning", "4603"),
    ("Pantoprazole", "40 mg", "oral", "once daily", "40790"),
    ("Paracetamol", "1 g", "oral", "up to four times daily if needed", "161"),
    ("Salbutamol inhaler", "100 micrograms, 2 puffs", "inhaled", "when needed", "435"),
    ("Insulin glargine", "18 units", "subcutaneous", "at bedtime", "274783"),
    ("Amlodipine", "5 mg", "oral", "once daily", "17767"),
    ("Vitamin D3", "1000 IU", "oral", "once daily", ""),
    ("St John's wort", "1 tablet", "oral", "daily", ""),
    ("Timolol eye drops", "1 drop each eye", "ophthalmic", "twice daily", "10600"),
)

_ALLERGIES = (
    Allergy(substance="Penicillin", kind=AllergyKind.ALLERGY, reaction="rash", criticality="high"),
    Allergy(substance="Lactose", kind=AllergyKind.INTOLERANCE, reaction="bloating"),
    Allergy(substance="Latex", kind=AllergyKind.ALLERGY, reaction="hives"),
    Allergy(substance="Codeine", kind=AllergyKind.INTOLERANCE, reaction="nausea"),
    Allergy(
        substance="Peanuts", kind=AllergyKind.ALLERGY, reaction="anaphylaxis", criticality="high"
    ),
    Allergy(substance="Iodinated contrast", kind=AllergyKind.ALLERGY, reaction="urticaria"),
)

# (relationship, role, the helper's sex; None: either)
_HELPERS: tuple[tuple[str, str, str | None], ...] = (
    ("daughter", "helps-at-home", "female"),
    ("son", "helps-at-home", "male"),
    ("husband", "helps-at-home", "male"),
    ("wife", "helps-at-home", "female"),
    ("neighbour", "emergency-contact", None),
    ("niece", "emergency-contact", "female"),
    ("son-in-law", "legal-proxy", "male"),
)
_AGENCIES = (
    "Caritas Home Care North",
    "Diakonie Sozialstation Mitte",
    "CityCare Nursing Service",
    "Johanniter Home Help",
)

_FREE_TEXT: dict[str, tuple[str, ...]] = {
    "diet.food-dislikes": ("Mushrooms", "Fish, except salmon", "Very spicy food", "Liver"),
    "communication.preferred-name": ("Oma Inge", "Mr B", "Fatma Hanım", "Babcia", "Georgie"),
    "comfort.pain-signs": (
        "Goes quiet and holds her stomach",
        "Says 'a bit sore' when it is bad",
        "Restless at night, rubs his knee",
    ),
    "culture.practices": (
        "Prays five times a day; needs a quiet corner",
        "Prefers female staff for personal care",
        "Sunday communion if possible",
    ),
    "home.helpers": (
        "Daughter visits daily, neighbour does shopping",
        "Husband, but he has dementia",
        "Home-care nurse twice a day",
    ),
    "home.pets": ("Cat, fed by neighbour", "Dog at son's house", "None"),
    "home.key-holder": ("Neighbour in flat 3", "Daughter", "Key safe at front door"),
    "matters.most-important": (
        "Getting home in time for granddaughter's wedding",
        "Being able to walk to the bakery again",
        "Not being a burden to my family",
        "Staying in my own flat",
    ),
    "matters.worries-going-home": ("Stairs to the second floor", "Being alone at night"),
    "matters.visitors": ("Family any time, no other visitors", "Church group on Sundays"),
}


@dataclass(frozen=True)
class DemoPatient:
    patient: Patient
    answers: tuple[Answer, ...]
    medications: tuple[HomeMedication, ...]
    contacts: tuple[HomeCareContact, ...]
    plan: DischargePlan | None = None
    tasks: tuple[DischargeTask, ...] = ()
    reports: tuple[PatientReport, ...] = ()


def generate_ward(
    catalog: Catalog,
    now: datetime,
    *,
    patients: int = 32,
    seed: int = 4242,
    checklist: Checklist | None = None,
) -> Iterator[DemoPatient]:
    """Yield ``patients`` synthetic patients, the same ones for the same arguments."""
    checklist = checklist or default_checklist()
    rng = random.Random(seed)
    ids = uuid.UUID(int=rng.getrandbits(128))  # namespace for deterministic ids
    beds_per_room = 4
    for n in range(patients):
        lang, givens, families = rng.choices(_PEOPLE, weights=_LANG_WEIGHTS)[0]
        sex = rng.choice(("female", "male"))
        given = _given_name(rng, givens, sex)
        family = _family_name(rng.choice(families), lang, sex)
        age = int(rng.triangular(19, 97, 81))
        birth = (now - timedelta(days=age * 365 + rng.randint(0, 364))).date()
        admitted = now - timedelta(
            days=rng.choice((0, 1, 1, 2, 3, 4, 6, 9, 13)), hours=rng.randint(0, 20)
        )
        room, slot = divmod(n, beds_per_room)
        patient = Patient(
            id=str(uuid.uuid5(ids, f"patient-{n}")),
            mrn=f"{10_000_000 + rng.randint(0, 89_999_999)}",
            family_name=family,
            given_name=given,
            preferred_name=rng.choice(("", "", "", given[:3] + "i" if len(given) > 4 else "")),
            birth_date=birth,
            sex=sex,
            ward=DEMO_WARD if n < 48 else f"Ward {n // 48 + 1}",
            bed=f"{room // 10 + 1}{room % 10:01d}{'ABCD'[slot]}" if n < 48 else f"{n}",
            admitted_at=admitted,
            expected_discharge=(admitted + timedelta(days=rng.randint(3, 15))).date(),
            allergies=tuple(rng.sample(_ALLERGIES, k=rng.choice((0, 0, 0, 1, 1, 2)))),
        )
        ns = uuid.uuid5(ids, patient.id)
        answers = tuple(_answers(rng, catalog, patient, lang, now, ns))
        if n == 0:
            answers = _with_declined(answers, DECLINED_IN_DEMO)
        patient = _with_hospital_record(patient, n, now)
        item = DemoPatient(
            patient=patient,
            answers=answers,
            medications=tuple(_medications(rng, patient, now, ns)),
            contacts=tuple(_contacts(rng, patient, family, lang, ns)),
        )
        # Discharge planning draws from its own generator, so the rest of the ward stays
        # what it was before plans existed.
        item = _with_discharge(random.Random(f"{seed}-discharge-{n}"), item, checklist, now, ns)
        yield _with_portal_report(item, catalog) if n == PORTAL_REPORT_PATIENT else item


PORTAL_REPORT_PATIENT = 3
"""The patient who filled in the hospital's portal questionnaire the evening before admission:
a new user sees answers offered as "patient reported, not yet confirmed"."""
_PORTAL_ANSWERS: dict[str, AnswerValue] = {
    "diet.lactose": True,
    "diet.drinks": ("herbal-tea", "still-water"),
    "comfort.bedtime": "22:30",
    "comfort.washing": "shower",
    "mobility.walking-aid": ("rollator",),
    "home.pets": "A cat, Mimi; the neighbour feeds her",
}


def _with_portal_report(item: DemoPatient, catalog: Catalog) -> DemoPatient:
    """The portal's answers to questions the demo has no answer to yet, or has an older,
    different one (no generator draw: the ward stays as it was)."""
    patient = item.patient
    authored = _admitted(patient).replace(hour=18, minute=40) - timedelta(days=1)
    newest = {a.question_code: a for a in item.answers}
    items = tuple(
        ReportedItem(question_code=code, value=value)
        for code, value in _PORTAL_ANSWERS.items()
        if code in {q.code for q in catalog.questions}
        and (code not in newest or newest[code].effective_at < authored)
    )
    owner = Actor(user_id=f"Patient/{patient.id}", display_name=patient.display_name)
    report = PatientReport(
        id=f"portal-{patient.id}",
        patient_id=patient.id,
        authored=authored,
        provenance=Provenance(recorded_by=owner, recorded_at=authored, source=Source.PATIENT),
        source_label="Patient portal",
        items=items,
    )
    return replace(item, reports=(report,))


DECLINED_IN_DEMO = "diet.texture"
"""The first patient would rather not talk about chewing and swallowing, so a new user sees a
question asked but not answered. It replaces an answer the generator gave (no generator draw,
and the same open questions: the rest of the ward stays as it was)."""


def _with_declined(answers: tuple[Answer, ...], code: str) -> tuple[Answer, ...]:
    value = NoAnswer(reason=NoAnswerReason.DECLINED)
    kept = []
    for answer in answers:
        if answer.question_code == code:
            prov = answer.history[0].provenance.model_copy(update={"source": Source.PATIENT})
            revision = AnswerRevision(
                action=AnswerAction.RECORDED,
                value=value,
                provenance=prov,
                status=RevisionStatus.CURRENT,
            )
            answer = answer.model_copy(
                update={
                    "value": value,
                    "provenance": prov,
                    "effective_at": prov.recorded_at,
                    "history": (revision,),
                    "server_version": "1",
                }
            )
        kept.append(answer)
    return tuple(kept)


def _with_hospital_record(patient: Patient, n: int, now: datetime) -> Patient:
    """What the hospital's record says of two patients (no generator draw: the ward stays as
    it was). Helga Braun's allergy list has her lactose intolerance, which her AskOnce answer
    denies (a contradiction the board shows); Khaled Khalil's record says Arabic and an
    interpreter, so nobody asks him again."""
    if n == 11:  # Braun, Helga (12D)
        updated = now - timedelta(days=620)
        lactose = Allergy(
            substance="Lactose",
            kind=AllergyKind.INTOLERANCE,
            reaction="bloating",
            codes=(Coding(system="http://snomed.info/sct", code="47703008", display="Lactose"),),
            recorded_at=updated,
        )
        return patient.model_copy(
            update={
                "allergies": (lactose,),
                "languages": (RecordLanguage(code="de", display="German", preferred=True),),
                "interpreter_required": False,
                "telecom": (RecordTelecom(system="phone", value="+49 221 555 0187", rank=1),),
                "addresses": (
                    RecordAddress(lines=("Lindenstraße 12",), postal_code="50674", city="Köln"),
                ),
                "record_contacts": (
                    RecordContact(
                        name="Petra Braun",
                        relationship="Daughter",
                        telecom=(RecordTelecom(system="phone", value="+49 221 555 0142"),),
                    ),
                ),
                "record_updated_at": updated,
            }
        )
    if n == 7:  # Khalil, Khaled (11D)
        return patient.model_copy(
            update={
                "languages": (
                    RecordLanguage(code="ar", display="Arabic", preferred=True),
                    RecordLanguage(code="de", display="German"),
                ),
                "interpreter_required": True,
                "record_updated_at": now - timedelta(days=3, hours=5),
            }
        )
    return patient


def _admitted(p: Patient) -> datetime:
    """Every demo patient has a known admission (the generator sets it)."""
    if p.admitted_at is None:
        raise BugError("a demo patient without an admission time")
    return p.admitted_at


def _answers(
    rng: random.Random, catalog: Catalog, p: Patient, lang: str, now: datetime, ns: uuid.UUID
) -> Iterator[Answer]:
    # Some patients are well known (a previous stay), some were just admitted.
    completeness = rng.choice((0.0, 0.2, 0.45, 0.6, 0.8, 0.95))
    needs_interpreter = lang not in ("de", "en") and rng.random() < 0.6
    for q in catalog.questions:
        if rng.random() > completeness:
            continue
        value = _value(rng, q, lang, needs_interpreter)
        if value is None:
            continue
        # Mostly during this stay; sometimes on an earlier stay (then "this stay" answers
        # are due for re-confirmation).
        earlier_stay = rng.random() < 0.3
        if earlier_stay:
            at = _admitted(p) - timedelta(days=rng.randint(20, 400))
        else:
            at = _admitted(p) + (now - _admitted(p)) * rng.random()
        who = rng.choice(STAFF[:5])
        source = rng.choices((Source.PATIENT, Source.FAMILY, Source.CHART), weights=(7, 2, 1))[0]
        prov = Provenance(recorded_by=who, recorded_at=at, source=source, based_on_version="1")
        history = [
            AnswerRevision(
                action=AnswerAction.RECORDED,
                value=value,
                provenance=prov,
                status=RevisionStatus.CURRENT,
            )
        ]
        if rng.random() < 0.15 and not earlier_stay:
            # Confirmed again by a colleague later on.
            later = at + (now - at) * 0.5
            prov = Provenance(
                recorded_by=rng.choice(STAFF[:5]),
                recorded_at=later,
                source=Source.PATIENT,
                based_on_version="2",
            )
            history = [history[0].model_copy(update={"status": RevisionStatus.SUPERSEDED})]
            history.append(
                AnswerRevision(
                    action=AnswerAction.CONFIRMED,
                    value=value,
                    provenance=prov,
                    status=RevisionStatus.CURRENT,
                )
            )
            at = later
        yield Answer(
            id=str(uuid.uuid5(ns, q.code)),
            patient_id=p.id,
            question_code=q.code,
            value=value,
            status=RevisionStatus.CURRENT,
            effective_at=at,
            provenance=prov,
            history=tuple(history),
            server_version=str(len(history)),
        )


def _value(
    rng: random.Random, q: Question, lang: str, needs_interpreter: bool
) -> AnswerValue | None:
    codes = [o.code for o in q.options]
    if q.code == "communication.preferred-language":
        return lang if lang in codes else "other"
    if q.code == "communication.interpreter-needed":
        return needs_interpreter
    if q.code == "communication.interpreter-language":
        # Only asked when an interpreter is needed, and then it is their own language.
        return (lang if lang in codes else "other") if needs_interpreter else None
    if q.answer_type is AnswerType.BOOLEAN:
        return rng.random() < 0.25
    if q.answer_type in (AnswerType.CHOICE, AnswerType.CONTACT_METHOD):
        return rng.choice(codes)
    if q.answer_type is AnswerType.MULTI_CHOICE:
        picked = rng.sample(codes, k=rng.choice((1, 1, 2)))
        return tuple(c for c in codes if c in picked)
    if q.answer_type is AnswerType.TIME:
        return time(hour=rng.choice((20, 21, 22, 23)), minute=rng.choice((0, 30))).strftime("%H:%M")
    texts = _FREE_TEXT.get(q.code)
    return rng.choice(texts) if texts else None


def _medications(
    rng: random.Random, p: Patient, now: datetime, ns: uuid.UUID
) -> Iterator[HomeMedication]:
    for i, (name, dose, route, freq, code) in enumerate(
        rng.sample(_MEDICATIONS, k=rng.choice((0, 1, 2, 3, 4, 5, 6)))
    ):
        who = rng.choice(STAFF[:4])
        at = _admitted(p) + timedelta(hours=rng.randint(1, 10))
        yield HomeMedication(
            id=str(uuid.uuid5(ns, f"med-{i}")),
            patient_id=p.id,
            name=name,
            code=code,
            dose=dose,
            route=route,
            frequency=freq,
            last_taken=rng.choice(("this morning", "yesterday evening", "unsure", "")),
            status=rng.choices(
                (MedicationStatus.TAKING, MedicationStatus.STOPPED, MedicationStatus.UNKNOWN),
                weights=(8, 1, 1),
            )[0],
            provenance=Provenance(
                recorded_by=who,
                recorded_at=min(at, now),
                source=rng.choice((Source.PATIENT, Source.FAMILY, Source.CHART)),
                based_on_version="1",
            ),
            server_version="1",
        )


def _phone(rng: random.Random) -> str:
    prefix = rng.choice(("151", "160", "171", "176", "30", "40"))
    return f"+49 {prefix} {rng.randint(1000000, 9999999)}"


def _contacts(
    rng: random.Random, p: Patient, family: str, lang: str, ns: uuid.UUID
) -> Iterator[HomeCareContact]:
    for i in range(rng.choice((0, 1, 1, 2, 2, 3))):
        relationship, role, helper_sex = rng.choice(_HELPERS)
        helper_sex = helper_sex or rng.choice(("female", "male"))
        given = _given_name(rng, rng.choice(_PEOPLE)[1], helper_sex)
        phones = [ContactPoint(system="phone", value=_phone(rng), rank=1, label="mobile")]
        if rng.random() < 0.4:
            phones.append(ContactPoint(system="phone", value=_phone(rng), rank=2, label="home"))
        if rng.random() < 0.3:
            ascii_name = unicodedata.normalize("NFKD", given).encode("ascii", "ignore").decode()
            slug = ascii_name.lower() or "contact"
            phones.append(ContactPoint(system="email", value=f"{slug}@example.org", rank=3))
        who = rng.choice(STAFF[:5])
        verified = rng.random() < 0.3
        yield HomeCareContact(
            id=str(uuid.uuid5(ns, f"contact-{i}")),
            patient_id=p.id,
            kind=ContactKind.PERSON,
            name=f"{given} {_family_name(family, lang, helper_sex)}",
            relationship=relationship,
            roles=(ContactRole(role),),
            telecom=tuple(phones),
            preferred_channel=rng.choice((Channel.PHONE, Channel.PHONE, Channel.SMS)),
            preferred_times=rng.choice(("after 17:00", "mornings", "any time", "")),
            language=lang,
            consent_to_share=rng.random() < 0.85,
            verified_by=who if verified else None,
            verified_at=_admitted(p) + timedelta(hours=5) if verified else None,
            provenance=Provenance(
                recorded_by=who,
                recorded_at=_admitted(p) + timedelta(hours=2),
                source=Source.PATIENT,
                based_on_version="1",
            ),
            server_version="1",
        )
    if rng.random() < 0.25:
        agency = rng.choice(_AGENCIES)
        yield HomeCareContact(
            id=str(uuid.uuid5(ns, "agency")),
            patient_id=p.id,
            kind=ContactKind.AGENCY,
            name=agency,
            relationship="home-care agency",
            roles=(ContactRole.HOME_CARE_PROVIDER,),
            telecom=(ContactPoint(system="phone", value=_phone(rng), rank=1, label="office"),),
            preferred_channel=Channel.PHONE,
            preferred_times="weekdays 8:00–16:00",
            consent_to_share=True,
            provenance=Provenance(
                recorded_by=STAFF[4],
                recorded_at=_admitted(p),
                source=Source.OTHER_SYSTEM,
                based_on_version="1",
            ),
            server_version="1",
        )


# Discharge states across the ward: (state, weight, expected date offsets in days from today).
_DISCHARGE_STATES: tuple[tuple[str, int, tuple[int, ...]], ...] = (
    ("none", 25, ()),
    ("started", 15, (3, 4, 5, 6, 7)),
    ("half", 25, (0, 1, 2, 3, 4, 5)),
    ("overdue", 15, (-2, -1, 0, 1)),
    ("ready", 20, (-1, 0, 1, 2, 3)),
)
_DESTINATIONS = (
    (Destination.HOME, 35),
    (Destination.HOME_WITH_SERVICES, 30),
    (Destination.REHABILITATION, 15),
    (Destination.NURSING_FACILITY, 15),
    (Destination.OTHER, 5),
)
_FOLLOW_UPS = ("GP practice", "Cardiology clinic", "Diabetes clinic", "Home-care first visit")


def _with_discharge(
    rng: random.Random, item: DemoPatient, checklist: Checklist, now: datetime, ns: uuid.UUID
) -> DemoPatient:
    """A discharge plan in one of the states a unit has at any time (or none yet)."""
    names = [name for name, _w, _o in _DISCHARGE_STATES]
    state = rng.choices(names, weights=[w for _n, w, _o in _DISCHARGE_STATES])[0]
    if state == "none":
        return item
    p = item.patient
    today = local_day(now)  # the ward's day: "today", "overdue" and "in 2 days" count from it
    expected = today + timedelta(days=rng.choice(_DISCHARGE_STATES[names.index(state)][2]))
    coordinator = STAFF[4]
    started = min(now, _admitted(p) + timedelta(hours=rng.randint(2, 30)))
    plan_prov = Provenance(
        recorded_by=coordinator, recorded_at=started, source=Source.CHART, based_on_version="1"
    )
    helpers = [
        c
        for c in item.contacts
        if c.kind is ContactKind.PERSON and ContactRole.HELPS_AT_HOME in c.roles
    ]
    settled = state in ("half", "ready")
    appointments: tuple[Appointment, ...] = ()
    if settled:
        # 09:00 on the ward's clock (a naive time is read as local), stored in UTC.
        day = expected + timedelta(days=rng.randint(3, 10))
        at = datetime.combine(day, time(9)).astimezone()
        appointments = (
            Appointment(
                when=at + timedelta(minutes=30 * rng.randint(0, 14)),
                with_whom=rng.choice(_FOLLOW_UPS),
                where=rng.choice(("", "Main building, level 2", "Practice on Lindenstraße")),
            ),
        )
    plan = DischargePlan(
        id=str(uuid.uuid5(ns, "discharge-plan")),
        patient_id=p.id,
        expected_date=expected,
        destination=rng.choices(
            [d for d, _w in _DESTINATIONS], weights=[w for _d, w in _DESTINATIONS]
        )[0],
        home_helper_id=helpers[0].id if helpers and settled else None,
        appointments=appointments,
        provenance=plan_prov,
        server_version="1",
    )
    done_share = {"started": 0.0, "half": 0.5, "overdue": 0.25, "ready": 1.0}[state]
    tasks = []
    for item_def in checklist.items:
        status = TaskStatus.DONE if rng.random() < done_share else TaskStatus.TODO
        if state == "ready" and rng.random() < 0.15:
            status = TaskStatus.NOT_NEEDED
        elif status is TaskStatus.TODO and state != "started" and rng.random() < 0.3:
            status = TaskStatus.IN_PROGRESS
        due = due_date(expected, item_def)
        if state == "overdue" and status is not TaskStatus.DONE and due is not None:
            due = min(due, today - timedelta(days=rng.randint(1, 2)))
        who = rng.choice(STAFF[:5]) if status is not TaskStatus.TODO else coordinator
        tasks.append(
            DischargeTask(
                id=str(uuid.uuid5(ns, f"discharge-task-{item_def.code}")),
                plan_id=plan.id,
                patient_id=p.id,
                code=item_def.code,
                title=item_def.title,
                owner_role=item_def.owner_role,
                owner=rng.choice(STAFF[:5]) if rng.random() < 0.3 else None,
                due=due,
                status=status,
                provenance=plan_prov.model_copy(
                    update={
                        "recorded_by": who,
                        "recorded_at": started + (now - started) * rng.random(),
                    }
                ),
                server_version="1",
            )
        )
    decided_share = {"started": 0.0, "half": 0.5, "overdue": 0.2, "ready": 1.0}[state]
    meds = tuple(
        m.model_copy(
            update={
                "reconciliation": Reconciliation(
                    decision=rng.choices(
                        (
                            ReconciliationDecision.CONTINUE,
                            ReconciliationDecision.CHANGE,
                            ReconciliationDecision.STOP,
                        ),
                        weights=(7, 2, 1),
                    )[0],
                    decided_by=coordinator,
                    decided_at=started,
                )
            }
        )
        if rng.random() < decided_share
        else m
        for m in item.medications
    )
    contacts = tuple(
        c.model_copy(update={"verified_by": coordinator, "verified_at": started})
        if state == "ready" and c.verified_at is None
        else c
        for c in item.contacts
    )
    return DemoPatient(
        patient=p.model_copy(update={"expected_discharge": expected}),
        answers=item.answers,
        medications=meds,
        contacts=contacts,
        plan=plan,
        tasks=tuple(tasks),
    )


def _history_line(patient_id: str, line: HistoryLine, prov: Provenance) -> HistoryEntry:
    """A line worded as every History line is (``app.history_lines``), by the record's author."""
    return HistoryEntry(
        patient_id=patient_id,
        at=prov.recorded_at,
        actor=prov.recorded_by,
        area=line.area,
        subject=line.subject,
        action=line.action,
        old_value=line.old_value,
        new_value=line.new_value,
        source=prov.source,
    )


def _load_plan(
    repo: Repository, conn: Connection, plan: DischargePlan, tasks: tuple[DischargeTask, ...]
) -> None:
    repo.put_discharge_plan(conn, plan)
    repo.add_history(conn, _history_line(plan.patient_id, plan_change(None, plan), plan.provenance))
    for task in tasks:
        repo.put_discharge_task(conn, task)
        if task.status is not TaskStatus.TODO:
            # Someone worked on the item after the plan was started with it to do.
            to_do = task.model_copy(update={"status": TaskStatus.TODO})
            line = task_change(to_do, task)
            repo.add_history(conn, _history_line(task.patient_id, line, task.provenance))


def load_into(db: Database, catalog: Catalog, ward: Iterable[DemoPatient], batch: int = 500) -> int:
    """Write generated patients as if downloaded from the server (nothing in the outbox)."""
    repo = Repository(db)
    fresh = repo.patient_count() == 0
    count = 0
    pending: list[DemoPatient] = []

    def flush() -> None:
        with db.transaction() as conn:
            for item in pending:
                repo.put_patient(conn, item.patient)
                for answer in item.answers:
                    repo.put_answer(conn, answer)
                    question = catalog.question(answer.question_code)
                    before: Answer | None = None
                    for n, revision in enumerate(answer.history, start=1):
                        # The answer as it stood after each revision, worded as History words it.
                        after = answer.model_copy(
                            update={"value": revision.value, "history": answer.history[:n]}
                        )
                        line = answer_change(question, before, after)
                        repo.add_history(
                            conn, _history_line(answer.patient_id, line, revision.provenance)
                        )
                        before = after
                for med in item.medications:
                    repo.put_medication(conn, med)
                    line = medication_change(None, med)
                    repo.add_history(conn, _history_line(med.patient_id, line, med.provenance))
                for contact in item.contacts:
                    repo.put_contact(conn, contact)
                    line = contact_change(None, contact)
                    repo.add_history(
                        conn, _history_line(contact.patient_id, line, contact.provenance)
                    )
                if item.plan is not None:
                    _load_plan(repo, conn, item.plan, item.tasks)
                for report in item.reports:
                    repo.put_patient_report(conn, report)
                reindex_patient(conn, repo, catalog, item.patient.id)
        pending.clear()

    for item in ward:
        pending.append(item)
        count += 1
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    if fresh:  # every patient was indexed as loaded: the index is whole
        with db.transaction() as conn:
            mark_index_current(conn, repo, catalog)
    return count
