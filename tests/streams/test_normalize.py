"""Tests of the normalize stage: accepted articles, language check, fingerprints, time anchors."""

import re
from datetime import UTC, datetime

import pytest

from marsad.schemas.codec import encode
from marsad.schemas.records import RawArticle
from marsad.schemas.validation import validate
from marsad.streams.errors import ArticleRejected, Reason
from marsad.streams.normalize import arabic_ratio, normalize_article, parse_published_at

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
BODY = "أعلنت الشرطة اعتقال ثلاثة أشخاص في بغداد أمس.\n\nوقال المتحدث إن التحقيق مستمر."


def article(body: str = BODY, **fields: object) -> RawArticle:
    return RawArticle(id="a-1", body=body, **fields)


def test_normalized_record_satisfies_its_contract() -> None:
    record = normalize_article(article(published_at="2026-11-20T08:30:00+03:00"), NOW)
    validate("normalized_article", __import__("orjson").loads(encode(record)))
    assert record.time_anchor == "published"
    assert record.anchor_date == "2026-11-20"
    assert record.body == BODY
    assert len(record.sentences) == 2


def test_tokens_and_sentences_point_into_the_original_body() -> None:
    record = normalize_article(article(), NOW)
    for start, end, key in record.tokens:
        assert BODY[start:end].strip() == BODY[start:end]
        assert key
    assert [BODY[s.start : s.end][:5] for s in record.sentences] == ["أعلنت", "وقال "]


def test_without_published_at_dates_anchor_on_ingest_time() -> None:
    record = normalize_article(article(), NOW)
    assert (record.time_anchor, record.anchor_date) == ("ingest", "2026-11-24")
    assert record.ingested_at == "2026-11-24T12:00:00.000Z"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("قوّات الأمن", "قوات الامن"),
        ("قوات   الأمن\n", "قوات الأمن"),
        ("عدد ١٢", "عدد 12"),
        ("مصطفى", "مصطفي"),
    ],
)
def test_fingerprint_ignores_marks_spelling_variants_and_spacing(a: str, b: str) -> None:
    assert normalize_article(article(a), NOW).fingerprint == normalize_article(article(b), NOW).fingerprint


def test_fingerprint_differs_for_different_text() -> None:
    assert (
        normalize_article(article("اعتقال ثلاثة"), NOW).fingerprint
        != normalize_article(article("اعتقال أربعة"), NOW).fingerprint
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("Police arrested three people in Baghdad yesterday.", Reason.UNSUPPORTED_LANGUAGE),
        ("12345 !!! 😀", Reason.EMPTY_BODY),
    ],
)
def test_rejected_bodies(body: str, reason: Reason) -> None:
    with pytest.raises(ArticleRejected) as caught:
        normalize_article(article(body), NOW)
    assert caught.value.reason is reason


def test_mostly_arabic_with_latin_names_is_accepted() -> None:
    record = normalize_article(article("قالت وكالة Reuters إن الاجتماع عقد في جنيف مع ممثلي UN."), NOW)
    assert record.language == "ar"


def test_arabic_ratio() -> None:
    assert arabic_ratio("abc") == 0.0
    assert arabic_ratio("عربي") == 1.0
    assert arabic_ratio("123") is None


# Counted one character at a time: a letter (str.isalpha, as the regex engine sees it) in the Arabic blocks.
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC = re.compile(
    r"(?=[^\W\d_])[\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06e5\u06e6\u06ee\u06ef\u06fa-\u06fc\u06ff"
    r"\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"
)


@pytest.mark.parametrize(
    "text",
    [
        "بغداد Baghdad",
        "مُحَمَّدٌ ـــ ٣٤٥ ۴۵ ١٢",  # marks, tatweel, Arabic-Indic and Persian digits
        "\ufefb \ufdf2 \ufd3e\ufd3f \ufdfc",  # presentation forms: ligatures are letters, ornate brackets not
        "ڤيديو گزارش ژ ۀ ە",  # extended letters
        "<p class='x'>نص</p> &amp; &#1576;",  # markup is not counted
        "x_y 𝐀 ꙮ 中文",  # underscore, astral letters, other scripts
        "\u0600\u0605\u061c\u06dd",  # Arabic-block signs that are not letters
    ],
)
def test_arabic_ratio_counts_as_one_character_at_a_time(text: str) -> None:
    clean = re.sub(r"<[^<>]{0,200}>|&#?\w{1,10};", " ", text)
    letters = len(_LETTER.findall(clean))
    assert arabic_ratio(text) == (len(_ARABIC.findall(clean)) / letters if letters else None)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2026-11-20", "2026-11-20T00:00:00+00:00"),
        ("2026-11-20T08:30:00Z", "2026-11-20T08:30:00+00:00"),
        ("2026-11-20T08:30:00+03:00", "2026-11-20T08:30:00+03:00"),
    ],
)
def test_parse_published_at(value: str, iso: str) -> None:
    assert parse_published_at(value).isoformat() == iso


def test_impossible_date_is_a_schema_violation() -> None:
    with pytest.raises(ArticleRejected) as caught:
        normalize_article(article(published_at="2026-13-40"), NOW)
    assert caught.value.reason is Reason.SCHEMA_VIOLATION
