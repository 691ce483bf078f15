"""TLS and proxy for every HTTP client AskOnce makes (FHIR server, identity provider).

Certificates are checked against the operating system's trust store (``truststore``:
the Windows certificate store, the macOS keychain, the system CA bundle on Linux),
so a hospital root CA that IT pushes with Group Policy or ``update-ca-certificates``
is trusted as in the browser. The policy's ``ca_bundle`` *adds* CAs to that store,
never replaces it, and there is no way to switch verification off.

The proxy is the policy's ``http_proxy`` only: environment variables (``HTTPS_PROXY``,
``SSL_CERT_FILE`` for httpx's own bundle, ``.netrc``) are not read by the clients, so a
user cannot reroute sign-in or patient data with an edited launcher.
"""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Any

import truststore

from app.errors import KnownError


class TrustSettingsError(KnownError):
    """The extra CA bundle or the proxy named by the policy cannot be used."""


def ssl_context(ca_bundle: Path | None = None) -> ssl.SSLContext:
    """The one SSL context for our HTTPS connections: OS trust store plus ``ca_bundle``.

    ``PROTOCOL_TLS_CLIENT`` checks the certificate chain and the host name.
    """
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle is not None:
        try:
            context.load_verify_locations(cafile=str(ca_bundle))
        except (OSError, ssl.SSLError, ValueError) as exc:
            raise TrustSettingsError(
                "The extra CA certificates in {path} cannot be read.",
                hint="Ask IT to check the ca_bundle setting (a PEM file).",
                path=str(ca_bundle),
            ) from exc
    return context


def http_client_options(
    *, ca_bundle: Path | None = None, http_proxy: str | None = None
) -> dict[str, Any]:
    """Keyword arguments for ``httpx.Client``: verification, the proxy, no environment."""
    proxy = (http_proxy or "").strip() or None
    if proxy is not None and not proxy.lower().startswith(("http://", "https://")):
        raise TrustSettingsError(
            "The proxy setting is not an http:// or https:// address.",
            hint="Ask IT to check the http_proxy setting.",
        )
    return {"verify": ssl_context(ca_bundle), "proxy": proxy, "trust_env": False}


def certificate_problem(exc: BaseException) -> str | None:
    """What the certificate check said, when ``exc`` comes from a refused certificate.

    httpx wraps the ``ssl`` error a few levels deep (its own and httpcore's transport
    errors); the reason (e.g. "unable to get local issuer certificate") names no data.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return str(current.verify_message or current.reason or "certificate refused")
        current = current.__cause__ or current.__context__
    return None
