"""Datelines: the city a wire report was filed from, and the agency that filed it (بيروت - أ ف ب |).

Wire copy opens with one, and its city says where the report was written, not where the event happened:
«بيشاور - رويترز | قُتل خمسة جنود في هجوم على نقطة تفتيش في إقليم خيبر بختونخوا». Read as a word of the
first sentence, the city would win the event's place, and the agency (الأناضول) would be read as the region
it is named after. Knowing the dateline, the extractor types the agency as the outlet it is and prefers
any other place of the sentence to the city (which stays the place when the sentence names no other).

Shapes, at the start of the body or of a line (after a headline):

- ``CITY - AGENCY``, ``CITY ـ AGENCY`` and ``CITY/ AGENCY``, then ``|``, ``:``, a dash or the text:
  ``غزة ـ الأناضول:``, ``بغداد/ الأناضول``;
- ``CITY (AGENCY) -``: ``القاهرة (رويترز) - قال``;
- ``CITY: «AGENCY»``, as Asharq Al-Awsat writes it: ``بغداد: «الشرق الأوسط»``;
- ``CITY -`` or ``CITY:`` with no agency, only when the caller knows the words as a place; an outlet no
  list knows is then read where the dateline marks it off: ``طرابلس - بوابة الوسط |``, ``مأرب: «الشرق الأوسط»``,
  ``مأرب - «الشرق الأوسط» |``, or by the end of the line (``الخرطوم - سودان تربيون``, ``تعز - عدن الغد - خاص``);
- ``CITY DATE`` then the agency, as the state agencies of the Gulf, Egypt and the Maghreb file: between slashes
  (``أبوظبي في 9 سبتمبر / وام /``, ``القاهرة في ٢٥ مارس/أ ش أ/``), in parentheses (``سيدي بوزيد 8 أفريل 2026
  (وات)-``, ``الكويت - 23 - 9 (كونا) --``) or ending the line (``الرياض 30 رجب 1447 هـ الموافق 19 يناير 2026 م
  واس``). The date must name a month or be a day and month in digits, so «غزة 5 شهداء» opens no dateline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from .event_lexicon import TRIGGERS, token_keys
from .timex_patterns import MONTH_WORDS
from .tokenize import Token

__all__ = ["Dateline", "find_dateline", "outlet_after", "paragraph_datelines"]

_DASHES = frozenset("-–—ـ")
_SEPARATORS = _DASHES | {"/"}  # بغداد/ الأناضول, as Anadolu writes it
_QUOTES = frozenset("\"'“”«»")
_PIPES = frozenset("|:")  # what closes an agency's name in «CITY - AGENCY |» or «CITY - AGENCY:»
_MAX_PLACE_WORDS = 3
_MAX_OUTLET_WORDS = 4
# The words of a dateline's date: month names of every family (كانون الثاني is two), the Hijri months, and the
# era marks of «30 رجب 1447 هـ الموافق 19 يناير 2026 م».
_HIJRI_WORDS = frozenset(
    "محرم صفر ربيع جمادي الاول الاولي الثاني الاخر الاخره رجب شعبان رمضان شوال ذو ذي القعده الحجه".split()
)
_DATE_WORDS = MONTH_WORDS | _HIJRI_WORDS | {"في", "ه", "الموافق", "م", ","}
_MAX_DATE_TOKENS = 14
# A dateline opens the body or a line; a headline runs on into the body after a line break or a wide gap.
_REACH = 60  # tokens from the start of the body


class Dateline(NamedTuple):
    """Character spans of a dateline's place and of its agency (``None`` when the dateline names none)."""

    place: tuple[int, int]
    outlet: tuple[int, int] | None


def find_dateline(
    body: str,
    tokens: Sequence[Token],
    is_outlet: Callable[[str], bool],
    is_place: Callable[[int, int], bool] = lambda start, end: False,
) -> Dateline | None:
    """The article's dateline, or ``None``.

    Args:
        body: the article text the tokens index.
        tokens: its tokens.
        is_outlet: whether a phrase names a news agency or outlet (the linker's media entries).
        is_place: whether the character span [start, end) is a place; a dateline without an agency is
            only taken when it is, since «الرئيس: ...» opens a line the same way.
    """
    for i in _line_starts(body, tokens):
        found = _dateline_at(body, tokens, i, is_outlet, is_place)
        if found is not None:
            return found
    return None


def paragraph_datelines(
    body: str, tokens: Sequence[Token], is_outlet: Callable[[str], bool], first: Dateline | None
) -> tuple[Dateline, ...]:
    """The datelines that open later paragraphs, as a round-up of wire items writes them, each with an agency
    a list knows: «مقديشو (أ ف ب) - انفجرت سيارة مفخخة ...» files the paragraph's story like the article's
    dateline does the article's, so its city and agency are read the same way. ``first`` is the article's own."""
    found = []
    for i in _line_starts(body, tokens, len(tokens))[1:]:
        dateline = _dateline_at(body, tokens, i, is_outlet, _no_place)
        if dateline is not None and dateline.outlet is not None and dateline != first:
            found.append(dateline)
    return tuple(found)


def _no_place(start: int, end: int) -> bool:
    return False


def _line_starts(body: str, tokens: Sequence[Token], reach: int = _REACH) -> list[int]:
    starts = [0] if tokens else []
    for i in range(1, min(len(tokens), reach)):
        gap = body[tokens[i - 1].end : tokens[i].start]
        if "\n" in gap or "  " in gap:
            starts.append(i)
    return starts


def _dateline_at(
    body: str,
    tokens: Sequence[Token],
    i: int,
    is_outlet: Callable[[str], bool],
    is_place: Callable[[int, int], bool],
) -> Dateline | None:
    n = len(tokens)
    k = _words_end(tokens, i, _MAX_PLACE_WORDS)
    k = next((j for j in range(i + 1, k) if _line_break_before(body, tokens, j)), k)  # a place keeps to its line
    if k == i or k >= n:
        return None
    dated = _dated(body, tokens, i, k, is_outlet, is_place)
    if dated is not None:
        return dated
    place = (tokens[i].start, tokens[k - 1].end)
    separator = _mark(tokens[k])
    if separator in _SEPARATORS:
        outlet = outlet_after(body, tokens, k + 1, is_outlet)
        if outlet is not None:
            return Dateline(place, outlet[:2])
        if not is_place(*place):
            return None
        if k + 1 < n and tokens[k + 1].norm in _QUOTES:  # مأرب - «الشرق الأوسط» |
            return Dateline(place, _closed_run(tokens, k + 2, _QUOTES))
        # طرابلس - بوابة الوسط |, or the outlet alone on the dateline's line: الخرطوم - سودان تربيون ⏎،
        # تعز - عدن الغد - خاص ⏎
        return Dateline(place, _closed_run(tokens, k + 1, _PIPES) or _line_run(body, tokens, k + 1))
    if separator == "(":
        outlet = outlet_after(body, tokens, k + 1, is_outlet)
        if outlet is None or outlet[2] >= n or tokens[outlet[2]].norm != ")":
            return None
        # القاهرة (رويترز) - قال: a dash or a colon closes it; «موجز أخبار (كونا) الإقليمية» is a headline
        closed = outlet[2] + 1 < n and (_mark(tokens[outlet[2] + 1]) in _DASHES or tokens[outlet[2] + 1].norm == ":")
        return Dateline(place, outlet[:2]) if closed or is_place(*place) else None
    if separator == ":":
        if k + 1 < n and tokens[k + 1].norm in _QUOTES:
            outlet = outlet_after(body, tokens, k + 2, is_outlet)
            if outlet is not None:
                return Dateline(place, outlet[:2])
            if is_place(*place):  # مأرب: «الشرق الأوسط»: a quoted name after the city's colon is the paper
                return Dateline(place, _closed_run(tokens, k + 2, _QUOTES))
        return Dateline(place, None) if is_place(*place) else None
    return None


def _dated(
    body: str,
    tokens: Sequence[Token],
    i: int,
    k: int,
    is_outlet: Callable[[str], bool],
    is_place: Callable[[int, int], bool],
) -> Dateline | None:
    """A dateline whose date stands between the city and the agency: ``أبوظبي في 9 سبتمبر / وام /``.

    ``k`` ends the city's words, which may have run into the date's «في». The agency is the outlet named after
    the date, or, after a city the caller knows, the words a slash or parentheses close.
    """
    if k - 1 > i and tokens[k - 1].norm == "في":
        k -= 1
    end = _date_end(tokens, k)
    if end == k or end >= len(tokens):
        return None
    place = (tokens[i].start, tokens[k - 1].end)
    mark = _mark(tokens[end])
    if mark in ("/", "("):
        closer = "/" if mark == "/" else ")"
        outlet = outlet_after(body, tokens, end + 1, is_outlet)
        if outlet is not None and outlet[2] < len(tokens) and tokens[outlet[2]].norm == closer:
            return Dateline(place, outlet[:2])
        if is_place(*place):
            run = _closed_run(tokens, end + 1, frozenset(closer))
            return Dateline(place, run) if run is not None else None
        return None
    outlet = outlet_after(body, tokens, end, is_outlet)  # ... 2026 م واس ⏎
    if outlet is not None and (outlet[2] >= len(tokens) or _line_break_before(body, tokens, outlet[2])):
        return Dateline(place, outlet[:2])
    return None


def _date_end(tokens: Sequence[Token], k: int) -> int:
    """The token after the date that starts at token ``k``, or ``k`` when none does.

    A date here names a month (٢٥ مارس, 30 رجب 1447 هـ) or is a day and a month in digits (- 23 - 9).
    """
    end, digits, month = k, 0, False
    while end < len(tokens) and end - k < _MAX_DATE_TOKENS:
        token = tokens[end]
        if token.norm.isdigit():
            digits += 1
        elif token.norm in MONTH_WORDS or token.norm in _HIJRI_WORDS:
            month = True
        elif token.norm not in _DATE_WORDS and not (
            _mark(token) in _DASHES and end + 1 < len(tokens) and tokens[end + 1].norm.isdigit()
        ):  # الكويت - 23 - 9: dashes before and between the day and the month
            break
        end += 1
    return end if digits and (month or digits >= 2) else k


def _closed_run(tokens: Sequence[Token], j: int, closers: frozenset[str]) -> tuple[int, int] | None:
    """The span of up to four words from token ``j`` that a closer ends (an outlet no list knows)."""
    end = _words_end(tokens, j, _MAX_OUTLET_WORDS)
    if end == j or end >= len(tokens) or tokens[end].norm not in closers:
        return None
    return tokens[j].start, tokens[end - 1].end


def _line_run(body: str, tokens: Sequence[Token], j: int) -> tuple[int, int] | None:
    """The span of up to four words from token ``j`` that end the line, maybe before «- خاص» (exclusive)."""
    end = _words_end(tokens, j, _MAX_OUTLET_WORDS)
    end = next((k for k in range(j + 1, end) if _line_break_before(body, tokens, k)), end)
    if end == j:
        return None
    last = end
    if end + 1 < len(tokens) and _mark(tokens[end]) in _DASHES and tokens[end + 1].norm == "خاص":
        last = end + 2
    if last < len(tokens) and not _line_break_before(body, tokens, last):
        return None
    kinds = {TRIGGERS[key].type for token in tokens[j:end] for key in token_keys(token.norm) if key in TRIGGERS}
    if kinds and not (end - j == 1 and kinds == {"statement"}):
        return None  # غزة - مقتل خمسة أشخاص ⏎: a headline after the city, not an outlet (but دبي - البيان ⏎ is one)
    return tokens[j].start, tokens[end - 1].end


_NET = "نت"


def outlet_after(
    body: str, tokens: Sequence[Token], j: int, is_outlet: Callable[[str], bool], most: int = _MAX_OUTLET_WORDS
) -> tuple[int, int, int] | None:
    """The longest run of up to ``most`` words from token ``j`` that names an outlet: its span and next token."""
    end = _words_end(tokens, j, most)
    for stop in range(end, j, -1):
        start, finish = tokens[j].start, tokens[stop - 1].end
        if is_outlet(body[start:finish]):
            if _website_after(tokens, stop, finish):
                return start, tokens[stop + 1].end, stop + 2  # العربية.نت: the channel's website
            return start, finish, stop
    return None


def _website_after(tokens: Sequence[Token], k: int, finish: int) -> bool:
    """Whether «.نت» is written onto the name that ends at ``finish``, tokens ``k`` and ``k + 1``."""
    if k + 1 >= len(tokens) or tokens[k].norm != "." or tokens[k + 1].norm != _NET:
        return False
    return tokens[k].start == finish and tokens[k + 1].start == tokens[k].end


def _line_break_before(body: str, tokens: Sequence[Token], k: int) -> bool:
    return "\n" in body[tokens[k - 1].end : tokens[k].start]


def _mark(token: Token) -> str:
    """A punctuation token as folded, or as written when folding empties it (a lone tatweel, ـ)."""
    return token.norm or token.text


def _words_end(tokens: Sequence[Token], j: int, most: int) -> int:
    """The token after the run of at most ``most`` words that starts at token ``j``."""
    end = j
    while end < len(tokens) and end - j < most and tokens[end].norm.isalpha():
        end += 1
    return end
