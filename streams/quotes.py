"""Attributed quotations: a quoted passage after a speech verb, with its speaker, role and outlet.

Covers ``قال/أكد/أوضح/أشار/أضاف ... إن «...»``, ``بيان ... قالت فيه / جاء فيه: "..."`` and continued
quotes (``لافتاً إلى أن "..."``, which keep the previous speaker). Quotation marks of every kind are
recognised: « » “ ” „ " ״. The quote's span is the text inside the marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter

from marsad.schemas.records import Entity, Quote

from .arabic import fold, listed, strip_clitics
from .context import ArticleContext
from .entity_context import name_after_role
from .tokenize import Token

__all__ = ["SPEECH_VERBS", "find_quotes"]

_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"', "״": "״", "”": "”"}
_OPEN_RE = re.compile('[«“„"״”]')
_MIN_CHARS = 15
_MIN_WORDS = 4
_LOOKBACK = 220
_START = attrgetter("start")
_SUBJECT_REACH = 60  # characters before the verb where its subject may stand (SVO)
_fold = lru_cache(maxsize=20_000)(fold)  # verbs and names recur: fold each spelling once


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split())


def _forms(stems: str) -> frozenset[str]:
    forms: set[str] = set()
    for stem in stems.split():
        forms |= {stem, stem + "ت", stem + "وا"}
    return frozenset(fold(f) for f in forms)


SPEECH_VERBS: frozenset[str] = _forms(
    "قال اكد اوضح اشار اضاف صرح ذكر افاد تابع لفت شدد اعلن اعتبر نقل كشف حذر ختم"
) | _words(
    "تقول يقول يؤكد تؤكد يوضح يشير تشير يضيف جاء لافتا لافته موضحا موضحه مضيفا مضيفه مؤكدا مؤكده "
    "مشيرا مشيره متابعا معتبرا مشددا محذرا وفق بحسب حسب"
)
_CONTINUATION = _words("لافتا لافته موضحا موضحه مضيفا مضيفه مؤكدا مؤكده مشيرا مشيره")
_ROLE_STOP = frozenset({",", ":", "(", '"', "ان", "انه", "انها", "ل", "في", "فيه"})


def find_quotes(ctx: ArticleContext) -> list[Quote]:
    """Find the attributed quotations of one article, in text order.

    Args:
        ctx: The article context (body, tokens, entities).

    Returns:
        One :class:`Quote` per quoted passage that a speech verb introduces; short scare-quotes
        (“أخبار الآن”) are not quotes.
    """
    body = ctx.body
    quotes: list[Quote] = []
    previous: Quote | None = None
    for q_start, q_end in _quoted_spans(body):
        inner = body[q_start:q_end]
        if len(inner.strip()) < _MIN_CHARS or len(inner.split()) < _MIN_WORDS:
            continue
        window_start = max(0, q_start - _LOOKBACK, previous.end + 1 if previous else 0)
        lo = bisect_left(ctx.tokens, window_start, key=_START)
        hi = bisect_left(ctx.tokens, q_start - 1, key=_START)
        verb_at = _last_verb(ctx.tokens, lo, hi)
        if verb_at is None:
            continue
        verb = ctx.tokens[verb_at]
        quote = _attribute(ctx, verb_at, q_start - 1, inner, q_start, q_end)
        if quote.speaker is None and previous is not None and _fold(verb.text) in _CONTINUATION:
            quote = Quote(
                inner, q_start, q_end, previous.speaker, previous.speaker_id, previous.speaker_role,
                previous.outlet, verb.text,
            )  # fmt: skip
        quotes.append(quote)
        previous = quote
    return quotes


def _quoted_spans(body: str) -> list[tuple[int, int]]:
    """Spans inside balanced quotation marks (no nesting: Arabic news rarely nests)."""
    spans: list[tuple[int, int]] = []
    at = 0
    while True:
        match = _OPEN_RE.search(body, at)
        if match is None:
            return spans
        close = body.find(_PAIRS[match.group()], match.end())
        if close < 0:
            return spans
        spans.append((match.end(), close))
        at = close + 1


def _last_verb(tokens: list[Token], lo: int, hi: int) -> int | None:
    for i in range(min(hi, len(tokens) - 1), lo - 1, -1):
        if listed(tokens[i].norm, SPEECH_VERBS):
            return i
    return None


def _attribute(ctx: ArticleContext, verb_at: int, until: int, inner: str, start: int, end: int) -> Quote:
    verb = ctx.tokens[verb_at]
    between = [e for e in ctx.entities if verb.end <= e.start and e.end <= until and e.type in ("PER", "ORG")]
    outlet = _outlet(ctx.body, between, verb.end, until)
    speakers = [e for e in between if outlet is None or e.text != outlet]
    people = [e for e in speakers if e.type == "PER"]
    speaker = people[0] if people else (speakers[0] if speakers else None)
    if speaker is None:
        named = _named_after_comma(ctx, verb_at, until) or _antecedent(ctx, verb_at)
        if named is not None:
            return _quote(ctx, inner, start, end, named, outlet or _outlet_token(ctx, named.end, until), verb)
        sentence = ctx.sentence_of(verb.start)
        floor = sentence.start if sentence else 0
        floor = max(floor, verb.start - _SUBJECT_REACH)
        before = [e for e in ctx.entities if floor <= e.start and e.end <= verb.start and e.type in ("PER", "ORG")]
        speaker = before[-1] if before else None
    if speaker is not None and outlet is None:
        outlet = _outlet_token(ctx, speaker.end, until)
    return _quote(ctx, inner, start, end, speaker, outlet, verb)


def _quote(
    ctx: ArticleContext, inner: str, start: int, end: int, speaker: Entity | None, outlet: str | None, verb: Token
) -> Quote:
    verb_at = bisect_left(ctx.tokens, verb.start, key=_START)
    return Quote(
        text=inner,
        start=start,
        end=end,
        speaker=speaker.text if speaker else None,
        speaker_id=speaker.canonical_id if speaker else None,
        speaker_role=_role(ctx, verb_at, speaker) if speaker is not None else None,
        outlet=outlet,
        verb=verb.text,
    )


def _named_after_comma(ctx: ArticleContext, verb_at: int, until: int) -> Entity | None:
    """A name the NER missed, set off after a role: قال الخبير في ...، مصطفى أمين لـ ..."""
    found = name_after_role(ctx.tokens, verb_at, until)
    if found is None:
        return None
    start, stop = found
    return Entity(ctx.body[start:stop], "PER", start, stop, source="quote")


def _antecedent(ctx: ArticleContext, verb_at: int) -> Entity | None:
    """A definite noun subject (وذكرت الخلية) standing for an earlier organisation named with it."""
    if verb_at + 1 >= len(ctx.tokens):
        return None
    noun = strip_clitics(ctx.tokens[verb_at + 1].norm)
    if not noun.startswith("ال") or len(noun) < 5:
        return None
    for entity in ctx.entities:
        before = entity.start < ctx.tokens[verb_at].start and entity.type == "ORG"
        if before and _fold(entity.text).split()[0] == noun[2:]:
            return entity
    return None


def _outlet_token(ctx: ArticleContext, after: int, until: int) -> str | None:
    """An outlet written as one word with its preposition (للأناضول، لوكالة ...) right after the speaker."""
    tokens = ctx.tokens
    for i in range(bisect_left(tokens, after, key=_START), len(tokens)):
        token = tokens[i]
        if token.end > until:
            return None
        if token.norm in {",", "-"}:
            continue
        if token.norm.startswith("لل") and token.norm.isalpha():
            return "ال" + ctx.body[token.start + 2 : token.end]
        return None
    return None


def _outlet(body: str, entities: list[Entity], lo: int, hi: int) -> str | None:
    """What follows ``لـ`` / ``ل``: a quoted name (لـ “أخبار الآن”) or an organisation (للأناضول)."""
    region = body[lo:hi]
    match = re.search(r'(?:^|\s)لـ?\s*[“"«]([^”"»]{2,40})[”"»]', region)
    if match:
        return match.group(1).strip()
    for entity in entities:
        prefix = body[max(lo, entity.start - 3) : entity.start]
        if entity.type == "ORG" and re.search(r"(?:^|\s)(?:لـ?|ل)\s*[“\"«(]*$", prefix):
            return entity.text
        if entity.type == "ORG" and body[entity.start] == "ل" and _fold(entity.text).startswith("لل"):
            return entity.text
    return None


# Titles that begin a role in the construct state, without ال (وزير الداخلية، رئيس الوزراء، قائد الشرطة).
_ROLE_HEADS = frozenset(
    ["وزير", "وزيره", "رئيس", "رئيسه", "نائب", "مدير", "مديره", "قائد", "امين", "سفير", "محافظ", "عضو",
     "مستشار", "متحدث", "ناطق", "مسؤول", "مساعد", "زعيم", "مبعوث", "ممثل"]
)  # fmt: skip


def _role(ctx: ArticleContext, verb_at: int, speaker: Entity) -> str | None:
    """The noun phrase between the verb and the speaker's name (الخبير في شؤون الجماعات المتطرفة)."""
    tokens = ctx.tokens
    i = verb_at + 1
    while i < len(tokens) and tokens[i].end <= speaker.start and tokens[i].norm in _ROLE_STOP:
        i += 1
    j = i
    while j < len(tokens) and tokens[j].end <= speaker.start and tokens[j].norm not in {",", ":"}:
        j += 1
    norm = tokens[i].norm if j > i else ""
    if not strip_clitics(norm).startswith("ال") and not listed(norm, _ROLE_HEADS):
        return None  # a role is definite (الخبير في ...) or a title in construct (وزير الداخلية)
    return ctx.body[tokens[i].start : tokens[j - 1].end]
