"""Bytes to contract records and back: the only place where payloads are parsed or serialised."""

from __future__ import annotations

from typing import Any

import orjson

from marsad.streams.errors import ArticleRejected, Reason

from .records import RawArticle
from .validation import validate

__all__ = ["DEFAULT_MAX_BODY_BYTES", "MAX_METADATA_DEPTH", "decode_json", "decode_raw_article", "encode"]

DEFAULT_MAX_BODY_BYTES = 1024 * 1024
# A body at the limit may be up to 6x longer as JSON (\uXXXX escapes); past that (plus room for the other
# fields) a message is refused before it is parsed at all.
_ESCAPE_FACTOR = 6
_ENVELOPE_SLACK = 64 * 1024
# Deeper JSON than this in metadata is refused: serialisers and recursion give out a little past 250.
MAX_METADATA_DEPTH = 32


def decode_json(payload: bytes | bytearray | memoryview | str | None) -> Any:
    """Parse one JSON document; invalid UTF-8 and invalid JSON are told apart for the operator."""
    if payload is None:
        raise ArticleRejected(Reason.INVALID_JSON, "message has no value (a tombstone?)")
    if isinstance(payload, str):
        payload = payload.encode("utf-8", "surrogatepass")
    data = bytes(payload)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleRejected(
            Reason.INVALID_UTF8, f"value is not UTF-8: byte 0x{data[exc.start]:02x} at {exc.start}"
        ) from exc
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ArticleRejected(Reason.INVALID_JSON, f"value is not JSON: {exc}") from exc


def decode_raw_article(payload: Any, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> RawArticle:
    """Turn a message value into a :class:`RawArticle`, or raise :class:`ArticleRejected` saying why not.

    Args:
        payload: the message value as bytes (or an already parsed dict, for batch use).
        max_body_bytes: the largest body accepted, in UTF-8 bytes.
    """
    if payload is None or isinstance(payload, (bytes, bytearray, memoryview)):
        if payload is not None and len(payload) > _ESCAPE_FACTOR * max_body_bytes + _ENVELOPE_SLACK:
            raise ArticleRejected(
                Reason.OVERSIZE,
                f"message of {len(payload)} bytes exceeds the limit of {max_body_bytes} bytes",
            )
        payload = decode_json(payload)
    if not isinstance(payload, dict):
        raise ArticleRejected(Reason.SCHEMA_VIOLATION, f"value must be a JSON object, got {type(payload).__name__}")
    if _depth(payload) > MAX_METADATA_DEPTH + 1:  # checked first: validators recurse too
        raise ArticleRejected(Reason.SCHEMA_VIOLATION, f"metadata is nested deeper than {MAX_METADATA_DEPTH} levels")
    validate("raw_article", payload)
    body_bytes = len(payload["body"].encode("utf-8", "surrogatepass"))
    if body_bytes > max_body_bytes:
        raise ArticleRejected(
            Reason.OVERSIZE, f"body of {body_bytes} bytes exceeds the limit of {max_body_bytes} bytes"
        )
    if not payload["body"].strip():
        raise ArticleRejected(Reason.EMPTY_BODY, "body holds only white space")
    return RawArticle.from_dict(payload)


def encode(record: Any) -> bytes:
    """Serialise a record (a dataclass of :mod:`marsad.schemas.records`, or a plain dict) as compact JSON.

    orjson walks dataclasses natively, which is many times faster than ``dataclasses.asdict`` on records
    holding hundreds of tokens.
    """
    return orjson.dumps(record)


def _depth(value: Any, limit: int = MAX_METADATA_DEPTH + 2) -> int:
    """Nesting depth of a JSON value, counted no further than ``limit``."""
    depth = 0
    level = [value]
    while level and depth < limit:
        children: list[Any] = []
        for item in level:
            if isinstance(item, dict):
                children.extend(item.values())
            elif isinstance(item, list):
                children.extend(item)
        if not children and not any(isinstance(item, (dict, list)) for item in level):
            break
        depth += 1
        level = children
    return depth
