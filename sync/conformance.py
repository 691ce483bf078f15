"""What the hospital's server can do, from its CapabilityStatement (FHIR R4 §3.1.2).

Read at first contact and again once a day (or after the server refused a search), so
an upgraded server is noticed. The engine asks it before every search: a query the
server says it cannot answer is refused here, naming what is missing, before anything
is downloaded or purged. What the statement does not declare is not assumed either
way: the ``self`` link of each answer and the client-side checks of each resource
decide (``sync.client.check_self_link``, ``sync.registry``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sync.client import ServerConformanceError


@dataclass(frozen=True)
class ServerCapabilities:
    batch: bool | None
    """Several searches in one ``batch`` request: True when the statement declares it;
    None when it does not say (many servers that can, HAPI among them, do not declare
    it): the engine tries once and remembers the answer; False: one request each."""
    search_params: dict[str, frozenset[str]]
    """Per resource type the server offers, the search parameters it declares."""
    read_at: datetime

    @classmethod
    def from_statement(cls, statement: dict[str, Any], at: datetime) -> ServerCapabilities:
        version = str(statement.get("fhirVersion") or "")
        if not version.startswith("4.0"):
            raise ServerConformanceError(
                f"the server speaks FHIR {version or '(version not stated)'}; "
                "AskOnce needs FHIR R4 (4.0.x)"
            )
        rests = [r for r in statement.get("rest") or [] if isinstance(r, dict)]
        rest = next((r for r in rests if r.get("mode") == "server"), rests[0] if rests else {})
        interactions = {
            str(i.get("code")) for i in rest.get("interaction") or [] if isinstance(i, dict)
        }
        params: dict[str, frozenset[str]] = {}
        for resource in rest.get("resource") or []:
            if isinstance(resource, dict) and resource.get("type"):
                params[str(resource["type"])] = frozenset(
                    str(p.get("name"))
                    for p in resource.get("searchParam") or []
                    if isinstance(p, dict) and p.get("name")
                )
        return cls(
            batch=True if "batch" in interactions else None, search_params=params, read_at=at
        )

    def require(self, resource_type: str, params: dict[str, str]) -> None:
        """Refuse a search the server says it cannot answer (common ``_`` parameters aside)."""
        if resource_type not in self.search_params:
            raise ServerConformanceError(
                f"the server does not offer {resource_type}, which AskOnce needs: "
                "nothing was downloaded"
            )
        declared = self.search_params[resource_type]
        if not declared:
            return  # not declared: the answer's self link and the client-side checks decide
        missing = sorted(
            p for p in params if not p.startswith("_") and p.split(":", 1)[0] not in declared
        )
        if missing:
            raise ServerConformanceError(
                f"the server does not support searching {resource_type} by "
                f"{', '.join(missing)}, which AskOnce needs: nothing was downloaded"
            )
