"""Arabic number-word lexicons, keyed by folded forms.

Every key here is a ``marsad.streams.arabic.fold`` key: alef forms unified, teh marbuta as ``ه``,
alef maksura as ``ي``, diacritics (tanween included) removed, so ``ثلاثةً`` and ``ثلاثه`` are one key.
"""

from __future__ import annotations

import re

__all__ = [
    "DUAL_STEMS",
    "DUAL_UNITS",
    "HUNDREDS",
    "MULTIPLIERS",
    "NOT_DUAL",
    "PERSON_DUAL_STEMS",
    "SCALES",
    "STARTERS",
    "TEEN_FIRST",
    "TENS",
    "THING_DUAL_STEMS",
    "UNITS",
    "UNIT_WORDS",
    "VAGUE_WORDS",
    "is_plural_scale",
    "next_word",
    "read_number_words",
    "word_trie",
]

# Cardinals 1-10, both genders; masculine and feminine, nominative and oblique.
UNITS: dict[str, int] = {
    "واحد": 1, "واحده": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثنتين": 2, "ثنتان": 2,
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6,
    "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9,
    "عشره": 10, "عشر": 10,
}  # fmt: skip
# The first word of 11-19 ("أحد عشر", "اثنتا عشرة", "خمسة عشر"): UNITS plus the forms only used there.
TEEN_FIRST: dict[str, int] = {
    **UNITS,
    "احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
}  # fmt: skip
TENS: dict[str, int] = {
    f"{stem}{ending}": value
    for stem, value in (
        ("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50),
        ("ست", 60), ("سبع", 70), ("ثمان", 80), ("تسع", 90),
    )
    for ending in ("ون", "ين")
}  # fmt: skip
_HUNDRED_FORMS = ("مئه", "مائه")
HUNDREDS: dict[str, int] = {
    **dict.fromkeys(_HUNDRED_FORMS, 100),
    **dict.fromkeys(("مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي"), 200),
    **{
        f"{unit}{hundred}": value * 100
        for unit, value in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9))
        for hundred in ("مئه", "مائه")
    },
}
# Multipliers. A plural (آلاف، ملايين) multiplies only after a number; alone it is a vague quantity.
SCALES: dict[str, int] = {
    **dict.fromkeys(("الف", "الفا"), 1000),  # "ألفاً" (accusative), far more frequent than a construct dual
    **dict.fromkeys(("الفان", "الفين", "الفي"), 2000),
    "الاف": 1000,
    **dict.fromkeys(("مليون", "مليونا", "ملايين"), 1_000_000),
    **dict.fromkeys(("مليونان", "مليونين", "مليوني"), 2_000_000),
    **dict.fromkeys(("مليار", "مليارا", "مليارات"), 1_000_000_000),
}
_PLURAL_SCALES = frozenset({"الاف", "ملايين", "مليارات"})

# Vague quantities: one word, or two words whose second is given (عدد من، كمية كبيرة).
VAGUE_WORDS: dict[str, str | None] = {
    "عشرات": None, "العشرات": None, "مئات": None, "المئات": None, "الاف": None, "الالاف": None,
    "ملايين": None, "الملايين": None, "بضعه": None, "بضع": None, "عده": None, "العديد": None,
    "عدد": "من", "عددا": "من", "كميه": "كبيره", "كميات": "كبيره", "مجموعه": "من",
}  # fmt: skip

# Measure words after a number, mapped to the unit the caller uses to tell counts from measures.
UNIT_WORDS: dict[str, str] = {
    **dict.fromkeys(("كيلومتر", "كيلومترا", "كيلومترات", "كلم", "كم", "كيلو متر"), "km"),
    **dict.fromkeys(("متر", "مترا", "امتار", "مترات"), "m"),
    **dict.fromkeys(("ميل", "ميلا", "اميال"), "mile"),
    **dict.fromkeys(("ساعه", "ساعات", "ساعتين", "ساعتان"), "hour"),
    **dict.fromkeys(("دقيقه", "دقائق", "دقيقتين", "ثانيه", "ثوان", "ثواني"), "minute"),
    **dict.fromkeys(("يوم", "يوما", "ايام", "يومين", "يومان", "ليله", "ليال", "ليالي"), "day"),
    **dict.fromkeys(("اسبوع", "اسبوعا", "اسابيع", "اسبوعين"), "week"),
    **dict.fromkeys(("شهر", "شهرا", "اشهر", "شهور", "شهرين"), "month"),
    **dict.fromkeys(("عام", "عاما", "اعوام", "عامين", "سنه", "سنوات", "سنين", "سنتين"), "year"),
    **dict.fromkeys(("ميلادي", "ميلاديه", "هجري", "هجريه"), "year"),
    **dict.fromkeys(("بالمئه", "بالمائه", "بالميه", "%", "في المئه", "في المائه"), "percent"),
    **dict.fromkeys(("دولار", "دولارا", "دولارات", "يورو", "دينار", "دينارا", "ليره", "ريال", "ريالا"), "money"),
    **dict.fromkeys(("جنيه", "جنيها", "درهم", "درهما", "تومان", "ليرات"), "money"),
    **dict.fromkeys(("كيلوغرام", "كيلوغراما", "كغ", "كلغ", "غرام", "غراما", "طن", "طنا", "اطنان"), "kg"),
    **dict.fromkeys(("مره", "مرات", "مرتين"), "times"),
}

# Dual in -ين/-ان is only read as "two" for nouns whose plural is broken (شخص/أشخاص, جندي/جنود):
# for the others (مدنيين، مسلحين، عسكريين) the same ending is the sound masculine plural.
PERSON_DUAL_STEMS: frozenset[str] = frozenset(
    [
        "شخص",
        "عنصر",
        "جندي",
        "طفل",
        "رجل",
        "شاب",
        "ضابط",
        "قتيل",
        "جريح",
        "شهيد",
        "شقيق",
        "اخ",
        "حارس",
        "قائد",
        "سجين",
        "اسير",
        "طبيب",
        "فرد",
        "صبي",
        "ولد",
        "زعيم",
        "نائب",
        "وزير",
        "رئيس",
        "سفير",
        "شيخ",
        "ابن",
        "زوج",
        "عميل",
        "جاسوس",
        "راعي",
    ]
)
# Things counted the same way (صاروخين، منزلين، هجومين): two, but no one.
THING_DUAL_STEMS: frozenset[str] = frozenset(
    [
        "صاروخ",
        "منزل",
        "هجوم",
        "انفجار",
        "مسجد",
        "مبني",
        "حاجز",
        "موقع",
        "لغم",
        "زورق",
        "قارب",
        "بيت",
        "مستشفي",
    ]
)
DUAL_STEMS: frozenset[str] = PERSON_DUAL_STEMS | THING_DUAL_STEMS

# Duals of measure words: two, with a unit.
DUAL_UNITS: dict[str, str] = {
    "يومين": "day", "يومان": "day", "ساعتين": "hour", "ساعتان": "hour", "شهرين": "month", "شهران": "month",
    "اسبوعين": "week", "اسبوعان": "week", "عامين": "year", "عامان": "year", "سنتين": "year", "سنتان": "year",
    "مرتين": "times", "مرتان": "times", "دقيقتين": "minute", "كيلومترين": "km", "ليلتين": "day",
}  # fmt: skip
# Words in -تين/-تان that are no duals (names, loanwords, pronouns) or are read as numbers elsewhere.
NOT_DUAL: frozenset[str] = frozenset([
    "بساتين", "كراتين", "بوتين", "روتين", "بروتين", "ارجنتين", "لاتين", "اللتين", "اللتان", "هاتين",
    "هاتان", "كلتين", "ستين", "اثنتين", "اثنتان", "ثنتين", "ثنتان", "بهتان", "كيراتين", "نيكوتين",
    "زيتين", "قسطنطين", "مليونين", "مليونان", "الفين", "الفان", "مئتين", "مئتان", "مائتين", "مائتان",
])  # fmt: skip


STARTERS = {**UNITS, **TENS, **HUNDREDS, **{k: v for k, v in SCALES.items() if k not in _PLURAL_SCALES}}
# Words that multiply what precedes them (ثلاثة آلاف، مئة ألف, 10 آلاف); a dual scale (ألفين) never does.
MULTIPLIERS = frozenset(k for k, v in SCALES.items() if v in (1000, 1_000_000, 1_000_000_000))
_NEXT_WORD = re.compile(r"\s*(\d+(?:[.,]\d+)*|[^\W\d_]+|%)")


def is_plural_scale(word: str) -> bool:
    return word in _PLURAL_SCALES


def word_trie(words: object) -> str:
    """A regex matching any of ``words``, factored as a trie (a space in a word matches any whitespace).

    Python's ``re`` tries the branches of a flat alternation one by one at every position; a trie
    rejects a position after one character test per level, which makes the scans several times faster.
    """
    root: dict[str, dict] = {}
    for word in set(words):  # type: ignore[call-overload]
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:
    branches = [("\\s+" if c == " " else re.escape(c)) + _emit(sub) for c, sub in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def next_word(folded: str, position: int) -> tuple[str, int, int] | None:
    """The word (or digit run, or %) after ``position``, skipping spaces: (word, start, end)."""
    match = _NEXT_WORD.match(folded, position)
    return (match.group(1), match.start(1), match.end(1)) if match else None


def read_number_words(folded: str, start: int, first: str) -> tuple[int | None, int]:
    """Read a cardinal written in words from ``start``, where the folded word ``first`` begins.

    Handles teens (خمسة عشر), "و"-joined parts (خمسة وعشرون، مئة وخمسون), hundreds (ثلاث مئة) and
    scales (ثلاثة آلاف). Returns the value (None when ``first`` only starts a teen and none follows)
    and the end of the number in ``folded``.
    """
    end = start + len(first)
    total, current = 0, STARTERS.get(first, 0)
    after = next_word(folded, end)
    if after and after[0] in ("عشر", "عشره") and TEEN_FIRST.get(first, 10) < 10:
        current, end = TEEN_FIRST[first] + 10, after[2]
    elif first not in STARTERS:
        return None, end  # أحد، اثنا ... outside a teen: "one of", not a number
    last = current
    while (after := next_word(folded, end)) is not None:
        word, _, word_end = after
        if word in ("مئه", "مائه") and 3 <= current <= 9 and last == current:
            current, last = current * 100, 100
        elif word in MULTIPLIERS and (current or not total):
            total, current, last = total + (current or 1) * SCALES[word], 0, SCALES[word]
        elif word.startswith("و") and word[1:] in STARTERS and _joins(word[1:], last):
            current, last = current + STARTERS[word[1:]], STARTERS[word[1:]]
        else:
            break
        end = word_end
    return (total + current) or None, end


def _joins(word: str, last: int) -> bool:
    """ "خمسة وعشرون" and "مئة وخمسون" are one number; "ثلاثة وأربعة" is a list."""
    return (word in TENS and last < 10) or STARTERS[word] < last
