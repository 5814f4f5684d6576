"""Decoding raw messages: each kind of bad input gets its own reason code."""

import pytest

from marsad.schemas.codec import decode_json, decode_raw_article, encode
from marsad.streams.errors import ArticleRejected, Reason


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"\xff\xfe not utf-8", Reason.INVALID_UTF8),
        (b"{not json", Reason.INVALID_JSON),
        (None, Reason.INVALID_JSON),
        (b"[1, 2]", Reason.SCHEMA_VIOLATION),
        (b'"just a string"', Reason.SCHEMA_VIOLATION),
        (b'{"id": "x"}', Reason.SCHEMA_VIOLATION),
        (b'{"id": "", "body": "\xd9\x86\xd8\xb5"}', Reason.SCHEMA_VIOLATION),
        (b'{"id": "x", "body": "   \\n "}', Reason.EMPTY_BODY),
    ],
)
def test_rejections_carry_a_reason(payload: bytes | None, reason: Reason) -> None:
    with pytest.raises(ArticleRejected) as caught:
        decode_raw_article(payload)
    assert caught.value.reason is reason


def test_oversize_body_is_rejected_before_and_after_parsing() -> None:
    body = "ن" * 600
    payload = encode({"id": "x", "body": body})
    with pytest.raises(ArticleRejected) as caught:
        decode_raw_article(payload, max_body_bytes=1000)
    assert caught.value.reason is Reason.OVERSIZE
    with pytest.raises(ArticleRejected) as caught:
        decode_raw_article(encode({"id": "x", "body": "ن" * 100_000}), max_body_bytes=1000)
    assert caught.value.reason is Reason.OVERSIZE


def test_a_valid_article_decodes_with_its_fields() -> None:
    article = decode_raw_article(encode({"id": "x", "body": "نص", "source": "s", "extra": 1}))
    assert (article.id, article.body, article.source, article.url) == ("x", "نص", "s", None)


def test_decode_json_accepts_text() -> None:
    assert decode_json('{"a": 1}') == {"a": 1}
