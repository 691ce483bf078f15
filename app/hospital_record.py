"""What the hospital already knows counts as asked: catalog questions answered by its record.

A catalog question may name where its answer may already live in the hospital's FHIR
record (the ``hospital-record`` extension on the question, data in the catalog):

- ``patient-communication``: the language ``Patient.communication`` marks preferred (or
  the only one it names), as one of the question's language options, else "other";
- ``interpreter-required``: the Patient's ``patient-interpreterRequired`` extension;
- ``interpreter-language``: the preferred language, when the record says an interpreter
  is required;
- ``telecom``: the channel of the contact point the record ranks first (only an explicit
  ``rank`` is a preference; a phone number alone is not);
- ``patient-religion``: the ``patient-religion`` extension, as the option whose own code or
  standard coding (v3-ReligiousAffiliation) it names, else "other";
- ``allergy:<code or word>``: an active entry of the allergy and intolerance list whose
  code is ``<code>``, or whose words contain ``<word>`` — "Yes". An entry missing from the
  list says nothing (nobody may have asked).

The record is read, shown and counted; it is never an AskOnce answer on the server until
a nurse confirms it (``AnswerService.confirm_record``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from app.domain import (
    Allergy,
    Answer,
    AnswerType,
    AnswerValue,
    Catalog,
    NoAnswer,
    Patient,
    Question,
    RecordFact,
    RecordLanguage,
    RevisionStatus,
)

PATIENT_COMMUNICATION = "patient-communication"
INTERPRETER_REQUIRED = "interpreter-required"
INTERPRETER_LANGUAGE = "interpreter-language"
TELECOM = "telecom"
RELIGION = "patient-religion"
ALLERGY_PREFIX = "allergy:"
SOURCES = (PATIENT_COMMUNICATION, INTERPRETER_REQUIRED, INTERPRETER_LANGUAGE, TELECOM, RELIGION)
"""The record sources a question may name, besides ``allergy:<code or word>``."""

OTHER_OPTION = "other"
_CHANNELS = ("phone", "sms", "email")  # ContactPoint systems a contact-method option names


def check_source(name: str, question: Question | None = None) -> str | None:
    """Why ``name`` is no record source (for the catalog loader's error), or ``None``.

    ``question``: the question naming it, to check its answer fits what the source gives.
    """
    kinds = {
        PATIENT_COMMUNICATION: (AnswerType.CHOICE,),
        INTERPRETER_LANGUAGE: (AnswerType.CHOICE,),
        INTERPRETER_REQUIRED: (AnswerType.BOOLEAN,),
        TELECOM: (AnswerType.CONTACT_METHOD, AnswerType.CHOICE),
        RELIGION: (AnswerType.CHOICE,),
    }
    if name.startswith(ALLERGY_PREFIX):
        if not name[len(ALLERGY_PREFIX) :].strip() or name != name.strip():
            return f"{name!r} names no substance (write allergy:<code or word>)"
        fits: tuple[AnswerType, ...] = (AnswerType.BOOLEAN,)
    elif name in kinds:
        fits = kinds[name]
    else:
        known = ", ".join((*SOURCES, ALLERGY_PREFIX + "<code or word>"))
        return f"unknown hospital-record source {name!r} (known: {known})"
    if question is not None and question.answer_type not in fits:
        return f"the hospital-record source {name!r} does not fit a {question.answer_type} answer"
    return None


def record_facts(catalog: Catalog, patient: Patient) -> dict[str, RecordFact]:
    """Question code -> what the patient's hospital record already says of it."""
    facts = {}
    for question in catalog.questions:
        if question.on_record:
            fact = record_fact(question, patient)
            if fact is not None:
                facts[question.code] = fact
    return facts


def record_fact(question: Question, patient: Patient) -> RecordFact | None:
    """What the hospital record says in answer to ``question`` (the first source that
    says anything), or ``None``."""
    for source in question.on_record:
        fact = _fact(question, patient, source)
        if fact is not None:
            return fact
    return None


def _fact(question: Question, patient: Patient, source: str) -> RecordFact | None:
    def said(
        value: AnswerValue, wording: str = "", at: datetime | None = patient.record_updated_at
    ) -> RecordFact:
        return RecordFact(
            question_code=question.code,
            value=value,
            wording=wording,
            source=source,
            recorded_at=at,
        )

    if source == INTERPRETER_REQUIRED:
        required = patient.interpreter_required
        return said(required) if required is not None else None
    if source in (PATIENT_COMMUNICATION, INTERPRETER_LANGUAGE):
        language = patient.preferred_language()
        if language is None or (
            source == INTERPRETER_LANGUAGE and not patient.interpreter_required
        ):
            return None
        code = _language_option(question, language)
        if code is None:
            return None
        wording = "" if code != OTHER_OPTION else (language.display or language.code)
        return said(code, wording)
    if source == TELECOM:
        ranked = sorted(
            (
                (t.rank, n, t.system)
                for n, t in enumerate(patient.telecom)
                if t.rank is not None and t.use != "old" and t.system in _CHANNELS
            ),
        )
        for _rank, _n, system in ranked:
            if question.option(system) is not None:
                return said(system)
        return None
    if source == RELIGION and patient.religion:
        for coding in patient.religion:
            for option in question.options:
                ours = (option.system, option.code) == (coding.system, coding.code)
                if ours or any(
                    (c.system, c.code) == (coding.system, coding.code)
                    for c in option.standard_codings
                ):
                    return said(option.code)
        if question.option(OTHER_OPTION) is None:
            return None
        named = next((c.display for c in patient.religion if c.display), patient.religion[0].code)
        return said(OTHER_OPTION, named)
    if source.startswith(ALLERGY_PREFIX):
        allergy = next(_matching(patient.allergies, source[len(ALLERGY_PREFIX) :]), None)
        if allergy is not None:
            return said(True, allergy.substance, allergy.recorded_at)
    return None


def _language_option(question: Question, language: RecordLanguage) -> str | None:
    """The option naming ``language`` ("de-AT" is "de"), else "Other language"."""
    code = language.code.strip()
    for candidate in (code, code.split("-")[0]):
        if not candidate:
            continue
        match = next((o for o in question.options if o.code.lower() == candidate.lower()), None)
        if match is not None and match.code != OTHER_OPTION:
            return match.code
    if not (code or language.display):
        return None
    return OTHER_OPTION if question.option(OTHER_OPTION) is not None else None


def _matching(allergies: tuple[Allergy, ...], wanted: str) -> Iterator[Allergy]:
    """The allergies coded ``wanted``, or (a word) whose words contain it."""
    folded = wanted.casefold()
    is_word = any(ch.isalpha() for ch in wanted)
    for allergy in allergies:
        if any(c.code == wanted for c in allergy.codes):
            yield allergy
            continue
        words = " ".join((allergy.substance, *(c.display for c in allergy.codes))).casefold()
        if is_word and folded in words:
            yield allergy


def record_disagrees(question: Question, answer: Answer | None, fact: RecordFact | None) -> bool:
    """Whether AskOnce's current answer and the hospital record say different things.

    "Asked, but no answer" disagrees with nothing; free text compares without case and
    surrounding space, several options as a set.
    """
    if answer is None or fact is None or answer.status is not RevisionStatus.CURRENT:
        return False
    return values_differ(question, answer.value, fact.value)


def values_differ(question: Question, ours: AnswerValue, theirs: AnswerValue) -> bool:
    """Whether two answers to ``question`` say different things (see ``record_disagrees``)."""
    if isinstance(ours, NoAnswer) or isinstance(theirs, NoAnswer):
        return False
    if isinstance(ours, tuple) or isinstance(theirs, tuple):
        return _as_set(ours) != _as_set(theirs)
    if isinstance(ours, str) and isinstance(theirs, str):
        if question.answer_type is AnswerType.FREE_TEXT:
            return ours.strip().casefold() != theirs.strip().casefold()
        return ours != theirs
    return ours != theirs


def _as_set(value: AnswerValue) -> set[object]:
    if isinstance(value, tuple):
        return set(value)
    return {value}
