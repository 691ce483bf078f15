"""The question catalog: a FHIR ``Questionnaire`` in ``resources/catalog/``.

The catalog is data. A hospital extends it by editing (or replacing) the JSON;
the loader validates every question at start and names the broken one in its
error, so IT can fix the file without reading code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from app.domain import (
    AnswerOption,
    AnswerType,
    Catalog,
    Category,
    Coding,
    Question,
    Validity,
    ValidityKind,
)
from app.errors import CatalogError
from app.hospital_record import check_source

CATALOG_URL = "https://fhir.askonce.app/Questionnaire/askonce-catalog"
QUESTION_SYSTEM = "https://fhir.askonce.app/CodeSystem/askonce-questions"
ANSWER_SYSTEM = "https://fhir.askonce.app/CodeSystem/askonce-answers"
EXT_ANSWER_TYPE = "https://fhir.askonce.app/StructureDefinition/answer-type"
EXT_VALIDITY = "https://fhir.askonce.app/StructureDefinition/validity"
EXT_VALIDITY_DAYS = "https://fhir.askonce.app/StructureDefinition/validity-days"
EXT_TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
EXT_OPTION_ABSENT = "https://fhir.askonce.app/StructureDefinition/option-absent"
"""On an answer option: choosing it says the thing asked about is absent ("No hearing aid")."""
EXT_STANDARD_CODING = "https://fhir.askonce.app/StructureDefinition/standard-coding"
"""On an answer option (repeatable): the same answer in a standard terminology.

FHIR gives an answer option one ``valueCoding``; ours is the key the app works with, so
standard codes ride along here. A question's standard codes are plain ``item.code`` entries.
"""
EXT_HOSPITAL_RECORD = "https://fhir.askonce.app/StructureDefinition/hospital-record"
"""On a question (repeatable, ``valueString``): where in the hospital's record its answer may
already live ("patient-communication", "interpreter-required", "interpreter-language",
"telecom", "allergy:<code or word>"; ``app.hospital_record``). Such an answer counts as asked."""
LOINC = "http://loinc.org"
SNOMED_CT = "http://snomed.info/sct"

# Which FHIR item types fit which answer type.
_FHIR_TYPES: dict[AnswerType, set[str]] = {
    AnswerType.CHOICE: {"choice", "coding"},
    AnswerType.MULTI_CHOICE: {"choice", "coding"},
    AnswerType.CONTACT_METHOD: {"choice", "coding"},
    AnswerType.BOOLEAN: {"boolean"},
    AnswerType.FREE_TEXT: {"string", "text"},
    AnswerType.TIME: {"time"},
}
_CHOICE_TYPES = {AnswerType.CHOICE, AnswerType.MULTI_CHOICE, AnswerType.CONTACT_METHOD}


def default_catalog_path() -> Path:
    ref = resources.files("resources") / "catalog" / "askonce-catalog.questionnaire.json"
    return Path(str(ref))


def load_catalog(path: Path | None = None) -> Catalog:
    """Read and validate the catalog; raise ``CatalogError`` naming the bad question."""
    path = path or default_catalog_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CatalogError(
            f"The question catalog {path} is missing.",
            hint="Reinstall AskOnce or ask IT to restore the file.",
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogError(
            f"The question catalog {path} is not valid JSON ({exc}).",
            hint="Ask IT to correct the file.",
        ) from exc
    return parse_catalog(raw, origin=str(path))


def parse_catalog(raw: Any, *, origin: str = "catalog") -> Catalog:
    if not isinstance(raw, Mapping) or raw.get("resourceType") != "Questionnaire":
        raise CatalogError(f"{origin}: not a FHIR Questionnaire.")
    url = raw.get("url")
    if not isinstance(url, str) or not url:
        raise CatalogError(f"{origin}: the Questionnaire has no canonical url.")
    version = str(raw.get("version") or "")
    categories: list[Category] = []
    questions: list[Question] = []
    seen: set[str] = set()
    for group in _items(raw, origin):
        cat_code = group.get("linkId")
        if group.get("type") != "group" or not isinstance(cat_code, str):
            raise CatalogError(f"{origin}: top-level item {cat_code!r} must be a category group.")
        try:
            cat_translations = _translations(group.get("_text"))
        except ValueError as exc:
            raise CatalogError(f"{origin}: category {cat_code!r}: {exc}.") from exc
        category = Category(
            code=cat_code,
            display=str(group.get("text") or cat_code),
            translations=cat_translations,
        )
        categories.append(category)
        for item in _items(group, f"{origin}: category {cat_code!r}"):
            question = _parse_question(item, category, origin)
            if question.code in seen:
                raise CatalogError(f"{origin}: question {question.code!r} appears twice.")
            seen.add(question.code)
            questions.append(question)
    if not questions:
        raise CatalogError(f"{origin}: the catalog has no questions.")
    return Catalog(
        url=url, version=version, categories=tuple(categories), questions=tuple(questions)
    )


def _items(node: Mapping[str, Any], where: str) -> list[Mapping[str, Any]]:
    items = node.get("item", [])
    if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
        raise CatalogError(f"{where}: 'item' must be a list of objects.")
    return items


def _extension(item: Mapping[str, Any], url: str) -> Mapping[str, Any] | None:
    for ext in item.get("extension", []) or []:
        if isinstance(ext, Mapping) and ext.get("url") == url:
            return ext
    return None


def _parse_question(item: Mapping[str, Any], category: Category, origin: str) -> Question:
    code = item.get("linkId")
    if not isinstance(code, str) or not code:
        raise CatalogError(f"{origin}: a question in {category.code!r} has no linkId.")

    def fail(problem: str) -> CatalogError:
        return CatalogError(f"{origin}: question {code!r}: {problem}.", hint="Ask IT to fix it.")

    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise fail("the question text is missing")

    ext = _extension(item, EXT_ANSWER_TYPE)
    try:
        answer_type = AnswerType(ext["valueCode"] if ext else "")
    except (ValueError, KeyError) as exc:
        raise fail("missing or unknown answer-type extension") from exc
    if item.get("type") not in _FHIR_TYPES[answer_type]:
        raise fail(f"item type {item.get('type')!r} does not fit answer type {answer_type}")
    if answer_type is AnswerType.CHOICE and item.get("repeats"):
        answer_type = AnswerType.MULTI_CHOICE

    validity = _parse_validity(item, fail)
    options = _parse_options(item, fail) if answer_type in _CHOICE_TYPES else ()
    if answer_type in _CHOICE_TYPES and len(options) < 2:
        raise fail("a choice question needs at least two answer options")

    label = text
    label_translations: dict[str, str] = {}
    standard: list[Coding] = []
    codes = item.get("code", []) or []
    if not isinstance(codes, list):
        raise fail("'code' must be a list of codings")
    for coding in codes:
        if isinstance(coding, Mapping) and coding.get("system") == QUESTION_SYSTEM:
            if coding.get("code") != code:
                raise fail("its code does not match its linkId")
            label = str(coding.get("display") or text)
            label_translations = _checked_translations(coding, "_display", fail)
        else:
            standard.append(_standard_coding(coding, "its code", fail))

    question = Question(
        code=code,
        label=label,
        text=text.strip(),
        category=category,
        answer_type=answer_type,
        validity=validity,
        options=options,
        translations=_checked_translations(item, "_text", fail),
        label_translations=label_translations,
        standard_codings=_distinct(standard, "its code", fail),
        on_record=_record_sources(item, fail),
    )
    for name in question.on_record:
        problem = check_source(name, question)
        if problem is not None:
            raise fail(problem)
    return question


def _record_sources(item: Mapping[str, Any], fail: Any) -> tuple[str, ...]:
    """The question's ``hospital-record`` extensions, in catalog order (first says first)."""
    names: list[str] = []
    for ext in item.get("extension", []) or []:
        if not isinstance(ext, Mapping) or ext.get("url") != EXT_HOSPITAL_RECORD:
            continue
        name = ext.get("valueString")
        if not isinstance(name, str) or not name:
            raise fail("a hospital-record extension needs a valueString")
        if name in names:
            raise fail(f"the hospital-record source {name!r} is given twice")
        names.append(name)
    return tuple(names)


def _standard_coding(coding: Any, where: str, fail: Any) -> Coding:
    """A standard coding from the catalog: an absolute system URI and a code, nothing less."""
    if not isinstance(coding, Mapping):
        raise fail(f"{where}: a coding must be an object")
    system, value, display = coding.get("system"), coding.get("code"), coding.get("display", "")
    if not isinstance(system, str) or not _is_absolute_uri(system):
        raise fail(f"{where}: coding {value!r} needs a system URL (such as {LOINC})")
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise fail(f"{where}: the {system} coding has no code")
    if not isinstance(display, str):
        raise fail(f"{where}: the display of {system}|{value} must be text")
    return Coding(system=system, code=value, display=display)


def _is_absolute_uri(system: str) -> bool:
    if system != system.strip() or " " in system:
        return False
    if system.startswith(("http://", "https://")):
        return "." in system.split("/")[2]
    return system.startswith(("urn:oid:", "urn:uuid:", "urn:ietf:", "urn:iso:"))


def _distinct(codings: list[Coding], where: str, fail: Any) -> tuple[Coding, ...]:
    seen: set[tuple[str, str]] = set()
    for coding in codings:
        key = (coding.system, coding.code)
        if key in seen:
            raise fail(f"{where}: {coding.system}|{coding.code} is given twice")
        seen.add(key)
    return tuple(codings)


def _parse_validity(item: Mapping[str, Any], fail: Any) -> Validity:
    ext = _extension(item, EXT_VALIDITY)
    try:
        kind = ValidityKind(ext["valueCode"] if ext else "")
    except (ValueError, KeyError) as exc:
        raise fail("missing or unknown validity extension") from exc
    days_ext = _extension(item, EXT_VALIDITY_DAYS)
    if kind is ValidityKind.DAYS:
        days = days_ext.get("valueInteger") if days_ext else None
        if not isinstance(days, int) or isinstance(days, bool) or days <= 0:
            raise fail("validity 'days' needs a positive validity-days extension")
        return Validity(kind=kind, days=days)
    if days_ext is not None:
        raise fail(f"validity-days given, but validity is {kind}")
    return Validity(kind=kind)


def _parse_options(item: Mapping[str, Any], fail: Any) -> tuple[AnswerOption, ...]:
    options: list[AnswerOption] = []
    for opt in item.get("answerOption", []) or []:
        coding = opt.get("valueCoding") if isinstance(opt, Mapping) else None
        if not isinstance(coding, Mapping) or not coding.get("code"):
            raise fail("an answer option has no valueCoding code")
        absent = _extension(opt, EXT_OPTION_ABSENT)
        if absent is not None and not isinstance(absent.get("valueBoolean"), bool):
            raise fail(f"option {coding['code']}: option-absent needs a valueBoolean")
        system = str(coding.get("system") or ANSWER_SYSTEM)
        where = f"option {coding['code']}"
        standard = [
            _standard_coding(ext.get("valueCoding"), where, fail)
            for ext in opt.get("extension", []) or []
            if isinstance(ext, Mapping) and ext.get("url") == EXT_STANDARD_CODING
        ]
        if system != ANSWER_SYSTEM:
            # The option's own coding is already a standard one (BCP-47 languages, FHIR's
            # contact point systems): it goes to the server next to ours as well.
            standard.insert(0, _standard_coding(coding, where, fail))
        options.append(
            AnswerOption(
                system=system,
                code=str(coding["code"]),
                display=str(coding.get("display") or coding["code"]),
                translations=_checked_translations(coding, "_display", fail),
                absent=bool(absent and absent["valueBoolean"]),
                standard_codings=_distinct(standard, where, fail),
            )
        )
    if len({o.code for o in options}) != len(options):
        raise fail("two answer options share a code")
    return tuple(options)


def _checked_translations(item: Mapping[str, Any], element: str, fail: Any) -> dict[str, str]:
    try:
        return _translations(item.get(element))
    except ValueError as exc:
        raise fail(f"its translations are malformed ({exc})") from exc


def _translations(element: Any) -> dict[str, str]:
    result: dict[str, str] = {}
    if not isinstance(element, Mapping):
        return result
    for ext in element.get("extension", []) or []:
        if not isinstance(ext, Mapping) or ext.get("url") != EXT_TRANSLATION:
            continue
        nested = ext.get("extension", [])
        if not isinstance(nested, list):
            raise ValueError("a translation extension must hold a list of extensions")
        parts = {e.get("url"): e for e in nested if isinstance(e, Mapping)}
        lang = parts.get("lang", {}).get("valueCode")
        content = parts.get("content", {}).get("valueString")
        if isinstance(lang, str) and isinstance(content, str):
            result[lang] = content
    return result
