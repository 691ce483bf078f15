"""TLS and proxy of every HTTP client (sync/tls.py), against real local servers.

A throwaway CA and server certificate are made in ``tmp_path``; an HTTPS server on
127.0.0.1 presents them. The "operating system's trust store" is Debian's OpenSSL
default (``SSL_CERT_FILE``), pointed at a test CA for one test: nothing is installed
system-wide.
"""

from __future__ import annotations

import ast
import contextlib
import http.client
import http.server
import ipaddress
import json
import re
import ssl
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import truststore
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.clock import system_clock
from sync.client import FhirClient, RetryPolicy, ServerNotTrustedError
from sync.factory import make_synchronizer
from sync.oidc import OidcClient, OidcConfig, ProviderNotTrustedError
from sync.tls import TrustSettingsError, certificate_problem, http_client_options, ssl_context

ROOT = Path(__file__).resolve().parents[2]
PATIENT = {"resourceType": "Patient", "id": "tls-1"}

VALID_FROM = datetime(2020, 1, 1, tzinfo=UTC)
VALID_UNTIL = datetime(2099, 12, 31, tzinfo=UTC)


# --- a throwaway PKI ---------------------------------------------------------------------


@dataclass(frozen=True)
class Issued:
    ca_pem: Path
    cert_pem: Path
    key_pem: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_pki(folder: Path, label: str, *, host_names: tuple[str, ...] = ()) -> Issued:
    """A CA and a server certificate for 127.0.0.1/localhost it signed, as PEM files."""
    folder.mkdir(parents=True, exist_ok=True)
    # OpenSSL checks validity against the real clock, which a test's shifted wall clock
    # (ASKONCE_TEST_WALL_CLOCK, the any-day runs) does not move: valid on any day.
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(f"AskOnce test CA {label}")
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(VALID_FROM)
        .not_valid_after(VALID_UNTIL)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("localhost"))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(VALID_FROM)
        .not_valid_after(VALID_UNTIL)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(n) for n in host_names]
                if host_names
                else [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    issued = Issued(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    issued.ca_pem.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    issued.cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    issued.key_pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return issued


# --- servers -----------------------------------------------------------------------------


class _Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


def _json_answer(handler: http.server.BaseHTTPRequestHandler, doc: dict[str, Any]) -> None:
    body = json.dumps(doc).encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/fhir+json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class FhirAndIssuer(_Quiet):
    """A FHIR read and an OIDC discovery document, enough to prove a connection works."""

    def do_GET(self) -> None:
        base = getattr(self.server, "base_url", "")
        if self.path.endswith("/.well-known/openid-configuration"):
            _json_answer(
                self,
                {
                    "issuer": base,
                    "authorization_endpoint": base + "/auth",
                    "token_endpoint": base + "/token",
                    "jwks_uri": base + "/jwks",
                },
            )
        else:
            _json_answer(self, PATIENT)


@contextlib.contextmanager
def serving(
    handler: type[http.server.BaseHTTPRequestHandler], issued: Issued | None = None
) -> Iterator[str]:
    """Serve on 127.0.0.1 (HTTPS with ``issued``'s certificate) in a thread; yields the URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    scheme = "http"
    if issued is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(issued.cert_pem, issued.key_pem)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    url = f"{scheme}://127.0.0.1:{server.server_address[1]}"
    server.base_url = url  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


class ForwardProxy(_Quiet):
    """A plain HTTP forward proxy (absolute-form request lines), counting what it forwards."""

    seen: list[str]

    def do_GET(self) -> None:
        type(self).seen.append(self.path)
        target = urllib.parse.urlsplit(self.path)
        upstream = http.client.HTTPConnection(target.hostname or "", target.port or 80, timeout=5)
        try:
            upstream.request("GET", target.path or "/", headers={"Accept": "*/*"})
            answer = upstream.getresponse()
            body = answer.read()
        finally:
            upstream.close()
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.getheader("Content-Type") or "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def pki(tmp_path: Path) -> Issued:
    return make_pki(tmp_path / "pki", "hospital")


@pytest.fixture
def system_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make OpenSSL's default CA file (Debian's system store) the given PEM, for this test."""

    def use(ca_pem: Path) -> None:
        monkeypatch.setenv("SSL_CERT_FILE", str(ca_pem))
        empty = tmp_path / "empty-capath"
        empty.mkdir(exist_ok=True)
        monkeypatch.setenv("SSL_CERT_DIR", str(empty))

    return use


def fhir_client(url: str, **kwargs: Any) -> FhirClient:
    slept: list[float] = []
    return FhirClient(
        url + "/fhir",
        retry=RetryPolicy(attempts=3),
        sleep=slept.append,
        clock=system_clock,
        timeout=5,
        **kwargs,
    )


# --- trust -------------------------------------------------------------------------------


def test_one_context_from_the_os_trust_store_checks_chain_and_host() -> None:
    context = ssl_context()
    assert isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True
    options = http_client_options()
    assert isinstance(options["verify"], truststore.SSLContext)
    assert options["trust_env"] is False


def test_unknown_ca_is_a_clear_failure_at_once(pki: Issued) -> None:
    with serving(FhirAndIssuer, pki) as url:
        client = fhir_client(url)
        with client, pytest.raises(ServerNotTrustedError, match="certificate is not trusted") as e:
            client.read("Patient", "tls-1")
        assert certificate_problem(e.value) is not None
        assert "unable to get local issuer certificate" in str(e.value)

        oidc = OidcClient(OidcConfig(issuer=url, client_id="askonce"), clock=system_clock)
        try:
            with pytest.raises(ProviderNotTrustedError, match="not trusted") as oe:
                oidc.metadata()
            assert "ca_bundle" in oe.value.hint
        finally:
            oidc.close()


def test_the_policy_ca_bundle_makes_the_hospital_server_trusted(pki: Issued) -> None:
    with serving(FhirAndIssuer, pki) as url:
        with fhir_client(url, ca_bundle=pki.ca_pem) as client:
            assert client.read("Patient", "tls-1").body == PATIENT
        oidc = OidcClient(
            OidcConfig(issuer=url, client_id="askonce", ca_bundle=pki.ca_pem), clock=system_clock
        )
        try:
            assert oidc.metadata()["issuer"] == url
        finally:
            oidc.close()


def test_a_certificate_for_another_host_is_refused_even_with_its_ca(tmp_path: Path) -> None:
    issued = make_pki(tmp_path / "pki", "x", host_names=("fhir.hospital.example",))
    with (
        serving(FhirAndIssuer, issued) as url,
        fhir_client(url, ca_bundle=issued.ca_pem) as client,
        pytest.raises(ServerNotTrustedError, match=r"mismatch|match"),
    ):
        client.read("Patient", "tls-1")


def test_the_system_store_is_consulted_and_ca_bundle_only_adds(
    tmp_path: Path, system_store: Callable[[Path], None]
) -> None:
    """A CA in the OS store (pushed by IT) is trusted with no ca_bundle at all, and a
    ca_bundle adds its CA without hiding the OS store: one client reaches both servers."""
    pushed_by_it = make_pki(tmp_path / "os", "os-store")
    extra = make_pki(tmp_path / "extra", "ca-bundle")
    system_store(pushed_by_it.ca_pem)
    with serving(FhirAndIssuer, pushed_by_it) as os_url, serving(FhirAndIssuer, extra) as url:
        with fhir_client(os_url) as client:
            assert client.read("Patient", "tls-1").body == PATIENT
        with fhir_client(url) as client, pytest.raises(ServerNotTrustedError):
            client.read("Patient", "tls-1")
        options = http_client_options(ca_bundle=extra.ca_pem)
        with httpx.Client(**options, timeout=5) as http:
            assert http.get(os_url + "/fhir/Patient/tls-1").json() == PATIENT
            assert http.get(url + "/fhir/Patient/tls-1").json() == PATIENT


def test_an_unreadable_ca_bundle_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pem"
    with pytest.raises(TrustSettingsError, match="ca_bundle") as e:
        ssl_context(missing)
    assert str(missing) in str(e.value)
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    with pytest.raises(TrustSettingsError):
        ssl_context(junk)


# --- proxy -------------------------------------------------------------------------------


def test_fhir_and_oidc_clients_go_through_the_policy_proxy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ForwardProxy.seen = []
    with serving(FhirAndIssuer) as target, serving(ForwardProxy) as proxy:
        with fhir_client(target, http_proxy=proxy) as client:
            assert client.read("Patient", "tls-1").body == PATIENT
        assert ForwardProxy.seen == [target + "/fhir/Patient/tls-1"]

        oidc = OidcClient(
            OidcConfig(issuer=target, client_id="askonce", http_proxy=proxy), clock=system_clock
        )
        try:
            assert oidc.metadata()["issuer"] == target
        finally:
            oidc.close()
        assert ForwardProxy.seen[-1] == target + "/.well-known/openid-configuration"

        # Without the policy's proxy: direct, whatever the environment says.
        monkeypatch.setenv("HTTP_PROXY", proxy)
        monkeypatch.setenv("http_proxy", proxy)
        monkeypatch.setenv("ALL_PROXY", proxy)
        with fhir_client(target) as client:
            assert client.read("Patient", "tls-1").body == PATIENT
        assert len(ForwardProxy.seen) == 2


def test_the_synchronizer_factory_passes_the_proxy_on(db: Any, catalog: Any, clock: Any) -> None:
    ForwardProxy.seen = []
    with serving(FhirAndIssuer) as target, serving(ForwardProxy) as proxy:
        engine = make_synchronizer(
            target + "/fhir",
            auth=None,
            db=db,
            catalog=catalog,
            practitioner="Practitioner/test-nurse",
            clock=clock,
            http_proxy=proxy,
        )
        with engine.client:
            assert engine.client.read("Patient", "tls-1").body == PATIENT
    assert ForwardProxy.seen == [target + "/fhir/Patient/tls-1"]


def test_a_proxy_that_is_not_an_http_address_is_refused() -> None:
    with pytest.raises(TrustSettingsError, match="proxy"):
        http_client_options(http_proxy="proxy.hospital.example:3128")
    assert http_client_options(http_proxy="  ")["proxy"] is None


# --- no way around it --------------------------------------------------------------------

TURNING_OFF = re.compile(
    r"verify\s*=\s*False|CERT_NONE|check_hostname\s*=\s*False|_create_unverified_context"
)


def _sources() -> list[Path]:
    return [p for pkg in ("app", "sync", "ui") for p in sorted((ROOT / pkg).rglob("*.py"))]


def test_no_code_path_turns_verification_off() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in _sources()
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if TURNING_OFF.search(line)
    ]
    assert offenders == []


def test_every_httpx_client_takes_its_tls_and_proxy_from_sync_tls() -> None:
    """Each ``httpx.Client(...)``/``AsyncClient`` call passes ``**http_client_options(...)``."""
    calls = 0
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in ("Client", "AsyncClient"):
                continue
            if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "httpx"):
                continue
            calls += 1
            spread = [
                k.value
                for k in node.keywords
                if k.arg is None
                and isinstance(k.value, ast.Call)
                and isinstance(k.value.func, ast.Name)
                and k.value.func.id == "http_client_options"
            ]
            named = {k.arg for k in node.keywords}
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            assert spread, f"{where}: httpx client without sync.tls.http_client_options"
            assert not named & {"verify", "proxy", "trust_env", "mounts"}, where
    assert calls >= 2  # the FHIR client and the OIDC client
