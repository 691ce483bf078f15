"""A server's ``batch`` endpoint played over the fault transport, one entry at a time.

The engine asks for every search of a sync in one FHIR ``batch`` (POST of a Bundle of
GET entries to the base). The fault rules select single searches (``GET Observation``
with a query); so that they keep hitting what they name, ``Unbatching`` sends each GET
entry of a batch through the ``FaultTransport`` as the request it stands for — where it
is logged, broken or forwarded to the real server — and answers the batch with what
came back, as the server's own batch answer would (FHIR R4 §3.1.0.11).

A fault on any entry is a fault of the whole exchange, as on a real network: an
exception, a malformed or huge body, or a status a fault made up is the batch's
answer. A status the real server gave (e.g. a strict refusal) stays the entry's own.
Anything that is not a batch of GETs (the upload's transaction, reads, pages) passes
through unchanged.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.faults.transport import FHIR_JSON, FaultTransport

_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}


def _batch_of_reads(request: httpx.Request) -> list[str] | None:
    if request.method != "POST" or not request.content:
        return None
    try:
        body = json.loads(request.content)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(body, dict) or body.get("type") != "batch":
        return None
    entries = body.get("entry") or []
    urls = [str((e.get("request") or {}).get("url", "")) for e in entries]
    methods = {str((e.get("request") or {}).get("method")) for e in entries}
    return urls if methods == {"GET"} else None


class Unbatching(httpx.BaseTransport):
    def __init__(self, inner: FaultTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        urls = _batch_of_reads(request)
        if urls is None:
            return self.inner.handle_request(request)
        base = str(request.url).rstrip("/")
        headers = {
            k: v
            for k, v in request.headers.items()
            if k.lower() not in ("content-type", "content-length")
        }
        entries: list[dict[str, Any]] = []
        for url in urls:
            response = self.inner.handle_request(
                httpx.Request("GET", f"{base}/{url}", headers=headers)
            )  # an exception here is the whole exchange's
            seen = self.inner.log[-1] if self.inner.log else None
            # A fault that forwards or plays the server (a strict refusal, reordered lists)
            # gives the entry its answer; any other (a made-up status, a malformed or huge
            # body) is the whole exchange's, handed on unread.
            if (
                seen is not None
                and seen.fault is not None
                and seen.server_status != response.status_code
            ):
                return response
            content = response.read()
            try:
                parsed = json.loads(content) if content else None
            except (UnicodeDecodeError, json.JSONDecodeError):
                return response
            status = f"{response.status_code} {_REASONS.get(response.status_code, '')}".strip()
            if response.status_code < 300:
                entries.append({"resource": parsed, "response": {"status": status}})
            else:
                entries.append({"response": {"status": status, "outcome": parsed}})
        answer = {"resourceType": "Bundle", "type": "batch-response", "entry": entries}
        return httpx.Response(
            200, headers={"Content-Type": FHIR_JSON}, json=answer, request=request
        )

    def close(self) -> None:
        self.inner.close()
