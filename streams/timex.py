"""Arabic time expressions in news text, resolved against the article's date to an ISO date and a precision.

Conventions (the value is always the *first day* of the period the expression names):

- ``precision`` is the length of that period: ``day``; ``week`` (an ISO week, Monday first, or a third of a
  month for مطلع/منتصف/أواخر + month); ``month`` (a month, or a third of a year for مطلع/منتصف/أواخر العام);
  ``year``. ``value_end`` is the last day of the period, inclusive.
- A bare weekday (الجمعة) is the latest such day on or before the reference; الماضي/الماضية makes it strictly
  before, المقبل/القادم strictly after. A day and month without a year takes the latest year that puts it on
  or before the reference (news reports the past); الماضي makes it strictly before, المقبل strictly after.
- ليل/ليلة + weekday resolves to the named day (news usage), not to the eve before it.
- ``قبل/منذ`` + N units is the reference minus N units (precision of the unit); ``قبل أيام`` is the week
  before the reference. ``خلال 24 ساعة`` is a duration: kind ``duration``, no value.
- ``anchor`` is the passed anchor when the value depends on the reference, else ``"none"`` (an explicit
  date with its year, or an expression that could not be resolved).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .folding import FoldedText, folded_text
from .timex_patterns import anchor_windows, may_match, patterns_for
from .timex_resolve import RESOLVERS, Resolved, Resolver, in_year

__all__ = ["TimeExpression", "find_times"]

_ANCHORS = frozenset({"published", "ingest", "none"})
_NOT_AFTER = re.compile(r"(?:ذلك|تلك|نفس|ذات)\s*$")  # ذلك اليوم، نفس اليوم: another day than the reference
_TITLE_BEFORE = re.compile(r"(?:مدير|المدير|الامين|المدعي|النائب|المفتش|الراي)\s*$")  # المدير العام الحالي
# A place named after a date: مدينة السادس من أكتوبر، جسر 6 أكتوبر، ميدان 23 يوليو، شارع 26 يوليو
_PLACE_BEFORE = re.compile(r"(?:^|\s)[وبل]{0,2}(?:مدينه|حي|جسر|كوبري|ميدان|شارع|محور|نفق)\s*$")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression: its span in the original text and, when resolvable, its date."""

    text: str
    start: int
    end: int
    kind: str  # "date" | "relative" | "duration" | "period"
    value: str | None  # ISO 8601 first day of the period, None when unresolved
    precision: str | None  # "day" | "week" | "month" | "year" | None
    anchor: str  # "published" | "ingest" | "none"
    value_end: str | None = None  # ISO 8601 last day of the period (inclusive)


def find_times(text: str, reference: dt.date | None, anchor: str = "published") -> list[TimeExpression]:
    """Find and resolve the time expressions of ``text``.

    Args:
        text: the original article text; spans index it.
        reference: the date relative expressions count from (``published_at``, or the ingest time); with
            None they are found but left unresolved.
        anchor: where ``reference`` came from, copied to every value that depends on it.

    Returns:
        Non-overlapping expressions (the longest wins), in text order.

    Raises:
        ValueError: an unknown anchor.
    """
    if anchor not in _ANCHORS:
        raise ValueError(f"anchor must be one of {sorted(_ANCHORS)}, not {anchor!r}")
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    view = folded_text(text)
    candidates: list[tuple[int, int, Resolved]] = []
    for match, resolver in _matches(view.folded):
        if _blocked(view, match):
            continue
        try:
            resolved = resolver(match, reference)
        except (OverflowError, ValueError):  # a date before year 1 or after 9999: found, not datable
            resolved = resolver(match, None)
        if resolved is not None:
            candidates.append((match.start("t"), match.end("t"), resolved))
    chosen = _same_year(view.folded, _longest(candidates))
    return [_record(view, start, end, r, anchor) for start, end, r in chosen]


# «في تموز من العام نفسه»: a month of the year named last, not of the reference's
_SAME_YEAR = re.compile(r"\s+(?:من|في)\s+(?:(?:العام|السنه)\s+(?:نفسه|ذاته)|نفس\s+(?:العام|السنه))")


def _same_year(folded: str, chosen: list[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
    """Give a month or a day said to be «of the same year» the year the text named last (في آب 2020 ...، في
    تموز من العام نفسه: July 2020); without a year named before it, it keeps its own reading."""
    out: list[tuple[int, int, Resolved]] = []
    year: int | None = None
    for start, end, r in chosen:
        same = _SAME_YEAR.match(folded, end)
        if same is not None and year is not None and (moved := in_year(r, year)) is not None:
            r, end = moved, same.end()
        if r.first is not None and not r.relative:
            year = r.first.year  # a year the text names, not one counted from the reference (سوق الجمعة)
        out.append((start, end, r))
    return out


def _matches(folded: str) -> Iterator[tuple[re.Match[str], Resolver]]:
    for start, end, names in anchor_windows(folded):
        for name, pattern, filtered in patterns_for(names):
            if filtered and not may_match(name, folded, start, end):
                continue
            for match in pattern.finditer(folded, start, end):
                yield match, RESOLVERS[name]


def _blocked(view: FoldedText, match: re.Match[str]) -> bool:
    """Whether a match is no time: ذلك اليوم, المدير العام الحالي, or أب (father), which folds like آب (August)."""
    start = match.start("t")
    if _NOT_AFTER.search(view.folded, max(0, start - 12), start) is not None:
        return True
    if _PLACE_BEFORE.search(view.folded[max(0, start - 12) : start]) is not None:
        return True
    if match.group("t").startswith("العام") and _TITLE_BEFORE.search(view.folded, max(0, start - 12), start):
        return True
    if "m" in match.re.groupindex and match.group("m") == "اب":
        return view.text[view.original(match.start("m"))] != "آ"
    return False


def _longest(candidates: list[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
    chosen: list[tuple[int, int, Resolved]] = []
    taken: list[tuple[int, int]] = []
    for start, end, resolved in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= s or start >= e for s, e in taken):
            chosen.append((start, end, resolved))
            taken.append((start, end))
    return sorted(chosen, key=lambda c: c[0])


def _record(view: FoldedText, start: int, end: int, r: Resolved, anchor: str) -> TimeExpression:
    first, last = view.span(start, end)
    resolved = r.first is not None
    return TimeExpression(
        text=view.text[first:last],
        start=first,
        end=last,
        kind=r.kind,
        value=r.first.isoformat() if r.first else None,
        precision=r.precision if resolved else None,
        anchor=anchor if resolved and r.relative else "none",
        value_end=(r.last or r.first).isoformat() if r.first else None,
    )
