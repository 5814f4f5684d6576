"""What a stage does with one Kafka message: decode, validate, call the stage, encode, or dead-letter.

Kept free of Faust so that tests drive it with a stub message. Every path ends in an explicit
:class:`Outcome`; no exception escapes to Faust, which would ack (and so lose) the message.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

import orjson

from marsad.schemas.codec import decode_json, decode_raw_article, encode
from marsad.schemas.records import DeadLetter, EnrichedArticle, NormalizedArticle
from marsad.schemas.validation import validate_normalized_article
from marsad.streams.errors import ArticleRejected, Reason
from marsad.streams.normalize import NormalizeSettings, normalize_article

from .time_budget import time_budget

__all__ = [
    "MAX_RECORD_BYTES",
    "MessageLike",
    "Outcome",
    "Output",
    "StepResult",
    "dead_letter",
    "run_extract",
    "run_normalize",
]

log = logging.getLogger(__name__)

# The largest record Marsad writes; topics are created with this max.message.bytes (a normalized record
# is about four times its body: tokens with their keys and offsets).
MAX_RECORD_BYTES = 8 * 1024 * 1024


class MessageLike(Protocol):
    """The parts of a Kafka message a step reads (Faust's ``Message`` satisfies it)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp: float


class Outcome(StrEnum):
    PROCESSED = "processed"
    DEAD_LETTERED = "dead_lettered"


@dataclass(frozen=True, slots=True)
class Output:
    """A record to send: the topic role (raw, normalized, ...), its key and its encoded value."""

    role: str
    key: bytes
    value: bytes


@dataclass(frozen=True, slots=True)
class StepResult:
    outcome: Outcome
    outputs: list[Output]
    reason: Reason | None = None
    article: EnrichedArticle | None = field(default=None, repr=False)


def run_normalize(
    message: MessageLike,
    settings: NormalizeSettings,
    max_body_bytes: int,
    deadletter_cap: int,
    budget_seconds: float | None = None,
) -> StepResult:
    """Normalize stage on one ``articles.raw`` message."""

    def step() -> StepResult:
        raw = decode_raw_article(message.value, max_body_bytes)
        record = normalize_article(raw, datetime.now(UTC), settings)
        key = record.id.encode("utf-8")
        return StepResult(Outcome.PROCESSED, _fitting([Output("normalized", key, encode(record))]))

    return _guarded("normalize", message, step, deadletter_cap, settings.pipeline_version, budget_seconds)


def run_extract(
    message: MessageLike,
    extract: Callable[[NormalizedArticle], EnrichedArticle],
    deadletter_cap: int,
    pipeline_version: str,
    budget_seconds: float | None = None,
) -> StepResult:
    """Extract stage on one ``articles.normalized`` message: one enriched article, one record per event."""

    def step() -> StepResult:
        data = decode_json(message.value)
        validate_normalized_article(data)
        article = extract(NormalizedArticle.from_dict(data))
        key = article.id.encode("utf-8")
        outputs = [Output("enriched", key, encode(article))]
        outputs += [Output("events", e.event_id.encode(), encode(e)) for e in article.events]
        return StepResult(Outcome.PROCESSED, _fitting(outputs), article=article)

    return _guarded("extract", message, step, deadletter_cap, pipeline_version, budget_seconds)


def _fitting(outputs: list[Output]) -> list[Output]:
    """Refuse outputs Kafka would refuse: an oversized record would block its partition forever."""
    for output in outputs:
        size = len(output.value) + len(output.key)
        if size > MAX_RECORD_BYTES:
            raise ArticleRejected(
                Reason.OVERSIZE,
                f"the {output.role} record would be {size} bytes, over the {MAX_RECORD_BYTES}-byte record limit; "
                "lower MARSAD_MAX_BODY_BYTES or split the article",
            )
    return outputs


def _guarded(
    stage: str,
    message: MessageLike,
    step: Callable[[], StepResult],
    cap: int,
    version: str,
    budget_seconds: float | None = None,
) -> StepResult:
    try:
        with time_budget(budget_seconds):
            return step()
    except ArticleRejected as exc:
        log.warning(
            "%s: rejected message %s[%d]@%d: %s; sent to the dead-letter topic",
            stage,
            message.topic,
            message.partition,
            message.offset,
            exc,
        )
        return _dead(stage, message, exc.reason, str(exc), cap, version)
    except Exception as exc:  # a bug or a resource failure: dead-letter it rather than lose it
        log.exception(
            "%s: failed on message %s[%d]@%d; sent to the dead-letter topic with reason processing_error. "
            "This is a bug: report it with the dead-letter record.",
            stage,
            message.topic,
            message.partition,
            message.offset,
        )
        return _dead(stage, message, Reason.PROCESSING_ERROR, f"{type(exc).__name__}: {exc}", cap, version)


def _dead(stage: str, message: MessageLike, reason: Reason, error: str, cap: int, version: str) -> StepResult:
    output = dead_letter(stage, message, reason, error, cap, version)
    return StepResult(Outcome.DEAD_LETTERED, [output], reason=reason)


def dead_letter(
    stage: str, message: MessageLike, reason: Reason, error: str, cap: int, pipeline_version: str
) -> Output:
    """Build the dead-letter record: reason, origin (topic/partition/offset), capped original payload."""
    value = bytes(message.value or b"")
    article_id = _article_id(value)
    payload, encoding = _capped_payload(value, cap)
    key_text = message.key.decode("utf-8", "replace") if message.key else None
    record = DeadLetter(
        reason=reason.value,
        error=error[:2000],
        stage=stage,
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=key_text,
        payload=payload,
        payload_encoding=encoding,
        payload_bytes=len(value),
        truncated=len(value) > cap,
        article_id=article_id,
        failed_at=datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        pipeline_version=pipeline_version,
    )
    key = message.key if message.key else (article_id or "").encode("utf-8")
    return Output("deadletter", key, encode(record))


def _capped_payload(value: bytes, cap: int) -> tuple[str, str]:
    head = value[:cap]
    try:
        return head.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if len(value) > cap and exc.start >= cap - 3:  # the cap cut a character in two
            return head[: exc.start].decode("utf-8"), "utf-8"
        return base64.b64encode(head).decode("ascii"), "base64"


def _article_id(value: bytes) -> str | None:
    """The id of a rejected article when it can be read cheaply, so operators can find it."""
    if len(value) > 4 * 1024 * 1024:
        return None
    try:
        data: Any = orjson.loads(value)
    except orjson.JSONDecodeError:
        return None
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        return data["id"][:512]
    return None
