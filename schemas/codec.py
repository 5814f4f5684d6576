"""Bytes to contract records and back: the only place where payloads are parsed or serialised."""

from __future__ import annotations

from typing import Any

import orjson

from marsad.streams.errors import ArticleRejected, Reason

from .records import RawArticle
from .validation import validate

__all__ = ["DEFAULT_MAX_BODY_BYTES", "decode_json", "decode_raw_article", "encode"]

DEFAULT_MAX_BODY_BYTES = 1024 * 1024
# Room for the other fields of an article around a body at the limit, before parsing is refused outright.
_ENVELOPE_SLACK = 64 * 1024


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
        if payload is not None and len(payload) > max_body_bytes + _ENVELOPE_SLACK:
            raise ArticleRejected(
                Reason.OVERSIZE,
                f"message of {len(payload)} bytes exceeds the limit of {max_body_bytes} bytes",
            )
        payload = decode_json(payload)
    if not isinstance(payload, dict):
        raise ArticleRejected(Reason.SCHEMA_VIOLATION, f"value must be a JSON object, got {type(payload).__name__}")
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
    """Serialise a record (or a plain dict) as compact UTF-8 JSON."""
    data = record.to_dict() if hasattr(record, "to_dict") else record
    return orjson.dumps(data)
