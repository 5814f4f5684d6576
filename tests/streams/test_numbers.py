"""Tests for numbers and counts: digits, number words, duals, vague quantities, units, and the fast folding."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from marsad.streams.arabic import fold, fold_with_offsets
from marsad.streams.folding import folded_text
from marsad.streams.numbers import NumberMention, find_numbers, nearest_count

SHARED = Path(__file__).parents[2].parent / "shared"


def only(text: str) -> NumberMention:
    found = find_numbers(text)
    assert len(found) == 1, found
    assert text[found[0].start : found[0].end] == found[0].text
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("قتل 7 أشخاص", "7", 7),
        ("قتل ١٢٣ شخصا", "١٢٣", 123),
        ("نزح 1,200 شخص", "1,200", 1200),
        ("نزح ١٬٢٠٠ شخص", "١٬٢٠٠", 1200),
        ("نزح 1.200.000 شخص", "1.200.000", 1200000),
        ("يضم التنظيم نحو 10 آلاف مقاتل", "10 آلاف", 10000),
        ("يضم التنظيم ١٠ آلاف مقاتل", "١٠ آلاف", 10000),
        ("جمع 1.5 ألف متطوع", "1.5 ألف", 1500),
        ("نزح 2.5 مليون شخص", "2.5 مليون", 2500000),
        ("نزح ٢٫٥ مليون شخص", "٢٫٥ مليون", 2500000),
        ("اعتقل 20 ألفا من المشتبه بهم", "20 ألفا", 20000),
        ("وقتل 3 من الحراس", "3", 3),
    ],
)
def test_digits(text: str, span: str, value: int) -> None:
    found = only(text)
    assert (found.text, found.value, found.vague, found.unit) == (span, value, False, None)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("قتل واحد منهم ونجا شخص واحد", "واحد", 1),
        ("أصيب طفل واحد", "واحد", 1),
        ("أصيب اثنان من المارة", "اثنان", 2),
        ("أصيب اثنين من المارة", "اثنين", 2),
        ("أصيبت اثنتان من النساء", "اثنتان", 2),
        ("اعتقل ثلاثة أشخاص", "ثلاثة", 3),
        ("اعتقلت ثلاث نساء", "ثلاث", 3),
        ("اعتقل ثلاثةُ أشخاصٍ", "ثلاثةُ", 3),
        ("اعتقل أربعة أشخاص", "أربعة", 4),
        ("اعتقل خمسة أشخاص", "خمسة", 5),
        ("اعتقل ستة أشخاص", "ستة", 6),
        ("اعتقل سبعة أشخاص", "سبعة", 7),
        ("اعتقل ثمانية أشخاص", "ثمانية", 8),
        ("اعتقلت ثماني نساء", "ثماني", 8),
        ("اعتقل تسعة أشخاص", "تسعة", 9),
        ("اعتقل عشرة أشخاص", "عشرة", 10),
        ("اعتقلت عشر نساء", "عشر", 10),
        ("اعتقل أحد عشر شخصا", "أحد عشر", 11),
        ("اعتقلت إحدى عشرة امرأة", "إحدى عشرة", 11),
        ("اعتقل اثنا عشر شخصا", "اثنا عشر", 12),
        ("اعتقلت اثنتي عشرة امرأة", "اثنتي عشرة", 12),
        ("اعتقل خمسة عشر شخصا", "خمسة عشر", 15),
        ("اعتقل عشرون شخصا", "عشرون", 20),
        ("اعتقل عشرين شخصا", "عشرين", 20),
        ("اعتقل تسعين شخصا", "تسعين", 90),
        ("اعتقل خمسة وعشرون شخصا", "خمسة وعشرون", 25),
        ("اعتقل واحد وثلاثين شخصا", "واحد وثلاثين", 31),
        ("نزحت مئة عائلة", "مئة", 100),
        ("نزحت مائة عائلة", "مائة", 100),
        ("نزحت مئتا عائلة", "مئتا", 200),
        ("نزحت مائتي عائلة", "مائتي", 200),
        ("نزحت ثلاثمئة عائلة", "ثلاثمئة", 300),
        ("نزحت ثلاثمائة عائلة", "ثلاثمائة", 300),
        ("نزحت ثلاث مئة عائلة", "ثلاث مئة", 300),
        ("نزحت مئة وخمسون عائلة", "مئة وخمسون", 150),
        ("نزح ألف شخص", "ألف", 1000),
        ("نزح ألفا شخص", "ألفا", 1000),
        ("نزح ألفان", "ألفان", 2000),
        ("نزح ألفين من السكان", "ألفين", 2000),
        ("نزح ثلاثة آلاف شخص", "ثلاثة آلاف", 3000),
        ("نزح عشرة آلاف شخص", "عشرة آلاف", 10000),
        ("نزح ثلاثة آلاف وخمسمئة شخص", "ثلاثة آلاف وخمسمئة", 3500),
        ("نزح مئة ألف شخص", "مئة ألف", 100000),
        ("نزح مليون شخص", "مليون", 1000000),
        ("نزح ثلاثة ملايين شخص", "ثلاثة ملايين", 3000000),
        ("ووصل عشرة أشخاص", "عشرة", 10),
    ],
)
def test_number_words(text: str, span: str, value: int) -> None:
    found = only(text)
    assert (found.text, found.value, found.vague) == (span, value, False)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("اعتقل العشرات من المسلحين", "العشرات"),
        ("اعتقل عشرات المسلحين", "عشرات"),
        ("اعتقل والعشرات", "العشرات"),
        ("اعتقلت المئات", "المئات"),
        ("فر مئات السكان", "مئات"),
        ("فر الآلاف", "الآلاف"),
        ("فر آلاف السكان", "آلاف"),
        ("فر عشرات الآلاف من السكان", "عشرات الآلاف"),
        ("اعتقل عدد من المطلوبين", "عدد من"),
        ("اعتقل بضعة مطلوبين", "بضعة"),
        ("اعتقل عدة مطلوبين", "عدة"),
        ("ضبطت كمية كبيرة من الذخيرة", "كمية كبيرة"),
        ("اعتقل العديد من المطلوبين", "العديد"),
    ],
)
def test_vague_quantities(text: str, span: str) -> None:
    found = only(text)
    assert (found.text, found.value, found.vague, found.unit) == (span, None, True, None)


@pytest.mark.parametrize(
    ("text", "span", "noun"),
    [
        ("مقتل إداريتين في هجوم", "إداريتين", "اداريتين"),
        ("مقتل الإداريتين", "الإداريتين", "اداريتين"),
        ("إصابة طفلتين", "طفلتين", "طفلتين"),
        ("احتراق سيارتين", "سيارتين", "سيارتين"),
        ("وبالسيارتين", "السيارتين", "سيارتين"),
        ("انفجار عبوتين ناسفتين", "عبوتين ناسفتين", "عبوتين"),
        ("اعتقال عنصرين", "عنصرين", "عنصرين"),
        ("مقتل شخصين", "شخصين", "شخصين"),
        ("مقتل الشخصين", "الشخصين", "شخصين"),
        ("مقتل جنديين اثنين", "جنديين اثنين", "جنديين"),
        ("أصيب جنديان", "جنديان", "جنديان"),
        ("أصيب طفلين", "طفلين", "طفلين"),
        ("أصيب رجلان", "رجلان", "رجلان"),
        # nouns whose -ين form is their plural are duals in -ان only
        ("استشهد مواطنان", "مواطنان", "مواطنان"),
        ("قتل مدنيان", "مدنيان", "مدنيان"),
    ],
)
def test_duals_count_two(text: str, span: str, noun: str) -> None:
    found = only(text)
    assert (found.text, found.value, found.noun, found.unit) == (span, 2, noun, None)


@pytest.mark.parametrize(
    ("text", "span", "noun"),
    [
        ("وقبضت على مخالفَين لنظام الإقامة", "مخالفَين", "مخالفين"),
        ("واعتقلت مشتبهَيْن اثنين", "مشتبهَيْن اثنين", "مشتبهين"),
        ("القبض على مستقبلَي الشحنة", "مستقبلَي", "مستقبلي"),
        ("وإصابة منتسبَين من الحشد", "منتسبَين", "منتسبين"),
        ("قتل عتّالَين", "عتّالَين", "عتالين"),
    ],
)
def test_a_dual_marked_with_a_fatha_counts_two_whatever_the_noun(text: str, span: str, noun: str) -> None:
    found = only(text)
    assert (found.text, found.value, found.noun) == (span, 2, noun)


@pytest.mark.parametrize("text", ["الطريق بَين البلدتين", "ذكرى الإمام الحسَين", "في عَين البلدة", "لدَيّ"])
def test_a_short_word_with_a_fatha_before_its_ya_is_no_dual(text: str) -> None:
    assert [n for n in find_numbers(text) if "\u064e" in n.text] == []


@pytest.mark.parametrize(
    "text",
    [
        "استهدف القصف مدنيين",  # sound masculine plural, not a dual
        "اعتقلت الشرطة مواطنين",
        "اشتباكات مع مسلحين",
        "أصيب عسكريين",
        "الرئيس بوتين",
        "وصل إلى باكستان وأفغانستان",
        "لست أدري",
        "في واحد من المجالس",  # "one of": partitive, not a count
        "المرحلة الأولى والثانية",  # ordinals
        "الثالث من الشهر",
        "يوم الاثنين",  # Monday, not "two"
        "في بساتين المنطقة",
        "",
        "نص بلا أرقام",
    ],
)
def test_not_counts(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("على بعد 450 كيلومترا شمالا", "450 كيلومترا", 450, "km"),
        ("على بعد (70 كم) غربا", "70 كم", 70, "km"),
        ("على بعد 300 متر", "300 متر", 300, "m"),
        ("خلال 24 ساعة", "24 ساعة", 24, "hour"),
        ("خلال أربع وعشرين ساعة", "أربع وعشرين ساعة", 24, "hour"),
        ("بعد 3 أيام", "3 أيام", 3, "day"),
        ("قبل يومين", "يومين", 2, "day"),
        ("منذ ثلاثة أشهر", "ثلاثة أشهر", 3, "month"),
        ("طفل (12 عاما)", "12 عاما", 12, "year"),
        ("في عام 2019", "2019", 2019, "year"),
        ("منذ 2014", "2014", 2014, "year"),
        ("بنسبة 45%", "45%", 45, "percent"),
        ("بنسبة 45 بالمئة", "45 بالمئة", 45, "percent"),
        ("بنسبة 45 في المئة", "45 في المئة", 45, "percent"),
        ("بنسبة ٤٥٪", "٤٥٪", 45, "percent"),
        ("بقيمة 500 دولار", "500 دولار", 500, "money"),
        ("ضبط 3 أطنان", "3 أطنان", 3, "kg"),
        ("في الساعة 10 صباحا", "10", 10, "clock"),
        ("عند 10:30 مساء", "10:30", 10, "clock"),
        ("في 23 نوفمبر", "23", 23, "date"),
        ("في 23 تشرين الثاني", "23", 23, "date"),
        ("تكرر مرتين", "مرتين", 2, "times"),
    ],
)
def test_measures_carry_a_unit(text: str, span: str, value: int, unit: str) -> None:
    found = only(text)
    assert (found.text, found.value, found.unit) == (span, value, unit)


def test_numeric_date_is_left_to_the_time_matcher() -> None:
    assert find_numbers("في 1/12/2023 وقع") == []


def test_a_list_is_not_one_number() -> None:
    assert [m.value for m in find_numbers("قتل ثلاثة وأربعة")] == [3, 4]


def test_arabic_comma_is_no_thousands_separator() -> None:
    assert [m.value for m in find_numbers("عدد 5،600 طلقة")] == [5, 600]


def test_head_noun_follows_or_precedes() -> None:
    found = find_numbers("قتل 5 مدنيين وجرح اثنين من الجنود وأصيب مدنيان اثنان ونجا شخص واحد")
    assert [(m.value, m.noun) for m in found] == [(5, "مدنيين"), (2, "الجنود"), (2, "مدنيان"), (1, "شخص")]


def test_spans_with_diacritics_and_tatweel() -> None:
    text = "قُتِلَ ثلاثةٌ وأُصيبَ عشـرةُ آلافٍ"
    found = find_numbers(text)
    assert [m.text for m in found] == ["ثلاثةٌ", "عشـرةُ آلافٍ"]
    assert [m.value for m in found] == [3, 10000]


def test_nearest_count_ignores_measures() -> None:
    text = "على بعد 450 كيلومترا قتل 3 أشخاص خلال 24 ساعة"
    numbers = find_numbers(text)
    trigger = text.index("قتل")
    found = nearest_count(numbers, trigger, trigger + 3)
    assert found is not None and found.value == 3


def test_nearest_count_prefers_after_on_ties_and_respects_distance() -> None:
    numbers = find_numbers("4 ثم 5")
    found = nearest_count(numbers, 2, 4)
    assert found is not None and found.value == 5
    assert nearest_count(find_numbers("قتل " + "ـ" * 100 + " 9"), 0, 3) is None


def test_nearest_count_vague_optional() -> None:
    text = "اعتقال العشرات"
    numbers = find_numbers(text)
    assert nearest_count(numbers, 0, 6).vague  # type: ignore[union-attr]
    assert nearest_count(numbers, 0, 6, include_vague=False) is None


@pytest.mark.skipif(not (SHARED / "samples" / "seed_article.json").is_file(), reason="shared data absent")
def test_seed_article_gold_numbers() -> None:
    body = json.loads((SHARED / "samples" / "seed_article.json").read_text(encoding="utf-8"))["body"]
    gold = json.loads((SHARED / "samples" / "seed_gold.json").read_text(encoding="utf-8"))["numbers"]
    found = {(m.text, m.value, m.unit) for m in find_numbers(body)}
    for item in gold:
        assert (item["text"], item["value"], item["unit"]) in found
    assert any(m.text == "العشرات" and m.vague for m in find_numbers(body))
    assert any(m.text == "إداريتين" and m.value == 2 for m in find_numbers(body))


_PIECES = st.sampled_from(
    ["قتل", "ثلاثة", "آلاف", "و", "عشرين", "10", "١٠", "1,200", "5،6", "2.5", "مليون", "العشرات", "من", "إداريتين",
     "شخصين", "اثنين", "كيلومترا", "%", "عدد", "ـ", "\u064b", "،", " ", "\n", "(", ")", "1/12/2023", "10:30"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=30).map("".join))
@example("قتل1/12/2023،10:30")  # a clock time after a date split at an Arabic comma was read twice (10:30, 30)
def test_any_text_gives_valid_disjoint_spans(text: str) -> None:
    found = find_numbers(text)
    assert all(text[m.start : m.end] == m.text and m.end > m.start for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all((m.value is None) == m.vague for m in found)


# ---------------------------------------------------------------- the fast folding shared by both matchers

_ALPHABET = st.sampled_from(
    [
        *"ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة ،.٫٬0123456789٠١٢٣٤٥٦٧٨٩",
        "\u064b",
        "\u064e",
        "\u0651",
        "\u0652",
        "\u0640",
        "\u200f",
        "\ufefb",
        "\ufdf2",
        "😀",
        "\u00ab",
        "x",
        "\n",
    ]
)


@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_folded_text_equals_folding_each_character(text: str) -> None:
    view = folded_text(text)
    folded, index = _fold_each_character(text)
    assert view.folded == folded
    assert [view.original(i) for i in range(len(folded))] == index
    assert fold_with_offsets(text) == (folded, index)


def _fold_each_character(text: str) -> tuple[str, list[int]]:
    """The reference: fold() on each character in turn, remembering where each output came from."""
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        folded = fold(char)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


def test_folded_text_is_cached() -> None:
    text = "نص للتجربة"
    assert folded_text(text) is folded_text(text)
