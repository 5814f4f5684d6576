"""When an event happened: the time expression that dates a mention, and whether it is recent or old news."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from marsad.schemas.records import EventTime

from .arabic import fold
from .context import ArticleContext
from .event_index import ArticleIndex
from .event_lexicon import REPORTING_VERBS
from .event_merge import Mention
from .timex import TimeExpression

__all__ = ["attach_time", "dated_lately"]

_RECENT_DAYS = 7
_NEAR = 8  # tokens: a time this close to the trigger dates the event itself
_FUTURE_WORDS = ("مقبل", "قادم", "المقبل", "القادم")
_OLD_DAYS = 10
_SAID_OPENERS = frozenset({"ان", "بان", "وان"})  # إنّ / أنّ (and بأن) that open what is said
_REPORT_REACH = 6  # words before a time where a reporting verb makes it the report's date


def attach_time(index: ArticleIndex, m: Mention, a: int, c_lo: int, c_hi: int, lo: int, hi: int) -> None:
    """Date the mention with the time nearest its trigger in its clause [c_lo, c_hi), else its sentence
    [lo, hi); set ``recent`` (dated within a week, next to the trigger) and ``background`` (old news).
    """
    ctx = index.ctx
    times = index.memo("event_times", lambda: _event_times(ctx))
    if not times:
        return  # no time to date it: the mention keeps its empty time
    in_clause = False
    tokens = ctx.tokens
    near = (tokens[max(lo, a - _NEAR)].start, tokens[min(hi, a + _NEAR) - 1].end)
    windows = ((tokens[c_lo].start, tokens[c_hi - 1].end), (m.sentence.start, m.sentence.end))
    said = _said_from(index, a, hi) if m.type == "statement" else None
    for scope, (start, end) in enumerate(windows):
        inside = [t for t in times if start <= t.start and t.end <= end and (said is None or t.start < said)]
        if inside:
            anchor = tokens[a].start
            # أعلنت الوزارة، الأحد، أن مسلحين خطفوا ... مساء الجمعة: the event's own time beats the report's
            reported = len(inside) > 1 and m.type != "statement"  # a statement's date is the report's own
            own = [t for t in inside if not _dates_the_report(index, t, a)] if reported else inside
            best = min(own or inside, key=lambda t: abs(t.start - anchor))
            in_clause = near[0] <= best.start < near[1]
            m.time_explicit = (in_clause or scope == 0) and not _dates_the_report(index, best, a)
            m.time = _event_time(index, best)
            break
    value = _iso(m.time.date)
    # without a publication date, a time counted from the ingest time (قبل ثلاثة أسابيع، الشهر الماضي) is as
    # old as it says all the same; an absolute date (10 حزيران 2025) is not, if the article came in late
    if value is not None and (ctx.time_anchor == "published" or m.time.anchor == "ingest"):
        age = (ctx.anchor_date - value).days
        m.recent = in_clause and age <= _RECENT_DAYS
        m.background = age > _OLD_DAYS
    elif m.time.text is not None:
        m.recent = in_clause


def _said_from(index: ArticleIndex, a: int, hi: int) -> int | None:
    """Where what a statement says begins (قال الناطق ... إن طواقمه انتشلت جثامين منزل دمرته غارة قبل ثلاثة
    أسابيع): a time past «إن / أن» dates what was said, not the saying. None when nothing opens it."""
    for k in range(a + 1, hi):
        if index.norms[k] in _SAID_OPENERS:
            return index.ctx.tokens[k].start
    return None


def dated_lately(index: ArticleIndex, lo: int, j: int) -> bool:
    """Whether tokens [lo, j) hold a time of the article's day or the day before (اعتقلت القوات، فجر اليوم،
    ثمانية مواطنين عقب دهم منازلهم): what that clause tells "after" is the same night's news."""
    ctx = index.ctx
    if ctx.time_anchor != "published" or j <= lo:
        return False
    start, end = ctx.tokens[lo].start, ctx.tokens[j].start
    return any(start <= at < end for at in index.memo("lately", lambda: _lately(index)))


def _lately(index: ArticleIndex) -> list[int]:
    """Where the article's times of its own day or the day before start (made once per article)."""
    ctx = index.ctx
    times = index.memo("event_times", lambda: _event_times(ctx))
    days = [(t.start, _iso(t.value)) for t in times if t.precision == "day"]
    return [at for at, value in days if value is not None and 0 <= (ctx.anchor_date - value).days <= 1]


def _dates_the_report(index: ArticleIndex, e: TimeExpression, a: int) -> bool:
    """وأصدر المركز، الجمعة، بياناً أعلن فيه تفكيك الخلية: the time dates the statement, not the event it
    reports (a reporting verb shortly before the time, the trigger after it). The mention keeps that time,
    but as borrowed, so a mention of the same event that names its own time wins the merge."""
    first, _ = index.span(e.start, e.end)
    if first >= a:
        return False
    words = 0
    for j in range(first - 1, -1, -1):
        if not index.norms[j].isalpha():
            continue  # quotation marks and commas around the speaker's name (لـ"قسد"،) do not count
        if index.has(j, REPORTING_VERBS):
            return True
        words += 1
        if words == _REPORT_REACH:
            break
    return False


def _event_time(index: ArticleIndex, e: TimeExpression) -> EventTime:
    """The event's time record of a time expression, made once per article (mentions share it)."""
    made: dict[int, EventTime] = index.memo("event_time_records", dict)
    record = made.get(id(e))
    if record is None:
        record = made[id(e)] = EventTime(e.text, e.start, e.end, e.value, e.precision, e.anchor)
    return record


def _event_times(ctx: ArticleContext) -> list[TimeExpression]:
    """Times that can date an event: not durations, not in the future of the article."""
    return [t for t in ctx.times if getattr(t, "kind", "") != "duration" and not _future(ctx.anchor_date, t)]


@lru_cache(maxsize=20_000)
def _future_words(text: str) -> bool:
    return any(word in fold(text) for word in _FUTURE_WORDS)


def _future(anchor: date, expression: object) -> bool:
    if _future_words(getattr(expression, "text", "")):
        return True
    value = _iso(getattr(expression, "value", None))
    return value is not None and value > anchor


@lru_cache(maxsize=4096)
def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
