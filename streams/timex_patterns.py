"""Lexicons and compiled regular expressions for Arabic time expressions, over folded text.

Every pattern runs on ``fold(text)`` (alef forms unified, teh marbuta as ``ه``, alef maksura as ``ي``,
no diacritics, ASCII digits), so ``الجمعة``/``الجمعه`` and ``أمس``/``امس`` are one spelling here. Each
pattern has a group ``t``: the span reported, which leaves out a leading clitic (و ف ب ل) or preposition.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .number_words import TEEN_FIRST, TENS, word_trie

__all__ = [
    "DIRECTIONS",
    "HIJRI_MONTHS",
    "MONTHS",
    "MONTH_WORDS",
    "ORDINAL_DAYS",
    "PART_WORDS",
    "PATTERNS",
    "TIME_UNITS",
    "WEEKDAYS",
    "anchor_windows",
    "may_match",
    "patterns_for",
]

# Month names of both families, folded: Levantine/Iraqi (Syriac), Egyptian/Gulf (Latin), Maghrebi (French
# in Algeria/Tunisia, Spanish-like in Morocco). Spellings that are also common words are guarded by the
# matcher, which wants a day, a year, شهر, a direction word or a preposition around any month name.
MONTHS: dict[str, int] = {
    **dict.fromkeys(("كانون الثاني", "كانون ثاني", "يناير", "جانفي", "جانفييه", "ينايير"), 1),
    **dict.fromkeys(("شباط", "فبراير", "فيفري", "فبرير", "فبراي"), 2),
    **dict.fromkeys(("اذار", "مارس"), 3),
    **dict.fromkeys(("نيسان", "ابريل", "افريل", "ابريل"), 4),
    **dict.fromkeys(("ايار", "مايو", "ماي", "مايس"), 5),
    **dict.fromkeys(("حزيران", "يونيو", "يونيه", "جوان"), 6),
    **dict.fromkeys(("تموز", "يوليو", "يوليه", "يوليوز", "جويليه", "جويلييه"), 7),
    **dict.fromkeys(("اب", "اغسطس", "اغسطس", "غشت", "اوت"), 8),
    **dict.fromkeys(("ايلول", "سبتمبر", "شتنبر"), 9),
    **dict.fromkeys(("تشرين الاول", "تشرين اول", "اكتوبر", "اكتوبر"), 10),
    **dict.fromkeys(("تشرين الثاني", "تشرين ثاني", "نوفمبر", "نونبر"), 11),
    **dict.fromkeys(("كانون الاول", "كانون اول", "ديسمبر", "دجنبر", "دسمبر"), 12),
}
# Months of the Hijri calendar, folded (ذو / ذي as the grammar has them). Only read with a day before them: صفر
# is also "zero", and رمضان and رجب are given names.
HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1,
    "صفر": 2,
    **dict.fromkeys(("ربيع الاول", "ربيع اول"), 3),
    **dict.fromkeys(("ربيع الاخر", "ربيع الثاني", "ربيع ثاني"), 4),
    **dict.fromkeys(("جمادي الاولي", "جمادي الاول"), 5),
    **dict.fromkeys(("جمادي الاخره", "جمادي الاخر", "جمادي الثانيه", "جمادي الثاني"), 6),
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    **dict.fromkeys(("ذو القعده", "ذي القعده"), 11),
    **dict.fromkeys(("ذو الحجه", "ذي الحجه"), 12),
}
# Every word of a month's name (كانون الثاني is two): what a date run on after a time or a dateline is made of.
MONTH_WORDS = frozenset(word for name in MONTHS for word in name.split())
# Python's weekday(): Monday is 0.
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
}  # fmt: skip
# Direction words after a weekday, a month or a period: -1 past, 0 current, +1 next.
DIRECTIONS: dict[str, int] = {
    **dict.fromkeys(
        ["الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "السابق", "السابقه", "المنقضي", "المنقضيه"],
        -1,
    ),
    **dict.fromkeys(["الجاري", "الجاريه", "الحالي", "الحاليه"], 0),
    **dict.fromkeys(["المقبل", "المقبله", "القادم", "القادمه", "الاتي"], 1),
}
# Parts of a month or year: which third of it.
PART_WORDS: dict[str, int] = {
    **dict.fromkeys(["مطلع", "اوائل", "بدايه", "بدايات", "مستهل", "اول"], 0),
    **dict.fromkeys(["منتصف", "اواسط", "وسط"], 1),
    **dict.fromkeys(["اواخر", "نهايه", "نهايات", "اخر", "ختام"], 2),
}
# Time units after قبل/منذ/خلال: (unit, count implied by the form; None for a bare plural).
TIME_UNITS: dict[str, tuple[str, int | None]] = {
    **dict.fromkeys(("يوم", "يوما"), ("day", 1)),
    **dict.fromkeys(("يومين", "يومان"), ("day", 2)),
    "ايام": ("day", None),
    **dict.fromkeys(("اسبوع", "اسبوعا"), ("week", 1)),
    **dict.fromkeys(("اسبوعين", "اسبوعان"), ("week", 2)),
    "اسابيع": ("week", None),
    **dict.fromkeys(("شهر", "شهرا"), ("month", 1)),
    **dict.fromkeys(("شهرين", "شهران"), ("month", 2)),
    **dict.fromkeys(("اشهر", "شهور"), ("month", None)),
    **dict.fromkeys(("عام", "عاما", "سنه"), ("year", 1)),
    **dict.fromkeys(("عامين", "عامان", "سنتين", "سنتان"), ("year", 2)),
    **dict.fromkeys(("اعوام", "سنوات", "سنين"), ("year", None)),
    **dict.fromkeys(("ساعه", "ساعات", "ساعتين", "ساعتان", "دقيقه", "دقائق"), ("hour", None)),
}


def _alt(words: object) -> str:
    return word_trie(words)


_B = r"(?<!\w)(?:و|ف)?(?:ب|ل|ك)?"  # word start, with an optional attached clitic left out of the span
_E = r"(?!\w)"
_MONTH_NAMES = _alt(MONTHS)
_MONTH = rf"(?P<m>{_MONTH_NAMES})(?:\s*/\s*(?:{_MONTH_NAMES})|\s*\(\s*(?:{_MONTH_NAMES})\s*\))?(?!\w)"
_WEEKDAY = _alt(WEEKDAYS)
_DIR = _alt(DIRECTIONS)
_YEAR = r"(?:19|20)\d\d(?!\d)(?:\s?م(?!\w))?"
_YEAR_LEAD = r"(?:(?:من\s+|في\s+)?(?:عام|العام|سنه|السنه)\s*)"
_TOD = _alt(
    [
        *["صباح", "صبيحه", "مساء", "ليل", "ليله", "فجر", "ظهر", "ظهيره", "عصر", "ضحي", "نهار"],
        *["منتصف ليل", "منتصف ليله", "منتصف نهار", "ساعات صباح", "ساعات مساء", "ساعات فجر"],
    ]
)
_NUMBER_WORD = _alt([*TEEN_FIRST, *TENS])
_NUM = rf"(?:\d+|(?:{_NUMBER_WORD})(?:\s+عشره?)?(?:\s+و\s?(?:{_NUMBER_WORD}))?)"
_UNIT = _alt(TIME_UNITS)
_APPROX = r"(?:(?:نحو|حوالي|قرابه|زهاء|اكثر من|اقل من|ما يقارب|ما يزيد عن|ما يزيد علي)\s+)"
_SPAN_DIR = _alt(
    ["الماضيه", "الماضي", "الماضيين", "الاخيره", "الاخيرين", "المقبله", "القادمه", "المقبلين", "القادمين", "الاولي"]
)
_DAYWORD = (
    r"اول\s+(?:من\s+)?امس|امس\s+الاول|يوم\s+امس|امس|الامس|البارحه|بعد\s+غد|يوم\s+غد|غدا|الغد"
    r"|الليله\s+الماضيه|الليله|هذا\s+اليوم"
    r"|اليوم(?!\s+(?:التالي|السابق|الاول|الثاني|الثالث|الاخير|الوطني|العالمي|الدولي|نفسه|ذاته))"
)

_RELATIVE_DAY = (
    rf"{_B}(?P<t>(?:(?P<tod>{_TOD})\s+)?(?:يوم\s+)?"
    rf"(?:(?P<dw>{_DAYWORD})(?:\s*\(\s*(?:يوم\s+)?(?P<wd_a>{_WEEKDAY})\s*\)|\s*,?\s*(?:يوم\s+)?(?P<wd_b>{_WEEKDAY}){_E})?"
    rf"|(?P<wd>{_WEEKDAY})(?:\s*[-/]\s*(?:{_WEEKDAY})|\s+(?:علي\s+)?(?:{_WEEKDAY}))?"
    rf"(?:\s+(?P<before>قبل\s+)?(?P<dir>{_DIR}))?)){_E}"
)
_DAY_MONTH = (  # also a range of days (من 8 إلى 14 أكتوبر 2025)
    rf"{_B}(?P<t>(?:من\s+(?P<od0>[0-9٠-٩]{{1,2}})\s+(?:الي|حتي)\s+)?"
    rf"(?:(?:(?:{_TOD})\s+)?(?:يوم\s+)?(?P<wdm>{_WEEKDAY})\s*,?\s*)?(?P<d>[0-3]?\d)(?!\d)\s*(?:من\s+)?"
    rf"(?:شهر\s+)?{_MONTH}(?:\s*,?\s*{_YEAR_LEAD}?(?P<y>{_YEAR})|\s+(?P<dir>{_DIR}))?){_E}"
)
# Ordinal days (في الخامس من آذار، العاشر من الشهر الجاري): folded, with their day of the month. The
# pattern also takes the day in digits (يوم 12 من الشهر الجاري), and a range of days (من 4 إلى 10 من الشهر الجاري).
_ORDINAL_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
ORDINAL_DAYS: dict[str, int] = {
    **{word: n for n, word in enumerate(_ORDINAL_UNITS, 1)},
    "العاشر": 10,
    "الحادي عشر": 11,
    **{f"{word} عشر": n for n, word in enumerate(_ORDINAL_UNITS[1:], 12)},
    "العشرين": 20,
    **{f"{'الحادي' if n == 1 else word} والعشرين": 20 + n for n, word in enumerate(_ORDINAL_UNITS, 1)},
    "الثلاثين": 30,
    "الحادي والثلاثين": 31,
}
_ORDINAL_DAY = (
    rf"{_B}(?P<t>(?:من\s+(?P<od0>[0-9٠-٩]{{1,2}})\s+(?:الي|حتي)\s+)?"
    rf"(?:يوم\s+)?(?P<od>{_alt(ORDINAL_DAYS)}|[0-9٠-٩]{{1,2}})\s+من\s+(?:(?:شهر\s+)?{_MONTH}"
    rf"(?:\s*,?\s*{_YEAR_LEAD}?(?P<y>{_YEAR})|\s+(?P<dir>{_DIR}))?"
    rf"|(?P<cur>(?:الشهر\s+(?:الجاري|الحالي))|هذا\s+الشهر)|(?P<prev>الشهر\s+(?:الماضي|المنصرم|الفائت)))){_E}"
)
_HIJRI_DATE = (  # «12 رمضان 1447هـ», «الأحد 24 ذو الحجة», «من 15 إلى 21 جمادى الأولى 1447هـ»: Hijri days
    rf"{_B}(?P<t>(?:من\s+(?P<od0>[0-9٠-٩]{{1,2}})\s+(?:الي|حتي)\s+)?"
    rf"(?:(?:{_TOD})\s+)?(?:يوم\s+)?(?:(?P<wdh>{_WEEKDAY})\s*,?\s*)?(?P<d>[0-3]?\d)(?!\d)\s*(?:من\s+)?"
    rf"(?:شهر\s+)?(?P<hm>{_alt(HIJRI_MONTHS)})(?:\s*,?\s*(?:(?:عام|سنه)\s+)?(?P<hy>1[34]\d\d)(?!\d)(?:\s?ه(?!\w))?)?){_E}"
)
_MONTH_YEAR = rf"{_B}(?P<t>(?:شهر\s+)?{_MONTH}\s*,?\s*{_YEAR_LEAD}?(?P<y>{_YEAR})){_E}"
_MONTH_ALONE = (
    rf"{_B}(?:(?P<prep>في|خلال|منذ|حتي|مع|قبل|بعد|الي)\s+)?"
    rf"(?P<t>(?P<shahr>شهر\s+)?{_MONTH}(?:\s+(?P<dir>{_DIR}))?){_E}"
)
_PART = (
    rf"{_B}(?P<t>(?P<part>{_alt(PART_WORDS)})\s+(?:"
    rf"(?:شهر\s+)?{_MONTH}(?:\s*,?\s*{_YEAR_LEAD}?(?P<y>{_YEAR})|\s+(?P<dir>{_DIR}))?"
    rf"|(?P<unit>الشهر|العام|السنه)(?:\s+(?P<udir>{_DIR}))?(?:\s*(?P<uy>{_YEAR}))?"
    rf"|(?:عام|سنه)\s*(?P<yy>{_YEAR})))"
    rf"{_E}"
)
_PERIOD = (
    rf"{_B}(?P<t>(?P<unit>الاسبوع|الشهر|العام|السنه)\s+(?:(?P<before>قبل\s+)?(?P<dir>{_DIR}))"
    rf"|(?:هذا|هذه)\s+(?P<this>الاسبوع|الشهر|العام|السنه)){_E}"
)
_YEAR_EXPLICIT = rf"{_B}(?P<t>(?:عام|العام|سنه|السنه|عامي)\s*(?P<y>{_YEAR})){_E}"
_YEAR_BARE = rf"(?<![\w/.,:-])(?:و|ب)?(?P<t>(?P<y>{_YEAR}))(?![\w%/]|[.,:-]\d|\s*(?:%|بالمئه|بالمائه))"
_NUMERIC = (
    r"(?<![\w/.:-])(?P<t>(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)(?P<s2>[/.-])(?P<b2>\d{1,2})(?P=s2)(?P<a2>\d{1,2}))(?![\w/]|[.:-]\d)"
)
_OFFSET = (
    rf"{_B}(?P<t>(?P<rel>قبل|منذ)\s+{_APPROX}?(?:(?P<n>{_NUM})\s+)?(?P<u>{_UNIT}){_E}(?!\s*\d)"
    r"(?:\s+(?:قليله|عده))?)"
)
_DURATION = (
    rf"{_B}(?:(?P<lead>خلال|علي\s+مدي|علي\s+مدار|لمده|مده|طيله|طوال|في\s+غضون|غضون|بعد)\s+)(?P<t>(?:{_APPROX}?"
    rf"(?:ال\s*)?(?:{_NUM})\s+(?:{_UNIT})|(?:يومين|ساعتين|اسبوعين|شهرين|عامين|سنتين|ساعات|ايام|اسابيع|اشهر)"
    rf"|(?:ساعه|يوم|اسبوع|شهر|عام|سنه)(?!\s+(?:{_DIR})))(?:\s+(?:{_SPAN_DIR}))?){_E}"
)
_DURATION_DEFINITE = rf"(?<!\w)(?:في\s+)?(?P<t>ال\s*(?:{_NUM})\s+(?:{_UNIT})(?:\s+(?:{_SPAN_DIR}))?){_E}"
_VAGUE_PERIOD = (
    r"(?<!\w)(?:و|ف)?(?:ب|ل)?(?P<t>(?P<pl>الايام|الاسابيع|الاشهر|الشهور|الاعوام|السنوات|السنين|الساعات|اليومين"
    r"|الساعتين|الاسبوعين|الشهرين|العامين)\s+(?P<pdir>الماضيه|الماضي|الماضيين|الاخيره|الاخيرين|الفائته"
    r"|المنصرمه|المقبله|القادمه|المقبلين|القادمين))(?!\w)"
)

# (name, compiled pattern); the resolver for each lives in timex.py under the same name.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(source))
    for name, source in (
        ("relative_day", _RELATIVE_DAY),
        ("day_month", _DAY_MONTH),
        ("hijri_date", _HIJRI_DATE),
        ("ordinal_day", _ORDINAL_DAY),
        ("month_year", _MONTH_YEAR),
        ("month_alone", _MONTH_ALONE),
        ("part", _PART),
        ("period", _PERIOD),
        ("year_explicit", _YEAR_EXPLICIT),
        ("year_bare", _YEAR_BARE),
        ("numeric", _NUMERIC),
        ("offset", _OFFSET),
        ("duration", _DURATION),
        ("duration_definite", _DURATION_DEFINITE),
        ("vague_period", _VAGUE_PERIOD),
    )
)

# Every pattern above contains one of these anchors (a day word or weekday, a month, a time unit, a period
# word, a year, a numeric date). The matcher finds anchors first, in one scan, and runs only the patterns
# an anchor can belong to, only near it. Keep these in step with the patterns.
_DAY = ("relative_day", "day_month")
_MONTH = ("day_month", "ordinal_day", "month_year", "month_alone", "part")
_UNITS = ("offset", "duration", "duration_definite", "vague_period")
_YEARISH = ("day_month", "month_year", "part", "year_explicit", "year_bare", "numeric")
_ANCHOR_GROUPS: tuple[tuple[object, tuple[str, ...]], ...] = (
    ([*["اليوم", "امس", "الامس", "البارحه", "غدا", "الغد", "غد", "الليله"], *WEEKDAYS], _DAY),
    ((name.split()[0] for name in MONTHS), _MONTH),
    ([*TIME_UNITS, *("ال" + unit for unit in TIME_UNITS)], _UNITS),
    (["الاشهر", "الشهور", "السنوات", "السنين", "الاعوام"], _UNITS),
    (["الاسبوع", "الشهر", "العام", "السنه"], ("period", "part")),
    (["الشهر"], ("ordinal_day",)),
    ((name.split()[0] for name in HIJRI_MONTHS), ("hijri_date",)),
)
_ANCHOR_PATTERNS: dict[str, frozenset[str]] = {}
for _words, _names in _ANCHOR_GROUPS:
    for _word in _words:  # type: ignore[attr-defined]
        _ANCHOR_PATTERNS[_word] = _ANCHOR_PATTERNS.get(_word, frozenset()) | frozenset(_names)
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_ANCHOR = re.compile(
    rf"(?<!\w)(?:(?P<w>{word_trie(c + w for c in _CLITICS for w in _ANCHOR_PATTERNS)})(?!\w)"
    r"|(?:و|ب)?(?:(?P<y>(?:19|20)\d\d)(?!\d)|(?P<n>\d{1,4}[/.-]\d)))"
)
_LEFT, _RIGHT = 45, 45  # how far a pattern reaches before and after its anchor, in characters


def anchor_windows(folded: str) -> list[tuple[int, int, frozenset[str]]]:
    """Merged windows of ``folded`` around anchors (widened to whitespace) and the patterns to run there."""
    windows: list[tuple[int, int, frozenset[str]]] = []
    for match in _ANCHOR.finditer(folded):
        names = _anchor_patterns(match)
        start = max(0, match.start() - _LEFT)
        end = min(len(folded), match.end() + _RIGHT)
        while end < len(folded) and not folded[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            last = windows[-1]
            windows[-1] = (last[0], max(end, last[1]), last[2] | names)
        else:
            windows.append((start, end, names))
    return windows


def _anchor_patterns(match: re.Match[str]) -> frozenset[str]:
    word = match.group("w")
    if word is None:
        return frozenset(_YEARISH) if match.group("y") else frozenset(("numeric",))
    for cut in range(3):
        names = _ANCHOR_PATTERNS.get(word[cut:])
        if names is not None:
            return names
    return frozenset()


# Literals of which every match of a pattern contains one (``_DIGIT`` for any digit): in a window without
# any of them the pattern cannot match, and a ``find`` is far cheaper than a scan with a look-behind at
# every character. Patterns not listed always run. Keep these in step with the patterns.
_DIGIT = re.compile(r"\d")
_NEEDS_DIGIT = ("day_month", "month_year", "year_explicit", "year_bare", "numeric")
_NEEDS_WORD: dict[str, tuple[str, ...]] = {
    "offset": ("قبل", "منذ"),
    "duration": ("خلال", "مدي", "مدار", "مده", "طيله", "طوال", "غضون", "بعد"),
    "vague_period": (
        *("الايام", "الاسابيع", "الاشهر", "الشهور", "الاعوام", "السنوات", "السنين", "الساعات"),
        *("اليومين", "الساعتين", "الاسبوعين", "الشهرين", "العامين"),
    ),
}


def may_match(name: str, folded: str, start: int, end: int) -> bool:
    """False when pattern ``name`` cannot match inside ``folded[start:end]`` (a required literal is absent)."""
    if name in _NEEDS_DIGIT:
        return _DIGIT.search(folded, start, end) is not None
    needed = _NEEDS_WORD.get(name)
    return needed is None or any(folded.find(word, start, end) >= 0 for word in needed)


@lru_cache(maxsize=256)
def patterns_for(names: frozenset[str]) -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """The patterns named in ``names``, in :data:`PATTERNS` order, each with whether :func:`may_match`
    can rule it out (the set of names comes from a window's anchors: few distinct sets recur)."""
    return tuple(
        (name, pattern, name in _NEEDS_DIGIT or name in _NEEDS_WORD) for name, pattern in PATTERNS if name in names
    )
