"""Resolvers for the time patterns: from a match and a reference date to a period (first day, last day, precision)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from hijridate import Gregorian, Hijri

from .number_words import read_number_words
from .timex_patterns import DIRECTIONS, HIJRI_MONTHS, MONTHS, ORDINAL_DAYS, PART_WORDS, TIME_UNITS, WEEKDAYS

__all__ = ["RESOLVERS", "Resolved", "Resolver", "in_year"]

_DAY_OFFSETS = {"امس": -1, "الامس": -1, "البارحه": -1, "يوم امس": -1, "الليله الماضيه": -1, "غدا": 1}
_DAY_OFFSETS |= {"الغد": 1, "يوم غد": 1, "بعد غد": 2, "اليوم": 0, "هذا اليوم": 0, "الليله": 0}
_DAY_OFFSETS |= {"اول امس": -2, "اول من امس": -2, "امس الاول": -2}
_SPACES = re.compile(r"\s+")
_WORD_BEFORE = re.compile(r"(\w+)[\s(]*$")
_YEAR_PREPOSITIONS = frozenset(["في", "منذ", "حتي", "خلال", "بعد", "قبل", "عامي", "و", "ب"])
_THIRDS_OF_MONTH = ((1, 10), (11, 20), (21, 31))
_THIRDS_OF_YEAR = ((1, 4), (5, 8), (9, 12))


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a pattern means: its kind, and when resolvable, its period."""

    kind: str
    first: dt.date | None = None
    last: dt.date | None = None
    precision: str | None = None
    relative: bool = False  # the value depends on the reference date


Resolver = Callable[[re.Match[str], dt.date | None], Resolved | None]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _week(day: dt.date) -> Resolved:
    monday = day - dt.timedelta(days=day.weekday())
    return Resolved("period", monday, monday + dt.timedelta(days=6), "week", True)


def _month(year: int, month: int, kind: str, relative: bool) -> Resolved:
    return Resolved(kind, dt.date(year, month, 1), _month_end(year, month), "month", relative)


def in_year(r: Resolved, year: int) -> Resolved | None:
    """A month or a day moved to ``year`` (في تموز من العام نفسه), as an absolute date; None for other
    precisions and for a 29 February the year has not."""
    if r.first is None:
        return None
    if r.precision == "month":
        return _month(year, r.first.month, r.kind, False)
    if r.precision == "day":
        try:
            day = r.first.replace(year=year)
        except ValueError:
            return None
        return Resolved(r.kind, day, day, "day", False)
    return None


def _year(year: int, kind: str, relative: bool) -> Resolved:
    return Resolved(kind, dt.date(year, 1, 1), dt.date(year, 12, 31), "year", relative)


def _day(day: dt.date, kind: str = "relative", relative: bool = True) -> Resolved:
    return Resolved(kind, day, day, "day", relative)


def _direction(match: re.Match[str], group: str = "dir") -> int | None:
    word = match.group(group)
    return DIRECTIONS[word] if word else None


def _year_of(text: str) -> int:
    return int(text[:4])


def _weekday_date(reference: dt.date, weekday: int, direction: int | None, before: bool) -> dt.date:
    back = (reference.weekday() - weekday) % 7
    if direction == 1:
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    if direction == -1:
        back = back or 7
        if before:
            back += 7
    return reference - dt.timedelta(days=back)


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text)


def _day_and_month(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(reference: dt.date, month: int, day: int, direction: int | None) -> int:
    """The year of a day and month given without one: the latest on or before the reference, by default."""
    probe = _day_and_month(reference.year, month, min(day, 28)) or reference
    if direction == 1:
        return reference.year + (1 if probe <= reference else 0)
    if direction == 0:
        return reference.year
    if direction == -1:
        return reference.year - (1 if probe >= reference else 0)
    return reference.year - (1 if probe > reference else 0)


def _infer_month_year(reference: dt.date, month: int, direction: int | None) -> int:
    if direction == 1:
        return reference.year + (1 if month <= reference.month else 0)
    if direction == 0:
        return reference.year
    if direction == -1:
        return reference.year - (1 if month >= reference.month else 0)
    return reference.year - (1 if month > reference.month else 0)


def _relative_day(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    word = match.group("dw")
    if word is not None:
        if reference is None:
            return Resolved("relative")
        return _day(reference + dt.timedelta(days=_DAY_OFFSETS[_norm(word)]))
    if reference is None:
        return Resolved("relative")
    weekday = WEEKDAYS[match.group("wd")]
    day = _weekday_date(reference, weekday, _direction(match), match.group("before") is not None)
    return _day(day)


def _day_month(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    """«5 يونيو 2025», «الخميس 28 نوفمبر»; «من 8 إلى 14 أكتوبر 2025»: the days between (see _days_between)."""
    return _days_between(match, _one_day_month(match, reference))


def _one_day_month(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    month, day = MONTHS[_norm(match.group("m"))], int(match.group("d"))
    if not 1 <= day <= 31:
        return None
    if match.group("y"):
        found = _day_and_month(_year_of(match.group("y")), month, day)
        return _day(found, "date", relative=False) if found else None
    if reference is None:
        return Resolved("date")
    year = _infer_year(reference, month, day, _direction(match))
    if match.group("wdm"):  # "الجمعة 28 نوفمبر": the weekday tells the year when the rule guessed wrong
        weekday = WEEKDAYS[match.group("wdm")]
        year = next((y for y in (year, year + 1, year - 1) if _weekday_of(y, month, day) == weekday), year)
    found = _day_and_month(year, month, day)
    return _day(found, "date") if found else None


def _hijri_date(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    """«12 رمضان 1447هـ» by the Umm al-Qura calendar; «من 15 إلى 21 جمادى الأولى»: the days between."""
    return _days_between(match, _one_hijri_day(match, reference), int(match.group("d")))


def _one_hijri_day(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    """One Hijri day; without a year, the year that puts the day nearest the reference (a report dates the
    recent past, or a day just ahead)."""
    month, day = HIJRI_MONTHS[_norm(match.group("hm"))], int(match.group("d"))
    if not 1 <= day <= 30:
        return None
    if match.group("hy"):
        found = _from_hijri(int(match.group("hy")), month, day)
        return _day(found, "date", relative=False) if found else None
    if reference is None:
        return Resolved("date")
    try:
        year = Gregorian(reference.year, reference.month, reference.day).to_hijri().year
    except (OverflowError, ValueError):
        return None
    options = [d for y in (year - 1, year, year + 1) if (d := _from_hijri(y, month, day)) is not None]
    found = min(options, key=lambda d: abs((d - reference).days), default=None)
    return _day(found, "date") if found else None


def _from_hijri(year: int, month: int, day: int) -> dt.date | None:
    try:
        return Hijri(year, month, day).to_gregorian()
    except (OverflowError, ValueError):
        return None  # out of the Umm al-Qura table's range, or 30 in a month of 29


def _ordinal_day(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    """في الخامس من آذار، العاشر من الشهر الجاري، يوم 12 من الشهر الجاري: a day of a named month, or of
    this or last month; من 4 إلى 10 من الشهر الجاري: the days between (a week, or a month when longer)."""
    return _days_between(match, _one_ordinal_day(match, reference))


def _days_between(match: re.Match[str], found: Resolved | None, day: int | None = None) -> Resolved | None:
    """A range «من 4 إلى 10» ending on the day ``found``: a week when shorter than seven days, else a month.

    ``day`` is the last day's number in the calendar the text counts in (the Gregorian day by default; a
    Hijri range counts Hijri days), so the range is counted back from ``found`` in days."""
    if found is None or not match.group("od0") or found.first is None:
        return found
    last = found.first
    start = int(match.group("od0"))
    days = (last.day if day is None else day) - start
    if start < 1 or days < 0:
        return found
    first = last - dt.timedelta(days=days)
    return Resolved(found.kind, first, last, "week" if days < 7 else "month", found.relative)


def _one_ordinal_day(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    day = ORDINAL_DAYS.get(match.group("od")) or int(match.group("od"))
    if match.group("m"):
        month = MONTHS[_norm(match.group("m"))]
        if match.group("y"):
            found = _day_and_month(_year_of(match.group("y")), month, day)
            return _day(found, "date", relative=False) if found else None
        if reference is None:
            return Resolved("date")
        found = _day_and_month(_infer_year(reference, month, day, _direction(match)), month, day)
        return _day(found, "date") if found else None
    if reference is None:
        return Resolved("relative")
    first = reference.replace(day=1)
    if match.group("prev"):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    found = _day_and_month(first.year, first.month, day)
    return _day(found) if found else None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    found = _day_and_month(year, month, day)
    return found.weekday() if found else None


def _month_year(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    return _month(_year_of(match.group("y")), MONTHS[_norm(match.group("m"))], "date", False)


def _month_alone(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    if not (match.group("prep") or match.group("shahr") or match.group("dir")):
        return None  # a bare name (مارس، آب، ماي) is too often an ordinary word
    if reference is None:
        return Resolved("date")
    month = MONTHS[_norm(match.group("m"))]
    return _month(_infer_month_year(reference, month, _direction(match)), month, "date", True)


def _part(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    third = PART_WORDS[match.group("part")]
    if match.group("m"):
        month = MONTHS[_norm(match.group("m"))]
        if match.group("y"):
            year, relative = _year_of(match.group("y")), False
        elif reference is None:
            return Resolved("period")
        else:
            year, relative = _infer_month_year(reference, month, _direction(match)), True
        return _month_third(year, month, third, relative)
    explicit = match.group("uy") or match.group("yy")
    if explicit:
        return _year_third(_year_of(explicit), third, False)
    if reference is None:
        return Resolved("period")
    shift = _direction(match, "udir") or 0
    if match.group("unit") == "الشهر":
        year, month = _add_months(reference.year, reference.month, shift)
        return _month_third(year, month, third, True)
    return _year_third(reference.year + shift, third, True)


def _month_third(year: int, month: int, third: int, relative: bool) -> Resolved:
    first, last = _THIRDS_OF_MONTH[third]
    last = min(last, calendar.monthrange(year, month)[1])
    return Resolved("period", dt.date(year, month, first), dt.date(year, month, last), "week", relative)


def _year_third(year: int, third: int, relative: bool) -> Resolved:
    first, last = _THIRDS_OF_YEAR[third]
    return Resolved("period", dt.date(year, first, 1), _month_end(year, last), "month", relative)


def _period(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    unit = match.group("unit") or match.group("this")
    if reference is None:
        return Resolved("period")
    shift = 0 if match.group("this") else _direction(match) or 0
    if match.group("before"):
        shift -= 1
    if unit == "الاسبوع":
        return _week(reference + dt.timedelta(weeks=shift))
    if unit == "الشهر":
        return _month(*_add_months(reference.year, reference.month, shift), "period", True)
    return _year(reference.year + shift, "period", True)


def _year_explicit(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    return _year(_year_of(match.group("y")), "date", False)


def _year_bare(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    """A bare 2019 is a year after في/منذ/حتى... or before punctuation; "2000 ليرة" is an amount."""
    folded = match.string
    before = _WORD_BEFORE.search(folded, max(0, match.start("t") - 12), match.start("t"))
    after = _skip_space(folded, match.end("t"))
    if (before and before.group(1) in _YEAR_PREPOSITIONS) or after >= len(folded) or folded[after] in ".,;:)(-\"'":
        return _year(_year_of(match.group("y")), "date", False)
    return None


def _numeric(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    if match.group("y"):
        year, first, second = int(match.group("y")), int(match.group("a")), int(match.group("b"))
        day, month = (second, first) if first <= 12 < second else (first, second)  # day first, unless US
    else:
        year, month, day = int(match.group("y2")), int(match.group("b2")), int(match.group("a2"))
    found = _day_and_month(year, month, day) if 1 <= month <= 12 else None
    return _day(found, "date", relative=False) if found else None


def _offset(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    unit, implied = TIME_UNITS[match.group("u")]
    count = _count(match.group("n")) if match.group("n") else implied
    if reference is None:
        return Resolved("relative")
    if match.string.startswith("من", _skip_space(match.string, match.end("t"))):
        return Resolved("relative")  # "قبل يومين من الهجوم": counted from another event
    if unit == "hour":
        return _day(reference)
    if count is None:
        if unit != "day":
            return Resolved("relative")
        return Resolved("relative", reference - dt.timedelta(days=7), reference - dt.timedelta(days=1), "week", True)
    if unit == "day":
        return _day(reference - dt.timedelta(days=count))
    if unit == "week":
        week = _week(reference - dt.timedelta(weeks=count))
        return Resolved("relative", week.first, week.last, "week", True)
    if unit == "month":
        return _month(*_add_months(reference.year, reference.month, -count), "relative", True)
    return _year(reference.year - count, "relative", True)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _count(words: str) -> int | None:
    """Value of a small cardinal written in digits or words ("ثلاثة"، "خمسة عشر"، "أربع وعشرين")."""
    if words.isdigit():
        return int(words)
    return read_number_words(words, 0, words.split()[0])[0]


def _duration(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    return Resolved("duration")


def _vague_period(match: re.Match[str], reference: dt.date | None) -> Resolved | None:
    plural, direction = match.group("pl"), DIRECTIONS.get(match.group("pdir"), -1)
    if plural == "اليومين" and reference is not None and direction == -1:
        return Resolved("period", reference - dt.timedelta(days=2), reference - dt.timedelta(days=1), "day", True)
    return Resolved("period")


RESOLVERS: dict[str, Resolver] = {
    "relative_day": _relative_day,
    "day_month": _day_month,
    "hijri_date": _hijri_date,
    "ordinal_day": _ordinal_day,
    "month_year": _month_year,
    "month_alone": _month_alone,
    "part": _part,
    "period": _period,
    "year_explicit": _year_explicit,
    "year_bare": _year_bare,
    "numeric": _numeric,
    "offset": _offset,
    "duration": _duration,
    "duration_definite": _duration,
    "vague_period": _vague_period,
}
