"""Typed events of an article: triggers from the lexicon, cue-word filters, arguments, then one event per incident.

Entry point :func:`find_events`, called by :mod:`marsad.streams.extract` with the article's context.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from .context import ArticleContext, EventFinding
from .event_arguments import ArticleIndex, span_argument
from .event_attach import attach_arguments
from .event_lexicon import (
    ASSAULT_TYPES,
    CONFLICT_TYPES,
    MAX_MULTIWORD,
    MULTIWORD,
    SEIZABLE,
    TRIGGERS,
    Trigger,
    plover_for,
    token_keys,
    words,
)
from .event_merge import Mention, inherit_from_operations, merge_mentions

__all__ = ["find_events", "plover_for"]

_NEGATION = frozenset({"لم", "لن", "لا", "عدم", "دون", "بدون"})
# Irrealis, threat, generic or framing words a few tokens before a trigger: no event took place here.
_IRREALIS = words(
    "حال اذا لو تهديد تهديدات هدد يهدد تهدد استئناف تصاعد تزايد وتيره مسؤوليه مسؤوليتها "
    "مسؤوليته منع لمنع مواجهه اطار احتمال خشيه مخاوف تحذير حذر يحذر عمليات موجه ظاهره"
)
_HABITUAL = frozenset({"يوميه", "يومي", "متكرره", "اسبوعيه"})
_AIR = words("جوي جويه طيران طائرات طائره حربي حربيه مسيره مسيرات مقاتلات غاره غارات")
_LAUNCH = ("اطلق", "اطلاق", "استهدف", "اعتراض", "اعترض", "سقوط", "سقط", "قصف", "هجوم", "ضرب", "هجمات")
_RETYPE = {
    **dict.fromkeys(("صاروخي", "صاروخيه", "صواريخ", "صاروخ", "بصواريخ"), "shelling"),
    **dict.fromkeys(("انتحاري", "انتحاريه", "مفخخ", "مفخخه", "ناسفه"), "bombing"),
    **dict.fromkeys(("جوي", "جويه", "طائره", "مسيره", "مسيرات"), "airstrike"),
}
_PASSIVE = frozenset({"تم", "يتم", "جري", "يجري"})
_SPORT = words("مباراه المباراه الدوري لاعب اللاعب المنتخب نادي النادي هدف الفريق بطوله كاس الملعب")
# Word beginnings that give an article a security or violence context (conflict types need one).
_VIOLENCE = (
    "قوات", "القوات", "مسلح", "جيش", "الجيش", "امني", "الامن", "شرط", "قتل", "مقتل", "قتلي", "جرحي", "عبو",
    "انفجر", "انفجار", "تفجير", "مفخخ", "ناسف", "ارهاب", "داعش", "ميليشي", "مليشي", "عسكري", "اسلح", "سلاح",
    "غاره", "غارات", "قصف", "قذائف", "هاون", "اشتباك", "معارك", "اختطاف", "خطف", "مسيره", "طائرات",
)  # fmt: skip


_FIRST_WORDS = frozenset(key[0] for key in MULTIWORD)


def find_events(ctx: ArticleContext) -> list[EventFinding]:
    """Find the typed events of one article.

    Args:
        ctx: The article's text, tokens, sentences and mentions (entities, places, times, numbers).

    Returns:
        One :class:`EventFinding` per real-world event, in text order; conflict types only when the
        article has a security or violence context.
    """
    if not ctx.tokens:
        return []
    index = ArticleIndex.build(ctx)
    conflict = _conflict_context(index)
    mentions: list[Mention] = []
    for s, (lo, hi) in enumerate(index.sentence_ranges):
        for type_, trigger, a, b in _sentence_triggers(index, lo, hi):
            if type_ in CONFLICT_TYPES and not conflict:
                continue
            body = ctx.body
            start, end = ctx.tokens[a].start, ctx.tokens[b - 1].end
            whole = index.keys[a][0] in TRIGGERS or (b - a > 1 and index.keys[a][0] in {k[0] for k in MULTIWORD})
            mention = Mention(
                type=type_,
                trigger=span_argument(body, start, end, strip=not whole),
                sentence=ctx.sentences[s],
                sentence_index=s,
                summary=trigger.summary,
                passive=index.has(a - 1, _PASSIVE) or index.has(a - 2, _PASSIVE),
                confidence=0.75 if b - a > 1 else 0.65,
            )
            if attach_arguments(index, mention, a, b, trigger):
                mentions.append(mention)
    inherit_from_operations(mentions)
    return merge_mentions(mentions)


def _conflict_context(index: ArticleIndex) -> bool:
    violence = 0
    for token in index.ctx.tokens:
        violence += _violent(token.norm)
        if violence >= 2:
            return True
    sport = sum(1 for keys in index.keys if any(k in _SPORT for k in keys))
    return violence >= 1 and sport < 3


@lru_cache(maxsize=50_000)
def _lookup(norm: str) -> tuple[Trigger | None, bool]:
    """The single-word trigger of a token (if any) and whether a multiword trigger may start at it."""
    keys = token_keys(norm)
    single = next((TRIGGERS[k] for k in keys if k in TRIGGERS), None)
    return single, any(k in _FIRST_WORDS for k in keys)


@lru_cache(maxsize=50_000)
def _violent(norm: str) -> bool:
    return any(key.startswith(_VIOLENCE) for key in token_keys(norm))


def _sentence_triggers(index: ArticleIndex, lo: int, hi: int) -> list[tuple[str, Trigger, int, int]]:
    """The surviving triggers of one sentence, one per type (the first), kill words only as a last resort."""
    found: dict[str, tuple[str, Trigger, int, int]] = {}
    kills: list[tuple[str, Trigger, int, int]] = []
    i = lo
    while i < hi:
        hit = _match(index, i, hi)
        if hit is None:
            i += 1
            continue
        trigger, b = hit
        type_ = _resolve_type(index, trigger, i, b, lo, hi)
        if type_ is not None and not _suppressed(index, i, b, lo):
            if trigger.kill:
                kills.append((type_, trigger, i, b))
            elif type_ in found and trigger.summary and not found[type_][1].summary:
                first = found[type_]
                found[type_] = (type_, replace(first[1], summary=True), first[2], first[3])
            else:
                found.setdefault(type_, (type_, trigger, i, b))
        i = b
    if kills and not ASSAULT_TYPES & found.keys():
        found.setdefault("attack", kills[0])
    return sorted(found.values(), key=lambda item: item[2])


def _match(index: ArticleIndex, i: int, hi: int) -> tuple[Trigger, int] | None:
    single, starts_multiword = _lookup(index.ctx.tokens[i].norm)
    if not starts_multiword:
        return (single, i + 1) if single is not None else None
    for size in range(min(MAX_MULTIWORD, hi - i), 1, -1):
        for combo in _combinations(index, i, size):
            trigger = MULTIWORD.get(combo)
            if trigger is not None:
                return trigger, i + size
    for key in index.keys[i]:
        trigger = TRIGGERS.get(key)
        if trigger is not None:
            return trigger, i + 1
    return None


def _combinations(index: ArticleIndex, i: int, size: int) -> list[tuple[str, ...]]:
    combos: list[tuple[str, ...]] = [()]
    for j in range(i, i + size):
        combos = [(*c, k) for c in combos for k in index.keys[j]]
        if len(combos) > 16:
            break
    return combos


def _resolve_type(index: ArticleIndex, trigger: Trigger, a: int, b: int, lo: int, hi: int) -> str | None:
    """The trigger's type after its context: air or ground fire, launch and seizable-object checks."""
    near = range(max(lo, a - 4), min(hi, b + 4))
    if trigger.needs == "air_or_ground":
        return "airstrike" if any(index.has(j, _AIR) for j in near if not a <= j < b) else "shelling"
    if trigger.needs == "launch" and not any(index.starts_with(j, _LAUNCH) for j in near if not a <= j < b):
        return None
    if trigger.needs == "seizable" and not any(index.has(j, SEIZABLE) for j in range(b, min(hi, b + 7))):
        return None
    if trigger.retype:
        for j in range(b, min(hi, b + 2)):
            for key in index.keys[j]:
                if key in _RETYPE:
                    return _RETYPE[key]
    return trigger.type


def _suppressed(index: ArticleIndex, a: int, b: int, lo: int) -> bool:
    """Negated, hypothetical, threatened, habitual or generic mentions are not events."""
    if any(index.has(j, _NEGATION) for j in range(max(lo, a - 3), a)):
        return True
    if any(index.has(j, _IRREALIS) for j in range(max(lo, a - 3), a)):
        return True
    hi = index.sentence_ranges[index.sentence_of[a]][1]
    return any(index.has(j, _HABITUAL) for j in range(b, min(hi, b + 3)))
