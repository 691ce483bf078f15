"""IT's templates for the machine policy, generated from the one ``Settings`` declaration.

``python -m app.policy_templates`` writes ``packaging/policy/``: the JSON Schema of
``policy.json`` and the Group Policy templates (ADMX with English and German ADML).
``tests/unit/test_policy_templates.py`` regenerates them and fails when the committed
files differ, so a new or changed option cannot ship without its template. Types,
defaults, ranges and choices come from ``Settings``; the English explanations are its
descriptions; the short titles and the German wording live here (a new option without
them stops the generator with a message saying so).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.paths import WINDOWS_POLICY_KEY
from app.settings import OptionSpec, option_specs

OUTPUT_DIR = Path(__file__).resolve().parent.parent / "packaging" / "policy"
SCHEMA_NAME = "askonce-policy.schema.json"
ADMX_NAME = "askonce.admx"
ADML_NAME = "askonce.adml"
LANGUAGES = ("en-US", "de-DE")
ADMX_NAMESPACE = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
INT32_MAX = 2_147_483_647
"""A decimal policy's ceiling when the option has none (ADMX would default to 9999)."""
CATEGORY = "AskOnce"
SUPPORTED = "SUPPORTED_AskOnce_1"

TITLES: dict[str, tuple[str, str]] = {
    "fhir_server_url": ("FHIR server URL", "FHIR-Server-URL"),
    "oidc_issuer": ("Identity provider (OIDC issuer)", "Identitätsanbieter (OIDC-Issuer)"),
    "oidc_client_id": ("OIDC client id", "OIDC-Client-ID"),
    "oidc_scopes": ("Sign-in scopes (SMART on FHIR)", "Anmelde-Scopes (SMART on FHIR)"),
    "ca_bundle": ("Extra CA certificates", "Zusätzliche CA-Zertifikate"),
    "http_proxy": ("HTTP(S) proxy", "HTTP(S)-Proxy"),
    "idle_lock_seconds": ("Lock after inactivity (seconds)", "Sperre nach Inaktivität (Sekunden)"),
    "retention_days": (
        "Keep patients who left the assignment (days)",
        "Patienten außerhalb der Zuteilung behalten (Tage)",
    ),
    "assignment_source": ("Where the assignment comes from", "Herkunft der Zuteilung"),
    "pin_min_length": ("Minimum offline PIN length", "Mindestlänge der Offline-PIN"),
    "pin_max_attempts": ("Wrong PINs before blocking", "Falsche PINs bis zur Sperre"),
    "oidc_user_claim": ("ID-token claim for the user", "ID-Token-Claim für die Person"),
    "oidc_role_claim": ("ID-token claim for the role", "ID-Token-Claim für die Rolle"),
    "break_glass_minutes": ("Emergency access (minutes)", "Notfallzugriff (Minuten)"),
    "max_cached_users": ("Users cached on this PC", "Zwischengespeicherte Benutzer auf diesem PC"),
    "sync_interval_seconds": (
        "Background sync interval (seconds)",
        "Intervall der Hintergrundsynchronisation (Sekunden)",
    ),
    "language": ("User-interface language", "Sprache der Benutzeroberfläche"),
    "appearance": ("Appearance", "Darstellung"),
    "catalog_file": ("Question catalog file", "Datei des Fragenkatalogs"),
    "discharge_checklist_file": ("Discharge checklist file", "Datei der Entlass-Checkliste"),
}

EXPLAIN_DE: dict[str, str] = {
    "fhir_server_url": "Basis-URL des FHIR-R4-Servers des Krankenhauses.",
    "oidc_issuer": "URL des OpenID-Connect-Issuers (Identitätsanbieter).",
    "oidc_client_id": "Öffentliche OIDC-Client-ID.",
    "oidc_scopes": "Scopes für die Anmeldung, durch Leerzeichen getrennt, zusätzlich zu "
    "openid und profile. Standard sind die SMART-on-FHIR-v2-Scopes dessen, was AskOnce liest "
    "und schreibt; Scopes, die der Identitätsanbieter nicht anbietet, werden weggelassen. "
    "Leer: keine (ein FHIR-Server ohne SMART-Scopes).",
    "ca_bundle": "Zusätzliches CA-Bundle für die TLS-Zertifikate des Krankenhauses.",
    "http_proxy": "HTTP(S)-Proxy für den FHIR-Server und den Identitätsanbieter, z. B. "
    "http://proxy.hospital.example:3128 (leer: direkte Verbindung).",
    "idle_lock_seconds": "Sperren nach Inaktivität.",
    "retention_days": "Tage, die Patienten gespeichert bleiben, nachdem sie die Zuteilung "
    "verlassen haben.",
    "assignment_source": "Woher die Zuteilung einer Person (die Patienten, die auf diesen PC "
    "synchronisiert werden) auf dem FHIR-Server kommt: care-team = die aktiven CareTeams, "
    "in denen die Person Teilnehmende ist; group = die Mitglieder der tatsächlichen Groups, "
    "deren managingEntity die Person ist (nicht inaktiv, Mitgliedschaftszeitraum jetzt); "
    "list = die Einträge der aktuellen Lists mit der Person als source (nicht gelöscht); "
    "ward = die Patienten, deren laufender Encounter an einem Ort der aktiven "
    "PractitionerRoles der Person ist.",
    "pin_min_length": "Mindestlänge der Offline-PIN.",
    "pin_max_attempts": "Falsche PINs in Folge, bis das Entsperren offline gesperrt wird "
    "(eine Online-Anmeldung hebt die Sperre auf).",
    "oidc_user_claim": "Claim im ID-Token, der das Practitioner-Objekt der Person nennt.",
    "oidc_role_claim": "Claim im ID-Token mit der Rolle (Pflege/Koordination).",
    "break_glass_minutes": "Wie lange der Notfallzugriff auf einen Patienten dauert.",
    "max_cached_users": "Benutzer-Caches, die auf diesem PC behalten werden.",
    "sync_interval_seconds": "Hintergrundsynchronisation.",
    "language": "Sprache der Benutzeroberfläche (leer: die des Systems).",
    "appearance": "Farben: wie das System, hell, dunkel oder hoher Kontrast.",
    "catalog_file": "Ein eigener Fragenkatalog des Krankenhauses (FHIR-Questionnaire-JSON) "
    "statt des eingebauten.",
    "discharge_checklist_file": "Eine eigene Entlass-Checkliste des Krankenhauses "
    "(FHIR-PlanDefinition-JSON) statt der eingebauten.",
}

CHOICES: dict[tuple[str, str], tuple[str, str]] = {
    ("appearance", "system"): ("Follow the system", "Wie das System"),
    ("appearance", "light"): ("Light", "Hell"),
    ("appearance", "dark"): ("Dark", "Dunkel"),
    ("appearance", "high-contrast"): ("High contrast", "Hoher Kontrast"),
    ("assignment_source", "care-team"): ("Care teams (CareTeam)", "Behandlungsteams (CareTeam)"),
    ("assignment_source", "group"): (
        "Groups the user manages (Group)",
        "Gruppen der Person (Group)",
    ),
    ("assignment_source", "list"): ("Lists of the user (List)", "Listen der Person (List)"),
    ("assignment_source", "ward"): (
        "Ward: the user's locations (PractitionerRole, Encounter)",
        "Station: die Orte der Person (PractitionerRole, Encounter)",
    ),
}

WORDS: dict[str, tuple[str, str]] = {
    "category": ("AskOnce", "AskOnce"),
    "supported": ("AskOnce 1.0 and later", "AskOnce 1.0 und neuer"),
    "templates": (
        "AskOnce machine policy: locked settings for every user of this PC.",
        "AskOnce-Richtlinie: gesperrte Einstellungen für alle Benutzer dieses PCs.",
    ),
    "option": ("Option", "Option"),
    "default": ("Default", "Standard"),
    "range": ("Allowed", "Erlaubt"),
    "empty": ("(empty)", "(leer)"),
    "unset": ("not set", "nicht gesetzt"),
    "empty_means_unset": ("Empty: not set.", "Leer: nicht gesetzt."),
    "value": ("Value", "Wert"),
}


class MissingWordingError(LookupError):
    """An option has no title or German wording here yet."""


def _check_wording(specs: Sequence[OptionSpec]) -> None:
    for spec in specs:
        if spec.name not in TITLES or spec.name not in EXPLAIN_DE:
            raise MissingWordingError(
                f"option {spec.name}: add its title to TITLES and its German explanation to "
                "EXPLAIN_DE in app/policy_templates.py"
            )
        for choice in spec.choices:
            if (spec.name, choice) not in CHOICES:
                raise MissingWordingError(f"option {spec.name}: add choice {choice!r} to CHOICES")


# --- JSON Schema -----------------------------------------------------------------------


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a policy file."""
    properties: dict[str, Any] = {}
    specs = option_specs()
    _check_wording(specs)
    for spec in specs:
        prop: dict[str, Any] = {"title": TITLES[spec.name][0], "description": spec.description}
        base = {"text": "string", "enum": "string", "integer": "integer", "boolean": "boolean"}
        prop["type"] = [base[spec.kind], "null"] if spec.optional else base[spec.kind]
        if spec.kind == "enum":
            prop["enum"] = [*spec.choices, *([None] if spec.optional else [])]
        if spec.minimum is not None:
            prop["minimum"] = spec.minimum
        if spec.maximum is not None:
            prop["maximum"] = spec.maximum
        if spec.format == "url":
            prop["format"] = "uri"
            prop["pattern"] = "^https?://"
        prop["default"] = spec.default
        if spec.secret:
            prop["writeOnly"] = True
        properties[spec.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://askonce.example/schemas/askonce-policy.schema.json",
        "title": "AskOnce machine policy",
        "description": "policy.json and policy.d/*.json: options IT sets for every user of a "
        "PC. Generated from app/settings.py by python -m app.policy_templates.",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
    }


# --- ADMX / ADML -----------------------------------------------------------------------


def _xml(root: ET.Element) -> str:
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _root(tag: str) -> ET.Element:
    return ET.Element(
        tag,
        {
            "xmlns:xsd": "http://www.w3.org/2001/XMLSchema",
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "revision": "1.0",
            "schemaVersion": "1.0",
            "xmlns": ADMX_NAMESPACE,
        },
    )


def admx() -> str:
    """Group Policy definitions: category AskOnce, one machine policy per option."""
    specs = option_specs()
    _check_wording(specs)
    root = _root("policyDefinitions")
    namespaces = ET.SubElement(root, "policyNamespaces")
    ET.SubElement(namespaces, "target", prefix="askonce", namespace="AskOnce.Policies.AskOnce")
    ET.SubElement(namespaces, "using", prefix="windows", namespace="Microsoft.Policies.Windows")
    ET.SubElement(root, "resources", minRequiredRevision="1.0")
    definitions = ET.SubElement(ET.SubElement(root, "supportedOn"), "definitions")
    ET.SubElement(definitions, "definition", name=SUPPORTED, displayName=f"$(string.{SUPPORTED})")
    categories = ET.SubElement(root, "categories")
    ET.SubElement(categories, "category", name=CATEGORY, displayName=f"$(string.{CATEGORY})")
    policies = ET.SubElement(root, "policies")
    for spec in specs:
        policy = ET.SubElement(
            policies,
            "policy",
            {
                "name": spec.name,
                "class": "Machine",
                "displayName": f"$(string.{spec.name})",
                "explainText": f"$(string.{spec.name}_Explain)",
                "presentation": f"$(presentation.{spec.name})",
                "key": WINDOWS_POLICY_KEY,
            },
        )
        ET.SubElement(policy, "parentCategory", ref=CATEGORY)
        ET.SubElement(policy, "supportedOn", ref=SUPPORTED)
        elements = ET.SubElement(policy, "elements")
        common = {"id": spec.name, "valueName": spec.name}
        if spec.kind == "integer":
            ET.SubElement(
                elements,
                "decimal",
                common,
                required="true",
                minValue=str(spec.minimum if spec.minimum is not None else 0),
                maxValue=str(spec.maximum if spec.maximum is not None else INT32_MAX),
            )
        elif spec.kind == "boolean":
            flag = ET.SubElement(elements, "boolean", common)
            ET.SubElement(ET.SubElement(flag, "trueValue"), "decimal", value="1")
            ET.SubElement(ET.SubElement(flag, "falseValue"), "decimal", value="0")
        elif spec.kind == "enum":
            enum = ET.SubElement(elements, "enum", common, required="true")
            for choice in spec.choices:
                item = ET.SubElement(
                    enum, "item", displayName=f"$(string.{_choice_id(spec.name, choice)})"
                )
                ET.SubElement(ET.SubElement(item, "value"), "string").text = choice
        else:
            required = not spec.optional and spec.default != ""
            ET.SubElement(
                elements,
                "text",
                common,
                required="true" if required else "false",
                maxLength="2083" if spec.format == "url" else "1024",
            )
    return _xml(root)


def _choice_id(name: str, choice: str) -> str:
    return f"{name}_{choice.replace('-', '_')}"


def adml(language: str) -> str:
    """Display strings and presentations for ``language`` (en-US or de-DE)."""
    specs = option_specs()
    _check_wording(specs)
    lang = LANGUAGES.index(language)
    root = _root("policyDefinitionResources")
    ET.SubElement(root, "displayName").text = "AskOnce"
    ET.SubElement(root, "description").text = WORDS["templates"][lang]
    resources = ET.SubElement(root, "resources")
    strings = ET.SubElement(resources, "stringTable")
    presentations = ET.SubElement(resources, "presentationTable")

    def string(string_id: str, text: str) -> None:
        ET.SubElement(strings, "string", id=string_id).text = text

    string(CATEGORY, WORDS["category"][lang])
    string(SUPPORTED, WORDS["supported"][lang])
    for spec in specs:
        string(spec.name, TITLES[spec.name][lang])
        string(f"{spec.name}_Explain", _explain(spec, lang))
        for choice in spec.choices:
            string(_choice_id(spec.name, choice), CHOICES[(spec.name, choice)][lang])
        presentation = ET.SubElement(presentations, "presentation", id=spec.name)
        label = TITLES[spec.name][lang]
        if spec.kind == "integer":
            box = ET.SubElement(presentation, "decimalTextBox", refId=spec.name)
            box.set("defaultValue", str(spec.default))
            box.text = label
        elif spec.kind == "boolean":
            ET.SubElement(presentation, "checkBox", refId=spec.name).text = label
        elif spec.kind == "enum":
            dropdown = ET.SubElement(presentation, "dropdownList", refId=spec.name)
            dropdown.set("noSort", "true")
            if spec.default in spec.choices:
                dropdown.set("defaultItem", str(spec.choices.index(str(spec.default))))
            dropdown.text = label
        else:
            box = ET.SubElement(presentation, "textBox", refId=spec.name)
            ET.SubElement(box, "label").text = label
            if spec.default:
                ET.SubElement(box, "defaultValue").text = str(spec.default)
    return _xml(root)


def _explain(spec: OptionSpec, lang: int) -> str:
    text = spec.description if lang == 0 else EXPLAIN_DE[spec.name]
    if spec.default is None:
        default = WORDS["unset"][lang]
    elif spec.default == "":
        default = WORDS["empty"][lang]
    else:
        default = str(spec.default)
    lines = [
        text,
        "",
        f"{WORDS['option'][lang]}: {spec.name}",
        f"{WORDS['default'][lang]}: {default}",
    ]
    if spec.minimum is not None or spec.maximum is not None:
        low = "" if spec.minimum is None else str(spec.minimum)
        high = "" if spec.maximum is None else str(spec.maximum)
        lines.append(f"{WORDS['range'][lang]}: {low} … {high}".replace("  ", " "))
    if spec.choices:
        lines.append(f"{WORDS['range'][lang]}: {', '.join(spec.choices)}")
    if spec.optional and spec.kind == "text":
        lines.append(WORDS["empty_means_unset"][lang])
    return "\n".join(lines)


# --- the files -------------------------------------------------------------------------


def generated_files() -> dict[str, str]:
    """Every generated file's path under ``packaging/policy/`` and its content."""
    files = {
        SCHEMA_NAME: json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n",
        ADMX_NAME: admx(),
    }
    for language in LANGUAGES:
        files[f"{language}/{ADML_NAME}"] = adml(language)
    return files


def write_all(output: Path = OUTPUT_DIR) -> list[Path]:
    written = []
    for name, content in generated_files().items():
        path = output / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    output = Path(argv[0]) if argv else OUTPUT_DIR
    for path in write_all(output):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
