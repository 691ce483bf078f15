"""Validating resources against the FHIR models, fast enough for a ward's first download.

``fhir.resources`` validates every nested element of a resource (each Coding, Reference,
Extension, CodeableConcept, …) through one Python hook that builds a model for it. A
ward's resources repeat the same nested elements thousands of times — the same question
codes and categories, the same practitioners, the same provenance extensions — and that
hook was half of the client's own work in a first sync (the sync benchmark's profile).

The hook is a pure function of the element's type and content: the same content of the
same type gives the same model, or the same error. So this module remembers, by type and
content, the elements that passed, and each distinct element is validated once. What
fails is never remembered (it fails again, every time), and a whole resource is still
validated by its own model every time: only nested elements are served from memory.
Measured on the benchmark's resources: 186 → 91 µs per resource
(``tests/unit/sync/test_fhir_validation.py`` proves the verdicts do not change).

If a future ``fhir_core`` no longer has the hook as this module knows it, nothing is
installed and validation is as before, only slower.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

REMEMBERED = 50_000
"""Elements kept; past this the memory starts again (a ward needs a few thousand)."""

_remembered: dict[tuple[type, str], Any] = {}
_install_lock = threading.Lock()
_installed = False


def install() -> bool:
    """Remember validated nested elements from now on (idempotent). False: the hook is not
    there as expected, and validation goes on unremembered."""
    global _installed
    with _install_lock:
        if _installed:
            return True
        try:
            from fhir_core.types import FhirBase
        except ImportError:
            return False
        hook = FhirBase.__dict__.get("fhir_model_validator")
        if not isinstance(hook, classmethod):
            log.info("fhir_core has no fhir_model_validator hook: nested elements not remembered")
            return False
        validate_element = hook.__func__

        def remembering(cls: type, value: Any, model_klass: type) -> Any:
            if not isinstance(value, dict):
                return validate_element(cls, value, model_klass)
            # repr tells apart what JSON can hold (1, 1.0, True and "1" alike); the same
            # content in another key order is only a miss, validated again.
            key = (model_klass, repr(value))
            known = _remembered.get(key)
            if known is not None:
                return known
            model = validate_element(cls, value, model_klass)  # raises: not remembered
            if len(_remembered) >= REMEMBERED:
                _remembered.clear()
            _remembered[key] = model
            return model

        # Subclasses that override the hook (resources inside resources) keep their own.
        FhirBase.fhir_model_validator = classmethod(remembering)  # type: ignore[method-assign,assignment]
        _installed = True
        return True


def forget() -> None:
    """Empty the memory (tests)."""
    _remembered.clear()


def remembered() -> int:
    return len(_remembered)
