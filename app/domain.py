"""Domain models (DESIGN.md §3): immutable pydantic records with provenance.

Every clinical fact carries who recorded it, when (UTC), from what source, and
the server version it was based on (``None`` until the sync engine has one).
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator


def _require_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware (UTC)")
    return value.astimezone(UTC)


UtcDateTime = Annotated[datetime, AfterValidator(_require_utc)]


class Frozen(BaseModel):
    # defer_build: a model's validator is built when first used, not at import (start-up
    # time: the sign-in window needs few of them).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


# --- people and provenance ------------------------------------------------------


class Source(enum.StrEnum):
    """Where a fact came from."""

    PATIENT = "patient"
    FAMILY = "family"
    CHART = "chart"
    OTHER_SYSTEM = "other-system"


class Role(enum.StrEnum):
    """What the signed-in user mainly does; decides what the app shows first, not what exists."""

    NURSE = "nurse"
    COORDINATOR = "coordinator"


class Actor(Frozen):
    """A member of staff (a FHIR Practitioner)."""

    user_id: str = Field(min_length=1)
    display_name: str = Field(min_length=1)


class Provenance(Frozen):
    recorded_by: Actor
    recorded_at: UtcDateTime | None
    """``None``: the server did not say when (never guessed as "now", DESIGN.md §6b)."""
    source: Source
    based_on_version: str | None = None


# --- patient ----------------------------------------------------------------------


class AllergyKind(enum.StrEnum):
    ALLERGY = "allergy"
    INTOLERANCE = "intolerance"


class Allergy(Frozen):
    """A known allergy or intolerance (read-only from the server; shown so nobody re-asks)."""

    substance: str
    kind: AllergyKind
    reaction: str = ""
    criticality: Literal["low", "high", "unable-to-assess"] = "low"
    codes: tuple[Coding, ...] = ()
    """The substance or condition as the hospital codes it (SNOMED CT, …)."""
    recorded_at: UtcDateTime | None = None
    """When the hospital recorded it (``recordedDate``, else when the record last changed);
    ``None``: the record does not say."""


# --- what the hospital's record says of the patient (read-only, ``Patient``) -------------


class RecordLanguage(Frozen):
    """A language the patient speaks, from the hospital record (``Patient.communication``)."""

    code: str = ""
    """BCP-47 ("de", "pt-BR"); empty when the record names the language in words only."""
    display: str = ""
    preferred: bool = False


class RecordTelecom(Frozen):
    """A phone number or e-mail address from the hospital record (a FHIR ContactPoint)."""

    system: str = ""
    """FHIR's ``ContactPoint.system``: phone, sms, email, fax, pager, url, other."""
    value: str = Field(min_length=1)
    use: str = ""
    rank: int | None = Field(default=None, ge=1)
    """1 is tried first; ``None``: the record states no order."""


class RecordAddress(Frozen):
    """A postal address from the hospital record."""

    lines: tuple[str, ...] = ()
    postal_code: str = ""
    city: str = ""
    country: str = ""
    use: str = ""
    text: str = ""

    def one_line(self) -> str:
        """The address as one line: the record's own text, else its parts."""
        if self.text:
            return self.text
        place = " ".join(p for p in (self.postal_code, self.city) if p)
        return ", ".join(p for p in (*self.lines, place, self.country) if p)


class RecordContact(Frozen):
    """A contact person from the hospital record (``Patient.contact``: next of kin, …)."""

    name: str = ""
    relationship: str = ""
    """In the record's words ("Emergency contact, Daughter")."""
    telecom: tuple[RecordTelecom, ...] = ()
    address: RecordAddress | None = None
    organization: str = ""


class RecordFact(Frozen):
    """What the hospital's record already says in answer to one catalog question.

    It counts as asked (``answer_state``): from its own time, with the question's validity.
    It is no AskOnce answer and is never sent as one; it becomes one only when a nurse
    confirms it.
    """

    question_code: str
    value: AnswerValue
    """In the catalog's terms: an option code, ``True``, …"""
    wording: str = ""
    """The record's own words, where they say more than the catalog's option: the language
    behind "Other language" ("Vietnamese"), the allergy list's entry ("Lactose")."""
    source: str
    """Where in the record: a catalog ``hospital-record`` name ("patient-communication",
    "allergy:lactose", …)."""
    recorded_at: UtcDateTime | None
    """The record's time (the Patient's ``meta.lastUpdated``, the allergy's ``recordedDate``);
    ``None``: the record does not say."""


class Patient(Frozen):
    id: str
    mrn: str
    family_name: str
    given_name: str
    preferred_name: str = ""
    birth_date: date
    sex: str = ""
    ward: str = ""
    bed: str = ""
    admitted_at: UtcDateTime | None = None
    """Start of the current stay; ``None`` when the server gives none (no guess)."""
    expected_discharge: date | None = None
    allergies: tuple[Allergy, ...] = ()
    has_photo: bool = False
    server_version: str | None = None
    languages: tuple[RecordLanguage, ...] = ()
    """What the hospital record says the patient speaks (``Patient.communication``)."""
    interpreter_required: bool | None = None
    """The record's interpreter-required extension; ``None``: it does not say."""
    telecom: tuple[RecordTelecom, ...] = ()
    addresses: tuple[RecordAddress, ...] = ()
    record_contacts: tuple[RecordContact, ...] = ()
    """The record's contact persons (``Patient.contact``), not AskOnce's home-care contacts."""
    record_updated_at: UtcDateTime | None = None
    """When the hospital's Patient record last changed (``meta.lastUpdated``)."""
    religion: tuple[Coding, ...] = ()
    """The record's religious affiliation (the ``patient-religion`` extension's codings)."""

    def preferred_language(self) -> RecordLanguage | None:
        """The language the record marks preferred, else the only one it names."""
        marked = [lang for lang in self.languages if lang.preferred]
        if marked:
            return marked[0]
        return self.languages[0] if len(self.languages) == 1 else None

    @property
    def has_record_details(self) -> bool:
        """Whether the record says anything of language, interpreter, telecom, address or
        contacts."""
        return bool(
            self.languages
            or self.interpreter_required is not None
            or self.telecom
            or self.addresses
            or self.record_contacts
            or self.religion
        )

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_name}"

    def age_on(self, day: date) -> int:
        return age_on(self.birth_date, day)


def bed_sort_key(bed: str) -> tuple[int, str]:
    """Beds in ward order: "9A" before "10A" (by number, then as written); no number last."""
    digits = "".join(ch for ch in bed if ch.isdigit())
    return (int(digits) if digits else 1 << 30, bed)


def age_on(born: date, day: date) -> int:
    """Full years of life on ``day`` (a 29 February birthday counts from 1 March)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# --- question catalog -----------------------------------------------------------


class AnswerType(enum.StrEnum):
    CHOICE = "choice"
    MULTI_CHOICE = "multi-choice"
    BOOLEAN = "boolean"
    FREE_TEXT = "free-text"
    CONTACT_METHOD = "contact-method"
    TIME = "time"


class ValidityKind(enum.StrEnum):
    PERMANENT = "permanent"
    STAY = "stay"
    DAYS = "days"


class Validity(Frozen):
    kind: ValidityKind
    days: int | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _days_iff_days_rule(self) -> Validity:
        if (self.kind is ValidityKind.DAYS) != (self.days is not None):
            raise ValueError("a number of days is given exactly when the rule is 'days'")
        return self

    def describe(self) -> str:
        if self.kind is ValidityKind.PERMANENT:
            return "permanent"
        if self.kind is ValidityKind.STAY:
            return "this stay"
        return f"{self.days} days"


class Coding(Frozen):
    """A code in a standard terminology (LOINC, SNOMED CT, BCP-47, …), as FHIR writes it."""

    system: str
    code: str
    display: str = ""


class AnswerOption(Frozen):
    system: str
    code: str
    display: str
    translations: dict[str, str] = Field(default_factory=dict)
    absent: bool = False
    """Choosing this option says the thing asked about is absent ("No hearing aid")."""
    standard_codings: tuple[Coding, ...] = ()
    """The same answer in standard terminologies, sent next to ours so any FHIR reader knows it."""

    def display_for(self, language: str) -> str:
        return self.translations.get(language, self.display)


class NoAnswerReason(enum.StrEnum):
    """Why a question that was asked has no answer; the values are FHIR's data-absent-reason
    codes (``http://terminology.hl7.org/CodeSystem/data-absent-reason``)."""

    DECLINED = "asked-declined"
    """The patient would rather not say: asked again at the next stay."""
    UNKNOWN = "asked-unknown"
    """The patient could not answer now (asleep, in pain, does not know): asked again soon."""
    NOT_APPLICABLE = "not-applicable"
    """The question does not apply to this patient: holds like an answer would."""


ASK_AGAIN_SOON = timedelta(hours=8)
"""How long "could not answer now" holds: the next shift asks again."""


class NoAnswer(Frozen):
    """Asked, but no answer: an answer in its own right, with its own validity."""

    reason: NoAnswerReason


AnswerValue = bool | str | tuple[str, ...] | NoAnswer
"""A boolean, free text / time ("HH:MM") / one option code, several option codes, or the
reason a question asked has no answer (``NoAnswer``)."""


# The only words of the core that appear on screen; everything else comes from the catalog.
_YES_NO = {"en": ("Yes", "No"), "de": ("Ja", "Nein")}
_NO_ANSWER = {
    "en": {
        NoAnswerReason.DECLINED: "Declined",
        NoAnswerReason.UNKNOWN: "Could not answer now",
        NoAnswerReason.NOT_APPLICABLE: "Not applicable",
    },
    "de": {
        NoAnswerReason.DECLINED: "Abgelehnt",
        NoAnswerReason.UNKNOWN: "Konnte gerade nicht antworten",
        NoAnswerReason.NOT_APPLICABLE: "Trifft nicht zu",
    },
}


def no_answer_text(reason: NoAnswerReason, language: str = "en") -> str:
    """Why there is no answer, in words (the board, History, the handover)."""
    return _NO_ANSWER.get(language, _NO_ANSWER["en"])[reason]


class Category(Frozen):
    code: str
    display: str
    translations: dict[str, str] = Field(default_factory=dict)

    def display_for(self, language: str) -> str:
        return self.translations.get(language, self.display)


class Question(Frozen):
    code: str
    label: str
    text: str
    category: Category
    answer_type: AnswerType
    validity: Validity
    options: tuple[AnswerOption, ...] = ()
    translations: dict[str, str] = Field(default_factory=dict)
    label_translations: dict[str, str] = Field(default_factory=dict)
    standard_codings: tuple[Coding, ...] = ()
    """The question in LOINC or SNOMED CT, where a code exists; ours stays the key."""
    on_record: tuple[str, ...] = ()
    """Where in the hospital's record the answer may already be (the catalog's
    ``hospital-record`` extension): "patient-communication", "interpreter-required",
    "interpreter-language", "telecom", "allergy:<code or word>" (``app.hospital_record``)."""

    def option(self, code: str) -> AnswerOption | None:
        return next((o for o in self.options if o.code == code), None)

    def text_for(self, language: str) -> str:
        return self.translations.get(language, self.text)

    def label_for(self, language: str) -> str:
        return self.label_translations.get(language, self.label)

    def says_absent(self, value: AnswerValue) -> bool:
        """Whether the answer says "no" to what is asked: ``False``, or only absent options.

        Search ranks such answers last: "hearing aid" finds who has one first. A question
        asked but not answered says nothing either way (``False``).
        """
        if isinstance(value, NoAnswer):
            return False
        if isinstance(value, bool):
            return not value
        chosen = value if isinstance(value, tuple) else (value,)
        options = [self.option(code) for code in chosen]
        return bool(options) and all(o is not None and o.absent for o in options)

    def format_value(self, value: AnswerValue, language: str = "en") -> str:
        """The answer in words (option displays, Yes/No, "Declined"), for screens, history
        and search."""
        if isinstance(value, NoAnswer):
            return no_answer_text(value.reason, language)
        if isinstance(value, bool):
            return _YES_NO.get(language, _YES_NO["en"])[0 if value else 1]
        displays = {o.code: o.display_for(language) for o in self.options}
        if isinstance(value, tuple):
            return ", ".join(displays.get(v, v) for v in value)
        return displays.get(value, value)


class Catalog(Frozen):
    url: str
    version: str
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]

    def question(self, code: str) -> Question:
        for q in self.questions:
            if q.code == code:
                return q
        raise KeyError(code)

    def in_category(self, category_code: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.category.code == category_code)


# --- answers ----------------------------------------------------------------------


class AnswerAction(enum.StrEnum):
    RECORDED = "recorded"
    CONFIRMED = "confirmed"
    CORRECTED = "corrected"
    ENTERED_IN_ERROR = "entered-in-error"


class RevisionStatus(enum.StrEnum):
    CURRENT = "current"
    SUPERSEDED = "superseded"
    ENTERED_IN_ERROR = "entered-in-error"


class AnswerRevision(Frozen):
    """One step in an answer's history: who did what, when, from which source."""

    action: AnswerAction
    value: AnswerValue
    provenance: Provenance
    status: RevisionStatus
    note: str = ""


class Answer(Frozen):
    """The patient's answer to one catalog question (one FHIR Observation)."""

    id: str
    patient_id: str
    question_code: str
    value: AnswerValue
    status: RevisionStatus
    effective_at: UtcDateTime
    """When the patient last gave or confirmed this answer; validity runs from here."""
    provenance: Provenance
    history: tuple[AnswerRevision, ...]
    server_version: str | None = None
    unsent: bool = False

    @property
    def no_answer(self) -> NoAnswerReason | None:
        """Why the patient gave no answer, when this answer says so."""
        return self.value.reason if isinstance(self.value, NoAnswer) else None


class AnswerState(enum.StrEnum):
    """What the board shows for a question, derived, never stored."""

    VALID = "valid"
    DUE = "due"
    NEVER_ASKED = "never-asked"


def answer_state(
    question: Question,
    last_answered_at: datetime | None,
    *,
    admitted_at: datetime | None,
    now: datetime,
    no_answer: NoAnswerReason | None = None,
    on_record: RecordFact | None = None,
) -> AnswerState:
    """Derive the board state of one question.

    ``last_answered_at`` is the effective time of the newest answer that is not
    entered in error (when the patient last gave or confirmed it), or ``None``.
    This one function decides for the board, the ward list counts and search.
    With no known start of the stay a "this stay" answer stays valid: nothing shows it
    belongs to an earlier stay, and re-asking on every sync is what AskOnce exists to end.

    ``no_answer``: the newest answer is "asked, but no answer" — never "not asked", but
    it holds for less than an answer would. "Not applicable" holds as the question's own
    rule; "declined" at most this stay (the next stay asks again); "could not answer now"
    at most ``ASK_AGAIN_SOON`` and this stay (the next shift asks again).

    ``on_record``: what the hospital's record already says. It counts as an answer given
    at the record's time, under the question's validity, and the better of it and the
    AskOnce answer decides: what the hospital knows is never "not asked". A record that
    does not say when holds for a permanent question and is to re-confirm for any other.
    """
    own = _own_state(
        question, last_answered_at, admitted_at=admitted_at, now=now, no_answer=no_answer
    )
    if on_record is None or own is AnswerState.VALID:
        return own
    if on_record.recorded_at is None:
        if question.validity.kind is ValidityKind.PERMANENT:
            return AnswerState.VALID
        return AnswerState.DUE
    return _rule_state(question.validity, on_record.recorded_at, admitted_at=admitted_at, now=now)


def _own_state(
    question: Question,
    last_answered_at: datetime | None,
    *,
    admitted_at: datetime | None,
    now: datetime,
    no_answer: NoAnswerReason | None,
) -> AnswerState:
    """The state AskOnce's own answer gives (``answer_state`` without the record)."""
    if last_answered_at is None:
        return AnswerState.NEVER_ASKED
    state = _rule_state(question.validity, last_answered_at, admitted_at=admitted_at, now=now)
    if state is AnswerState.DUE or no_answer in (None, NoAnswerReason.NOT_APPLICABLE):
        return state
    if admitted_at is not None and last_answered_at < admitted_at:
        return AnswerState.DUE  # an earlier stay's "no"
    if no_answer is NoAnswerReason.UNKNOWN and last_answered_at + ASK_AGAIN_SOON <= now:
        return AnswerState.DUE
    return AnswerState.VALID


def _rule_state(
    rule: Validity, last_answered_at: datetime, *, admitted_at: datetime | None, now: datetime
) -> AnswerState:
    if rule.kind is ValidityKind.PERMANENT:
        return AnswerState.VALID
    if rule.kind is ValidityKind.STAY:
        earlier_stay = admitted_at is not None and last_answered_at < admitted_at
        return AnswerState.DUE if earlier_stay else AnswerState.VALID
    assert rule.days is not None  # guaranteed by the Validity model and the catalog loader
    lapsed = last_answered_at + timedelta(days=rule.days) <= now
    return AnswerState.DUE if lapsed else AnswerState.VALID


# --- home medication --------------------------------------------------------------


class MedicationStatus(enum.StrEnum):
    TAKING = "taking"
    STOPPED = "stopped"
    UNKNOWN = "unknown"


class ReconciliationDecision(enum.StrEnum):
    CONTINUE = "continue"
    CHANGE = "change"
    STOP = "stop"
    NEW = "new"


class Reconciliation(Frozen):
    decision: ReconciliationDecision
    decided_by: Actor
    decided_at: UtcDateTime
    note: str = ""


class HomeMedication(Frozen):
    id: str
    patient_id: str
    name: str = Field(min_length=1)
    code: str = ""
    dose: str = ""
    route: str = ""
    frequency: str = ""
    last_taken: str = ""
    status: MedicationStatus = MedicationStatus.TAKING
    note: str = ""
    provenance: Provenance
    reconciliation: Reconciliation | None = None
    prescribed: bool = False
    """From a prescription in another system (FHIR MedicationRequest): shown, never edited here."""
    derived_from: str | None = None
    """The id of the prescription (MedicationRequest) this home medication was reconciled from."""
    server_version: str | None = None
    unsent: bool = False


# --- home-care contacts ------------------------------------------------------------


class ContactRole(enum.StrEnum):
    HELPS_AT_HOME = "helps-at-home"
    EMERGENCY_CONTACT = "emergency-contact"
    LEGAL_PROXY = "legal-proxy"
    HOME_CARE_PROVIDER = "home-care-provider"


class ContactKind(enum.StrEnum):
    PERSON = "person"
    AGENCY = "agency"


class Channel(enum.StrEnum):
    PHONE = "phone"
    SMS = "sms"
    EMAIL = "email"


class ContactPoint(Frozen):
    """One phone number or e-mail address; ``rank`` 1 is tried first."""

    system: Literal["phone", "email"]
    value: str = Field(min_length=1)
    rank: int = Field(ge=1)
    label: str = ""


class HomeCareContact(Frozen):
    id: str
    patient_id: str
    kind: ContactKind
    name: str = Field(min_length=1)
    relationship: str = ""
    roles: tuple[ContactRole, ...] = ()
    telecom: tuple[ContactPoint, ...] = ()
    preferred_channel: Channel | None = None
    preferred_times: str = ""
    language: str = ""
    consent_to_share: bool = False
    verified_by: Actor | None = None
    verified_at: UtcDateTime | None = None
    active: bool = True
    note: str = ""
    provenance: Provenance
    server_version: str | None = None
    unsent: bool = False

    def ranked_telecom(self) -> tuple[ContactPoint, ...]:
        return tuple(sorted(self.telecom, key=lambda c: c.rank))


# --- history, audit, outbox ---------------------------------------------------------


class HistoryEntry(Frozen):
    """A line of the History tab: who changed what, when."""

    patient_id: str
    at: UtcDateTime
    actor: Actor
    area: Literal["answer", "medication", "contact", "discharge"]
    subject: str
    action: str
    old_value: str = ""
    new_value: str = ""
    source: Source | None = None


class NewsItem(Frozen):
    """A colleague's change, downloaded for a patient this user already had, not yet seen.

    ``record_key`` says which item changed: the question code of an answer, else the
    record's id. Worded like its History line.
    """

    seq: int = 0
    patient_id: str
    area: Literal["answer", "medication", "contact", "discharge"]
    record_key: str
    actor: Actor
    at: UtcDateTime | None
    subject: str
    action: str
    new_value: str = ""


class AuditAction(enum.StrEnum):
    VIEW = "view"
    EDIT = "edit"
    PRINT = "print"
    EXPORT = "export"
    SIGN_IN = "sign-in"
    SIGN_OUT = "sign-out"
    LOCK = "lock"
    UNLOCK = "unlock"
    FAILED_PIN = "failed-pin"
    BREAK_GLASS = "break-glass"


class AuditEntry(Frozen):
    seq: int
    at: UtcDateTime
    user_id: str
    action: AuditAction
    patient_id: str | None
    workstation: str
    detail: str = ""
    prev_hash: str
    hash: str


class OutboxOperation(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class OutboxEntry(Frozen):
    """A local change waiting for the server; removed only after the server confirmed it."""

    seq: int
    resource_type: str
    resource_id: str
    patient_id: str | None
    operation: OutboxOperation
    payload: dict[str, object]
    base_version: str | None
    created_at: UtcDateTime
    attempts: int = 0
    last_error: str = ""
