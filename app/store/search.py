"""Search over the cache: SQLite FTS5 inside the encrypted file, ranked by meaning.

Each patient has a handful of index rows, one per fact (``app.search.facts``): who the
patient is, each answer, allergy, drug, helper, the discharge plan and its checklist.
The rows are rebuilt per patient in the same transaction as the edit, and all of them
when the words behind them change (a new catalog, vocabulary or index format).

A query (``app.search.query``) is a list of terms; a patient is found when *every*
term matches *some* of their facts. Each term scores its best fact: the fact's
strength (who the patient is > what is true of them > an answer that says "no"), a
whole word above the beginning of one above a typo or sound-alike. Patients come in
order of their summed score, then by bed. The ranking is one SQL statement over the
FTS index alone (a fact's rowid carries its patient and strength), the rarest term
first, so the cost stays in SQLite's C code at 10,000 patients.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.discharge import default_checklist
from app.domain import Catalog, Patient, age_on, bed_sort_key
from app.search.facts import FactKind, MatchedFact, Strength, patient_facts
from app.search.query import Query, Term
from app.search.text import fold
from app.search.vocabulary import Vocabulary, default_vocabulary
from app.store.database import Connection, Database
from app.store.repository import Repository

log = logging.getLogger(__name__)

MAX_HITS = 100
INDEX_FORMAT = "4"
"""Raise when what is indexed changes, so every cache rebuilds its index on open."""
INDEX_META = "search_index"

# A fact's rowid: the patient's number, the fact's strength, the fact's number. Ranking
# needs nothing else, so it never reads the (large, encrypted) fact rows themselves.
_SEQ_SHIFT = 14
_STRENGTH_SHIFT = 10
_FACT_BITS = (1 << _STRENGTH_SHIFT) - 1
_AGE_FACT = _FACT_BITS
"""The fact number that stands for "of this age" (computed, never stored)."""

# Points per term: the fact's strength × 10, plus how the word matched.
_WHOLE_WORD = 2
_BEGINNING = 0
_STEM = -1
_SIMILAR = -5
COMMON_WORD = 2000
"""A word in more facts than this is a word of labels and options (``_term_sql``)."""
_AGE_POINTS = Strength.WHO * 10 + _WHOLE_WORD

_STRENGTH_SQL = f"((rowid >> {_STRENGTH_SHIFT}) & 15)"
_SEQ_OF_ROWID = f"(rowid >> {_SEQ_SHIFT})"


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


def rank_key(patient: Patient) -> str:
    """``bed_sort_key`` as text SQLite can sort ("2A" before "10A"; no bed last), then name:
    how ties are broken."""
    number, bed = bed_sort_key(patient.bed)
    return (
        f"{number:011d}\x1f{fold(bed)}\x1f{fold(patient.family_name)}\x1f{fold(patient.given_name)}"
    )


def _seq(conn: Connection, patient_id: str) -> int | None:
    row = conn.execute(
        "SELECT seq FROM search_patients WHERE patient_id = ?", (patient_id,)
    ).fetchone()
    return int(row[0]) if row else None


def forget_patient(conn: Connection, patient_id: str) -> None:
    """Remove the patient from the index (purged, or about to be indexed afresh)."""
    seq = _seq(conn, patient_id)
    if seq is None:
        return
    conn.execute(
        "DELETE FROM search_facts WHERE id BETWEEN ? AND ?",
        (seq << _SEQ_SHIFT, ((seq + 1) << _SEQ_SHIFT) - 1),
    )
    conn.execute("DELETE FROM search_patients WHERE seq = ?", (seq,))


def reindex_patient(
    conn: Connection,
    repo: Repository,
    catalog: Catalog,
    patient_id: str,
    vocabulary: Vocabulary | None = None,
) -> None:
    """Replace the patient's index rows with what the cache holds now."""
    forget_patient(conn, patient_id)
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
    cursor = conn.execute(
        "INSERT INTO search_patients (patient_id, birth_date, rank_key) VALUES (?, ?, ?)",
        (patient_id, patient.birth_date.isoformat(), rank_key(patient)),
    )
    seq = int(cursor.lastrowid or 0)
    if len(facts) > _AGE_FACT:  # never in practice; an edit must not fail for it
        log.warning("search index: %d facts of one patient, %d indexed", len(facts), _AGE_FACT)
        facts = facts[:_AGE_FACT]
    conn.executemany(
        "INSERT INTO search_facts (id, kind, texts, who, terms, similar) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                seq << _SEQ_SHIFT | int(f.strength) << _STRENGTH_SHIFT | n,
                f.kind.value,
                json.dumps(dict(f.texts), ensure_ascii=False),
                f.terms if f.strength is Strength.WHO else "",
                "" if f.strength is Strength.WHO else f.terms,
                f.similar,
            )
            for n, f in enumerate(facts)
        ],
    )


def index_is_current(repo: Repository, catalog: Catalog) -> bool:
    return repo.meta(INDEX_META) == _fingerprint(catalog, default_vocabulary())


def rebuild_index(conn: Connection, repo: Repository, catalog: Catalog) -> int:
    """Index every cached patient afresh (the words behind the index changed)."""
    conn.execute("DELETE FROM search_facts")
    conn.execute("DELETE FROM search_patients")
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


def _term_sql(term: Term, today: date, within: str, *, common: bool) -> tuple[str, list[Any]]:
    """One term's matching facts as (fid, points) rows, of the patients ``within`` allows.

    A ``common`` word (a word of labels and options, thousands of facts) is looked up
    once, as a beginning: it is no typo, and "whole word or beginning" ranks nothing
    there that its fact's strength does not.
    """
    fts = (
        f"SELECT rowid AS fid, {_STRENGTH_SQL} * 10 + {{points}} AS points"
        f" FROM search_index WHERE search_index MATCH ?{within.format(seq=_SEQ_OF_ROWID)}"
    )
    anywhere = "{who terms}"
    beginning = (term.prefixes, "who" if term.only_who else anywhere, True, _BEGINNING)
    if common:
        lookups = [beginning]
    else:
        lookups = [
            (term.exact, anywhere, False, _WHOLE_WORD),
            # the stem begins every word the word itself begins: one look-up for both
            (term.stems, anywhere, True, _STEM) if term.stems else beginning,
            (term.similar, "similar", False, _SIMILAR),
        ]
    parts: list[str] = []
    params: list[Any] = []
    for tokens, columns, prefix, points in lookups:
        if tokens:
            parts.append(fts.format(points=points))
            params.append(f"{columns} : ({_phrases(tokens, prefix=prefix)})")
    if term.age is not None:
        parts.append(
            # (SQLite gives << and | one precedence, hence the brackets)
            f"SELECT (seq << {_SEQ_SHIFT}) | ({int(Strength.WHO)} << {_STRENGTH_SHIFT})"
            f" | {_AGE_FACT} AS fid, {_AGE_POINTS} AS points FROM search_patients"
            f" WHERE birth_date > ? AND birth_date <= ?{within.format(seq='seq')}"
        )
        params += [
            _years_before(today, term.age + 1).isoformat(),
            _years_before(today, term.age).isoformat(),
        ]
    return " UNION ALL ".join(parts), params


def _how_common(db: Database, term: Term) -> int:
    """About how many facts hold the term (the index's own count of its words)."""
    if term.age is not None:
        return 0  # one year of births: few patients
    words = term.exact or term.prefixes
    marks = ",".join("?" * len(words))
    row = db.query(f"SELECT coalesce(sum(doc), 0) FROM search_vocab WHERE term IN ({marks})", words)
    return int(row[0][0])


def search(db: Database, query: Query, *, today: date, limit: int = MAX_HITS) -> SearchResult:
    """Patients matching every term of ``query``, best first (module docstring).

    The rarest term is looked up first and the others only among its patients, so a
    query with a common word ("home", "aid") costs about what its rare word costs.
    """
    if not query:
        return SearchResult((), 0)
    counted = sorted((_how_common(db, t), i, t) for i, t in enumerate(query.terms))
    ctes: list[str] = []
    params: list[Any] = []
    for i, (count, _, term) in enumerate(counted):
        within = " AND {seq} IN (SELECT seq FROM t0)" if i else ""
        sql, term_params = _term_sql(term, today, within, common=count > COMMON_WORD)
        ctes.append(
            f"m{i}(seq, fid, points) AS MATERIALIZED (SELECT fid >> {_SEQ_SHIFT}, * FROM ({sql}))"
        )
        ctes.append(
            f"t{i}(seq, score) AS MATERIALIZED (SELECT seq, MAX(points) FROM m{i} GROUP BY seq)"
        )
        params += term_params
    n = len(counted)
    everyone = " ".join(f"JOIN t{i} ON t{i}.seq = t0.seq" for i in range(1, n))
    joins = everyone
    score = " + ".join(f"t{i}.score" for i in range(n))
    words = [t for t in query.terms if t.prefixes and not t.only_who]
    if len(words) > 1:
        # Words said side by side in one fact ("Hearing aid: with me", "nursing home")
        # beat the same words in two facts ("Hearing, speech … support" and "Walking
        # aid"; "Nursing Service" and "helps at home"): the fact's strength once more.
        # Typed words only: a sound-alike ("Meyer" for "Meier") earns no bonus.
        near = " ".join(f'"{(t.stems or t.prefixes)[0]}"*' for t in words)
        ctes.append(
            f"together(seq, bonus) AS (SELECT {_SEQ_OF_ROWID}, MAX({_STRENGTH_SQL}) * 10"
            f" FROM search_index WHERE search_index MATCH ?"
            f" AND {_SEQ_OF_ROWID} IN (SELECT seq FROM t0) GROUP BY 1)"
        )
        params.append(f"{{who terms}} : NEAR({near}, 0)")
        joins += " LEFT JOIN together ON together.seq = t0.seq"
        score += " + coalesce(together.bonus, 0)"
    # What each term matched, for the best patients only (the result list says why).
    facts = ", ".join(
        f"(SELECT group_concat(fid || ':' || points) FROM m{i} WHERE m{i}.seq = best.seq)"
        for i in range(n)
    )
    rows = db.query(
        f"WITH {', '.join(ctes)}"
        f" SELECT best.*, {facts} FROM ("
        f"SELECT t0.seq, sp.patient_id, {score} AS score, sp.birth_date,"
        f" (SELECT count(*) FROM t0 {everyone})"
        f" FROM t0 {joins} JOIN search_patients sp ON sp.seq = t0.seq"
        " ORDER BY score DESC, sp.rank_key, sp.seq LIMIT ?) AS best",
        (*params, limit),
    )
    rows = [row[1:] for row in rows]
    if not rows:
        return SearchResult((), 0)
    return SearchResult(_explain(db, rows, today), rows[0][3])


def _explain(db: Database, rows: list[Any], today: date) -> tuple[SearchMatch, ...]:
    """Each patient's matched facts, best first, worded for the result list."""
    # fact → (how many terms it matched, their points, the weakest way one matched)
    found_per_row: list[dict[int, tuple[int, int, int]]] = []
    for row in rows:
        found: dict[int, tuple[int, int, int]] = {}
        for term_facts in row[4:]:
            points: dict[int, int] = {}
            for item in filter(None, (term_facts or "").split(",")):
                fid, _, value = item.partition(":")
                points[int(fid)] = max(points.get(int(fid), -99), int(value))
            for fid, value in points.items():
                how = value - ((fid >> _STRENGTH_SHIFT) & 15) * 10
                terms, total, weakest = found.get(fid, (0, 0, _WHOLE_WORD))
                found[fid] = (terms + 1, total + value, min(weakest, how))
        found_per_row.append(found)
    ids = sorted({fid for found in found_per_row for fid in found})
    stored: dict[int, tuple[str, dict[str, str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for fid, kind, texts in db.query(
            f"SELECT id, kind, texts FROM search_facts WHERE id IN ({','.join('?' * len(chunk))})",
            tuple(chunk),
        ):
            stored[fid] = (kind, json.loads(texts))
    matches = []
    for row, found in zip(rows, found_per_row, strict=True):
        ranked = sorted(found.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))
        matched = []
        for fid, (_terms, _total, weakest) in ranked:
            if fid & _FACT_BITS == _AGE_FACT:
                age = age_on(date.fromisoformat(row[2]), today)
                matched.append(MatchedFact(FactKind.AGE, {}, similar=False, age=age))
            elif fid in stored:
                kind, texts = stored[fid]
                matched.append(MatchedFact(FactKind(kind), texts, similar=weakest <= _SIMILAR))
        matches.append(SearchMatch(row[0], row[1], tuple(matched)))
    return tuple(matches)
