"""Full-text search over the cache (SQLite FTS5, inside the encrypted file).

Each patient has a handful of index rows, one per fact (name line, each
answer, each medication, each contact), so a hit can show *which* fact
matched. The index is rebuilt per patient in the same transaction as the edit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.domain import Catalog, RevisionStatus
from app.store.database import Connection, Database
from app.store.repository import Repository

_DIGITS = re.compile(r"\D+")
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Characters that may appear in a typed phone number; anything else means "not a number".
_NOT_PHONE = re.compile(r"[^\d\s+()\-/.]")
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})
MAX_HITS = 200


@dataclass(frozen=True)
class SearchHit:
    patient_id: str
    kind: str  # "patient", "answer", "medication", "contact"
    label: str  # e.g. the question label or "Medication"
    fact: str  # the matching fact, shown next to the patient

    def describe(self) -> str:
        """The fact as one line for a result list ("Lactose intolerance: Yes")."""
        return self.fact if self.kind == "answer" else f"{self.label}: {self.fact}"


def _digits(text: str) -> str:
    return _DIGITS.sub("", text)


def phone_tokens(number: str) -> list[str]:
    """Digit strings a nurse may type for a number: as stored, and in national form.

    "+49 171 2345678" is typed as "0171…" on the ward; the country code can be one to
    three digits, so each split is indexed (a few harmless extra tokens).
    """
    digits = _digits(number)
    if not digits:
        return []
    tokens = [digits]
    if number.strip().startswith(("+", "00")):
        international = digits[2:] if number.strip().startswith("00") else digits
        tokens += ["0" + international[cc:] for cc in (1, 2, 3) if len(international) > cc + 4]
    return tokens


def fold(text: str) -> str:
    """Lower-case, accent-free text, so "yilmaz" finds "Yılmaz" and "stanislaw" "Stanisław".

    The tokenizer's remove_diacritics handles letters with combining marks (ü, é); letters
    that are distinct code points (ı, ł, ø, ß) are mapped here, at index and query time.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def reindex_patient(conn: Connection, repo: Repository, catalog: Catalog, patient_id: str) -> None:
    """Replace the patient's index rows with what the cache holds now."""
    conn.execute("DELETE FROM search_facts WHERE patient_id = ?", (patient_id,))
    patient = repo.patient(patient_id)
    if patient is None:
        return
    name_parts = (
        patient.given_name,
        patient.family_name,
        patient.preferred_name,
        patient.mrn,
        f"bed {patient.bed}" if patient.bed else "",
    )
    rows: list[tuple[str, str, str, str]] = [
        ("patient", "Patient", " ".join(p for p in name_parts if p), "")
    ]
    for allergy in patient.allergies:
        fact = f"{allergy.substance} {allergy.reaction}".strip()
        rows.append(("allergy", "Allergy", fact, ""))
    by_code = {q.code: q for q in catalog.questions}
    for answer in repo.answers(patient_id):
        question = by_code.get(answer.question_code)
        if answer.status is RevisionStatus.ENTERED_IN_ERROR or question is None:
            continue
        fact = f"{question.label}: {question.format_value(answer.value)}"
        rows.append(("answer", question.label, fact, ""))
    for med in repo.medications(patient_id):
        fact = " ".join(p for p in (med.name, med.dose, med.route, med.frequency) if p)
        rows.append(("medication", "Home medication", fact, ""))
    for contact in repo.contacts(patient_id):
        if not contact.active:
            continue  # removed contacts must not lead anyone to the patient
        phones = [t.value for t in contact.ranked_telecom()]
        fact = " ".join(p for p in (contact.name, contact.relationship, *phones) if p)
        # Digits-only copies so "0171 2345" finds "+49 171 234 5678"-style numbers too.
        rows.append(
            ("contact", "Contact", fact, " ".join(t for p in phones for t in phone_tokens(p)))
        )
    conn.executemany(
        """INSERT INTO search_facts (patient_id, kind, label, body, terms)
           VALUES (?, ?, ?, ?, ?)""",
        [
            (patient_id, kind, label, body, fold(f"{body} {extra}"))
            for kind, label, body, extra in rows
        ],
    )


def fts_query(text: str) -> str | None:
    """Turn what a nurse types into a safe FTS5 query: every word must match as a prefix.

    Words are quoted, so FTS5 syntax in the input ("AND", "*", quotes) is just text.
    """
    tokens = _TOKEN.findall(fold(text))
    if not tokens:
        return None
    words = " AND ".join(f'"{t}"*' for t in tokens)
    digits = _digits(text)
    if len(digits) >= 4 and not _NOT_PHONE.search(text):
        # Looks like a phone number: match its digits in any formatting as well.
        if text.strip().startswith("00"):
            digits = digits[2:]
        return f'({words}) OR "{digits}"*'
    return words


def search(db: Database, text: str, limit: int = MAX_HITS) -> list[SearchHit]:
    query = fts_query(text)
    if query is None:
        return []
    rows = db.query(
        """SELECT f.patient_id, f.kind, f.label, f.body
           FROM search_index JOIN search_facts f ON f.id = search_index.rowid
           WHERE search_index MATCH ? ORDER BY search_index.rank LIMIT ?""",
        (query, limit),
    )
    return [SearchHit(p, k, label, body) for p, k, label, body in rows]
