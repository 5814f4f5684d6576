"""Load the JSON Schema contracts once and validate payloads against them, raising Marsad's own errors."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from marsad.streams.errors import ContractViolation

from .records import SCHEMA_VERSION

__all__ = ["SCHEMA_NAMES", "load_schema", "validate", "validator"]

SCHEMA_NAMES = ("raw_article", "normalized_article", "enriched_article", "enriched_event", "dead_letter")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Return the parsed schema file ``schemas/<version>/<name>.schema.json`` shipped in the package."""
    if name not in SCHEMA_NAMES:
        raise KeyError(f"unknown schema {name!r}; known: {', '.join(SCHEMA_NAMES)}")
    text = resources.files(__package__).joinpath(SCHEMA_VERSION, f"{name}.schema.json").read_text("utf-8")
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return schema


@cache
def _registry() -> Registry:
    resources_ = [(load_schema(n)["$id"], Resource.from_contents(load_schema(n))) for n in SCHEMA_NAMES]
    return Registry().with_resources(resources_)


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for one contract, built once per process (building is the slow part)."""
    return Draft202012Validator(load_schema(name), registry=_registry())


def validate(name: str, data: Any) -> None:
    """Raise :class:`ContractViolation` naming the most relevant error when ``data`` breaks contract ``name``."""
    error = best_match(validator(name).iter_errors(data))
    if error is not None:
        path = "/" + "/".join(str(part) for part in error.absolute_path)
        raise ContractViolation(_shorten(error.message), path) from error


def _shorten(message: str, limit: int = 300) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
