"""Role rules that depend on the event type: who was arrested, who repelled an attack, who protested.

Each rule reads the article index around one trigger and fills the mention in place; they run after the
generic actor and target pickers of :mod:`marsad.streams.event_attach` and only override them when their
pattern is present.
"""

from __future__ import annotations

from functools import lru_cache

from .event_arguments import entity_argument, span_argument
from .event_index import ArticleIndex, key_set
from .event_lexicon import ASSAULT_TYPES, FOIL, PARTICIPANTS, REPEL, TRIGGERS, token_keys, words
from .event_merge import Mention

__all__ = ["arrested_group", "protest_participants", "repelled_attack"]

_OF = frozenset({"من"})
_MEMBERSHIP = ("انتما", "بانتما", "ينتم", "تنتم", "منتم", "المنتم", "انتسا", "ينتسب", "المنتسب")
# Who an operation or arrest is aimed at: a cell or members of a group (خلية تابعة لتنظيم X، عناصر من X).
_CELLS = words("خليه خلايا عناصر عنصر مسلحي مقاتلي اعضاء افراد")
_MEMBER_TYPES = frozenset({"arrest", "security_operation"})
_MEMBER_REACH = 5  # tokens before the group: بانتمائهما إلى تنظيم "داعش"
_GROUP_REACH = 20  # tokens after the trigger where the group may be named (past the actor's own apposition)
_REPEL_REACH = 8  # tokens before an attack trigger where a repel verb governs it, past its subject and a time
_SUBJECT_REACH = 7
_MAX_NP = 3  # a participant phrase: a definite noun and at most two definite adjectives


def arrested_group(index: ArticleIndex, m: Mention, a: int, b: int, c_lo: int, hi: int) -> None:
    """``العشرات من تنظيم X ... رهن الاعتقال`` / ``اعتقال شخصين بانتمائهما إلى X``: X is the target.

    For an arrest, a quantity, ``من`` and an organisation before the trigger in its clause name who was
    arrested and how many (the quantity's surface form, article included, when it is vague). For an arrest
    or a security operation, a membership word (ينتمون، بانتمائهم) or a cell / members noun (خلية تابعة
    لتنظيم X، عناصر من X) shortly before an organisation after the trigger names the group it was aimed at.
    """
    if m.type not in _MEMBER_TYPES:
        return
    for k in range(c_lo, a - 2) if m.type == "arrest" else ():
        number = index.numbers.get(k)
        if number is None or not index.has(k + 1, _OF):
            continue
        entity = index.entity_from(k + 2)
        if entity is not None and entity[2].type == "ORG":
            m.target = entity_argument(entity[2])
            if number.vague or number.value is None:  # type: ignore[attr-defined]
                m.count_text = number.text  # type: ignore[attr-defined]
            elif m.arrested is None:
                m.arrested = int(number.value)  # type: ignore[attr-defined]
            return
    if m.target is not None and m.target.type is not None:
        return  # a group named already; the people arrested (شخصين) give way to the group they belong to
    for lo_e, _, entity in index.entities_in(b, min(hi, b + _GROUP_REACH)):
        window = range(max(b, lo_e - _MEMBER_REACH), lo_e)
        if entity.type == "ORG" and any(index.starts_with(j, _MEMBERSHIP) or index.has(j, _CELLS) for j in window):
            m.target = entity_argument(entity)
            return


def repelled_attack(index: ArticleIndex, m: Mention, a: int, lo: int) -> None:
    """``صد الجيش هجوماً``: the subject of a repel verb is the attacked side, and the attacker is unknown.

    The actor the generic picker found before the trigger becomes the target; an attacker named after
    the trigger (هجوماً شنه مسلحون) stays the actor.
    """
    if m.type not in ASSAULT_TYPES:
        return
    verb = next((j for j in range(a - 1, max(lo, a - _REPEL_REACH) - 1, -1) if index.has(j, REPEL)), None)
    if verb is None:
        return
    norm = index.ctx.tokens[a].norm
    if m.type == "attack" and not index.has(verb, FOIL) and not _definite(norm) and not _verb(norm):
        # an attack fought back (صدت القوات هجوماً) is fighting between two armed sides; a foiled one is not,
        # and «صد الهجوم» is the attack told before, fought back
        m.type = "armed_clash"
    trigger_start = index.ctx.tokens[a].start
    if m.actor is not None and m.actor.start < trigger_start:
        m.target, m.actor = m.actor, None
        return
    before = [e for e in index.entities_in(max(lo, verb - _SUBJECT_REACH), a) if e[2].start < trigger_start]
    if before:
        defender = entity_argument(before[-1][2])
        if m.actor is None or m.actor.text != defender.text:
            m.target = defender


def protest_participants(index: ArticleIndex, m: Mention, a: int, b: int, hi: int) -> None:
    """Who protested when no organisation did: the participant noun itself (المحتجون), or the noun
    phrase after the trigger (تظاهر مئات الطلاب، تحرك احتجاجي للعسكريين المتقاعدين); a vague quantity
    before that phrase (مئات، آلاف) is the protest's ``count_text``.
    """
    if m.type != "protest":
        return
    body = index.ctx.body
    k = b
    number = index.numbers.get(k)
    if number is not None and k < hi:
        if number.vague or number.value is None:  # type: ignore[attr-defined]
            m.count_text = m.count_text or number.text  # type: ignore[attr-defined]
        k += 1
        if index.has(k, _OF):
            k += 1
    if m.actor is not None:
        return
    if _participant(index.norms[a]):
        start = index.ctx.tokens[a].start
        m.actor = span_argument(body, start, index.ctx.tokens[b - 1].end)
        return
    if k == b and index.norms[b - 1].startswith("ال"):
        return  # الإضراب الشامل، المظاهرة الحاشدة: after a definite trigger a definite word describes it
    end = k
    while end < min(hi, k + _MAX_NP) and _definite(index.norms[end]) and not _named(index, end):
        end += 1
    if end > k:
        tokens = index.ctx.tokens
        m.actor = span_argument(body, tokens[k].start, tokens[end - 1].end)


def _named(index: ArticleIndex, i: int) -> bool:
    """Token ``i`` is part of a place, entity or time (مظاهرات بغداد، احتجاجات الجمعة): not a participant."""
    if index.place_at(i) or index.entity_at(i) is not None:
        return True
    start = index.ctx.tokens[i].start
    return any(t.start <= start < t.end for t in index.ctx.times)  # type: ignore[attr-defined]


@lru_cache(maxsize=50_000)
def _participant(norm: str) -> bool:
    return not key_set(norm).isdisjoint(PARTICIPANTS)


@lru_cache(maxsize=50_000)
def _verb(norm: str) -> bool:
    """A verb trigger (وأسقطت بعضها) is an act of its own after the repel verb, not the attack it repelled."""
    return any(TRIGGERS[key].verb for key in token_keys(norm) if key in TRIGGERS)


@lru_cache(maxsize=50_000)
def _definite(norm: str) -> bool:
    """A definite word (الطلاب), or one with ل / لل before it (للعسكريين), long enough to be a noun."""
    keys = token_keys(norm)
    return norm.isalpha() and len(norm) > 3 and any(k.startswith(("ال", "لل")) for k in keys)
