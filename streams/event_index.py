"""The article context re-indexed by token, built once per article: what the event pickers look up.

Each token's lookup keys and key set come from a per-process cache keyed by its folded form, so an
article costs one dictionary look-up per token; cue tests are set intersections, and prefix tests are
computed once per article and cue list.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from marsad.schemas.records import Entity, Place

from .context import ArticleContext
from .event_lexicon import token_keys

__all__ = ["ArticleIndex", "cover_of", "key_flag", "key_set", "prefix_flag", "token_flag"]

_T = TypeVar("_T")
_M = TypeVar("_M")
_CLAUSE_BREAKS = frozenset({",", ";", ":", "."})
_NORM = attrgetter("norm")
_START = attrgetter("start")
_KEYS, _KEYSET, _MASK = itemgetter(0), itemgetter(1), itemgetter(2)


@lru_cache(maxsize=100_000)
def key_set(norm: str) -> frozenset[str]:
    """The lookup keys of a folded token, as a set (see :func:`token_keys`)."""
    return frozenset(token_keys(norm))


_FLAGS: dict[Callable[[str], bool], int] = {}
_flagged_key = object()


def token_flag(test: Callable[[str], bool]) -> Callable[[str], bool]:
    """Register a per-token test (a decorator): it is then evaluated with the token's keys, once per
    folded form and process, and :meth:`ArticleIndex.tokens_where` reads its answers from a bit mask.
    """
    _FLAGS[test] = 1 << len(_FLAGS)
    _ENTRIES.clear()
    return test


def key_flag(words: frozenset[str]) -> Callable[[str], bool]:
    """A registered token flag: whether one of the token's keys is one of ``words``."""

    def test(norm: str) -> bool:
        return not key_set(norm).isdisjoint(words)

    return token_flag(test)


def prefix_flag(prefixes: tuple[str, ...]) -> Callable[[str], bool]:
    """A registered token flag: whether one of the token's keys begins with one of ``prefixes``."""

    def test(norm: str) -> bool:
        return _starts(norm, prefixes)

    return token_flag(test)


# Folded form -> (keys, key set, flag mask); a plain dict, read with one C-level ``map`` per article.
_ENTRIES: dict[str, tuple[tuple[str, ...], frozenset[str], int]] = {}
_MAX_ENTRIES = 100_000


def _entry(norm: str) -> tuple[tuple[str, ...], frozenset[str], int]:
    keys = token_keys(norm)
    mask = 0
    for test, bit in _FLAGS.items():
        if test(norm):
            mask |= bit
    return keys, frozenset(keys), mask


def _entries(norms: tuple[str, ...]) -> list[tuple[tuple[str, ...], frozenset[str], int]]:
    """The cached entry of every token (filling the cache with the forms it has not seen yet)."""
    try:
        return list(map(_ENTRIES.__getitem__, norms))
    except KeyError:
        if len(_ENTRIES) > _MAX_ENTRIES:
            _ENTRIES.clear()
        for norm in set(norms).difference(_ENTRIES):
            _ENTRIES[norm] = _entry(norm)
        return list(map(_ENTRIES.__getitem__, norms))


def cover_of(items: tuple[tuple[int, int, Entity], ...]) -> dict[int, tuple[int, int, Entity]]:
    """Token -> the first item (in order) whose token range [lo, hi) covers it."""
    cover: dict[int, tuple[int, int, Entity]] = {}
    for item in items:
        for i in range(item[0], item[1]):
            cover.setdefault(i, item)
    return cover


@lru_cache(maxsize=200_000)
def _starts(norm: str, prefixes: tuple[str, ...]) -> bool:
    return any(key.startswith(prefixes) for key in token_keys(norm))


@dataclass(frozen=True, slots=True)
class ArticleIndex:
    """Tokens' keys, sentence and clause ranges, and the article's mentions by token range."""

    ctx: ArticleContext
    norms: tuple[str, ...]
    keys: tuple[tuple[str, ...], ...]
    keysets: tuple[frozenset[str], ...]
    masks: tuple[int, ...]
    starts: tuple[int, ...]
    sentence_of: tuple[int, ...]
    sentence_ranges: tuple[tuple[int, int], ...]
    entities: tuple[tuple[int, int, Entity], ...] = ()  # token range [lo, hi) and the entity, ORG/PER only
    places: tuple[tuple[int, int, Place], ...] = ()
    numbers: dict[int, object] = field(default_factory=dict)  # token -> count (no unit, not inside a time)
    _memo: dict[object, Any] = field(default_factory=dict)
    # Look-up tables derived from ``entities`` and ``places`` by :meth:`with_mentions`.
    _entity_los: tuple[int, ...] | None = None  # None when ``entities`` is not in token order
    _entity_cover: dict[int, tuple[int, int, Entity]] = field(default_factory=dict)
    _place_los: tuple[int, ...] = ()
    _place_cover: frozenset[int] = frozenset()

    @classmethod
    def tokens_of(cls, ctx: ArticleContext) -> ArticleIndex:
        """The token part of the index (keys, sentences); :func:`with_mentions` adds the mentions."""
        tokens = ctx.tokens
        norms = tuple(map(_NORM, tokens))
        starts = tuple(map(_START, tokens))
        sentence_of: list[int] = []
        ranges: list[tuple[int, int]] = []
        lo = 0
        last = len(ctx.sentences) - 1
        for s, sentence in enumerate(ctx.sentences):
            hi = len(tokens) if s == last else max(lo, bisect_left(starts, sentence.end, lo))
            ranges.append((lo, hi))
            sentence_of.extend([s] * (hi - lo))
            lo = hi
        if len(sentence_of) < len(tokens):  # no sentences at all
            sentence_of.extend([0] * (len(tokens) - len(sentence_of)))
        entries = _entries(norms)
        keys, keysets, masks = tuple(map(_KEYS, entries)), tuple(map(_KEYSET, entries)), tuple(map(_MASK, entries))
        return cls(ctx, norms, keys, keysets, masks, starts, tuple(sentence_of), tuple(ranges))

    def with_mentions(
        self,
        entities: tuple[tuple[int, int, Entity], ...],
        places: tuple[tuple[int, int, Place], ...],
        numbers: dict[int, object],
        entity_cover: dict[int, tuple[int, int, Entity]] | None = None,
    ) -> ArticleIndex:
        """This index with the article's mentions (``places`` sorted by token), and tables to find them fast.

        The per-mention pickers ask "which entities start in [lo, hi)" and "what covers token i" many
        times per article: bisect over the start tokens and dictionaries by token answer without a scan.
        ``entity_cover`` is :func:`cover_of` ``entities``, when the caller already has it.
        """
        entity_los = tuple(item[0] for item in entities)
        return ArticleIndex(
            self.ctx,
            self.norms,
            self.keys,
            self.keysets,
            self.masks,
            self.starts,
            self.sentence_of,
            self.sentence_ranges,
            entities,
            places,
            numbers,
            self._memo,
            entity_los if list(entity_los) == sorted(entity_los) else None,
            cover_of(entities) if entity_cover is None else entity_cover,
            tuple(item[0] for item in places),
            frozenset(i for lo, hi, _ in places for i in range(lo, hi)),
        )

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Token range [lo, hi) covering the character span [start, end)."""
        lo = max(bisect_right(self.starts, start) - 1, 0)
        return lo, max(bisect_right(self.starts, end - 1), lo + 1)

    def ranges(self, items: Iterable[_M]) -> list[tuple[int, int, _M]]:
        """Each mention (anything with ``start`` and ``end``) after its token range, as :meth:`span` gives it."""
        starts = self.starts
        found = []
        for item in items:
            lo = max(bisect_right(starts, item.start) - 1, 0)  # type: ignore[attr-defined]
            found.append((lo, max(bisect_right(starts, item.end - 1), lo + 1), item))  # type: ignore[attr-defined]
        return found

    def has(self, i: int, words: frozenset[str] | set[str]) -> bool:
        return 0 <= i < len(self.keysets) and not self.keysets[i].isdisjoint(words)

    def starts_with(self, i: int, prefixes: tuple[str, ...]) -> bool:
        return 0 <= i < len(self.norms) and _starts(self.norms[i], prefixes)

    def tokens_where(self, test: Callable[[str], bool]) -> list[int]:
        """Sorted indices of the tokens whose folded form passes ``test`` (memoised per article and test).

        A test registered with :func:`token_flag` costs one bit test per token; any other test should be
        cached by folded form (``functools.lru_cache``).
        """
        found = self._memo.get(test)
        if found is None:
            bit = _FLAGS.get(test)
            if bit:
                masks = self.masks
                found = [i for i in self._flagged() if masks[i] & bit]
            else:
                found = list(compress(range(len(self.norms)), map(test, self.norms)))
            self._memo[test] = found
        return found

    def memo(self, key: object, compute: Callable[[], _T]) -> _T:
        """A per-article value computed once (for example the times that can date an event)."""
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = compute()
        return found

    def time_tokens(self) -> frozenset[int]:
        """The tokens inside the article's time expressions (made once per article): counts, subjects and
        aircraft may stand on the far side of a time (اعتقلوا، يوم الاثنين، ناشطَين)."""

        def compute() -> frozenset[int]:
            spans = [self.span(t.start, t.end) for t in self.ctx.times]  # type: ignore[attr-defined]
            return frozenset(k for lo, hi in spans for k in range(lo, hi))

        return self.memo("time_tokens", compute)

    def _flagged(self) -> list[int]:
        """The tokens that pass at least one registered test (a small share of an article)."""
        found = self._memo.get(_flagged_key)
        if found is None:
            found = self._memo[_flagged_key] = list(compress(range(len(self.masks)), self.masks))
        return found

    def any_in(self, test: Callable[[str], bool], lo: int, hi: int) -> bool:
        """Whether a token of [lo, hi) passes ``test``, a :func:`token_flag` test (for short ranges)."""
        return any(map(_FLAGS[test].__and__, self.masks[max(lo, 0) : max(hi, 0)]))

    def tokens_in(self, test: Callable[[str], bool], lo: int, hi: int) -> list[int]:
        """The tokens of [lo, hi) that pass ``test``, in order."""
        found = self.tokens_where(test)
        return found[bisect_left(found, lo) : bisect_left(found, hi)]

    def clause(self, i: int) -> tuple[int, int]:
        """Token range of the comma-delimited clause around token ``i``, inside its sentence."""
        lo, hi = self.sentence_ranges[self.sentence_of[i]]
        norms = self.norms
        a = i
        while a > lo and norms[a - 1] not in _CLAUSE_BREAKS:
            a -= 1
        b = i
        while b < hi and norms[b] not in _CLAUSE_BREAKS:
            b += 1
        return a, b

    def entity_at(self, i: int) -> tuple[int, int, Entity] | None:
        """The first entity (in ``entities`` order) whose token range covers token ``i``."""
        return self._entity_cover.get(i)

    def entity_from(self, i: int) -> tuple[int, int, Entity] | None:
        """The entity whose first token is token ``i`` (a name that begins there), or None."""
        item = self._entity_cover.get(i)
        return item if item is not None and item[0] == i else None

    def entities_in(self, lo: int, hi: int) -> list[tuple[int, int, Entity]]:
        """The entities whose first token is in [lo, hi), in ``entities`` order."""
        los = self._entity_los
        if los is None:
            return [item for item in self.entities if lo <= item[0] < hi]
        return list(self.entities[bisect_left(los, lo) : bisect_left(los, hi)])

    def places_in(self, lo: int, hi: int) -> list[tuple[int, int, Place]]:
        """The places whose first token is in [lo, hi), in order."""
        los = self._place_los
        return list(self.places[bisect_left(los, lo) : bisect_left(los, hi)])

    def place_at(self, i: int) -> bool:
        return i in self._place_cover
