"""Rules for entities the tagger misses in news text: a place noun with its name (ساحة النور، مطار بن
جوريون), a rank or honorific with the name after it (العميد يحيى سريع), and the nationality adjective that
closes an organisation's name (خلية الإعلام الأمني العراقية).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress

from marsad.schemas.records import Entity

from .arabic import strip_clitics
from .tokenize import Token

__all__ = ["RuleSpan", "extend_nationality", "rule_spans"]

# Folded forms (ة -> ه, ى -> ي, hamza on alef dropped), as Token.norm has them.
_PLACE_HEADS = frozenset(
    ["ساحه", "مطار", "زقاق", "جبال", "جبل", "شارع", "ميدان", "جسر", "معبر", "سجن", "مخيم", "ضاحيه", "وادي", "سهل"]
)
_NAME_LINKS = frozenset(["بن", "ابن", "ابو", "ام", "بني", "عبد", "ابي"])
_TITLES = frozenset(
    ["العميد", "اللواء", "العقيد", "المقدم", "الرائد", "النقيب", "الفريق", "المشير", "الجنرال", "الشيخ",
     "الدكتور", "السيد", "السيده", "الحاج", "المهندس", "الاستاذ", "القاضي", "المحامي", "الصحفي", "الصحفيه"]
)  # fmt: skip
_NATIONALITIES = frozenset(
    f"ال{stem}{ending}"
    for stem in ["عراقي", "سوري", "كردي", "تركي", "امريكي", "اميركي", "اسرائيلي", "ايراني", "روسي", "لبناني",
                 "يمني", "سعودي", "مصري", "ليبي", "سوداني", "فلسطيني", "اردني", "تونسي", "جزائري", "مغربي",
                 "قطري", "اماراتي", "كويتي", "بحريني", "عماني", "صومالي", "افغاني", "باكستاني", "فرنسي",
                 "بريطاني", "الماني", "اوكراني", "صيني"]
    for ending in ("", "ه")
)  # fmt: skip
_FUNCTION_WORDS = frozenset(
    ["في", "من", "على", "الي", "عن", "مع", "ان", "قد", "لم", "لن", "ما", "لا", "او", "ثم", "حتي", "منذ", "بعد",
     "قبل", "عند", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "كان", "كانت", "انه", "انها", "وان",
     "لكن", "بين", "خلال", "نحو", "حول", "ضد", "عبر", "امام", "وراء", "فوق", "تحت", "هو", "هي", "هم"]
)  # fmt: skip
_MAX_NAME_TOKENS = 3
_PLACE, _TITLE = 1, 2


@dataclass(frozen=True, slots=True)
class RuleSpan:
    text: str
    type: str
    start: int
    end: int


def rule_spans(body: str, tokens: Sequence[Token]) -> list[RuleSpan]:
    """Place-noun phrases (LOC) and titled names (PER), left to right, without overlaps."""
    spans: list[RuleSpan] = []
    kinds = list(map(_head_kind, [token.norm for token in tokens[:-1]]))
    covered = 0
    for i in compress(range(len(kinds)), kinds):
        if i < covered:
            continue
        found = _place_phrase(tokens, i) if kinds[i] == _PLACE else _titled_name(tokens, i)
        if found is None:
            continue
        kind, first, last = found
        start = _start_after_clitic(tokens[first]) if kind == "LOC" else tokens[first].start
        spans.append(RuleSpan(body[start : tokens[last].end], kind, start, tokens[last].end))
        covered = last + 1
    return spans


def extend_nationality(body: str, entities: list[Entity], tokens: Sequence[Token]) -> list[Entity]:
    """Let an organisation's span take the nationality adjective right after it (…الأمني العراقية)."""
    out = []
    for entity in entities:
        if entity.type == "ORG" and entity.end < len(body) and body[entity.end] == " ":
            at = bisect_left(tokens, entity.end + 1, key=_start)
            following = tokens[at] if at < len(tokens) and tokens[at].start == entity.end + 1 else None
            if following is not None and following.norm in _NATIONALITIES:
                entity = replace(entity, text=body[entity.start : following.end], end=following.end)
        out.append(entity)
    return out


@lru_cache(maxsize=100_000)
def _head_kind(norm: str) -> int:
    """Which rule a token key can open: a place noun, a title, or none (0); word types recur, so cached."""
    head = strip_clitics(norm)
    if head in _PLACE_HEADS:
        return _PLACE
    return _TITLE if norm in _TITLES or head in _TITLES else 0


def _start(token: Token) -> int:
    return token.start


def _is_name_word(token: Token) -> bool:
    norm = token.norm
    return len(norm) >= 2 and norm.isalpha() and norm not in _FUNCTION_WORDS


def _place_phrase(tokens: Sequence[Token], i: int) -> tuple[str, int, int] | None:
    j = i + 1
    if not _is_name_word(tokens[j]):
        return None
    if tokens[j].norm in _NAME_LINKS and j + 1 < len(tokens) and _is_name_word(tokens[j + 1]):
        j += 1
    return "LOC", i, j


def _titled_name(tokens: Sequence[Token], i: int) -> tuple[str, int, int] | None:
    last = i
    for j in range(i + 1, min(len(tokens), i + 1 + _MAX_NAME_TOKENS)):
        token = tokens[j]
        if not _is_name_word(token) or token.norm.startswith("ال") or token.norm in _TITLES:
            break
        last = j
    return ("PER", i + 1, last) if last > i else None


def _start_after_clitic(token: Token) -> int:
    stripped = strip_clitics(token.norm)
    removed = len(token.norm) - len(stripped)
    if removed and token.text[:removed] == token.norm[:removed]:
        return token.start + removed
    return token.start
