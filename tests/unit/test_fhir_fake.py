"""The in-memory FHIR server answers as R4 says: the engine's unit tests stand on it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.fhir_fake import BASE_URL, FakeFhirServer

JSON = {"Content-Type": "application/fhir+json"}
STRICT = {"Prefer": "handling=strict"}
SURVEY = "http://terminology.hl7.org/CodeSystem/observation-category"


def _http(server: FakeFhirServer) -> httpx.Client:
    return httpx.Client(base_url=BASE_URL, transport=server)


def _obs(oid: str, patient: str, code: str = "q1", category: str = "survey") -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": oid,
        "status": "final",
        "category": [{"coding": [{"system": SURVEY, "code": category}]}],
        "code": {"coding": [{"system": "urn:q", "code": code}]},
        "subject": {"reference": f"Patient/{patient}"},
    }


def _ids(bundle: dict[str, Any]) -> list[str]:
    return [e["resource"]["id"] for e in bundle.get("entry", [])]


def _search(http: httpx.Client, path: str, **params: str) -> dict[str, Any]:
    r = http.get(path, params=params)
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_metadata_lists_types_params_and_system_interactions() -> None:
    server = FakeFhirServer(batch=False, lenient_ignore={"CareTeam": {"participant"}})
    cs = _http(server).get("metadata").json()
    assert cs["fhirVersion"] == "4.0.1"
    rest = cs["rest"][0]
    assert [i["code"] for i in rest["interaction"]] == ["transaction"]
    team = next(r for r in rest["resource"] if r["type"] == "CareTeam")
    names = {p["name"] for p in team["searchParam"]}
    assert {"patient", "status", "_lastUpdated"} <= names
    assert "participant" not in names


def test_read_update_versions_etags_if_match_and_delete() -> None:
    server = FakeFhirServer()
    http = _http(server)
    assert http.get("Patient/p1").status_code == 404
    r = http.put("Patient/p1", json={"resourceType": "Patient", "id": "p1"}, headers=JSON)
    assert (r.status_code, r.headers["etag"]) == (201, 'W/"1"')
    first = r.json()["meta"]["lastUpdated"]
    r = http.put(
        "Patient/p1",
        json={"resourceType": "Patient", "id": "p1", "gender": "female"},
        headers={**JSON, "If-Match": 'W/"1"'},
    )
    assert (r.status_code, r.headers["etag"]) == (200, 'W/"2"')
    assert r.json()["meta"]["lastUpdated"] > first  # the server clock never stands still
    stale = http.put(
        "Patient/p1", json={"resourceType": "Patient", "id": "p1"}, headers={"If-Match": 'W/"1"'}
    )
    assert stale.status_code == 412
    assert stale.json()["resourceType"] == "OperationOutcome"
    assert http.put("Patient/p2", json={"resourceType": "Patient", "id": "x"}).status_code == 400
    assert http.delete("Patient/p1").status_code == 204
    assert http.get("Patient/p1").status_code == 410
    assert _search(http, "Patient")["total"] == 0


def test_paging_follows_next_links_to_the_base_with_the_page_size_capped() -> None:
    server = FakeFhirServer(max_page_size=3)
    for n in range(7):
        server.put(_obs(f"o{n}", "p1"))
    http = _http(server)
    page = _search(http, "Observation", patient="p1", _count="50")
    assert page["total"] == 7
    assert "_count=3" in page["link"][0]["url"]
    seen = _ids(page)
    while nxt := next((x["url"] for x in page["link"] if x["relation"] == "next"), None):
        assert nxt.startswith(BASE_URL + "?")
        page = http.get(nxt).json()
        seen += _ids(page)
    assert seen == [f"o{n}" for n in range(7)]


def test_token_search_forms() -> None:
    server = FakeFhirServer()
    server.put(_obs("a", "p1", code="q1"))
    server.put(_obs("b", "p1", code="q2", category="vital-signs"))
    server.put({**_obs("c", "p1", code="q3"), "code": {"coding": [{"code": "q3"}]}})
    http = _http(server)
    assert _ids(_search(http, "Observation", code="urn:q|q1")) == ["a"]
    assert _ids(_search(http, "Observation", code="urn:q|")) == ["a", "b"]
    assert _ids(_search(http, "Observation", code="q3")) == ["c"]
    assert _ids(_search(http, "Observation", code="|q3")) == ["c"]
    assert _ids(_search(http, "Observation", code="q1,q3")) == ["a", "c"]
    assert _ids(_search(http, "Observation", category="survey", code="q2")) == []
    server.put({"resourceType": "PractitionerRole", "id": "r", "active": True})
    assert _ids(_search(http, "PractitionerRole", active="true")) == ["r"]


def test_reference_search_forms() -> None:
    server = FakeFhirServer()
    server.put(_obs("a", "p1"))
    server.put(_obs("b", "p2"))
    server.put({**_obs("c", "p3"), "subject": {"reference": "Group/p3"}})
    server.put(
        {
            "resourceType": "CareTeam",
            "id": "t",
            "subject": {"reference": "Patient/p1"},
            "participant": [{"member": {"reference": "Practitioner/n1"}}],
        }
    )
    http = _http(server)
    assert _ids(_search(http, "Observation", patient="p1,Patient/p2")) == ["a", "b"]
    assert _ids(_search(http, "Observation", patient="p3")) == []  # a Group is no patient
    assert _ids(_search(http, "Observation", subject="p3")) == ["c"]
    assert _ids(_search(http, "Observation", _id="a,c")) == ["a", "c"]
    assert _ids(_search(http, "CareTeam", participant="Practitioner/n1")) == ["t"]
    assert _ids(_search(http, "CareTeam", participant="Practitioner/n2")) == []


def test_last_updated_prefixes() -> None:
    server = FakeFhirServer()
    server.put(_obs("a", "p1"))
    server.clock.advance(minutes=5)
    b = server.put(_obs("b", "p1"))
    at = b["meta"]["lastUpdated"]
    http = _http(server)
    assert _ids(_search(http, "Observation", _lastUpdated=f"ge{at}")) == ["b"]
    assert _ids(_search(http, "Observation", _lastUpdated=f"gt{at}")) == []
    assert _ids(_search(http, "Observation", _lastUpdated=f"lt{at}")) == ["a"]
    assert _ids(_search(http, "Observation", _lastUpdated=f"le{at}")) == ["a", "b"]
    assert _ids(_search(http, "Observation", _lastUpdated=at)) == ["b"]
    assert _ids(_search(http, "Observation", _lastUpdated="ge2026-11-23")) == ["a", "b"]
    assert http.get("Observation", params={"_lastUpdated": "ge-yesterday"}).status_code == 400


def test_summary_count_elements_and_total() -> None:
    server = FakeFhirServer()
    server.put(_obs("a", "p1"))
    http = _http(server)
    counted = _search(http, "Observation", _summary="count")
    assert (counted["total"], "entry" in counted) == (1, False)
    [entry] = _search(http, "Observation", _elements="status")["entry"]
    slim = entry["resource"]
    assert set(slim) == {"resourceType", "id", "meta", "status"}
    assert slim["meta"]["tag"][-1]["code"] == "SUBSETTED"
    assert "tag" not in server.get("Observation", "a")["meta"]  # type: ignore[index]
    assert "total" not in _search(http, "Observation", _total="none")


def test_post_search_takes_a_form_body() -> None:
    server = FakeFhirServer()
    server.put(_obs("a", "p1"))
    server.put(_obs("b", "p2"))
    r = _http(server).post("Observation/_search", data={"patient": "p2"})
    assert _ids(r.json()) == ["b"]


def test_unknown_params_are_refused_under_strict_handling_and_dropped_otherwise() -> None:
    server = FakeFhirServer(unsupported={"Observation": {"code"}})
    server.put(_obs("a", "p1"))
    http = _http(server)
    refused = http.get("Observation", params={"code": "zz"}, headers=STRICT)
    assert refused.status_code == 400
    assert refused.json()["issue"][0]["code"] == "not-supported"
    lenient = _search(http, "Observation", code="zz", patient="p1")
    assert _ids(lenient) == ["a"]
    assert lenient["link"][0]["url"] == f"{BASE_URL}/Observation?patient=p1"


def test_a_lenient_server_ignores_a_param_even_under_strict_and_may_lie_about_it() -> None:
    server = FakeFhirServer(lenient_ignore={"CareTeam": {"participant"}})
    server.put({"resourceType": "CareTeam", "id": "t", "status": "active"})
    http = _http(server)
    r = http.get("CareTeam", params={"participant": "Practitioner/n1"}, headers=STRICT)
    assert _ids(r.json()) == ["t"]
    assert "participant" not in r.json()["link"][0]["url"]
    liar = FakeFhirServer(lenient_ignore={"CareTeam": {"participant"}}, self_link_lies=True)
    liar.put({"resourceType": "CareTeam", "id": "t", "status": "active"})
    r = _http(liar).get("CareTeam", params={"participant": "Practitioner/n1"})
    assert _ids(r.json()) == ["t"]
    assert "participant=Practitioner%2Fn1" in r.json()["link"][0]["url"]


def _transaction(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": "transaction", "entry": list(entries)}


def _put_entry(resource: dict[str, Any], if_match: str | None = None) -> dict[str, Any]:
    request = {"method": "PUT", "url": f"{resource['resourceType']}/{resource['id']}"}
    if if_match is not None:
        request["ifMatch"] = if_match
    return {"resource": resource, "request": request}


def test_a_transaction_commits_all_entries_and_answers_each() -> None:
    server = FakeFhirServer()
    server.put(_obs("a", "p1"))
    bundle = _transaction(
        _put_entry(_obs("a", "p1", code="q9"), 'W/"1"'),
        {
            "fullUrl": "urn:uuid:new-team",
            "resource": {"resourceType": "CareTeam", "status": "active"},
            "request": {"method": "POST", "url": "CareTeam"},
        },
        {
            "resource": {
                "resourceType": "List",
                "entry": [{"item": {"reference": "urn:uuid:new-team"}}],
            },
            "request": {"method": "POST", "url": "List"},
        },
    )
    r = _http(server).post("", json=bundle, headers=JSON)
    assert r.status_code == 200
    answers = [e["response"] for e in r.json()["entry"]]
    assert [a["status"] for a in answers] == ["200 OK", "201 Created", "201 Created"]
    assert answers[0]["etag"] == 'W/"2"'
    team_id = answers[1]["location"].split("/")[-3]
    [saved_list] = server.all("List")
    assert saved_list["entry"][0]["item"]["reference"] == f"CareTeam/{team_id}"


def test_one_failing_entry_rolls_the_whole_transaction_back() -> None:
    server = FakeFhirServer()
    server.put(_obs("a", "p1"))
    bundle = _transaction(
        _put_entry(_obs("b", "p1")),
        _put_entry(_obs("a", "p1", code="q9"), 'W/"7"'),
    )
    r = _http(server).post("", json=bundle)
    assert r.status_code == 412
    assert r.json()["resourceType"] == "OperationOutcome"
    assert server.get("Observation", "b") is None
    assert server.get("Observation", "a")["meta"]["versionId"] == "1"  # type: ignore[index]

    server.validator = lambda res: "no status" if "status" not in res else None
    broken = {k: v for k, v in _obs("c", "p1").items() if k != "status"}
    r = _http(server).post("", json=_transaction(_put_entry(_obs("d", "p1")), _put_entry(broken)))
    assert r.status_code == 422
    assert server.all("Observation") == [server.get("Observation", "a")]


def test_a_batch_answers_each_entry_on_its_own() -> None:
    server = FakeFhirServer()
    server.put(_obs("a", "p1"))
    bundle = {
        "resourceType": "Bundle",
        "type": "batch",
        "entry": [
            {"request": {"method": "GET", "url": "Observation?patient=p1&_summary=count"}},
            {"request": {"method": "GET", "url": "Observation/a"}},
            {"request": {"method": "GET", "url": "Observation/zz"}},
            _put_entry(_obs("b", "p2")),
        ],
    }
    r = _http(server).post("", json=bundle)
    entries = r.json()["entry"]
    assert [e["response"]["status"] for e in entries] == [
        "200 OK",
        "200 OK",
        "404 Not Found",
        "201 Created",
    ]
    assert entries[0]["resource"]["total"] == 1
    assert entries[1]["resource"]["id"] == "a"
    assert entries[2]["response"]["outcome"]["resourceType"] == "OperationOutcome"
    assert server.get("Observation", "b") is not None
    no_batch = FakeFhirServer(batch=False)
    assert _http(no_batch).post("", json=bundle).status_code == 400


def test_every_request_is_logged_and_a_down_server_refuses_connections() -> None:
    server = FakeFhirServer()
    http = _http(server)
    http.get("Patient", params={"_id": "p1"}, headers=STRICT)
    http.get("Patient/p1")
    assert server.count("GET") == 2
    assert server.count(path="Patient/") == 1
    assert server.requests[0].param("_id") == "p1"
    assert server.requests[0].headers["prefer"] == "handling=strict"
    server.down = True
    with pytest.raises(httpx.ConnectError):
        http.get("metadata")
    assert server.count() == 3
