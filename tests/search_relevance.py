"""A hand-built ward and hand-labelled queries: what a nurse expects search to find.

The demo-derived queries in ``tests/perf/bench_search.py`` follow the random demo ward;
this set is written on purpose around the hard cases of issue 15: name twins and
sound-alikes (Meier/Meyer/Maier, Hofmann/Hoffmann, Müller/Mueller, Schmidt/Schmitt),
answers that say "no" beside ones that say "yes", an intolerance on the allergy list,
German and English words for one thing, contact roles, discharge destinations and
checklist items, notes, stopped drugs, birth dates typed every way, ages, beds, phone
fragments and e-mail addresses, and a family name together with a drug.

Each query is labelled by what a nurse at the bedside would expect, not by what the
engine does: ``expected_first`` must fill the top ranks; ``also_ok`` may follow them
(an answer that says "no", a sound-alike name); anything else ranked among the top
counts against precision. Beds are given so that the plain bed order (the engine's
tie-break) would put a wrong patient first: a test passes on meaning, not by luck.

Ages hold on any day and in any time zone: the ward's day is the benchmarks' fixed
instant, and no birthday lies within a day of it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from app import demo
from app.discharge import Destination as Dest
from app.discharge import (
    DischargePlan,
    DischargeTask,
    TaskStatus,
    default_checklist,
    due_date,
)
from app.domain import (
    Allergy,
    AllergyKind,
    Answer,
    AnswerAction,
    AnswerRevision,
    AnswerValue,
    Catalog,
    ContactKind,
    ContactPoint,
    ContactRole,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    Patient,
    Provenance,
    RevisionStatus,
    Source,
)
from app.services import PatientHit
from app.store.database import Database
from tests.perf.bench_store import NOW

__all__ = ["NOW", "QUERIES", "RelevanceQuery", "describe_ranking", "load_ward", "relevance_ward"]

_ADMITTED = NOW - timedelta(days=2)
_DISCHARGE_DAY = NOW.date() + timedelta(days=3)
_PROVENANCE = Provenance(
    recorded_by=demo.STAFF[0],
    recorded_at=_ADMITTED + timedelta(hours=3),
    source=Source.PATIENT,
    based_on_version="1",
)
_ROLE = ContactRole


@dataclass(frozen=True)
class RelevanceQuery:
    text: str
    language: str
    """The nurse's UI language ("en" or "de"): it decides what 04/02/1971 means."""
    need: str
    """What the nurse means, in words (for the report and the test id)."""
    expected_first: frozenset[str]
    """Patient ids that must fill the top ranks, any order."""
    also_ok: frozenset[str] = frozenset()
    """Patient ids that may follow them (a negated answer, a sound-alike name)."""

    @property
    def expected(self) -> frozenset[str]:
        """The patients that count as right for precision and reciprocal rank."""
        return self.expected_first

    @property
    def slug(self) -> str:
        """A readable, ASCII test id: ``en-hearing aid``, ``de-Horgerat``."""
        plain = unicodedata.normalize("NFKD", self.text).encode("ascii", "ignore").decode()
        return f"{self.language}-{plain}"


# --- building blocks of a chart ---------------------------------------------------------


@dataclass(frozen=True)
class _Med:
    name: str
    dose: str
    status: MedicationStatus = MedicationStatus.TAKING
    note: str = ""


@dataclass(frozen=True)
class _Contact:
    name: str
    relationship: str
    roles: tuple[ContactRole, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    note: str = ""
    kind: ContactKind = ContactKind.PERSON


@dataclass(frozen=True)
class _Plan:
    destination: Dest
    tasks: Mapping[str, TaskStatus] = field(default_factory=dict)
    """Checklist item code → status (only the items this test needs)."""


def _answer(pid: str, code: str, value: AnswerValue) -> Answer:
    revision = AnswerRevision(
        action=AnswerAction.RECORDED,
        value=value,
        provenance=_PROVENANCE,
        status=RevisionStatus.CURRENT,
    )
    return Answer(
        id=f"{pid}-answer-{code}",
        patient_id=pid,
        question_code=code,
        value=value,
        status=RevisionStatus.CURRENT,
        effective_at=_PROVENANCE.recorded_at or NOW,
        provenance=_PROVENANCE,
        history=(revision,),
        server_version="1",
    )


def _medication(pid: str, n: int, med: _Med) -> HomeMedication:
    return HomeMedication(
        id=f"{pid}-med-{n}",
        patient_id=pid,
        name=med.name,
        dose=med.dose,
        route="oral",
        frequency="once daily",
        status=med.status,
        note=med.note,
        provenance=_PROVENANCE,
        server_version="1",
    )


def _contact(pid: str, n: int, contact: _Contact) -> HomeCareContact:
    telecom = [
        ContactPoint(system="phone", value=phone, rank=rank)
        for rank, phone in enumerate(contact.phones, start=1)
    ]
    telecom += [
        ContactPoint(system="email", value=email, rank=len(telecom) + rank)
        for rank, email in enumerate(contact.emails, start=1)
    ]
    return HomeCareContact(
        id=f"{pid}-contact-{n}",
        patient_id=pid,
        kind=contact.kind,
        name=contact.name,
        relationship=contact.relationship,
        roles=contact.roles,
        telecom=tuple(telecom),
        consent_to_share=True,
        note=contact.note,
        provenance=_PROVENANCE.model_copy(update={"source": Source.FAMILY}),
        server_version="1",
    )


def _plan(pid: str, plan: _Plan) -> tuple[DischargePlan, tuple[DischargeTask, ...]]:
    checklist = default_checklist()
    made = DischargePlan(
        id=f"{pid}-plan",
        patient_id=pid,
        expected_date=_DISCHARGE_DAY,
        destination=plan.destination,
        provenance=_PROVENANCE.model_copy(update={"source": Source.CHART}),
        server_version="1",
    )
    tasks = []
    for code, status in plan.tasks.items():
        item = checklist.item(code)
        assert item is not None, code
        tasks.append(
            DischargeTask(
                id=f"{pid}-task-{code}",
                plan_id=made.id,
                patient_id=pid,
                code=code,
                title=item.title,
                owner_role=item.owner_role,
                due=due_date(_DISCHARGE_DAY, item),
                status=status,
                provenance=made.provenance,
                server_version="1",
            )
        )
    return made, tuple(tasks)


def _chart(
    pid: str,
    bed: str,
    family: str,
    given: str,
    born: date,
    mrn: str,
    *,
    allergies: Sequence[Allergy] = (),
    answers: Mapping[str, AnswerValue] | None = None,
    medications: Sequence[_Med] = (),
    contacts: Sequence[_Contact] = (),
    plan: _Plan | None = None,
) -> demo.DemoPatient:
    made = _plan(pid, plan) if plan else None
    patient = Patient(
        id=pid,
        mrn=mrn,
        family_name=family,
        given_name=given,
        birth_date=born,
        ward=demo.DEMO_WARD,
        bed=bed,
        admitted_at=_ADMITTED,
        expected_discharge=_DISCHARGE_DAY if made else None,
        allergies=tuple(allergies),
    )
    return demo.DemoPatient(
        patient=patient,
        answers=tuple(_answer(pid, code, v) for code, v in (answers or {}).items()),
        medications=tuple(_medication(pid, n, m) for n, m in enumerate(medications)),
        contacts=tuple(_contact(pid, n, c) for n, c in enumerate(contacts)),
        plan=made[0] if made else None,
        tasks=made[1] if made else (),
    )


_LACTOSE = Allergy(substance="Lactose", kind=AllergyKind.INTOLERANCE, reaction="bloating")
_PENICILLIN = Allergy(substance="Penicillin", kind=AllergyKind.ALLERGY, reaction="rash")


def relevance_ward() -> list[demo.DemoPatient]:
    """The 39 patients of the set, in bed order (4B Internal Medicine, beds 1A–10C)."""
    c = _chart
    return [
        # A daughter-in-law (Schwiegertochter) is not a daughter.
        c("koch", "1A", "Koch", "Irmgard", date(1935, 12, 24), "41736250",
          contacts=[_Contact("Petra Koch", "daughter-in-law", (_ROLE.HELPS_AT_HOME,))]),
        # Meyer: Meier's sound-alike twin; she has a daughter too.
        c("meyer", "1B", "Meyer", "Gertrud", date(1938, 2, 11), "51827364",
          contacts=[_Contact("Anja Meyer", "daughter", (_ROLE.HELPS_AT_HOME,),
                             phones=("+49 171 2345999",))]),
        # Maierhofer: "Maier" is the beginning of his name; his neighbour is a Klaus Weber;
        # his record number starts with 82 (a nurse typing "82" means an age, not him).
        c("maierhofer", "1C", "Maierhofer", "Josef", date(1950, 6, 14), "82046130",
          contacts=[_Contact("Klaus Weber", "neighbour", (_ROLE.EMERGENCY_CONTACT,),
                             phones=("+49 30 8812345",))]),
        # Meier: the exact Meier, whose daughter's phone is searched for; the daughter
        # has her married name, so "Meier Tochter" matches in two different facts.
        c("meier", "1D", "Meier", "Hildegard", date(1936, 5, 5), "60412983",
          contacts=[_Contact("Sabine Kranz", "daughter",
                             (_ROLE.HELPS_AT_HOME, _ROLE.EMERGENCY_CONTACT),
                             phones=("+49 171 2345678",), emails=("sabine.kranz@example.org",))]),
        # Mayer: another sound-alike.
        c("mayer", "2A", "Mayer", "Franz", date(1947, 9, 30), "13579246"),
        # Maier: the exact Maier.
        c("maier", "2B", "Maier", "Anton", date(1941, 12, 1), "24681357"),
        # Hoffmann with ff, in the bed before the exact Hofmann.
        c("hoffmann", "2C", "Hoffmann", "Erich", date(1949, 3, 17), "35792468"),
        # Hofmann with one f; her record number is searched for whole and in part.
        c("hofmann", "2D", "Hofmann", "Liselotte", date(1952, 7, 8), "30571942"),
        # Möller sounds like Müller (same Kölner Phonetik code), before both Müllers.
        c("moeller", "3A", "Möller", "Karl", date(1945, 10, 10), "46813579"),
        # Müller with an umlaut.
        c("mueller", "3B", "Müller", "Ingrid", date(1940, 1, 25), "57924680"),
        # Mueller, written without the umlaut by the admitting system: the same name.
        c("mueller-ascii", "3C", "Mueller", "Hans", date(1939, 8, 19), "68035791"),
        # Schmitt, going to rehab, in the bed before Schmidt.
        c("schmitt", "3D", "Schmitt", "Walter", date(1946, 4, 22), "79146802",
          plan=_Plan(Dest.REHABILITATION)),
        # Schmidt, going to rehab.
        c("schmidt", "4A", "Schmidt", "Ruth", date(1951, 11, 3), "80257913",
          plan=_Plan(Dest.REHABILITATION)),
        # Says no: not lactose intolerant, no gluten-free diet; Ramipril stopped. Bed 4B
        # (the ward is also called 4B).
        c("krause", "4B", "Krause", "Edith", date(1943, 6, 30), "91368024",
          answers={"diet.lactose": False, "diet.gluten": False},
          medications=[_Med("Ramipril", "5 mg", MedicationStatus.STOPPED)]),
        # Lactose intolerant by her answer; takes Ramipril.
        c("vogel", "4C", "Vogel", "Monika", date(1955, 9, 9), "10479135",
          answers={"diet.lactose": True}, medications=[_Med("Ramipril", "5 mg")]),
        # Lactose intolerant by the allergy and intolerance list only (never asked).
        c("berger", "4D", "Berger", "Heinz", date(1948, 2, 14), "21580246", allergies=[_LACTOSE]),
        # Gluten-free diet; a friend's phone number has 1971 in it.
        c("lang", "5A", "Lang", "Petra", date(1960, 12, 12), "32691357",
          answers={"diet.gluten": True},
          contacts=[_Contact("Uwe Kern", "friend", phones=("+49 30 1971234",))]),
        # Says no interpreter is needed.
        c("neumann", "5B", "Neumann", "Otto", date(1937, 4, 4), "43702468",
          answers={"communication.interpreter-needed": False}),
        # Needs an interpreter (Turkish).
        c("yilmaz", "5C", "Yılmaz", "Ayşe", date(1950, 1, 15), "54813579",
          answers={"communication.interpreter-needed": True,
                   "communication.interpreter-language": "tr"}),
        # Only the interpreter's language is recorded (Polish): she needs one. Aged 82.
        c("kowalska", "5D", "Kowalska", "Danuta", date(1944, 3, 10), "65924680",
          answers={"communication.interpreter-language": "pl"}),
        # No hearing aid, no walking aid.
        c("zimmermann", "6A", "Zimmermann", "Rolf", date(1942, 8, 8), "76035791",
          answers={"mobility.hearing-aid": "none", "mobility.walking-aid": ("none",)}),
        # Has "hearing" in one answer (conversation support) and "aid" in another (a
        # rollator): no hearing aid.
        c("roth", "6B", "Roth", "Dieter", date(1953, 5, 20), "87146802",
          answers={"communication.conversation-help": ("speak-slowly",),
                   "mobility.walking-aid": ("rollator",)}),
        # A hearing aid, left at home; a female neighbour (Nachbarin).
        c("wagner", "6C", "Wagner", "Elfriede", date(1934, 10, 2), "98257913",
          answers={"mobility.hearing-aid": "at-home"},
          contacts=[_Contact("Erika Brandt", "neighbour", phones=("+49 40 6655443",))]),
        # A hearing aid with him and a walking stick.
        c("schulz", "6D", "Schulz", "Werner", date(1946, 6, 6), "19368024",
          answers={"mobility.hearing-aid": "with-me", "mobility.walking-aid": ("stick",)}),
        # A Fischer whose Apixaban was stopped; aged 82 (birthday three days ago).
        c("fischer-werner", "7A", "Fischer", "Werner", date(1944, 11, 20), "29479135",
          medications=[_Med("Apixaban", "5 mg", MedicationStatus.STOPPED)]),
        # The Fischer who takes Apixaban.
        c("fischer-helga", "7B", "Fischer", "Helga", date(1947, 1, 31), "38580246",
          medications=[_Med("Apixaban", "5 mg")]),
        # A third Fischer, on Metformin (searched for misspelled), in bed 7C.
        c("fischer-juergen", "7C", "Fischer", "Jürgen", date(1958, 4, 18), "47691357",
          medications=[_Med("Metformin", "500 mg")]),
        # Apixaban, but not a Fischer; her tablets are crushed into yoghurt (a note).
        c("becker", "7D", "Becker", "Rosemarie", date(1949, 9, 27), "56702468",
          medications=[_Med("Apixaban", "2.5 mg", note="crushed, given in yoghurt")]),
        # Born 4 February 1971: what 04/02/1971 means to a German nurse.
        c("wolff", "8A", "Wolff", "Andrea", date(1971, 2, 4), "67813579"),
        # Born 2 April 1971 (04/02/1971 to an English nurse); her partner's e-mail.
        c("schreiber", "8B", "Schreiber", "Brigitte", date(1971, 4, 2), "78924680",
          contacts=[_Contact("Jens Hartmann", "partner", (_ROLE.HELPS_AT_HOME,),
                             emails=("jens.hartmann@example.org",))]),
        # The patient called Klaus; allergic to penicillin.
        c("schneider", "8C", "Schneider", "Klaus", date(1957, 3, 3), "89035791",
          allergies=[_PENICILLIN]),
        # The patient called Weber; her son-in-law holds power of attorney.
        c("weber", "8D", "Weber", "Brigitte", date(1962, 7, 7), "90146802",
          contacts=[_Contact("Thomas Kraft", "son-in-law", (_ROLE.LEGAL_PROXY,),
                             phones=("+49 151 3344556",))]),
        # A legal guardian (gesetzlicher Betreuer, his legal proxy); his wife has dementia
        # (a contact note).
        c("hartwig", "9A", "Hartwig", "Günter", date(1940, 2, 2), "11257913",
          contacts=[_Contact("Dr. Peter Lenz", "legal guardian", (_ROLE.LEGAL_PROXY,)),
                    _Contact("Ilse Hartwig", "wife", (_ROLE.HELPS_AT_HOME,),
                             note="Has dementia; confirm plans with the guardian")]),
        # Her husband has dementia (free text); she goes to a nursing home.
        c("kuehn", "9B", "Kühn", "Margarete", date(1933, 3, 21), "22368024",
          answers={"home.helpers": "Husband, but he has dementia"},
          plan=_Plan(Dest.NURSING_FACILITY)),
        # A home-care agency called "CityCare Nursing Service" (not a nursing home); his
        # transport is already arranged.
        c("lorenz", "9C", "Lorenz", "Heinz", date(1945, 1, 9), "33479135",
          contacts=[_Contact("CityCare Nursing Service", "home-care agency",
                             (_ROLE.HOME_CARE_PROVIDER,), phones=("+49 30 5550100",),
                             kind=ContactKind.AGENCY)],
          plan=_Plan(Dest.HOME_WITH_SERVICES, {"transport": TaskStatus.DONE})),
        # Goes to a nursing home: transport still to arrange, equipment delivered.
        c("schuster", "9D", "Schuster", "Hedwig", date(1931, 6, 11), "44580246",
          plan=_Plan(Dest.NURSING_FACILITY,
                     {"transport": TaskStatus.TODO, "equipment": TaskStatus.DONE})),
        # Goes home; equipment (Hilfsmittel) on its way; a key safe.
        c("busch", "10A", "Busch", "Renate", date(1950, 10, 30), "55691357",
          answers={"home.key-holder": "Key safe at the front door"},
          plan=_Plan(Dest.HOME, {"equipment": TaskStatus.IN_PROGRESS})),
        # A daughter and a neighbour, in free text only.
        c("braun", "10B", "Braun", "Elisabeth", date(1939, 5, 15), "66702468",
          answers={"home.helpers": "Daughter visits daily, neighbour does shopping"}),
        # Aged 81, 82 in three days; lives in a care home (Pflegeheim).
        c("seidel", "10C", "Seidel", "Gerda", date(1944, 11, 26), "77813579",
          answers={"home.lives-with": ("care-home",)}),
    ]  # fmt: skip


def load_ward(db: Database, catalog: Catalog) -> list[demo.DemoPatient]:
    """Write the ward into an empty cache (indexed as if downloaded); return it."""
    ward = relevance_ward()
    demo.load_into(db, catalog, ward)
    return ward


# --- the queries ----------------------------------------------------------------------


def _q(
    text: str,
    need: str,
    first: Iterable[str],
    ok: Iterable[str] = (),
    *,
    language: str = "en",
) -> RelevanceQuery:
    return RelevanceQuery(text, language, need, frozenset(first), frozenset(ok))


_MEIERS = {"meier", "meyer", "mayer", "maier"}
_MUELLERS = {"mueller", "mueller-ascii"}
_LACTOSE_INTOLERANT = {"vogel", "berger"}
_INTERPRETER = {"yilmaz", "kowalska"}
_HEARING_AID = {"wagner", "schulz"}
_WALKING_AID = {"roth", "schulz"}
_BORN_2_APRIL_1971 = {"schreiber"}

QUERIES: tuple[RelevanceQuery, ...] = (
    # Names: the exact one first, sound-alikes and typos after.
    _q("Meier", "the patient called Meier", {"meier"}, _MEIERS - {"meier"}),
    _q("Maier", "the patient called Maier", {"maier"}, _MEIERS - {"maier"} | {"maierhofer"}),
    _q("Meyer", "the patient called Meyer", {"meyer"}, _MEIERS - {"meyer"}),
    _q("Hofmann", "Hofmann with one f", {"hofmann"}, {"hoffmann"}),
    _q("Hoffmann", "Hoffmann with two f", {"hoffmann"}, {"hofmann"}),
    _q("Müller", "both Müllers, however the record spells it", _MUELLERS, {"moeller"}),
    _q("Mueller", "both Müllers, typed without umlaut", _MUELLERS, {"moeller"}),
    _q("ingrid mueller", "Ingrid Müller, typed without umlaut", {"mueller"}),
    _q("Schmidt", "Schmidt with dt", {"schmidt"}, {"schmitt"}),
    _q("Schmitt", "Schmitt with tt", {"schmitt"}, {"schmidt"}),
    _q("Shneider", "Schneider, a letter left out", {"schneider"}),
    _q("Klaus", "the patient called Klaus", {"schneider"}, {"maierhofer"}),
    _q("Weber", "the patient called Weber", {"weber"}, {"maierhofer"}),
    # Answers: who says yes first, who says no may follow.
    _q("lactose", "lactose intolerant", _LACTOSE_INTOLERANT, {"krause"}),
    _q("Laktose", "lactose intolerant", _LACTOSE_INTOLERANT, {"krause"}, language="de"),
    _q("lactose intolerant", "lactose intolerant", _LACTOSE_INTOLERANT, {"krause"}),
    _q("gluten", "on a gluten-free diet", {"lang"}, {"krause"}),
    _q("interpreter", "needs an interpreter", _INTERPRETER, {"neumann"}),
    _q("Dolmetscher", "needs an interpreter", _INTERPRETER, {"neumann"}, language="de"),
    _q("hearing aid", "has a hearing aid", _HEARING_AID, {"zimmermann"}),
    _q("Hörgerät", "has a hearing aid", _HEARING_AID, {"zimmermann"}, language="de"),
    _q("Hoergeraet", "has a hearing aid", _HEARING_AID, {"zimmermann"}, language="de"),
    _q("walking aid", "uses a walking aid", _WALKING_AID, {"zimmermann"}),
    _q("Gehhilfe", "uses a walking aid", _WALKING_AID, {"zimmermann"}, language="de"),
    _q("Rollator", "uses a rollator", {"roth"}),
    _q("key safe", "a key safe at home (free text)", {"busch"}),
    # Contacts: relationships and roles in either language.
    _q("daughter", "a daughter (not a daughter-in-law)", {"meier", "meyer", "braun"}, {"koch"}),
    _q("Tochter", "a daughter", {"meier", "meyer"}, {"braun", "koch"}, language="de"),
    _q("Meier Tochter", "Meier's daughter", {"meier"}, {"meyer"}, language="de"),
    _q("neighbour", "a neighbour helps", {"maierhofer", "wagner", "braun"}),
    _q("Nachbarin", "a neighbour helps", {"maierhofer", "wagner"}, {"braun"}, language="de"),
    _q("emergency contact", "has an emergency contact", {"maierhofer", "meier"}),
    _q("Notfallkontakt", "has an emergency contact", {"maierhofer", "meier"}, language="de"),
    _q("gesetzliche Vertretung", "a legal proxy", {"weber", "hartwig"}, language="de"),
    _q("legal proxy", "a legal proxy", {"weber", "hartwig"}),
    _q("Betreuer", "a legal guardian", {"hartwig"}, language="de"),
    _q("dementia", "dementia mentioned in a note", {"hartwig", "kuehn"}),
    # Discharge: destinations and open checklist items.
    _q("rehab", "discharged to rehab", {"schmitt", "schmidt"}),
    _q("Reha", "discharged to rehab", {"schmitt", "schmidt"}, language="de"),
    _q("Schmidt Reha", "Schmidt, going to rehab", {"schmidt"}, {"schmitt"}, language="de"),
    _q("nursing home", "discharged to a nursing home", {"kuehn", "schuster"}, {"seidel"}),
    _q("Pflegeheim", "discharged to a nursing home", {"kuehn", "schuster"}, {"seidel"},
       language="de"),
    _q("Transport", "transport still to arrange", {"schuster"}, {"lorenz"}),
    _q("Hilfsmittel", "equipment still to deliver", {"busch"}, {"schuster"}, language="de"),
    # Medications: taken before stopped; a family name with a drug; a misspelled drug.
    _q("Ramipril", "takes Ramipril", {"vogel"}, {"krause"}),
    _q("Fischer Apixaban", "the Fischer on Apixaban", {"fischer-helga"}, {"fischer-werner"}),
    _q("Metfromin", "takes Metformin (misspelled)", {"fischer-juergen"}),
    _q("yoghurt", "tablets given in yoghurt (a drug note)", {"becker"}),
    _q("Penizillin", "allergic to penicillin (German spelling)", {"schneider"}, language="de"),
    # Who the patient is: birth dates typed every way, ages, beds, numbers.
    _q("02.04.1971", "born 2 April 1971", _BORN_2_APRIL_1971),
    _q("2.4.71", "born 2 April 1971", _BORN_2_APRIL_1971),
    _q("1971-04-02", "born 2 April 1971", _BORN_2_APRIL_1971),
    _q("04/02/1971", "born 2 April 1971 (month first)", _BORN_2_APRIL_1971, {"wolff"}),
    _q("04/02/1971", "born 4 February 1971 (day first)", {"wolff"}, {"schreiber"},
       language="de"),
    _q("1971", "born in 1971", {"wolff", "schreiber"}, {"lang"}),
    _q("82", "aged 82", {"kowalska", "fischer-werner"}),
    _q("7C", "the patient in bed 7C", {"fischer-juergen"}),
    _q("4B", "the patient in bed 4B (the ward is 4B too)", {"krause"}),
    _q("30571942", "the record number", {"hofmann"}),
    _q("305719", "the start of the record number", {"hofmann"}),
    _q("2345678", "the end of the daughter's phone number", {"meier"}),
    _q("0171 2345678", "the daughter's phone, national format", {"meier"}),
    _q("jens.hartmann@example.org", "the partner's e-mail", {"schreiber"}),
)  # fmt: skip


def describe_ranking(hits: Sequence[PatientHit], query: RelevanceQuery, limit: int = 8) -> str:
    """The top of a result list as the nurse sees it, each patient marked against the labels.

    ``+`` expected first, ``~`` also fine, ``!`` should not be there; then the best
    matched fact in the query's language (``≈``: found by a typo or sound-alike).
    """
    lines = [f"{query.text!r} ({query.language}): {len(hits)} found"]
    for rank, hit in enumerate(hits[:limit], start=1):
        pid = hit.patient.id
        mark = "+" if pid in query.expected_first else "~" if pid in query.also_ok else "!"
        facts = "; ".join(
            ("≈" if f.similar else "") + (f.text_for(query.language) or f"{f.kind} {f.age or ''}")
            for f in hit.facts[:2]
        )
        lines.append(f"  {rank}. {mark} {pid} [{hit.patient.bed}]: {facts}")
    missing = query.expected_first - {h.patient.id for h in hits}
    if missing:
        lines.append(f"  not found: {', '.join(sorted(missing))}")
    return "\n".join(lines)
