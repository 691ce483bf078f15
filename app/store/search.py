"""Search over the cache: SQLite FTS5 inside the encrypted file, ranked by meaning.

Each patient has a handful of index rows, one per fact (``app.search.facts``): who the
patient is, each answer, allergy, drug, helper, the discharge plan and its checklist.
The rows are rebuilt per patient in the same transaction as the edit, and all of them
when the words behind them change (a new catalog, vocabulary or index format).

A query (``app.search.query``) is a list of terms; a patient is found when *every*
term matches *some* of their facts. Each term scores its best fact: the fact's
strength (who the patient is > what is true of them > an answer that says "no"), a
whole word above the beginning of one above a typo or sound-alike. Patients come in
order of their summed score, then by bed. The ranking is one SQL statement, so the
cost stays in SQLite's C code at 10,000 patients.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.discharge import default_checklist
from app.domain import Catalog
from app.search.facts import FactKind, MatchedFact, Strength, patient_facts
from app.search.query import Query, Term
from app.search.vocabulary import Vocabulary, default_vocabulary
from app.store.database import Connection, Database
from app.store.repository import Repository

MAX_HITS = 100
INDEX_FORMAT = "2"
"""Raise when what is indexed changes, so every cache rebuilds its index on open."""
INDEX_META = "search_index"

# Points per term: the fact's strength × 10, plus how the word matched.
_WHOLE_WORD = 2
_BEGINNING = 0
_SIMILAR = -5
_AGE_SCORE = Strength.WHO * 10


@dataclass(frozen=True)
class SearchMatch:
    patient_id: str
    score: int
    facts: tuple[MatchedFact, ...]
    """What matched, best first."""


@dataclass(frozen=True)
class SearchResult:
    matches: tuple[SearchMatch, ...]
    total: int
    """How many patients matched (``matches`` holds at most ``MAX_HITS``)."""


def _fingerprint(catalog: Catalog, vocabulary: Vocabulary) -> str:
    words = json.dumps(
        [catalog.model_dump(mode="json"), default_checklist().model_dump(mode="json")],
        sort_keys=True,
    )
    digest = hashlib.sha256(words.encode()).hexdigest()[:16]
    return f"{INDEX_FORMAT}:{digest}:{vocabulary.fingerprint()}"


def reindex_patient(
    conn: Connection,
    repo: Repository,
    catalog: Catalog,
    patient_id: str,
    vocabulary: Vocabulary | None = None,
) -> None:
    """Replace the patient's index rows with what the cache holds now."""
    conn.execute("DELETE FROM search_facts WHERE patient_id = ?", (patient_id,))
    patient = repo.patient(patient_id)
    if patient is None:
        return
    plans = repo.discharge_plans(patient_id)
    tasks = [t for ts in repo.discharge_tasks([p.id for p in plans]).values() for t in ts]
    facts = patient_facts(
        patient,
        repo.answers(patient_id),
        repo.medications(patient_id),
        repo.contacts(patient_id),
        plans,
        tasks,
        catalog=catalog,
        checklist=default_checklist(),
        vocabulary=vocabulary or default_vocabulary(),
    )
    conn.executemany(
        """INSERT INTO search_facts (patient_id, kind, strength, texts, terms, similar)
           VALUES (?, ?, ?, ?, ?, ?)""",
        [
            (
                patient_id,
                f.kind.value,
                int(f.strength),
                json.dumps(dict(f.texts), ensure_ascii=False),
                f.terms,
                f.similar,
            )
            for f in facts
        ],
    )


def index_is_current(repo: Repository, catalog: Catalog) -> bool:
    return repo.meta(INDEX_META) == _fingerprint(catalog, default_vocabulary())


def rebuild_index(conn: Connection, repo: Repository, catalog: Catalog) -> int:
    """Index every cached patient afresh (the words behind the index changed)."""
    conn.execute("DELETE FROM search_facts")
    ids = [row[0] for row in conn.execute("SELECT id FROM patients ORDER BY id").fetchall()]
    for patient_id in ids:
        reindex_patient(conn, repo, catalog, patient_id)
    mark_index_current(conn, repo, catalog)
    return len(ids)


def mark_index_current(conn: Connection, repo: Repository, catalog: Catalog) -> None:
    repo.set_meta(conn, INDEX_META, _fingerprint(catalog, default_vocabulary()))


# --- the query ----------------------------------------------------------------------


def _phrases(tokens: tuple[str, ...], *, prefix: bool) -> str:
    star = "*" if prefix else ""
    return " OR ".join(f'"{t}"{star}' for t in tokens)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _term_sql(term: Term, today: date) -> tuple[str, list[Any]]:
    """One term's matching facts as (patient id, fact id, points) rows."""
    fts = (
        "SELECT f.patient_id AS pid, f.id AS fid, f.strength * 10 + {points} AS points"
        " FROM search_index JOIN search_facts f ON f.id = search_index.rowid"
        " WHERE search_index MATCH ?{who}"
    )
    parts: list[str] = []
    params: list[Any] = []
    for tokens, column, prefix, points in (
        (term.exact, "terms", False, _WHOLE_WORD),
        (term.prefixes, "terms", True, _BEGINNING),
        (term.similar, "similar", False, _SIMILAR),
    ):
        if tokens:
            only_who = term.only_who and prefix
            who = f" AND f.strength = {int(Strength.WHO)}" if only_who else ""
            parts.append(fts.format(points=points, who=who))
            params.append(f"{column} : ({_phrases(tokens, prefix=prefix)})")
    if term.age is not None:
        parts.append(
            f"SELECT id AS pid, NULL AS fid, {_AGE_SCORE} AS points FROM patients"
            " WHERE birth_date > ? AND birth_date <= ?"
        )
        params += [
            _years_before(today, term.age + 1).isoformat(),
            _years_before(today, term.age).isoformat(),
        ]
    return " UNION ALL ".join(parts), params


def search(db: Database, query: Query, *, today: date, limit: int = MAX_HITS) -> SearchResult:
    """Patients matching every term of ``query``, best first (module docstring)."""
    if not query:
        return SearchResult((), 0)
    ctes: list[str] = []
    params: list[Any] = []
    for i, term in enumerate(query.terms):
        sql, term_params = _term_sql(term, today)
        ctes.append(
            f"t{i}(pid, score, facts) AS (SELECT pid, MAX(points),"
            f" group_concat(fid || ':' || points) FROM ({sql})"
            " GROUP BY pid)"
        )
        params += term_params
    joins = " ".join(f"JOIN t{i} ON t{i}.pid = t0.pid" for i in range(1, len(query.terms)))
    score = " + ".join(f"t{i}.score" for i in range(len(query.terms)))
    words = [t for t in query.terms if t.prefixes and not t.only_who]
    if len(words) > 1:
        # "hearing aid" said of one fact (Hearing aid: with me) beats "hearing" in one
        # fact and "aid" in another (Walking aid): the fact's strength once more.
        ctes.append(
            "together(pid, bonus) AS (SELECT f.patient_id, MAX(f.strength) * 10"
            " FROM search_index JOIN search_facts f ON f.id = search_index.rowid"
            " WHERE search_index MATCH ? GROUP BY f.patient_id)"
        )
        params.append(" AND ".join(f"terms : ({_phrases(t.prefixes, prefix=True)})" for t in words))
        joins += " LEFT JOIN together ON together.pid = t0.pid"
        score += " + coalesce(together.bonus, 0)"
    facts = ", ".join(f"t{i}.facts" for i in range(len(query.terms)))
    rows = db.query(
        f"WITH {', '.join(ctes)}"
        f" SELECT t0.pid, {score} AS score, p.birth_date, COUNT(*) OVER (), {facts}"
        f" FROM t0 {joins} JOIN patients p ON p.id = t0.pid"
        " ORDER BY score DESC, p.bed = '', CAST(p.bed AS INTEGER), p.bed,"
        " p.family_name, p.given_name, p.id"
        " LIMIT ?",
        (*params, limit),
    )
    if not rows:
        return SearchResult((), 0)
    return SearchResult(_explain(db, query, rows, today), rows[0][3])


def _explain(db: Database, query: Query, rows: list[Any], today: date) -> tuple[SearchMatch, ...]:
    """Each patient's matched facts, best first, worded for the result list."""
    best: list[dict[int, tuple[int, int]]] = []  # fact → (terms it matched, points)
    for row in rows:
        found: dict[int, tuple[int, int]] = {}
        for term_facts in row[4:]:
            points: dict[int, int] = {}
            for item in filter(None, (term_facts or "").split(",")):
                fid, _, value = item.partition(":")
                points[int(fid)] = max(points.get(int(fid), -99), int(value))
            for fid, value in points.items():
                terms, total = found.get(fid, (0, 0))
                found[fid] = (terms + 1, total + value)
        best.append(found)
    ids = sorted({fid for points in best for fid in points})
    facts: dict[int, tuple[str, int, dict[str, str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for fid, kind, strength, texts in db.query(
            f"SELECT id, kind, strength, texts FROM search_facts"
            f" WHERE id IN ({','.join('?' * len(chunk))})",
            tuple(chunk),
        ):
            facts[fid] = (kind, strength, json.loads(texts))
    ages = [t.age for t in query.terms if t.age is not None]
    matches = []
    for row, found in zip(rows, best, strict=True):
        ranked = sorted(found.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))
        matched = [
            MatchedFact(
                FactKind(facts[fid][0]),
                facts[fid][2],
                similar=total < terms * (facts[fid][1] * 10 + _BEGINNING),
            )
            for fid, (terms, total) in ranked
            if fid in facts
        ]
        age = _age(date.fromisoformat(row[2]), today)
        if age in ages:
            matched.append(MatchedFact(FactKind.AGE, {}, similar=False, age=age))
        matches.append(SearchMatch(row[0], row[1], tuple(matched)))
    return tuple(matches)


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
