"""The words around a name settle its type where the tagger's guess is weakest.

A sequence model trained on 2007 newswire knows little of the towns of today's conflicts, and a name list
of people (which the tagger now sees) holds many family names that are also villages. Two contexts are
unambiguous in news Arabic: a name right after a settlement noun (بلدة X، قرية X، مخيم X) or between في
and a "countryside of" phrase (في X بريف Y) is a place; a name that the actor gazetteer knows as a news
outlet, right after a citing word (بحسب X، وفقاً لـ X، نقلاً عن X) or spoken to (قال للأناضول), is that
outlet, not the region it is named after (الأناضول، سبأ). Everything else is left as the tagger said.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .arabic import fold, strip_clitics
from .tokenize import Token

__all__ = ["cited_outlets", "drop_generic_nouns", "retype_by_context", "spokesperson_names"]

# Folded forms, as Token.norm has them.
_SETTLEMENTS = frozenset(
    ["بلده", "قريه", "مدينه", "ناحيه", "مخيم", "محافظه", "منطقه", "قضاء", "مديريه", "بلدات", "قري", "حي",
     "ضاحيه", "مركز"]
)  # fmt: skip
_SURROUNDINGS = frozenset(["ريف", "ارياف", "محافظه", "ضواحي", "قضاء", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي"])
# "ل" is لـ written apart (قال لـ"الجزيرة"، وفقاً لـ«الجزيرة»).
_CITING = frozenset(["بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا", "لوكاله", "وكاله", "عن", "ل"])
_QUOTES = frozenset("\"'“”«»‘’")
_SPOKESPERSON = frozenset(["المتحدث", "الناطق", "المتحدثه", "الناطقه"])
# Common nouns that head place and organisation names but never name one alone (without ال; folded).
_GENERIC_NOUNS = frozenset(
    ["ريف", "ارياف", "منطقه", "مناطق", "مدينه", "مدن", "بلده", "قريه", "قري", "محافظه", "عاصمه", "حي", "احياء",
     "شارع", "ساحه", "مخيم", "جبهه", "طراز", "نوع", "بلاد", "دوله", "اقليم", "ولايه", "ناحيه", "قضاء", "مديريه",
     "حكومه", "وزاره", "قوات", "جيش", "شرطه", "جماعه", "تنظيم", "حركه", "حزب", "مجلس", "خليه"]
)  # fmt: skip


def retype_by_context(spans: Sequence[Any], tokens: Sequence[Token]) -> list[Any]:
    """The model's spans, a PER after a settlement noun (or between في and بريف) retyped LOC."""
    index = {token.start: i for i, token in enumerate(tokens)}
    out = []
    for span in spans:
        i = index.get(span.start)
        if i is None:
            out.append(span)
            continue
        before = _word_before(tokens, i)
        if span.type == "PER" and (before in _SETTLEMENTS or _between_in_and_countryside(tokens, i, span.end)):
            span = span._replace(type="LOC")
        out.append(span)
    return out


def drop_generic_nouns(spans: Sequence[Any]) -> list[Any]:
    """The model's spans without one-word common nouns it took for names (الريف، المنطقة، طراز).

    "The countryside" or "the region" alone names no place an analyst can map: the place is the one the
    noun heads (ريف دير الزور), which the gazetteer and the rules find on their own.
    """
    return [s for s in spans if " " in s.text.strip() or _bare(s.text) not in _GENERIC_NOUNS]


def _bare(text: str) -> str:
    stem = strip_clitics(fold(text.strip()))
    return stem[2:] if stem.startswith("ال") else stem


def cited_outlets(tokens: Sequence[Token], link: Callable, make: Callable) -> list[Any]:
    """One-word outlet names cited (بحسب "الأناضول") or spoken to (قال للأناضول); they override place names."""
    found = []
    for i, token in enumerate(tokens):
        if not any(ch.isalpha() for ch in token.text):
            continue
        told = token.norm.startswith("ل") and _outlet(link, strip_clitics(token.norm))  # قال للأناضول
        if told or (_word_before(tokens, i) in _CITING and _outlet(link, token.text)):
            found.append(make(token.text, "ORG", token.start, token.end))
    return found


def spokesperson_names(body: str, tokens: Sequence[Token], make: Callable) -> list[Any]:
    """The name set off by commas after a spokesperson's title (المتحدث العسكري باسم الحوثيين، يحيى سريع،).

    Spokespeople are quoted in almost every conflict report, and their names are often also common words
    (سريع "fast"), which a tagger that weighs word frequency hesitates on; the apposition is unambiguous.
    """
    found = []
    n = len(tokens)
    for i, token in enumerate(tokens):
        if strip_clitics(token.norm) not in _SPOKESPERSON:
            continue
        comma = next((j for j in range(i + 1, min(n, i + 7)) if tokens[j].norm == ","), None)
        if comma is None:
            continue
        end = comma + 1
        while end < min(n, comma + 4) and tokens[end].norm.isalpha() and not tokens[end].norm.startswith("ال"):
            end += 1
        if end - comma - 1 >= 2 and end < n and tokens[end].norm in (",", "."):
            start, stop = tokens[comma + 1].start, tokens[end - 1].end
            found.append(make(body[start:stop], "PER", start, stop))
    return found


def _word_before(tokens: Sequence[Token], i: int) -> str:
    """The folded word before token ``i``, skipping quotation marks; a proclitic is dropped (وبحسب)."""
    j = i - 1
    while j >= 0 and tokens[j].norm in _QUOTES:
        j -= 1
    if j < 0:
        return ""
    norm = tokens[j].norm
    return norm if norm in _CITING or norm in _SETTLEMENTS else strip_clitics(norm)


def _between_in_and_countryside(tokens: Sequence[Token], i: int, end: int) -> bool:
    """في X بريف Y / في X شرق Y: X is a place."""
    if i == 0 or tokens[i - 1].norm != "في":
        return False
    after = next((t for t in tokens[i:] if t.start >= end), None)
    if after is None:
        return False
    return after.norm in _SURROUNDINGS or (after.norm[:1] in ("ب", "ل") and after.norm[1:] in _SURROUNDINGS)


def _outlet(link: Callable, text: str) -> bool:
    canonical = link(text, "ORG")
    return canonical is not None and getattr(canonical, "kind", None) == "media"
