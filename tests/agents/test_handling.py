"""The per-message steps of the agents, driven by a stub message (no broker, no Faust)."""

from __future__ import annotations

import base64

import orjson
import pytest

from marsad.agents.handling import Outcome, run_extract, run_normalize
from marsad.schemas.codec import encode
from marsad.schemas.records import NormalizedArticle
from marsad.schemas.validation import validate
from marsad.streams.errors import Reason
from marsad.streams.normalize import NormalizeSettings

from ..schemas.fixtures import enriched_article
from ..stubs import MessageStub

SETTINGS = NormalizeSettings(pipeline_version="marsad/test")
GOOD = {"id": "a-1", "body": "اعتقلت الشرطة ثلاثة أشخاص في بغداد أمس."}


def normalize(value: bytes | None, cap: int = 1000, **kw: object) -> object:
    return run_normalize(MessageStub(value, **kw), SETTINGS, max_body_bytes=10_000, deadletter_cap=cap)


def test_a_good_article_becomes_one_normalized_record_keyed_by_id() -> None:
    result = normalize(encode(GOOD), key=b"whatever-the-producer-chose")
    assert result.outcome is Outcome.PROCESSED
    [output] = result.outputs
    assert (output.role, output.key) == ("normalized", b"a-1")
    validate("normalized_article", orjson.loads(output.value))


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"not json at all", Reason.INVALID_JSON),
        (b"\xc3\x28", Reason.INVALID_UTF8),
        (b'{"id": "x"}', Reason.SCHEMA_VIOLATION),
        (encode({"id": "x", "body": "English only text here"}), Reason.UNSUPPORTED_LANGUAGE),
        (encode({"id": "x", "body": "ن" * 20_000}), Reason.OVERSIZE),
        (None, Reason.INVALID_JSON),
    ],
)
def test_bad_input_is_dead_lettered_with_reason_and_origin(value: bytes | None, reason: Reason) -> None:
    result = normalize(value)
    assert (result.outcome, result.reason) == (Outcome.DEAD_LETTERED, reason)
    [output] = result.outputs
    assert output.role == "deadletter"
    record = orjson.loads(output.value)
    validate("dead_letter", record)
    assert (record["reason"], record["stage"]) == (reason.value, "normalize")
    assert (record["topic"], record["partition"], record["offset"]) == ("marsad.articles.raw", 1, 42)


def test_dead_letter_payload_is_capped_and_keeps_the_article_id() -> None:
    value = encode({"id": "big", "body": "English " * 500})
    record = orjson.loads(normalize(value, cap=100).outputs[0].value)
    assert record["truncated"] is True
    assert record["payload_bytes"] == len(value)
    assert len(record["payload"].encode()) <= 100
    assert record["article_id"] == "big"


def test_undecodable_payload_is_kept_as_base64() -> None:
    record = orjson.loads(normalize(b"\xff\xfe\x00binary").outputs[0].value)
    assert record["payload_encoding"] == "base64"
    assert base64.b64decode(record["payload"]) == b"\xff\xfe\x00binary"


def _normalized_message() -> MessageStub:
    value = normalize(encode(GOOD)).outputs[0].value
    return MessageStub(value, key=b"a-1", topic="marsad.articles.normalized")


def test_extract_emits_one_article_and_one_record_per_event() -> None:
    def fake_extract(article: NormalizedArticle) -> object:
        assert article.id == "a-1"
        return enriched_article()

    result = run_extract(_normalized_message(), fake_extract, 1000, "marsad/test")
    assert result.outcome is Outcome.PROCESSED
    roles = [(o.role, o.key) for o in result.outputs]
    assert roles == [("enriched", b"a-1"), ("events", b"0123456789abcdef0123")]


def test_an_exception_in_the_stage_is_dead_lettered_not_raised() -> None:
    def broken(article: NormalizedArticle) -> object:
        raise RuntimeError("model exploded")

    result = run_extract(_normalized_message(), broken, 1000, "marsad/test")
    assert (result.outcome, result.reason) == (Outcome.DEAD_LETTERED, Reason.PROCESSING_ERROR)
    record = orjson.loads(result.outputs[0].value)
    assert "model exploded" in record["error"]
    assert record["stage"] == "extract"
    assert record["article_id"] == "a-1"


def test_extract_rejects_a_normalized_record_that_breaks_its_contract() -> None:
    result = run_extract(MessageStub(b'{"id": "a-1"}'), lambda a: enriched_article(), 1000, "v")
    assert result.reason is Reason.SCHEMA_VIOLATION


def test_a_message_over_the_time_budget_is_dead_lettered_as_timeout() -> None:
    def slow(article: NormalizedArticle) -> object:
        deadline = __import__("time").monotonic() + 5
        while __import__("time").monotonic() < deadline:
            pass
        raise AssertionError("the budget should have stopped this")

    result = run_extract(_normalized_message(), slow, 1000, "marsad/test", budget_seconds=0.2)
    assert (result.outcome, result.reason) == (Outcome.DEAD_LETTERED, Reason.TIMEOUT)
    record = orjson.loads(result.outputs[0].value)
    validate("dead_letter", record)
    assert "budget" in record["error"]


def test_the_budget_is_lifted_after_the_message() -> None:
    result = run_extract(_normalized_message(), lambda a: enriched_article(), 1000, "v", budget_seconds=0.05)
    assert result.outcome is Outcome.PROCESSED
    __import__("time").sleep(0.1)  # no alarm fires after the message is done
