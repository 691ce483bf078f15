"""Full-text search over the cache (SQLite FTS5, inside the encrypted file).

Each patient has a handful of index rows, one per fact (name line, each
answer, each medication, each contact), so a hit can show *which* fact
matched. The index is rebuilt per patient in the same transaction as the edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain import Catalog, RevisionStatus
from app.store.database import Connection, Database
from app.store.repository import Repository

_DIGITS = re.compile(r"\D+")
_TOKEN = re.compile(r"\w+", re.UNICODE)
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


def reindex_patient(conn: Connection, repo: Repository, catalog: Catalog, patient_id: str) -> None:
    """Replace the patient's index rows with what the cache holds now."""
    conn.execute("DELETE FROM search_index WHERE patient_id = ?", (patient_id,))
    patient = repo.patient(patient_id)
    if patient is None:
        return
    rows: list[tuple[str, str, str]] = [
        (
            "patient",
            "Patient",
            " ".join(
                filter(
                    None,
                    (
                        patient.given_name,
                        patient.family_name,
                        patient.preferred_name,
                        patient.mrn,
                        f"bed {patient.bed}" if patient.bed else "",
                    ),
                )
            ),
        )
    ]
    for allergy in patient.allergies:
        rows.append(("allergy", "Allergy", f"{allergy.substance} {allergy.reaction}".strip()))
    by_code = {q.code: q for q in catalog.questions}
    for answer in repo.answers(patient_id):
        question = by_code.get(answer.question_code)
        if answer.status is RevisionStatus.ENTERED_IN_ERROR or question is None:
            continue
        rows.append(
            ("answer", question.label, f"{question.label}: {question.format_value(answer.value)}")
        )
    for med in repo.medications(patient_id):
        fact = " ".join(filter(None, (med.name, med.dose, med.route, med.frequency)))
        rows.append(("medication", "Home medication", fact))
    for contact in repo.contacts(patient_id):
        phones = [t.value for t in contact.ranked_telecom()]
        fact = " ".join(filter(None, (contact.name, contact.relationship, *phones)))
        # Digits-only copies so "0171 2345" finds "+49 171 234 5678"-style numbers too.
        digits = " ".join(t for p in phones for t in phone_tokens(p))
        rows.append(("contact", "Contact", f"{fact}\n{digits}" if digits else fact))
    conn.executemany(
        "INSERT INTO search_index (patient_id, kind, label, body) VALUES (?, ?, ?, ?)",
        [(patient_id, kind, label, body) for kind, label, body in rows],
    )


def fts_query(text: str) -> str | None:
    """Turn what a nurse types into a safe FTS5 query: every word must match as a prefix."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    digits = _digits(text)
    words = " AND ".join(f'"{t}"*' for t in tokens)
    if len(digits) >= 4 and len(digits) >= len(text.replace(" ", "")) - 3:
        # Looks like a phone number: match its digits in any formatting as well.
        return f'({words}) OR "{digits}"*'
    return words


def search(db: Database, text: str, limit: int = MAX_HITS) -> list[SearchHit]:
    query = fts_query(text)
    if query is None:
        return []
    rows = db.query(
        """SELECT patient_id, kind, label, body FROM search_index
           WHERE search_index MATCH ? ORDER BY rank LIMIT ?""",
        (query, limit),
    )
    return [SearchHit(p, k, label, body.split("\n")[0]) for p, k, label, body in rows]
