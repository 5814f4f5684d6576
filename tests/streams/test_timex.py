"""Tests for Arabic time expressions: spans in the original text, resolution against a reference date."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.streams.timex import TimeExpression, find_times

SHARED = Path(__file__).parents[2].parent / "shared"
WEDNESDAY = dt.date(2025, 11, 26)  # reference date of most cases: a Wednesday


def only(text: str, reference: dt.date | None = WEDNESDAY, anchor: str = "published") -> TimeExpression:
    found = find_times(text, reference, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "precision"),
    [
        ("وصل الوفد اليوم إلى المدينة", "اليوم", "2025-11-26", "day"),
        ("اجتمع المجلس أمس", "أمس", "2025-11-25", "day"),
        ("اجتمع المجلس امس", "امس", "2025-11-25", "day"),
        ("وأمس قال الوزير", "أمس", "2025-11-25", "day"),
        ("ما حدث بالأمس", "الأمس", "2025-11-25", "day"),
        ("جرت الانتخابات أول أمس", "أول أمس", "2025-11-24", "day"),
        ("جرت الانتخابات أول من أمس", "أول من أمس", "2025-11-24", "day"),
        ("جرت الانتخابات أمس الأول", "أمس الأول", "2025-11-24", "day"),
        ("تبدأ المحادثات غداً", "غداً", "2025-11-27", "day"),
        ("تبدأ المحادثات يوم غد", "يوم غد", "2025-11-27", "day"),
        ("تبدأ المحادثات بعد غد", "بعد غد", "2025-11-28", "day"),
        ("يلقي الرئيس كلمة الليلة", "الليلة", "2025-11-26", "day"),
        ("وقع الانفجار صباح اليوم", "صباح اليوم", "2025-11-26", "day"),
        ("وقع الانفجار مساء أمس", "مساء أمس", "2025-11-25", "day"),
        ("وقع الانفجار فجر أمس", "فجر أمس", "2025-11-25", "day"),
        ("داهمت القوة المنزل ليلة أمس (الثلاثاء)", "ليلة أمس (الثلاثاء)", "2025-11-25", "day"),
        ("أعلن الجيش، أمس الثلاثاء، أنه", "أمس الثلاثاء", "2025-11-25", "day"),
        ("اندلعت مواجهات اليوم الأربعاء", "اليوم الأربعاء", "2025-11-26", "day"),
        ("عُقد اللقاء ظهر اليوم", "ظهر اليوم", "2025-11-26", "day"),
        ("عُقد اللقاء يوم أمس", "يوم أمس", "2025-11-25", "day"),
    ],
)
def test_day_words(text: str, span: str, value: str, precision: str) -> None:
    found = only(text)
    assert (found.text, found.value, found.precision, found.kind) == (span, value, precision, "relative")
    assert found.anchor == "published"
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وصلت القافلة الجمعة", "2025-11-21"),  # bare: latest on or before the reference
        ("وصلت القافلة الأربعاء", "2025-11-26"),  # the reference day itself
        ("وصلت القافلة الخميس", "2025-11-20"),  # never after the reference
        ("وصلت القافلة يوم الجمعة", "2025-11-21"),
        ("وصلت القافلة والجمعة", "2025-11-21"),
        ("وصلت القافلة الجمعة الماضية", "2025-11-21"),
        ("وصلت القافلة الأربعاء الماضي", "2025-11-19"),  # الماضي: strictly before
        ("وصلت القافلة ليل الجمعة الماضية", "2025-11-21"),
        ("وصلت القافلة مساء الأحد الماضي", "2025-11-23"),
        ("وصلت القافلة الثلاثاء قبل الماضي", "2025-11-18"),
        ("تصل القافلة الجمعة المقبلة", "2025-11-28"),
        ("تصل القافلة الأربعاء القادم", "2025-12-03"),  # المقبل/القادم: strictly after
        ("تصل القافلة الإثنين المقبل", "2025-12-01"),
        ("وصلت القافلة ليل الخميس - الجمعة", "2025-11-20"),
    ],
)
def test_weekdays(text: str, value: str) -> None:
    found = only(text)
    assert (found.value, found.precision, found.kind) == (value, "day", "relative")


@pytest.mark.parametrize(
    ("text", "value", "end", "precision"),
    [
        ("ارتفعت الأسعار الأسبوع الماضي", "2025-11-17", "2025-11-23", "week"),  # ISO week, Monday first
        ("ترتفع الأسعار هذا الأسبوع", "2025-11-24", "2025-11-30", "week"),
        ("ترتفع الأسعار الأسبوع المقبل", "2025-12-01", "2025-12-07", "week"),
        ("ارتفعت الأسعار الشهر الماضي", "2025-10-01", "2025-10-31", "month"),
        ("ارتفعت الأسعار خلال الشهر الجاري", "2025-11-01", "2025-11-30", "month"),
        ("ارتفعت الأسعار العام الماضي", "2024-01-01", "2024-12-31", "year"),
        ("ترتفع الأسعار العام المقبل", "2026-01-01", "2026-12-31", "year"),
        ("ارتفعت الأسعار هذا العام", "2025-01-01", "2025-12-31", "year"),
        ("ارتفعت الأسعار السنة الماضية", "2024-01-01", "2024-12-31", "year"),
        ("ارتفعت الأسعار العام قبل الماضي", "2023-01-01", "2023-12-31", "year"),
        ("ارتفعت الأسعار مطلع العام", "2025-01-01", "2025-04-30", "month"),
        ("ارتفعت الأسعار أواخر العام الماضي", "2024-09-01", "2024-12-31", "month"),
        ("ارتفعت الأسعار منتصف الشهر الماضي", "2025-10-11", "2025-10-20", "week"),
        ("ارتفعت الأسعار نهاية الشهر الجاري", "2025-11-21", "2025-11-30", "week"),
        ("ارتفعت الأسعار أوائل حزيران", "2025-06-01", "2025-06-10", "week"),
        ("ارتفعت الأسعار أواخر فبراير 2024", "2024-02-21", "2024-02-29", "week"),
        ("ارتفعت الأسعار مطلع عام 2019", "2019-01-01", "2019-04-30", "month"),
    ],
)
def test_periods(text: str, value: str, end: str, precision: str) -> None:
    found = only(text)
    assert (found.value, found.value_end, found.precision) == (value, end, precision)
    assert found.kind == "period"


@pytest.mark.parametrize(
    ("text", "span", "value", "precision", "anchor"),
    [
        ("بدأت الحملة في 23 تشرين الثاني/نوفمبر", "23 تشرين الثاني/نوفمبر", "2025-11-23", "day", "published"),
        ("بدأت الحملة في 23 نوفمبر 2024", "23 نوفمبر 2024", "2024-11-23", "day", "none"),
        ("بدأت الحملة في 10 حزيران الماضي", "10 حزيران الماضي", "2025-06-10", "day", "published"),
        ("بدأت الحملة في 30 نوفمبر", "30 نوفمبر", "2024-11-30", "day", "published"),  # not after the reference
        ("تبدأ الحملة في 30 نوفمبر المقبل", "30 نوفمبر المقبل", "2025-11-30", "day", "published"),
        ("بدأت الحملة في ٢٣ نوفمبر", "٢٣ نوفمبر", "2025-11-23", "day", "published"),
        ("بدأت الحملة في ٢٣ نوفمبر ٢٠٢٤", "٢٣ نوفمبر ٢٠٢٤", "2024-11-23", "day", "none"),
        ("بدأت الحملة في 5 كانون الثاني/يناير 2020", "5 كانون الثاني/يناير 2020", "2020-01-05", "day", "none"),
        ("بدأت الحملة في 5 يناير (كانون الثاني) 2020", "5 يناير (كانون الثاني) 2020", "2020-01-05", "day", "none"),
        ("بدأت الحملة في 5 من شهر أيار من عام 2021", "5 من شهر أيار من عام 2021", "2021-05-05", "day", "none"),
        ("بدأت الحملة في حزيران/يونيو", "حزيران/يونيو", "2025-06-01", "month", "published"),
        ("بدأت الحملة في شهر آب الماضي", "شهر آب الماضي", "2025-08-01", "month", "published"),
        ("بدأت الحملة في ديسمبر", "ديسمبر", "2024-12-01", "month", "published"),
        ("بدأت الحملة في نوفمبر الماضي", "نوفمبر الماضي", "2024-11-01", "month", "published"),
        ("بدأت الحملة في تموز 2006", "تموز 2006", "2006-07-01", "month", "none"),
        ("بدأت الحملة عام 2019", "عام 2019", "2019-01-01", "year", "none"),
        ("بدأت الحملة منذ العام 2014", "العام 2014", "2014-01-01", "year", "none"),
        ("بدأت الحملة في 2019 ثم توقفت", "2019", "2019-01-01", "year", "none"),
        ("بدأت الحملة في 1/12/2023", "1/12/2023", "2023-12-01", "day", "none"),
        ("بدأت الحملة في 2023-12-01", "2023-12-01", "2023-12-01", "day", "none"),
        ("بدأت الحملة في 12/25/2023", "12/25/2023", "2023-12-25", "day", "none"),  # US order when unambiguous
        ("بدأت الحملة الجمعة 28 نوفمبر", "الجمعة 28 نوفمبر", "2025-11-28", "day", "published"),  # weekday wins
    ],
)
def test_calendar_dates(text: str, span: str, value: str, precision: str, anchor: str) -> None:
    found = only(text)
    assert (found.text, found.value, found.precision, found.anchor) == (span, value, precision, anchor)
    assert found.kind == "date"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("شنت الطائرات في الخامس من آذار/مارس غارات", "الخامس من آذار/مارس", "2025-03-05"),
        ("بدأت الحملة في الأول من تشرين الثاني الماضي", "الأول من تشرين الثاني الماضي", "2025-11-01"),
        ("بدأت الحملة يوم الخامس عشر من أيلول 2024", "يوم الخامس عشر من أيلول 2024", "2024-09-15"),
        ("بدأت الحملة في العاشر من الشهر الجاري", "العاشر من الشهر الجاري", "2025-11-10"),
        ("بدأت الحملة في الحادي والعشرين من الشهر الماضي", "الحادي والعشرين من الشهر الماضي", "2025-10-21"),
        # the day in digits, Western or Arabic-Indic
        ("بدأت الحملة يوم 12 من الشهر الجاري", "يوم 12 من الشهر الجاري", "2025-11-12"),
        ("بدأت الحملة في ٣ من الشهر الماضي", "٣ من الشهر الماضي", "2025-10-03"),
    ],
)
def test_ordinal_days(text: str, span: str, value: str) -> None:
    found = only(text)
    assert (found.text, found.value, found.precision) == (span, value, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أوقفت المفارز خلال الفترة الممتدة من 4 إلى 10 من الشهر الجاري تسعة عناصر",
            ("من 4 إلى 10 من الشهر الجاري", "2025-11-04", "2025-11-10", "week"),
        ),
        (  # of a named month
            "أوقفت مفارز الجيش خلال الفترة من 8 إلى 14 أكتوبر 2025 مئة شخص",
            ("من 8 إلى 14 أكتوبر 2025", "2025-10-08", "2025-10-14", "week"),
        ),
    ],
)
def test_a_range_of_days(text: str, expected: tuple[str, str, str, str]) -> None:
    found = only(text)
    assert (found.text, found.value, found.value_end, found.precision) == expected


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("15 كانون الثاني 2020", 1), ("15 يناير 2020", 1), ("15 جانفي 2020", 1),
        ("15 شباط 2020", 2), ("15 فبراير 2020", 2), ("15 فيفري 2020", 2),
        ("15 آذار 2020", 3), ("15 مارس 2020", 3),
        ("15 نيسان 2020", 4), ("15 أبريل 2020", 4), ("15 إبريل 2020", 4), ("15 أفريل 2020", 4),
        ("15 أيار 2020", 5), ("15 مايو 2020", 5), ("15 ماي 2020", 5),
        ("15 حزيران 2020", 6), ("15 يونيو 2020", 6), ("15 يونيه 2020", 6), ("15 جوان 2020", 6),
        ("15 تموز 2020", 7), ("15 يوليو 2020", 7), ("15 يوليوز 2020", 7), ("15 جويلية 2020", 7),
        ("15 آب 2020", 8), ("15 أغسطس 2020", 8), ("15 اغسطس 2020", 8), ("15 غشت 2020", 8), ("15 أوت 2020", 8),
        ("15 أيلول 2020", 9), ("15 سبتمبر 2020", 9), ("15 شتنبر 2020", 9),
        ("15 تشرين الأول 2020", 10), ("15 أكتوبر 2020", 10),
        ("15 تشرين الثاني 2020", 11), ("15 نوفمبر 2020", 11), ("15 نونبر 2020", 11),
        ("15 كانون الأول 2020", 12), ("15 ديسمبر 2020", 12), ("15 دجنبر 2020", 12),
    ],
)  # fmt: skip
def test_month_names_of_every_family(text: str, month: int) -> None:
    found = only(text)
    assert found.value == f"2020-{month:02d}-15"
    assert found.text == text


@pytest.mark.parametrize(
    ("text", "span", "value", "end", "precision"),
    [
        ("أصيب قبل يومين", "قبل يومين", "2025-11-24", "2025-11-24", "day"),
        ("أصيب قبل ثلاثة أيام", "قبل ثلاثة أيام", "2025-11-23", "2025-11-23", "day"),
        ("أصيب منذ 5 أيام", "منذ 5 أيام", "2025-11-21", "2025-11-21", "day"),
        ("أصيب قبل يوم", "قبل يوم", "2025-11-25", "2025-11-25", "day"),
        ("أصيب قبل نحو أسبوع", "قبل نحو أسبوع", "2025-11-17", "2025-11-23", "week"),
        ("أصيب قبل أسبوعين", "قبل أسبوعين", "2025-11-10", "2025-11-16", "week"),
        ("أصيب قبل شهرين", "قبل شهرين", "2025-09-01", "2025-09-30", "month"),
        ("أصيب قبل عامين", "قبل عامين", "2023-01-01", "2023-12-31", "year"),
        ("أصيب قبل أيام", "قبل أيام", "2025-11-19", "2025-11-25", "week"),
        ("وقبل أيام، اندلعت اشتباكات", "قبل أيام", "2025-11-19", "2025-11-25", "week"),
        ("أصيب قبل ساعات", "قبل ساعات", "2025-11-26", "2025-11-26", "day"),
    ],
)
def test_offsets_before_the_reference(text: str, span: str, value: str, end: str, precision: str) -> None:
    found = only(text)
    assert (found.text, found.value, found.value_end, found.precision) == (span, value, end, precision)
    assert found.kind == "relative"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("اتخذ القرار خلال 24 ساعة من الهجوم", "24 ساعة"),
        ("اتخذ القرار خلال أربع وعشرين ساعة", "أربع وعشرين ساعة"),
        ("استمرت المعارك على مدى ثلاثة أيام", "ثلاثة أيام"),
        ("في الـ 24 ساعة الأولى من العملية", "الـ 24 ساعة الأولى"),
        ("استمر الحصار لمدة أسبوعين", "أسبوعين"),
    ],
)
def test_durations_are_not_dates(text: str, span: str) -> None:
    found = only(text)
    assert (found.text, found.kind, found.value, found.precision, found.anchor) == (
        span,
        "duration",
        None,
        None,
        "none",
    )


@pytest.mark.parametrize(
    "text",
    [
        "في ذلك اليوم خرج الناس",  # "that day": not the reference
        "داهمت القوات وكرا في مدينة السادس من أكتوبر",  # places named after a date
        "وقع الحادث على جسر 6 أكتوبر",
        "تظاهر المئات في ميدان 23 يوليو",
        "يحتفل العالم باليوم العالمي للمرأة",
        "وفي اليوم التالي عاد الهدوء",
        "قال المدير العام الحالي للشركة",
        "قال أبوه أب لثلاثة أطفال",  # أب (father) folds like آب (August)
        "مارس الضغط على الحكومة",  # مارس the verb, with no date context
        "نشرة الأخبار اليومية",
        "رفع سعر الكيلو إلى 2000 ليرة",
        "",
        "نص بلا أي تاريخ",
    ],
)
def test_no_time_expression(text: str) -> None:
    assert [t for t in find_times(text, WEDNESDAY) if t.kind != "duration"] == []


def test_title_blocks_only_general_not_today() -> None:
    assert only("قال النائب اليوم إن").value == "2025-11-26"


def test_relative_from_another_event_is_not_resolved() -> None:
    found = only("انسحبت القوات قبل يومين من الهجوم")
    assert (found.text, found.value, found.anchor) == ("قبل يومين", None, "none")


def test_without_reference_relatives_are_found_unresolved() -> None:
    found = find_times("وصل أمس، ثم في 5 أيار 2021 غادر، وعاد الجمعة الماضية", None)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("أمس", None, "none"),
        ("5 أيار 2021", "2021-05-05", "none"),
        ("الجمعة الماضية", None, "none"),
    ]


def test_ingest_anchor_is_carried() -> None:
    assert only("وقع الهجوم أمس", WEDNESDAY, anchor="ingest").anchor == "ingest"
    assert only("وقع الهجوم عام 2019", WEDNESDAY, anchor="ingest").anchor == "none"


def test_datetime_reference_is_accepted() -> None:
    assert only("وقع الهجوم أمس", dt.datetime(2025, 11, 26, 23, 59)).value == "2025-11-25"


def test_unknown_anchor_raises() -> None:
    with pytest.raises(ValueError, match="anchor"):
        find_times("أمس", WEDNESDAY, anchor="guess")


def test_longest_match_wins_and_order_is_by_start() -> None:
    text = "وفي صباح يوم الجمعة 21 تشرين الثاني/نوفمبر 2025، وبعدها الأسبوع الماضي"
    found = find_times(text, WEDNESDAY)
    assert [t.text for t in found] == ["صباح يوم الجمعة 21 تشرين الثاني/نوفمبر 2025", "الأسبوع الماضي"]
    assert [t.value for t in found] == ["2025-11-21", "2025-11-17"]


def test_spans_point_into_text_with_diacritics_and_tatweel() -> None:
    text = "قُتِلَ ثلاثةٌ أمــسِ، وفي ١٠ حَزِيران الماضي وقع هجومٌ"
    found = find_times(text, WEDNESDAY)
    assert [t.text for t in found] == ["أمــسِ", "١٠ حَزِيران الماضي"]
    assert all(text[t.start : t.end] == t.text for t in found)
    assert found[1].value == "2025-06-10"


def test_year_boundary_for_day_and_month() -> None:
    assert only("وقع الهجوم في 28 ديسمبر", dt.date(2026, 1, 3)).value == "2025-12-28"
    assert only("يبدأ المؤتمر في 5 يناير المقبل", dt.date(2025, 12, 20)).value == "2026-01-05"


def test_invalid_day_is_not_a_date() -> None:
    assert [t for t in find_times("في 31 شباط 2020 و45 نوفمبر", WEDNESDAY) if t.precision == "day"] == []


@pytest.mark.skipif(not (SHARED / "samples" / "seed_article.json").is_file(), reason="shared data absent")
def test_seed_article() -> None:
    article = json.loads((SHARED / "samples" / "seed_article.json").read_text(encoding="utf-8"))
    body = article["body"]
    found = find_times(body, dt.date(2025, 1, 10))  # its real date is unknown: any Friday-relative check works
    by_text = {t.text: t for t in found}
    assert by_text["اليوم"].value == "2025-01-10"
    assert by_text["ليل الجمعة الماضية"].value == "2025-01-03"
    assert by_text["24 ساعة"].kind == "duration"
    assert all(body[t.start : t.end] == t.text for t in found)


_PIECES = st.sampled_from(
    ["اليوم", "أمس", "الجمعة", "الماضية", "قبل", "يومين", "23", "٢٣", "تشرين", "الثاني", "/", "نوفمبر", "2024",
     "خلال", "ساعة", "مطلع", "العام", "في", "و", "ـ", "\u064b", "،", " ", "\n", "(", ")", "آب", "شهر", "1/12/2023"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=30).map("".join), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))
def test_any_text_gives_valid_sorted_disjoint_spans(text: str, reference: dt.date) -> None:
    found = find_times(text, reference)
    assert all(text[t.start : t.end] == t.text and t.end > t.start for t in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(t.value is None or dt.date.fromisoformat(t.value) <= dt.date.fromisoformat(t.value_end) for t in found)


def test_a_month_of_the_same_year_takes_the_year_named_before_it() -> None:
    text = "اغتيلت الناشطة في آب 2020، كما اغتيل الباحث في تموز من العام نفسه، وفي 3 أيلول من نفس العام قتل آخر."
    found = [(t.text, t.value) for t in find_times(text, dt.date(2026, 5, 12))]
    assert found == [
        ("آب 2020", "2020-08-01"),
        ("تموز من العام نفسه", "2020-07-01"),
        ("3 أيلول من نفس العام", "2020-09-03"),
    ]
    # a year counted from the reference is no year named: «سوق الجمعة» does not make «العام ذاته» 2026
    later = find_times("في سوق الجمعة. وفي آب من العام ذاته قتل أربعة.", dt.date(2026, 4, 2))
    assert [t.value for t in later if t.text.startswith("آب")] == ["2025-08-01"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # the Umm al-Qura calendar, with its year and the «هـ» after it
        ("وقعت الحادثة يوم 12 رمضان 1447هـ في الرياض", "يوم 12 رمضان 1447هـ", "2026-03-01"),
        ("صدر البيان في 24 ذو الحجة 1447 هـ", "24 ذو الحجة 1447 هـ", "2026-06-10"),
        ("جرت العملية في 5 ربيع الآخر 1447", "5 ربيع الآخر 1447", "2025-09-27"),
        # a range of days: its first day, a week
        (
            "ضبطت الدوريات خلال الفترة من 15 إلى 21 جمادى الأولى 1447هـ",
            "من 15 إلى 21 جمادى الأولى 1447هـ",
            "2025-11-06",
        ),
        # without a year: the one nearest the reference (2025-11-26 is 5 جمادى الآخرة 1447)
        ("وقعت الحادثة في 3 جمادى الآخرة", "3 جمادى الآخرة", "2025-11-24"),
        ("وقعت الحادثة في 20 رمضان", "20 رمضان", "2026-03-09"),
    ],
)
def test_hijri_dates(text: str, span: str, value: str) -> None:
    found = only(text)
    assert (found.text, found.value) == (span, value)
    assert found.precision == ("week" if span.startswith("من") else "day")
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "text",
    [
        "ارتفعت الأسعار بنسبة صفر في المئة",  # صفر is also "zero"
        "قال رمضان عبد الله إن الوضع هادئ",  # and رمضان a given name
    ],
)
def test_hijri_month_words_without_a_day_are_no_dates(text: str) -> None:
    assert find_times(text, WEDNESDAY, "published") == []
