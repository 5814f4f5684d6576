"""Every contract is a valid JSON Schema, accepts what Marsad writes and rejects what breaks it."""

from __future__ import annotations

import copy
import dataclasses
import typing
from typing import Any

import orjson
import pytest

from marsad.schemas import records
from marsad.schemas.codec import encode
from marsad.schemas.validation import SCHEMA_NAMES, load_schema, validate
from marsad.streams.errors import ContractViolation

from .fixtures import enriched_article, enriched_event

RECORD_OF_SCHEMA = {
    "raw_article": records.RawArticle,
    "normalized_article": records.NormalizedArticle,
    "enriched_article": records.EnrichedArticle,
    "enriched_event": records.EnrichedEvent,
    "dead_letter": records.DeadLetter,
}


def as_json(record: Any) -> Any:
    return orjson.loads(encode(record))


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_versioned_draft_2020_12(name: str) -> None:
    schema = load_schema(name)  # raises when the schema itself is invalid
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert ":v1:" in schema["$id"]


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_record_fields_are_the_schema_properties(name: str) -> None:
    schema = load_schema(name)
    fields = {f.name for f in dataclasses.fields(RECORD_OF_SCHEMA[name])}
    assert fields == set(schema["properties"])
    if name != "raw_article":  # outputs always carry every field, null when unknown
        assert set(schema["required"]) == fields


@pytest.mark.parametrize("record", [records.EventArgument, records.EventLocation, records.EventTime])
def test_nested_event_records_match_their_schema(record: type) -> None:
    properties = load_schema("enriched_event")["properties"]
    part = {"EventArgument": "actor", "EventLocation": "location", "EventTime": "time"}[record.__name__]
    assert {f.name for f in dataclasses.fields(record)} == set(properties[part]["properties"])


@pytest.mark.parametrize(
    ("record", "definition"),
    [(records.Entity, "entity"), (records.Place, "place"), (records.TimeMention, "time"), (records.Quote, "quote")],
)
def test_nested_article_records_match_their_schema(record: type, definition: str) -> None:
    schema = load_schema("enriched_article")["$defs"][definition]
    assert {f.name for f in dataclasses.fields(record)} == set(schema["properties"])


def test_seed_article_is_a_valid_raw_article(seed_article: dict) -> None:
    validate("raw_article", seed_article)


def test_enriched_records_validate() -> None:
    validate("enriched_event", as_json(enriched_event()))
    validate("enriched_article", as_json(enriched_article()))


def _without(data: dict, key: str) -> dict:
    data = copy.deepcopy(data)
    del data[key]
    return data


def _with(data: dict, **changes: Any) -> dict:
    data = copy.deepcopy(data)
    data.update(changes)
    return data


RAW = {"id": "a-1", "body": "نص"}
INVALID = [
    ("raw_article", _without(RAW, "id")),
    ("raw_article", _without(RAW, "body")),
    ("raw_article", _with(RAW, id=42)),
    ("raw_article", _with(RAW, body="")),
    ("raw_article", _with(RAW, published_at="last friday")),
    ("raw_article", _with(RAW, metadata=[1, 2])),
    ("enriched_event", _with(as_json(enriched_event()), type="picnic")),
    ("enriched_event", _with(as_json(enriched_event()), killed=-1)),
    ("enriched_event", _with(as_json(enriched_event()), extra="field")),
    ("enriched_event", _without(as_json(enriched_event()), "event_id")),
    ("enriched_article", _with(as_json(enriched_article()), language="en")),
    ("enriched_article", _with(as_json(enriched_article()), __faust={"ns": "x"})),
]


@pytest.mark.parametrize(("name", "data"), INVALID)
def test_invalid_payloads_are_rejected(name: str, data: dict) -> None:
    with pytest.raises(ContractViolation):
        validate(name, data)


def test_raw_article_accepts_unknown_keys_and_nulls() -> None:
    validate("raw_article", {**RAW, "url": None, "title": None, "published_at": None, "category": "news"})


def test_event_types_are_the_documented_vocabulary() -> None:
    types = load_schema("enriched_event")["properties"]["type"]["enum"]
    assert set(types) == {
        "arrest", "attack", "bombing", "airstrike", "shelling", "armed_clash", "security_operation",
        "abduction", "protest", "seizure", "statement", "meeting", "agreement", "sanction",
    }  # fmt: skip


def test_optional_annotation_fields_are_nullable_in_the_schema() -> None:
    properties = load_schema("enriched_event")["properties"]
    hints = typing.get_type_hints(records.EnrichedEvent)
    for name in ("killed", "injured", "arrested", "count_text", "source", "url", "published_at"):
        assert type(None) in typing.get_args(hints[name])
        assert "null" in properties[name]["type"]
