"""An in-memory FHIR R4 server for fast unit tests of the sync engine.

``FakeFhirServer`` is an ``httpx.BaseTransport``: give it to ``FhirClient(transport=...)``.
It answers as a conformant R4 server would, generically, not as today's engine happens
to ask: the CapabilityStatement, read, create, versioned update (``If-Match``), delete,
transaction (all or nothing) and batch Bundles, and search with token, reference, string
and ``_lastUpdated`` parameters, ``_count`` paging through ``next`` links, ``_summary=count``,
``_elements`` and ``_total``. Resources are JSON dicts; nothing is validated beyond
``resourceType`` and ``id`` (a test can add a ``validator``).

Knobs for misbehaving servers: ``unsupported`` (a param the server does not know: 400
under ``Prefer: handling=strict``, otherwise ignored and left out of the self link),
``lenient_ignore`` (ignored even under strict handling), ``self_link_lies`` (the self
link lists every parameter received), ``down`` (every request raises ``ConnectError``)
and ``fault`` (answer a request yourself). Every HTTP request is logged in ``requests``.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode

import httpx

BASE_URL = "https://fhir.test/fhir"
START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
SUBSETTED = {
    "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
    "code": "SUBSETTED",
}
Resource = dict[str, Any]


# --- search parameters (R4 element paths, simplified to plain element names) -------------


@dataclass(frozen=True)
class SearchParam:
    kind: Literal["token", "reference", "string", "date"]
    paths: tuple[str, ...]
    target: str | None = None  # a reference param that can only point at this type


def _token(*paths: str) -> SearchParam:
    return SearchParam("token", paths)


def _ref(*paths: str, target: str | None = None) -> SearchParam:
    return SearchParam("reference", paths, target)


def _string(*paths: str) -> SearchParam:
    return SearchParam("string", paths)


COMMON_PARAMS = {"_id": _token("id"), "_lastUpdated": SearchParam("date", ("meta.lastUpdated",))}
_PATIENT = _ref("subject", target="Patient")
SEARCH_PARAMS: dict[str, dict[str, SearchParam]] = {
    "Patient": {"identifier": _token("identifier"), "name": _string("name.family", "name.given")},
    "Practitioner": {"identifier": _token("identifier"), "name": _string("name.family")},
    "Organization": {"identifier": _token("identifier"), "name": _string("name")},
    "Location": {"identifier": _token("identifier"), "name": _string("name")},
    "Observation": {
        "patient": _PATIENT,
        "subject": _ref("subject"),
        "category": _token("category"),
        "code": _token("code"),
        "status": _token("status"),
        "encounter": _ref("encounter", target="Encounter"),
    },
    "CareTeam": {
        "participant": _ref("participant.member"),
        "patient": _PATIENT,
        "subject": _ref("subject"),
        "status": _token("status"),
        "category": _token("category"),
    },
    "Encounter": {
        "patient": _PATIENT,
        "subject": _ref("subject"),
        "status": _token("status"),
        "class": _token("class"),
        "location": _ref("location.location", target="Location"),
        "participant": _ref("participant.individual"),
    },
    "MedicationStatement": {
        "patient": _PATIENT,
        "subject": _ref("subject"),
        "status": _token("status"),
        "category": _token("category"),
        "code": _token("medicationCodeableConcept"),
    },
    "MedicationRequest": {
        "patient": _PATIENT,
        "subject": _ref("subject"),
        "status": _token("status"),
        "intent": _token("intent"),
        "code": _token("medicationCodeableConcept"),
    },
    "AllergyIntolerance": {
        "patient": _ref("patient", target="Patient"),
        "clinical-status": _token("clinicalStatus"),
        "category": _token("category"),
    },
    "CarePlan": {
        "patient": _PATIENT,
        "subject": _ref("subject"),
        "category": _token("category"),
        "status": _token("status"),
    },
    "QuestionnaireResponse": {
        "patient": _PATIENT,
        "subject": _ref("subject"),
        "status": _token("status"),
        "questionnaire": _ref("questionnaire"),
    },
    "CommunicationRequest": {
        "patient": _PATIENT,
        "subject": _ref("subject"),
        "category": _token("category"),
        "status": _token("status"),
        "based-on": _ref("basedOn"),
    },
    "Task": {
        "patient": _ref("for", target="Patient"),
        "subject": _ref("for"),
        "code": _token("code"),
        "status": _token("status"),
        "focus": _ref("focus"),
        "owner": _ref("owner"),
        "based-on": _ref("basedOn"),
    },
    "RelatedPerson": {
        "patient": _ref("patient", target="Patient"),
        "identifier": _token("identifier"),
    },
    "Group": {
        "managing-entity": _ref("managingEntity"),
        "member": _ref("member.entity"),
        "actual": _token("actual"),
        "type": _token("type"),
        "code": _token("code"),
    },
    "List": {
        "source": _ref("source"),
        "subject": _ref("subject"),
        "patient": _PATIENT,
        "status": _token("status"),
        "code": _token("code"),
    },
    "PractitionerRole": {
        "practitioner": _ref("practitioner", target="Practitioner"),
        "location": _ref("location", target="Location"),
        "organization": _ref("organization", target="Organization"),
        "active": _token("active"),
    },
    "AuditEvent": {"agent": _ref("agent.who"), "patient": _ref("entity.what", target="Patient")},
}
RESULT_PARAMS = {"_count", "_summary", "_elements", "_total", "_sort"}
IGNORED_PARAMS = {"_format", "_pretty"}  # about the wire format, not the result


# --- the log, the clock and the errors ---------------------------------------------------


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str  # relative to the base: "", "metadata", "Patient", "Patient/p1", "Type/_search"
    query: tuple[tuple[str, str], ...]
    headers: dict[str, str]  # lower-case names
    body: Any = None

    def param(self, name: str) -> str | None:
        return next((v for k, v in self.query if k == name), None)


class ServerClock:
    """The server's clock: tests set or advance ``now``; stamps are strictly increasing."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now
        self.last: datetime | None = None

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)

    def stamp(self) -> datetime:
        at = self.now if self.last is None else max(self.now, self.last + timedelta(milliseconds=1))
        self.last = at
        return at


def fhir_instant(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="milliseconds")  # ...T10:30:00.000+00:00


class FhirError(Exception):
    """An error answer: its status and an OperationOutcome."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


@dataclass
class _Request:
    method: str
    path: str
    params: list[tuple[str, str]]
    headers: dict[str, str]
    body: Any = None


@dataclass
class _Answer:
    status: int
    body: Resource | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class _Stored:
    version: int
    resource: Resource | None  # None: deleted


@dataclass
class _Search:
    resources: list[Resource]
    used: list[tuple[str, str]]
    count: int
    summary_count: bool
    total: bool


def outcome(code: str, message: str, severity: str = "error") -> Resource:
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": severity, "code": code, "diagnostics": message}],
    }


def _status_line(status: int) -> str:
    return f"{status} {HTTPStatus(status).phrase}"


# --- the server ---------------------------------------------------------------------------


class FakeFhirServer(httpx.BaseTransport):
    def __init__(
        self,
        base_url: str = BASE_URL,
        *,
        search_params: dict[str, dict[str, SearchParam]] | None = None,
        unsupported: dict[str, set[str]] | None = None,
        lenient_ignore: dict[str, set[str]] | None = None,
        advertise_ignored: bool = False,
        self_link_lies: bool = False,
        max_page_size: int = 100,
        default_page_size: int = 20,
        batch: bool = True,
        transaction: bool = True,
        validator: Callable[[Resource], str | None] | None = None,
        clock: ServerClock | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.base_path = httpx.URL(self.base_url).path.rstrip("/")
        params = search_params if search_params is not None else SEARCH_PARAMS
        self.search_params = {
            rtype: {
                name: p
                for name, p in {**COMMON_PARAMS, **table}.items()
                if name not in (unsupported or {}).get(rtype, set())
            }
            for rtype, table in params.items()
        }
        self.lenient_ignore = lenient_ignore or {}
        self.advertise_ignored = advertise_ignored
        self.self_link_lies = self_link_lies
        self.max_page_size = max_page_size
        self.default_page_size = default_page_size
        self.batch = batch
        self.transaction = transaction
        self.validator = validator
        """Called with each resource written: a message refuses it (422, ``processing``)."""
        self.clock = clock or ServerClock()
        self.down = False
        """True: every request raises ``httpx.ConnectError`` (logged all the same)."""
        self.fault: Callable[[httpx.Request], httpx.Response | None] | None = None
        """Called first with each request: a response it returns is the answer."""
        self.requests: list[LoggedRequest] = []
        self._store: dict[tuple[str, str], _Stored] = {}
        self._searches: dict[str, _Search] = {}
        self._next_id = 1

    # --- for tests: the server's side of things, without HTTP or the log ---------------

    def put(self, resource: Resource) -> Resource:
        """Create or update as someone else would (a colleague, another system)."""
        return copy.deepcopy(self._write(copy.deepcopy(resource), if_match=None)[0])

    def get(self, resource_type: str, resource_id: str) -> Resource | None:
        stored = self._store.get((resource_type, resource_id))
        return copy.deepcopy(stored.resource) if stored and stored.resource else None

    def remove(self, resource_type: str, resource_id: str) -> None:
        self._delete(resource_type, resource_id)

    def all(self, resource_type: str) -> list[Resource]:
        return [copy.deepcopy(r) for r in self._live(resource_type)]

    def count(self, method: str | None = None, path: str | None = None) -> int:
        """Requests logged, of a method and/or whose path starts with ``path``."""
        return sum(
            1
            for r in self.requests
            if (method is None or r.method == method) and (path is None or r.path.startswith(path))
        )

    # --- HTTP ----------------------------------------------------------------------------

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        headers = {k.lower(): v for k, v in request.headers.items()}
        path = request.url.path
        path = path[len(self.base_path) :] if path.startswith(self.base_path) else path
        params = list(request.url.params.multi_items())
        parsed: Any = None
        if body and "x-www-form-urlencoded" in headers.get("content-type", ""):
            params += parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        elif body:
            try:
                parsed = json.loads(body)
            except (UnicodeDecodeError, json.JSONDecodeError):
                parsed = body
        logged = LoggedRequest(request.method, path.strip("/"), tuple(params), headers, parsed)
        self.requests.append(logged)
        if self.down:
            raise httpx.ConnectError("connection refused (fake server down)", request=request)
        if self.fault is not None and (answer := self.fault(request)) is not None:
            return answer
        if parsed is not None and not isinstance(parsed, dict):
            result = _Answer(400, outcome("structure", "the body is not a JSON resource"))
        else:
            result = self._answer(_Request(request.method, logged.path, params, headers, parsed))
        out_headers = {"Content-Type": "application/fhir+json;charset=utf-8", **result.headers}
        content = json.dumps(result.body).encode("utf-8") if result.body is not None else b""
        return httpx.Response(result.status, headers=out_headers, content=content)

    def _answer(self, req: _Request) -> _Answer:
        try:
            return self._route(req)
        except FhirError as exc:
            return _Answer(exc.status, outcome(exc.code, str(exc)))

    def _route(self, req: _Request) -> _Answer:
        parts = [p for p in req.path.split("/") if p]
        method = req.method
        strict = "handling=strict" in req.headers.get("prefer", "")
        if not parts:
            if method == "GET" and any(k == "_getpages" for k, _v in req.params):
                return self._page_again(dict(req.params))
            if method == "POST":
                return self._bundle(req.body, req.headers)
        elif parts == ["metadata"] and method == "GET":
            return _Answer(200, self.capability_statement())
        elif not re.fullmatch(r"[A-Z][A-Za-z]+", parts[0]):
            raise FhirError(404, "not-supported", "unknown resource type")
        elif (method, parts[1:]) in (("GET", []), ("POST", ["_search"])):
            return self._search(parts[0], req.params, strict)
        elif len(parts) == 1 and method == "POST":
            return self._create(parts[0], req.body, req.headers)
        elif len(parts) == 2 and method == "GET":
            return self._read(parts[0], parts[1])
        elif len(parts) == 2 and method == "PUT":
            return self._update(parts[0], parts[1], req.body, req.headers)
        elif len(parts) == 2 and method == "DELETE":
            self._delete(parts[0], parts[1])
            return _Answer(204)
        raise FhirError(405, "not-supported", f"{method} {req.path} is not supported")

    # --- CapabilityStatement ---------------------------------------------------------------

    def capability_statement(self) -> Resource:
        resources = []
        for rtype, table in sorted(self.search_params.items()):
            ignored = set() if self.advertise_ignored else self.lenient_ignore.get(rtype, set())
            resources.append(
                {
                    "type": rtype,
                    "versioning": "versioned-update",
                    "readHistory": False,
                    "updateCreate": True,
                    "conditionalCreate": False,
                    "conditionalUpdate": False,
                    "conditionalDelete": "not-supported",
                    "interaction": [
                        {"code": c} for c in ("read", "update", "delete", "create", "search-type")
                    ],
                    "searchParam": [
                        {"name": name, "type": p.kind}
                        for name, p in sorted(table.items())
                        if name not in ignored
                    ],
                }
            )
        system = [c for c, on in (("transaction", self.transaction), ("batch", self.batch)) if on]
        return {
            "resourceType": "CapabilityStatement",
            "status": "active",
            "date": fhir_instant(self.clock.now),
            "kind": "instance",
            "fhirVersion": "4.0.1",
            "format": ["application/fhir+json"],
            "implementation": {"description": "AskOnce test fake", "url": self.base_url},
            "rest": [
                {
                    "mode": "server",
                    "resource": resources,
                    "interaction": [{"code": c} for c in system],
                }
            ],
        }

    # --- instances -------------------------------------------------------------------------

    def _read(self, rtype: str, rid: str) -> _Answer:
        stored = self._store.get((rtype, rid))
        if stored is None:
            raise FhirError(404, "not-found", f"{rtype}/{rid} is not known")
        if stored.resource is None:
            raise FhirError(410, "deleted", f"{rtype}/{rid} was deleted")
        return _Answer(200, copy.deepcopy(stored.resource), self._version_headers(stored.resource))

    def _create(self, rtype: str, body: Any, headers: dict[str, str]) -> _Answer:
        resource = self._body_of(rtype, body)
        resource["id"] = self._new_id()
        written, _created = self._write(resource, if_match=None)
        return self._written(written, 201, headers)

    def _update(self, rtype: str, rid: str, body: Any, headers: dict[str, str]) -> _Answer:
        resource = self._body_of(rtype, body)
        if resource.get("id") != rid:
            raise FhirError(400, "invalid", "the id in the body differs from the URL")
        written, created = self._write(resource, if_match=headers.get("if-match"))
        return self._written(written, 201 if created else 200, headers)

    def _body_of(self, rtype: str, body: Any) -> Resource:
        if not isinstance(body, dict) or body.get("resourceType") != rtype:
            raise FhirError(400, "invalid", f"the body is not a {rtype}")
        return copy.deepcopy(body)

    def _new_id(self) -> str:
        self._next_id += 1
        return f"srv-{self._next_id - 1}"

    def _write(self, resource: Resource, if_match: str | None) -> tuple[Resource, bool]:
        rtype, rid = str(resource.get("resourceType", "")), resource.get("id")
        if not isinstance(rid, str) or not re.fullmatch(r"[A-Za-z0-9\-.]{1,64}", rid):
            raise FhirError(400, "invalid", "a resource needs a valid id")
        stored = self._store.get((rtype, rid))
        if if_match is not None:
            wanted = if_match.strip().removeprefix("W/").strip('"')
            if stored is None or str(stored.version) != wanted:
                raise FhirError(412, "conflict", f"{rtype}/{rid}: version {wanted} is not current")
        if self.validator is not None and (problem := self.validator(resource)) is not None:
            raise FhirError(422, "processing", problem)
        version = stored.version + 1 if stored else 1
        meta = dict(resource.get("meta") or {})
        meta.update(versionId=str(version), lastUpdated=fhir_instant(self.clock.stamp()))
        resource["meta"] = meta
        self._store[(rtype, rid)] = _Stored(version, resource)
        return resource, stored is None or stored.resource is None

    def _delete(self, rtype: str, rid: str) -> None:
        stored = self._store.get((rtype, rid))
        if stored is not None and stored.resource is not None:
            self.clock.stamp()
            self._store[(rtype, rid)] = _Stored(stored.version + 1, None)

    def _written(self, resource: Resource, status: int, headers: dict[str, str]) -> _Answer:
        out = self._version_headers(resource)
        out["Location"] = f"{self.base_url}/{resource['resourceType']}/{resource['id']}" + (
            f"/_history/{resource['meta']['versionId']}"
        )
        minimal = "return=minimal" in headers.get("prefer", "")
        return _Answer(status, None if minimal else copy.deepcopy(resource), out)

    def _version_headers(self, resource: Resource) -> dict[str, str]:
        meta = resource["meta"]
        modified = datetime.fromisoformat(meta["lastUpdated"])
        return {
            "ETag": f'W/"{meta["versionId"]}"',
            "Last-Modified": format_datetime(modified, usegmt=True),
        }

    def _live(self, rtype: str) -> Iterator[Resource]:
        for (t, _id), stored in self._store.items():
            if t == rtype and stored.resource is not None:
                yield stored.resource

    # --- search --------------------------------------------------------------------------

    def _search(self, rtype: str, params: list[tuple[str, str]], strict: bool) -> _Answer:
        table = self.search_params.get(rtype, COMMON_PARAMS)
        ignored = self.lenient_ignore.get(rtype, set())
        used: list[tuple[str, str]] = []
        tests: list[Callable[[Resource], bool]] = []
        count, summary_count, total, sort = self.default_page_size, False, True, ""
        elements: list[str] | None = None
        for name, value in params:
            if name in IGNORED_PARAMS:
                continue
            if name == "_count" and value.isdigit():
                count = min(int(value), self.max_page_size)
                value = str(count)
            elif name == "_summary" and value in ("count", "false"):
                summary_count = value == "count"
            elif name == "_elements":
                elements = [e.strip() for e in value.split(",") if e.strip()]
            elif name == "_total" and value in ("none", "estimate", "accurate"):
                total = value != "none"
            elif name == "_sort" and value.lstrip("-") in ("_id", "_lastUpdated"):
                sort = value
            elif name in table and name not in ignored:
                tests.append(self._matcher(table[name], value))
            else:  # unknown, a modifier we lack, a bad value, or ignored on purpose
                if strict and name not in ignored:
                    raise FhirError(400, "not-supported", f"search parameter {name} is unknown")
                continue
            used.append((name, value))
        found = [r for r in self._live(rtype) if all(test(r) for test in tests)]
        if sort:
            key = "id" if sort.lstrip("-") == "_id" else "lastUpdated"
            found.sort(key=lambda r: str(r.get(key) or r["meta"][key]), reverse=sort[0] == "-")
        if elements is not None:
            found = [_subset(r, elements) for r in found]
        if self.self_link_lies:
            used = [(k, v) for k, v in params if k not in IGNORED_PARAMS]
        search = _Search(copy.deepcopy(found), used, count, summary_count or count == 0, total)
        search_id = f"search-{len(self._searches) + 1}"
        self._searches[search_id] = search
        self_url = (
            f"{self.base_url}/{rtype}?{urlencode(used)}" if used else f"{self.base_url}/{rtype}"
        )
        return _Answer(200, self._page(search_id, search, 0, self_url))

    def _page_again(self, params: dict[str, str]) -> _Answer:
        search = self._searches.get(params["_getpages"])
        if search is None:
            raise FhirError(410, "not-found", "the search has expired")
        offset = int(params.get("_getpagesoffset", "0"))
        return _Answer(
            200,
            self._page(
                params["_getpages"],
                search,
                offset,
                self._page_url(params["_getpages"], offset, search.count),
            ),
        )

    def _page_url(self, search_id: str, offset: int, count: int) -> str:
        query = urlencode(
            {
                "_getpages": search_id,
                "_getpagesoffset": offset,
                "_count": count,
                "_bundletype": "searchset",
            }
        )
        return f"{self.base_url}?{query}"

    def _page(self, search_id: str, search: _Search, offset: int, self_url: str) -> Resource:
        bundle: Resource = {
            "resourceType": "Bundle",
            "meta": {"lastUpdated": fhir_instant(self.clock.now)},
            "type": "searchset",
        }
        if search.total:
            bundle["total"] = len(search.resources)
        links = [{"relation": "self", "url": self_url}]
        if not search.summary_count:
            end = offset + search.count
            if end < len(search.resources):
                links.append(
                    {"relation": "next", "url": self._page_url(search_id, end, search.count)}
                )
            bundle["entry"] = [
                {
                    "fullUrl": f"{self.base_url}/{r['resourceType']}/{r['id']}",
                    "resource": copy.deepcopy(r),
                    "search": {"mode": "match"},
                }
                for r in search.resources[offset:end]
            ]
        bundle["link"] = links
        return bundle

    def _matcher(self, param: SearchParam, value: str) -> Callable[[Resource], bool]:
        alternatives = [v for v in value.split(",") if v]
        if param.kind == "date":
            ranges = [_date_range(v) for v in alternatives]
            return lambda r: any(test(_values(r, param.paths)) for test in ranges)
        if param.kind == "reference":
            wanted = [self._wanted_reference(v, param.target) for v in alternatives]
            return lambda r: any(
                _reference_matches(self._local(ref), w)
                for ref in _references(_values(r, param.paths))
                for w in wanted
            )
        if param.kind == "string":
            folded = [v.casefold() for v in alternatives]
            return lambda r: any(
                isinstance(s, str) and s.casefold().startswith(f)
                for s in _values(r, param.paths)
                for f in folded
            )
        return lambda r: any(
            _token_matches(token, v)
            for token in _tokens(_values(r, param.paths))
            for v in alternatives
        )

    def _local(self, reference: str) -> str:
        reference = reference.removeprefix(self.base_url + "/")
        return reference.split("/_history/")[0]

    def _wanted_reference(self, value: str, target: str | None) -> str:
        value = self._local(value)
        return f"{target}/{value}" if target and "/" not in value else value

    # --- transaction and batch -------------------------------------------------------------

    def _bundle(self, body: Any, headers: dict[str, str]) -> _Answer:
        if not isinstance(body, dict) or body.get("resourceType") != "Bundle":
            raise FhirError(400, "invalid", "POST to the base takes a Bundle")
        kind = body.get("type")
        entries = [e for e in body.get("entry") or [] if isinstance(e, dict)]
        if kind == "transaction" and self.transaction:
            return self._transaction(entries, headers)
        if kind == "batch" and self.batch:
            answers = [self._entry(e, headers) for e in entries]
            return _Answer(200, _response_bundle("batch-response", answers))
        raise FhirError(400, "not-supported", f"a Bundle of type {kind} is not processed here")

    def _transaction(self, entries: list[Resource], headers: dict[str, str]) -> _Answer:
        saved = (copy.deepcopy(self._store), self.clock.last, self._next_id)
        entries = copy.deepcopy(entries)
        # New resources get their ids first, so references between entries can be resolved.
        assigned: dict[str, str] = {}
        for entry in entries:
            request, resource = entry.get("request") or {}, entry.get("resource")
            if request.get("method") == "POST" and isinstance(resource, dict):
                resource["id"] = self._new_id()
                if entry.get("fullUrl"):
                    assigned[entry["fullUrl"]] = f"{resource['resourceType']}/{resource['id']}"
                request["method"], request["url"] = (
                    "PUT",
                    assigned.get(
                        entry.get("fullUrl", ""), f"{resource['resourceType']}/{resource['id']}"
                    ),
                )
        for entry in entries:
            _replace_references(entry.get("resource"), assigned)
        order = {"DELETE": 0, "POST": 1, "PUT": 2, "PATCH": 2, "GET": 3, "HEAD": 3}
        answers: list[_Answer | None] = [None] * len(entries)
        for n in sorted(
            range(len(entries)),
            key=lambda i: order.get(str((entries[i].get("request") or {}).get("method")), 9),
        ):
            answer = self._entry(entries[n], headers)
            if answer.status >= 400:
                self._store, self.clock.last, self._next_id = saved
                problem = answer.body or outcome("processing", "an entry failed")
                return _Answer(answer.status, problem)
            answers[n] = answer
        return _Answer(200, _response_bundle("transaction-response", [a for a in answers if a]))

    def _entry(self, entry: Resource, headers: dict[str, str]) -> _Answer:
        request = entry.get("request") or {}
        url = httpx.URL(str(request.get("url", "")).removeprefix(self.base_url + "/"))
        entry_headers = {"prefer": headers.get("prefer", "")}
        if request.get("ifMatch"):
            entry_headers["if-match"] = str(request["ifMatch"])
        method = str(request.get("method", ""))
        if method not in ("GET", "PUT", "POST", "DELETE"):
            return _Answer(400, outcome("not-supported", f"entry method {method or '?'}"))
        return self._answer(
            _Request(
                method,
                url.path.strip("/"),
                list(url.params.multi_items()),
                entry_headers,
                entry.get("resource"),
            )
        )


# --- helpers -------------------------------------------------------------------------------


def _response_bundle(kind: str, answers: list[_Answer]) -> Resource:
    entries = []
    for answer in answers:
        response: Resource = {"status": _status_line(answer.status)}
        if "ETag" in answer.headers:
            response["etag"] = answer.headers["ETag"]
        if "Location" in answer.headers:
            response["location"] = answer.headers["Location"]
        if answer.body is not None and answer.body.get("resourceType") == "OperationOutcome":
            response["outcome"] = answer.body
            entries.append({"response": response})
        elif answer.body is not None:
            entries.append({"resource": answer.body, "response": response})
        else:
            entries.append({"response": response})
    return {"resourceType": "Bundle", "type": kind, "entry": entries}


def _values(resource: Resource, paths: Iterable[str]) -> list[Any]:
    """Every value at the dotted paths (lists flattened on the way), ``meta.x`` included."""
    found: list[Any] = []
    for path in paths:
        current: list[Any] = [resource]
        for step in path.split("."):
            current = [
                item
                for value in current
                if isinstance(value, dict) and step in value
                for item in (value[step] if isinstance(value[step], list) else [value[step]])
            ]
        found += current
    return found


def _tokens(values: list[Any]) -> Iterator[tuple[str | None, str]]:
    for value in values:
        if isinstance(value, bool):
            yield None, "true" if value else "false"
        elif isinstance(value, str | int):
            yield None, str(value)
        elif isinstance(value, dict) and isinstance(value.get("coding"), list):
            for coding in value["coding"]:
                yield coding.get("system"), str(coding.get("code", ""))
        elif isinstance(value, dict) and "code" in value:
            yield value.get("system"), str(value["code"])
        elif isinstance(value, dict) and "value" in value:  # Identifier, ContactPoint
            yield value.get("system"), str(value["value"])


def _token_matches(token: tuple[str | None, str], wanted: str) -> bool:
    system, code = token
    if "|" not in wanted:
        return code == wanted
    want_system, want_code = wanted.split("|", 1)
    if not want_system:
        return system is None and code == want_code
    return system == want_system and (not want_code or code == want_code)


def _references(values: list[Any]) -> Iterator[str]:
    for value in values:
        if isinstance(value, dict) and isinstance(value.get("reference"), str):
            yield value["reference"]


def _reference_matches(reference: str, wanted: str) -> bool:
    if "/" in wanted:
        return reference == wanted
    return reference.rsplit("/", 1)[-1] == wanted


def _date_range(value: str) -> Callable[[list[Any]], bool]:
    prefix = value[:2] if value[:2] in ("eq", "ge", "gt", "le", "lt") else "eq"
    text = value[2:] if value[:2].isalpha() else value
    low, high = _instant_range(text)
    checks: dict[str, Callable[[datetime], bool]] = {
        "eq": lambda t: low <= t < high,
        "ge": lambda t: t >= low,
        "gt": lambda t: t >= high,
        "le": lambda t: t < high,
        "lt": lambda t: t < low,
    }
    check = checks[prefix]
    return lambda values: any(
        isinstance(v, str) and check(datetime.fromisoformat(v)) for v in values
    )


def _instant_range(text: str) -> tuple[datetime, datetime]:
    """The span a date search value stands for, at its precision."""
    try:
        if re.fullmatch(r"\d{4}", text):
            low = datetime(int(text), 1, 1, tzinfo=UTC)
            return low, low.replace(year=low.year + 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            low = datetime(int(text[:4]), int(text[5:]), 1, tzinfo=UTC)
            after = low.replace(day=28) + timedelta(days=4)
            return low, after.replace(day=1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            low = datetime.fromisoformat(text).replace(tzinfo=UTC)
            return low, low + timedelta(days=1)
        low = datetime.fromisoformat(text)
    except ValueError:
        raise FhirError(400, "invalid", "not a date search value") from None
    if low.tzinfo is None:
        raise FhirError(400, "invalid", "a date with a time needs a time zone")
    fraction = re.search(r"T\d\d:\d\d(:\d\d(\.(\d+))?)?", text)
    digits = len(fraction.group(3) or "") if fraction and fraction.group(1) else -1
    step = timedelta(minutes=1) if digits < 0 else timedelta(seconds=10.0**-digits)
    return low, low + step


def _subset(resource: Resource, elements: list[str]) -> Resource:
    kept = {k: copy.deepcopy(v) for k, v in resource.items() if k in elements}
    meta = copy.deepcopy(resource.get("meta") or {})
    meta["tag"] = [*meta.get("tag", []), SUBSETTED]
    return {"resourceType": resource["resourceType"], "id": resource["id"], "meta": meta, **kept}


def _replace_references(value: Any, assigned: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str) and item in assigned:
                value[key] = assigned[item]
            else:
                _replace_references(item, assigned)
    elif isinstance(value, list):
        for item in value:
            _replace_references(item, assigned)
