"""What of a patient search can find: one ``Fact`` per thing a result can point to.

Each fact has a strength (who the patient *is* beats what is true of them, which beats
an answer that says "no"), its wording in every language for the result list, the
words it is found by (every language, other spellings, digit runs, dates) and keys for
misspelled or sound-alike names and drug names.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.discharge import Checklist, DischargePlan, DischargeTask, TaskStatus
from app.domain import (
    AllergyKind,
    Answer,
    Catalog,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    Patient,
    RevisionStatus,
)
from app.search.text import digit_runs, join, phone_digits, similar_keys, spellings, words
from app.search.vocabulary import Vocabulary

NEUTRAL = ""
"""The ``texts`` key of wording that is the same in every language (a name, a drug)."""


class FactKind(enum.StrEnum):
    NAME = "name"
    MRN = "mrn"
    BIRTH = "birth"
    AGE = "age"  # never stored: computed from the birth date on the day of the search
    BED = "bed"
    WARD = "ward"
    ANSWER = "answer"
    ALLERGY = "allergy"
    MEDICATION = "medication"
    CONTACT = "contact"
    DISCHARGE = "discharge"
    TASK = "task"


class Strength(enum.IntEnum):
    """How much a match on the fact says about the patient (search ranks by it)."""

    WEAK = 1
    """An answer that says "no" (no hearing aid), a stopped drug, a finished task."""
    FACT = 3
    """Something true of the patient: an answer, an allergy, a drug, a helper."""
    WHO = 4
    """Who the patient is: name, record number, birth date, bed."""


@dataclass(frozen=True)
class Fact:
    kind: FactKind
    strength: Strength
    texts: Mapping[str, str]
    """Language → how the result list words the fact (``NEUTRAL`` for all languages)."""
    terms: str
    """Folded words the fact is found by (prefix match)."""
    similar: str = ""
    """Typo keys and sound codes of names (whole-key match)."""

    def text_for(self, language: str) -> str:
        return _text_for(self.texts, language)


@dataclass(frozen=True)
class MatchedFact:
    kind: FactKind
    texts: dict[str, str]
    similar: bool
    """Found by a typo or a sound-alike, not the word as typed."""
    age: int | None = None

    def text_for(self, language: str) -> str:
        return _text_for(self.texts, language)


def _text_for(texts: Mapping[str, str], language: str) -> str:
    for key in (language, "en", NEUTRAL):
        if key in texts:
            return texts[key]
    return next(iter(texts.values()), "")


def date_token(day: date) -> str:
    """How a date is indexed and queried: one token, whatever form it was typed in."""
    return f"d{day:%Y%m%d}"


def year_token(year: int) -> str:
    return f"y{year:04d}"


def _terms(*texts: str, extra: Iterable[str] = ()) -> str:
    """The words in order (not de-duplicated: "nursing home" must stay a phrase)."""
    return " ".join([w for t in texts for w in spellings(t)] + [e for e in extra if e])


def _compound(text: str) -> str:
    """ "daughter-in-law" as one word: a search for "daughter" prefers real daughters."""
    return re.sub(r"(?<=\w)-(?=\w)", "", text)


def _similar(*texts: str) -> str:
    return join(k for t in texts for w in words(t) for k in similar_keys(w))


def patient_facts(
    patient: Patient,
    answers: Sequence[Answer],
    medications: Sequence[HomeMedication],
    contacts: Sequence[HomeCareContact],
    plans: Sequence[DischargePlan],
    tasks: Sequence[DischargeTask],
    *,
    catalog: Catalog,
    checklist: Checklist,
    vocabulary: Vocabulary,
) -> list[Fact]:
    facts = _who(patient, vocabulary)
    facts += _answers(answers, catalog, vocabulary)
    facts += _allergies(patient, vocabulary)
    facts += [_medication(m) for m in medications]
    facts += [_contact(c, vocabulary) for c in contacts if c.active]
    facts += _discharge(patient, plans, tasks, checklist, vocabulary)
    return facts


def _who(patient: Patient, vocabulary: Vocabulary) -> list[Fact]:
    names = (patient.given_name, patient.family_name, patient.preferred_name)
    full = f"{patient.family_name}, {patient.given_name}"
    if patient.preferred_name:
        full += f" ({patient.preferred_name})"
    facts = [
        Fact(FactKind.NAME, Strength.WHO, {NEUTRAL: full}, _terms(*names), _similar(*names)),
        Fact(FactKind.MRN, Strength.WHO, {NEUTRAL: patient.mrn}, _terms(patient.mrn)),
        Fact(
            FactKind.BIRTH,
            Strength.WHO,
            {NEUTRAL: patient.birth_date.isoformat()},
            join([date_token(patient.birth_date), year_token(patient.birth_date.year)]),
        ),
    ]
    if patient.bed:
        bed_words = vocabulary.all_words(vocabulary.kinds["bed"])
        facts.append(
            Fact(
                FactKind.BED, Strength.WHO, {NEUTRAL: patient.bed}, _terms(patient.bed, *bed_words)
            )
        )
    if patient.ward:
        # A ward holds many patients: its name says less about one of them than a bed.
        facts.append(
            Fact(FactKind.WARD, Strength.FACT, {NEUTRAL: patient.ward}, _terms(patient.ward))
        )
    return facts


def _answers(answers: Sequence[Answer], catalog: Catalog, vocabulary: Vocabulary) -> list[Fact]:
    by_code = {q.code: q for q in catalog.questions}
    facts = []
    for answer in answers:
        question = by_code.get(answer.question_code)
        if question is None or answer.status is RevisionStatus.ENTERED_IN_ERROR:
            continue
        if answer.no_answer is not None:
            # Asked, but no answer: no fact. "Lactose" must not find a patient who
            # declined the lactose question as if they were intolerant.
            continue
        texts = {
            lang: f"{question.label_for(lang)}: {question.format_value(answer.value, lang)}"
            for lang in vocabulary.languages
        }
        strength = Strength.WEAK if question.says_absent(answer.value) else Strength.FACT
        facts.append(Fact(FactKind.ANSWER, strength, texts, _terms(*texts.values())))
    return facts


def _allergies(patient: Patient, vocabulary: Vocabulary) -> list[Fact]:
    facts = []
    for allergy in patient.allergies:
        kind = "intolerance" if allergy.kind is AllergyKind.INTOLERANCE else "allergy"
        text = (
            f"{allergy.substance} ({allergy.reaction})" if allergy.reaction else allergy.substance
        )
        kind_words = vocabulary.all_words(vocabulary.kinds[kind])
        facts.append(
            Fact(
                FactKind.ALLERGY,
                Strength.FACT,
                {NEUTRAL: text},
                _terms(allergy.substance, allergy.reaction, *kind_words),
                _similar(allergy.substance),
            )
        )
    return facts


def _medication(med: HomeMedication) -> Fact:
    text = " ".join(p for p in (med.name, med.dose, med.route, med.frequency) if p)
    strength = Strength.WEAK if med.status is MedicationStatus.STOPPED else Strength.FACT
    return Fact(
        FactKind.MEDICATION,
        strength,
        {NEUTRAL: text},
        _terms(text, med.note),
        _similar(med.name),
    )


def _contact(contact: HomeCareContact, vocabulary: Vocabulary) -> Fact:
    phones = [t.value for t in contact.ranked_telecom() if t.system == "phone"]
    emails = [t.value for t in contact.ranked_telecom() if t.system == "email"]
    known = vocabulary.relationship(contact.relationship)
    # "(daughter)" reads "(Tochter)" in German; a relationship the vocabulary does not
    # know is shown as typed.
    said = {lang: words_[0] for lang, words_ in known.items()} or {NEUTRAL: contact.relationship}
    reach = f" · {(phones or emails)[0]}" if phones or emails else ""
    texts = {
        lang: (f"{contact.name} ({relation})" if relation else contact.name) + reach
        for lang, relation in said.items()
    }
    roles = [vocabulary.contact_roles[r] for r in contact.roles]
    role_words = [w for entry in roles for w in vocabulary.all_words(entry)]
    numbers = [run for p in phones for form in phone_digits(p) for run in digit_runs(form)]
    return Fact(
        FactKind.CONTACT,
        Strength.FACT,
        texts,
        _terms(
            contact.name,
            _compound(contact.relationship),
            contact.note,
            *emails,
            *role_words,
            *(_compound(w) for w in vocabulary.all_words(known)),
            extra=numbers,
        ),
        _similar(contact.name),
    )


def _discharge(
    patient: Patient,
    plans: Sequence[DischargePlan],
    tasks: Sequence[DischargeTask],
    checklist: Checklist,
    vocabulary: Vocabulary,
) -> list[Fact]:
    facts = []
    discharge_words = vocabulary.all_words(vocabulary.kinds["discharge"])
    for plan in plans:
        destination = vocabulary.destinations.get(plan.destination) if plan.destination else None
        texts = (
            {lang: destination[lang][0] for lang in vocabulary.languages}
            if destination
            else {NEUTRAL: ""}
        )
        appointments = [f"{a.with_whom} {a.where} {a.note}" for a in plan.appointments]
        facts.append(
            Fact(
                FactKind.DISCHARGE,
                Strength.FACT,
                texts,
                _terms(
                    plan.note,
                    *appointments,
                    *discharge_words,
                    *(vocabulary.all_words(destination) if destination else ()),
                    extra=[date_token(plan.expected_date)] if plan.expected_date else (),
                ),
            )
        )
    if not plans and patient.expected_discharge:
        facts.append(
            Fact(
                FactKind.DISCHARGE,
                Strength.FACT,
                {NEUTRAL: ""},
                _terms(*discharge_words, extra=[date_token(patient.expected_discharge)]),
            )
        )
    for task in tasks:
        item = checklist.item(task.code)
        titles = (
            {lang: item.title_for(lang) for lang in vocabulary.languages}
            if item
            else {NEUTRAL: task.title}
        )
        open_ = task.status in (TaskStatus.TODO, TaskStatus.IN_PROGRESS)
        facts.append(
            Fact(
                FactKind.TASK,
                Strength.FACT if open_ else Strength.WEAK,
                titles,
                _terms(task.title, task.note, *titles.values()),
            )
        )
    return facts
