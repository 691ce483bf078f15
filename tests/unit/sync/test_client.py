"""The FHIR client's contract: retries, Retry-After, one token refresh, honest errors."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from sync import client as fc
from tests.conftest import FIXED_NOW

BASE = "https://fhir.test/fhir"


def _client(handler, **kwargs) -> tuple[fc.FhirClient, list[float]]:
    slept: list[float] = []
    c = fc.FhirClient(
        BASE,
        transport=httpx.MockTransport(handler),
        sleep=slept.append,
        rng=random.Random(1),
        **{"clock": lambda: FIXED_NOW, **kwargs},
    )
    return c, slept


def _json(status: int, body: object, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=json.dumps(body).encode(), headers=headers)


def test_503_with_retry_after_is_retried_after_that_delay() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) < 3:
            return _json(503, {"resourceType": "OperationOutcome"}, **{"Retry-After": "7"})
        return _json(200, {"resourceType": "Patient", "id": "p1", "meta": {"versionId": "2"}})

    c, slept = _client(handler)
    response = c.read("Patient", "p1")
    assert response.version == "2"
    assert slept == [7.0, 7.0]
    assert len(calls) == 3


def test_an_http_date_retry_after_is_measured_on_the_servers_own_clock() -> None:
    """The server's clock is years off ours: only the distance between its two dates counts."""
    server_now = datetime(2031, 5, 4, 3, 2, 1, tzinfo=UTC)
    busy = {
        "Date": format_datetime(server_now, usegmt=True),
        "Retry-After": format_datetime(server_now + timedelta(seconds=7), usegmt=True),
    }
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            return _json(503, {"resourceType": "OperationOutcome"}, **busy)
        return _json(200, {"resourceType": "Patient", "id": "p1", "meta": {"versionId": "2"}})

    c, slept = _client(handler)
    assert c.read("Patient", "p1").version == "2"
    assert slept == [7.0]


def test_an_http_date_retry_after_without_a_date_header_is_measured_on_our_clock() -> None:
    """A server that sends no Date (RFC 9110 says it must): the client's one clock decides."""
    ours = datetime(2031, 5, 4, 3, 2, 1, tzinfo=UTC)
    later = format_datetime(ours + timedelta(seconds=5), usegmt=True)
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            return _json(503, {}, **{"Retry-After": later})
        return _json(200, {"resourceType": "Patient", "id": "p1", "meta": {"versionId": "2"}})

    c, slept = _client(handler, clock=lambda: ours)
    c.read("Patient", "p1")
    assert slept == [5.0]


def test_an_unreadable_retry_after_falls_back_to_the_backoff() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            return _json(503, {}, **{"Retry-After": "soon, maybe"})
        return _json(200, {"resourceType": "Patient", "id": "p1", "meta": {"versionId": "2"}})

    c, slept = _client(handler)
    c.read("Patient", "p1")
    assert slept == [fc.RetryPolicy().delay(0, None, random.Random(1))]
    assert 0.25 <= slept[0] <= 0.5


def test_retries_are_bounded_and_then_the_error_says_so() -> None:
    c, slept = _client(lambda r: _json(500, {}), retry=fc.RetryPolicy(attempts=3))
    with pytest.raises(fc.ServerBusyError, match="500"):
        c.read("Patient", "p1")
    assert len(slept) == 2
    assert all(0 < s <= 20 for s in slept)


def test_backoff_grows_with_jitter() -> None:
    policy = fc.RetryPolicy(base_delay=1.0, max_delay=60)
    rng = random.Random(3)
    delays = [policy.delay(n, None, rng) for n in range(4)]
    for n, d in enumerate(delays):
        assert 2**n / 2 <= d <= 2**n


def test_connection_errors_become_unreachable_after_retries() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    c, slept = _client(handler, retry=fc.RetryPolicy(attempts=2))
    with pytest.raises(fc.ServerUnreachableError):
        c.read("Patient", "p1")
    assert len(slept) == 1


class _Auth:
    def __init__(self) -> None:
        self.current = "old"
        self.refreshes = 0

    def token(self) -> str | None:
        return self.current

    def refresh(self) -> str | None:
        self.refreshes += 1
        self.current = "new"
        return self.current


def test_a_401_refreshes_the_token_once_and_replays() -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        if request.headers["Authorization"] == "Bearer old":
            return _json(401, {})
        return _json(200, {"resourceType": "Patient", "id": "p1"})

    auth = _Auth()
    c, _ = _client(handler, auth=auth)
    c.read("Patient", "p1")
    assert seen == ["Bearer old", "Bearer new"]
    assert auth.refreshes == 1


def test_a_second_401_is_an_authentication_error() -> None:
    auth = _Auth()
    c, _ = _client(lambda r: _json(401, {}), auth=auth)
    with pytest.raises(fc.AuthenticationError):
        c.read("Patient", "p1")
    assert auth.refreshes == 1


@pytest.mark.parametrize("status", [409, 412])
def test_version_conflicts_are_typed(status: int) -> None:
    c, _ = _client(lambda r: _json(status, {"resourceType": "OperationOutcome"}))
    with pytest.raises(fc.VersionConflictError) as caught:
        c.put({"resourceType": "Patient", "id": "p1"}, if_match="3")
    assert caught.value.status == status


def test_if_match_is_a_weak_etag() -> None:
    seen: dict[str, str] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.update(request.headers)
        return _json(200, {"resourceType": "Patient", "id": "p1"}, ETag='W/"4"')

    c, _ = _client(handler)
    assert c.put({"resourceType": "Patient", "id": "p1"}, if_match="3").version == "4"
    assert seen["if-match"] == 'W/"3"'
    assert seen["content-type"] == fc.FHIR_JSON


def test_malformed_json_is_a_bad_response_without_data() -> None:
    c, _ = _client(
        lambda r: httpx.Response(200, content=b'{"resourceType": "Patient", "name": "Zqx')
    )
    with pytest.raises(fc.BadResponseError) as caught:
        c.read("Patient", "p1")
    assert "Zqx" not in str(caught.value)


def test_a_huge_response_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(fc, "MAX_RESPONSE_BYTES", 1000)
    c, _ = _client(lambda r: httpx.Response(200, content=b"{" + b" " * 5000 + b"}"))
    with pytest.raises(fc.BadResponseError, match="too large"):
        c.read("Patient", "p1")


def test_search_follows_next_links_and_sends_no_cache() -> None:
    pages = {
        None: {
            "resourceType": "Bundle",
            "entry": [{"resource": {"id": "a"}}],
            "link": [{"relation": "next", "url": f"{BASE}?_getpages=x&_page=2"}],
        },
        "2": {
            "resourceType": "Bundle",
            "entry": [
                {"resource": {"id": "b"}},
                {"resource": {"id": "oo"}, "search": {"mode": "outcome"}},
            ],
        },
    }
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _json(200, pages[request.url.params.get("_page")])

    c, _ = _client(handler)
    ids = [r["id"] for r in c.search("Observation", {"patient": "p1"})]
    assert ids == ["a", "b"]
    assert all(r.headers["cache-control"] == "no-cache" for r in seen)


def test_a_next_link_to_another_server_is_not_followed() -> None:
    page = {
        "resourceType": "Bundle",
        "link": [{"relation": "next", "url": "https://evil.test/fhir?p=2"}],
    }
    c, _ = _client(lambda r: _json(200, page))
    with pytest.raises(fc.BadResponseError, match="another server"):
        list(c.search("Observation", {}))


def test_tls_verification_cannot_be_turned_off() -> None:
    import inspect

    assert "verify" not in inspect.signature(fc.FhirClient).parameters
