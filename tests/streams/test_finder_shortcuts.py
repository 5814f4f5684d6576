"""The shortcuts of the event, number and time finders answer exactly what the slower code they replace did."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.schemas.records import Entity, EventLocation, Place
from marsad.streams.context import ArticleContext
from marsad.streams.event_arguments import build_index, location_of
from marsad.streams.event_index import ArticleIndex, cover_of, token_flag
from marsad.streams.event_merge import Mention
from marsad.streams.numbers import _letters_before, _previous_word
from marsad.streams.timex_patterns import PATTERNS, may_match
from marsad.streams.tokenize import split_sentences, tokenize

# The regular expressions the number finder used before its loops (kept here as the reference).
_LETTERS_BEFORE = re.compile(r"[^\W\d_]+$")
_PREVIOUS = re.compile(r"([^\W\d_]+)[\s(]*$")
_CHARS = st.sampled_from([*"قتلبهاوالمدني", *"0129٤", " ", "\n", "\t", "(", ")", "_", "،", ",", "²", "x", "\u200c"])


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("قتل ", "قتل"),
        ("عام (", "عام"),
        ("الساعه  \n ", "الساعه"),
        ("x2 ", None),  # a digit ends the word: no letters right before
        ("_ ", None),
        ("", None),
        ("وقال إن نحو ", "نحو"),
    ],
)
def test_previous_word_table(before: str, expected: str | None) -> None:
    assert _previous_word(before + "12 شخصا", len(before)) == expected


@settings(max_examples=400)
@given(st.text(_CHARS, max_size=60), st.data())
def test_previous_word_is_the_regex(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(text)))
    match = _PREVIOUS.search(text, max(0, position - 40), position)
    assert _previous_word(text, position) == (match.group(1) if match else None)


@settings(max_examples=400)
@given(st.text(_CHARS, max_size=60), st.data())
def test_letters_before_is_the_regex(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, end))
    match = _LETTERS_BEFORE.search(text, lo, end)
    assert _letters_before(text, lo, end) == (match.start() if match else None)


_WINDOW_TEXTS = [
    "قتل 3 اشخاص في 12 مارس 2024 قبل يومين خلال الايام الماضيه",
    "منذ ثلاثه اشهر وبعد اسبوعين على مدي عامين في غضون ساعات",
    "الساعات الاخيره والاسابيع المقبله والعامين الماضيين",
    "اجتمع الوزير يوم الجمعه الماضي في شهر ايار",
    "قبل ٤ سنوات، في 2019/05/03 و 3-5-2020",
]


@pytest.mark.parametrize("text", _WINDOW_TEXTS)
def test_pattern_prefilter_never_skips_a_match(text: str) -> None:
    for start in range(0, len(text), 7):
        for end in range(start, len(text) + 1, 5):
            for name, pattern in PATTERNS:
                if pattern.search(text, start, end) is not None:
                    assert may_match(name, text, start, end), (name, text[start:end])


def test_pattern_prefilter_skips_windows_without_the_literal() -> None:
    assert not may_match("day_month", "في شهر ايار", 0, 11)
    assert not may_match("offset", "خلال يومين", 0, 10)
    assert may_match("relative_day", "x", 0, 1)  # patterns without a known literal always run


def test_location_of_copies_every_place_field() -> None:
    assert [f.name for f in fields(Place)] == [f.name for f in fields(EventLocation)]
    place = Place("بغداد", 3, 8, "Baghdad", "IQ", "07", 98182, "P", 33.34, 44.4)
    assert location_of(place) == EventLocation(**place.to_dict())
    assert location_of(Place("حي الزهور", 0, 9)) == EventLocation("حي الزهور", 0, 9)


def test_mentions_compare_by_identity() -> None:
    first = Mention("arrest", None, None, 0)  # type: ignore[arg-type]
    twin = Mention("arrest", None, None, 0)  # type: ignore[arg-type]
    assert first != twin
    assert first in [twin, first]
    assert [twin, first].index(first) == 1


def _context(body: str, entities: list[Entity], places: list[Place]) -> ArticleContext:
    return ArticleContext(
        body=body,
        tokens=tokenize(body),
        sentences=split_sentences(body),
        entities=entities,
        places=places,
        times=[],
        numbers=[],
        anchor_date=date(2026, 1, 1),
        time_anchor="published",
    )


def _entity(body: str, text: str, type_: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Entity(text, type_, start, start + len(text))


_BODY = (
    "اعتقلت قوات الأمن العراقية خمسة عناصر من تنظيم داعش في حي الجامعة ببغداد. "
    "وقال مسؤول في وزارة الداخلية إن العملية مستمرة."
)


@pytest.mark.parametrize("ordered", [True, False])
def test_entity_lookups_match_linear_scans(ordered: bool) -> None:
    entities = [
        _entity(_BODY, "قوات الأمن العراقية", "ORG"),
        _entity(_BODY, "تنظيم داعش", "ORG"),
        _entity(_BODY, "وزارة الداخلية", "ORG"),
    ]
    if not ordered:
        entities.reverse()
    places = [Place("بغداد", _BODY.index("بغداد"), _BODY.index("بغداد") + 5)]
    index = build_index(_context(_BODY, entities, places))
    items = index.entities
    for lo in range(len(index.norms) + 1):
        for hi in range(lo, len(index.norms) + 2):
            assert index.entities_in(lo, hi) == [item for item in items if lo <= item[0] < hi]
            assert index.places_in(lo, hi) == [item for item in index.places if lo <= item[0] < hi]
        covering = next((item for item in items if item[0] <= lo < item[1]), None)
        assert index.entity_at(lo) == covering
        assert index.place_at(lo) == any(p_lo <= lo < p_hi for p_lo, p_hi, _ in index.places)


@token_flag
def _security_word(norm: str) -> bool:
    return norm in {"قوات", "الامن", "العمليه"}


def test_any_in_matches_tokens_in() -> None:
    index = ArticleIndex.tokens_of(_context(_BODY, [], []))
    size = len(index.norms)
    for lo in range(-2, size + 2):
        for hi in range(-2, size + 3):
            assert index.any_in(_security_word, lo, hi) == bool(index.tokens_in(_security_word, max(lo, 0), hi))


def test_cover_of_keeps_the_first_item() -> None:
    first, second = (0, 3, "a"), (2, 5, "b")
    cover = cover_of((first, second))  # type: ignore[arg-type]
    assert cover == {0: first, 1: first, 2: first, 3: second, 4: second}
