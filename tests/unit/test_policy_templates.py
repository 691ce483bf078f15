"""The committed JSON Schema and ADMX/ADML templates match the one ``Settings`` declaration.

When this fails after a change to ``app/settings.py``: run ``python -m app.policy_templates``
and commit ``packaging/policy/``.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.policy_templates import (
    ADMX_NAMESPACE,
    OUTPUT_DIR,
    TITLES,
    MissingWordingError,
    generated_files,
    json_schema,
    write_all,
)
from app.settings import Settings, option_specs

NS = {"p": ADMX_NAMESPACE}
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", sorted(generated_files()))
def test_the_committed_templates_match_settings(name: str) -> None:
    committed = OUTPUT_DIR / name
    assert committed.is_file(), f"{name} missing: run python -m app.policy_templates"
    assert committed.read_text(encoding="utf-8") == generated_files()[name], (
        f"packaging/policy/{name} drifted from app/settings.py: "
        "run python -m app.policy_templates and commit the result"
    )


def test_the_generator_writes_what_it_compares(tmp_path: Path) -> None:
    written = write_all(tmp_path)
    assert {p.relative_to(tmp_path).as_posix() for p in written} == set(generated_files())


def test_the_schema_describes_every_option_with_its_rules() -> None:
    schema = json_schema()
    props = schema["properties"]
    assert list(props) == list(Settings.model_fields)
    assert schema["additionalProperties"] is False
    pin = props["pin_max_attempts"]
    assert (pin["type"], pin["minimum"], pin["maximum"]) == ("integer", 3, 20)
    assert props["idle_lock_seconds"]["default"] == 300
    assert props["appearance"]["enum"] == ["system", "light", "dark", "high-contrast"]
    assert props["fhir_server_url"]["type"] == ["string", "null"]
    assert props["http_proxy"]["description"] == Settings.model_fields["http_proxy"].description


def test_the_example_policy_fits_the_schema() -> None:
    example = json.loads((REPO / "packaging" / "policy.example.json").read_text("utf-8"))
    props = json_schema()["properties"]
    assert set(example) <= set(props)
    Settings.model_validate(example)


def test_the_admx_has_one_policy_per_option_under_the_policies_key() -> None:
    root = ET.fromstring(generated_files()["askonce.admx"])
    assert root.tag == f"{{{ADMX_NAMESPACE}}}policyDefinitions"
    categories = root.findall("p:categories/p:category", NS)
    assert [c.get("name") for c in categories] == ["AskOnce"]
    policies = {p.get("name"): p for p in root.findall("p:policies/p:policy", NS)}
    assert list(policies) == list(Settings.model_fields)
    for spec in option_specs():
        policy = policies[spec.name]
        assert policy.get("class") == "Machine"
        assert policy.get("key") == r"Software\Policies\AskOnce"
        parent = policy.find("p:parentCategory", NS)
        assert parent is not None
        assert parent.get("ref") == "AskOnce"
        (element,) = list(policy.find("p:elements", NS) or [])
        assert element.get("valueName") == spec.name
        tag = element.tag.split("}")[1]
        assert tag == {"integer": "decimal", "enum": "enum", "text": "text"}[spec.kind]
    decimal = policies["break_glass_minutes"].find("p:elements/p:decimal", NS)
    assert decimal is not None
    assert (decimal.get("minValue"), decimal.get("maxValue")) == ("5", "720")
    unbounded = policies["retention_days"].find("p:elements/p:decimal", NS)
    assert unbounded is not None
    assert unbounded.get("maxValue") == "2147483647"
    values = [v.text for v in policies["appearance"].findall(".//p:value/p:string", NS)]
    assert values == ["system", "light", "dark", "high-contrast"]


@pytest.mark.parametrize(
    ("language", "title"),
    [("en-US", "Lock after inactivity (seconds)"), ("de-DE", "Sperre nach Inaktivität")],
)
def test_each_adml_resolves_every_string_the_admx_uses(language: str, title: str) -> None:
    files = generated_files()
    admx = files["askonce.admx"]
    adml = ET.fromstring(files[f"{language}/askonce.adml"])
    strings = {s.get("id"): s.text or "" for s in adml.findall(".//p:stringTable/p:string", NS)}
    presentations = {p.get("id") for p in adml.findall(".//p:presentation", NS)}

    for ref in re.findall(r"\$\(string\.([^)]+)\)", admx):
        assert strings.get(ref), f"{language}: no string {ref}"
    for ref in re.findall(r"\$\(presentation\.([^)]+)\)", admx):
        assert ref in presentations, f"{language}: no presentation {ref}"
    assert strings["idle_lock_seconds"].startswith(title)
    assert "idle_lock_seconds" in strings["idle_lock_seconds_Explain"]


def test_the_english_explanations_are_the_descriptions() -> None:
    adml = ET.fromstring(generated_files()["en-US/askonce.adml"])
    strings = {s.get("id"): s.text or "" for s in adml.findall(".//p:string", NS)}
    for name, field in Settings.model_fields.items():
        assert strings[f"{name}_Explain"].startswith(str(field.description))


def test_a_new_option_without_wording_stops_the_generator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(TITLES, "http_proxy")
    with pytest.raises(MissingWordingError, match="http_proxy"):
        generated_files()
