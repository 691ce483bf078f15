"""Three-way merge, field by field."""

from __future__ import annotations

from sync.merge import describe_field, three_way_merge

SRC = "https://fhir.askonce.app/StructureDefinition/information-source"
CHANNEL = "https://fhir.askonce.app/StructureDefinition/preferred-channel"
CONSENT = "https://fhir.askonce.app/StructureDefinition/consent-to-share"


def contact(**changes):
    base = {
        "resourceType": "RelatedPerson",
        "id": "c1",
        "meta": {"versionId": "1"},
        "name": [{"text": "Ayse"}],
        "telecom": [{"system": "phone", "value": "+49 171 1", "rank": 1}],
        "extension": [
            {"url": CHANNEL, "valueCode": "phone"},
            {"url": CONSENT, "valueBoolean": False},
            {"url": SRC, "valueCode": "patient"},
        ],
    }
    base.update(changes)
    return base


def ext(resource, url):
    return next(e for e in resource["extension"] if e["url"] == url)


def test_changes_to_different_fields_merge() -> None:
    base = contact()
    mine = contact(telecom=[{"system": "phone", "value": "+49 171 2", "rank": 1}])
    theirs = contact(meta={"versionId": "2"})
    theirs["extension"][0] = {"url": CHANNEL, "valueCode": "sms"}
    merged, conflicts = three_way_merge(base, mine, theirs)
    assert conflicts == []
    assert merged["telecom"][0]["value"] == "+49 171 2"
    assert ext(merged, CHANNEL)["valueCode"] == "sms"
    assert merged["meta"] == {"versionId": "2"}  # the server's bookkeeping stays


def test_extensions_merge_per_url() -> None:
    base = contact()
    mine = contact()
    mine["extension"][1] = {"url": CONSENT, "valueBoolean": True}
    theirs = contact()
    theirs["extension"][0] = {"url": CHANNEL, "valueCode": "email"}
    merged, conflicts = three_way_merge(base, mine, theirs)
    assert conflicts == []
    assert ext(merged, CONSENT)["valueBoolean"] is True
    assert ext(merged, CHANNEL)["valueCode"] == "email"


def test_the_same_field_changed_differently_is_a_conflict() -> None:
    base = contact()
    mine = contact(telecom=[{"system": "phone", "value": "+49 171 2", "rank": 1}])
    theirs = contact(telecom=[{"system": "phone", "value": "+49 171 3", "rank": 1}])
    merged, conflicts = three_way_merge(base, mine, theirs)
    assert conflicts == ["telecom"]
    assert merged["telecom"][0]["value"] == "+49 171 3"  # nothing of theirs is overwritten
    assert describe_field("telecom") == "phone numbers"


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    change = [{"system": "phone", "value": "+49 171 9", "rank": 1}]
    merged, conflicts = three_way_merge(contact(), contact(telecom=change), contact(telecom=change))
    assert conflicts == []
    assert merged["telecom"] == change


def test_value_choice_types_are_one_field() -> None:
    base = {"resourceType": "Observation", "id": "o", "valueString": "a", "status": "final"}
    mine = {"resourceType": "Observation", "id": "o", "valueString": "b", "status": "amended"}
    theirs = {"resourceType": "Observation", "id": "o", "valueBoolean": True, "status": "final"}
    _merged, conflicts = three_way_merge(base, mine, theirs)
    assert conflicts == ["value"]


def test_a_create_without_base_merges_against_nothing() -> None:
    mine = contact()
    merged, conflicts = three_way_merge(None, mine, mine)
    assert conflicts == []
    assert merged["name"] == mine["name"]


DAR = "http://terminology.hl7.org/CodeSystem/data-absent-reason"


def observation(**changes):
    base = {
        "resourceType": "Observation",
        "id": "o1",
        "meta": {"versionId": "1"},
        "status": "final",
        "code": {"text": "Lactose intolerance"},
        "valueBoolean": True,
    }
    base.update(changes)
    return base


def declined():
    obs = observation()
    obs.pop("valueBoolean")
    obs["dataAbsentReason"] = {"coding": [{"system": DAR, "code": "asked-declined"}]}
    return obs


def test_declined_on_one_side_and_a_value_on_the_other_is_one_conflict_of_the_answer() -> None:
    base = observation(valueBoolean=None)
    base.pop("valueBoolean")
    merged, conflicts = three_way_merge(base, declined(), observation(valueBoolean=False))
    assert conflicts == ["value"]
    assert describe_field(conflicts[0]) == "answer"
    # Never both: the server's side is kept until a person decides.
    assert merged["valueBoolean"] is False
    assert "dataAbsentReason" not in merged


def test_declined_replacing_an_untouched_value_merges_without_both() -> None:
    merged, conflicts = three_way_merge(observation(), declined(), observation())
    assert conflicts == []
    assert "valueBoolean" not in merged
    assert merged["dataAbsentReason"]["coding"][0]["code"] == "asked-declined"
    merged, conflicts = three_way_merge(declined(), observation(valueBoolean=False), declined())
    assert conflicts == []
    assert merged["valueBoolean"] is False
    assert "dataAbsentReason" not in merged
