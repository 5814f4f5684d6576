"""Longest-match phrase matching over tokens: finds known multi-word names in text, clitics and all.

Shared by the entity linker (actors) and usable by any stage that needs a lexicon scan. Phrases are
matching keys (``phrase_key``); text is tokenised with offsets, so every match is a span of the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import compress
from typing import Generic, NamedTuple, TypeVar

from .arabic import fold_cached, fold_with_offsets, strip_clitics
from .tokenize import Token, tokenize

__all__ = ["PhraseMatch", "PhraseMatcher", "first_word_variants", "phrase_key"]

V = TypeVar("V")
_MAX_STARTS = 200_000
_MISSING = object()
_SPACES_RE = re.compile(r"\s+")


def phrase_key(text: str) -> str:
    """Return the matching key of a phrase: folded, hyphens as spaces, single-spaced."""
    return _SPACES_RE.sub(" ", fold_cached(text).replace("-", " ")).strip()


@lru_cache(maxsize=200_000)
def first_word_variants(word: str) -> tuple[str, ...]:
    """Forms a folded first word may take: as written, without one proclitic, without two (ولحزب)."""
    once = strip_clitics(word)
    twice = strip_clitics(once)
    return tuple(dict.fromkeys((word, once, twice)))


class PhraseMatch(NamedTuple, Generic[V]):
    """A phrase found in text: its span (clitic excluded when it can be) and the value it stands for.

    A named tuple (like :class:`~marsad.streams.tokenize.Token`): articles make hundreds, and it is built
    several times faster than a frozen dataclass.
    """

    start: int
    end: int
    key: str
    value: V


class PhraseMatcher(Generic[V]):
    """Greedy longest match of folded phrases over tokens, left to right, without overlaps."""

    def __init__(self, phrases: Mapping[str, V]) -> None:
        self._phrases: dict[tuple[str, ...], V] = {}
        self._lengths: dict[str, list[int]] = {}
        self._seconds: dict[str, set[str]] = {}  # second words of the longer phrases, by first word
        for phrase, value in phrases.items():
            words = tuple(phrase_key(phrase).split())
            if words:
                self._phrases[words] = value
                self._lengths.setdefault(words[0], []).append(len(words))
                if len(words) > 1:
                    self._seconds.setdefault(words[0], set()).add(words[1])
        for first, lengths in self._lengths.items():
            self._lengths[first] = sorted(set(lengths), reverse=True)
        self._starts: dict[str, bool] = {}
        self._plans: dict[str, tuple[frozenset[str], tuple[str, V] | None]] = {}

    def __len__(self) -> int:
        return len(self._phrases)

    def get(self, key: str) -> V | None:
        return self._phrases.get(tuple(key.split()))

    def keys(self) -> Iterable[str]:
        return (" ".join(words) for words in self._phrases)

    def find(self, text: str) -> list[PhraseMatch[V]]:
        return self.match_tokens(tokenize(text))

    def can_start(self, word: str) -> bool:
        """Whether some phrase may start at a token whose key is ``word`` (a cheap test before ``match_at``)."""
        known = self._starts.get(word)
        if known is None:
            if len(self._starts) > _MAX_STARTS:
                self._starts.clear()
            known = self._starts[word] = self._may_start(word)
        return known

    def start_flags(self, norms: Sequence[str]) -> list[bool]:
        """:meth:`can_start` of every token key at once (one C-level map when every word was seen before)."""
        known = self._starts
        flags = list(map(known.get, norms))
        if None in flags:
            if len(known) > _MAX_STARTS:
                known.clear()
            for word in norms:
                if word not in known:
                    known[word] = self._may_start(word)
            flags = list(map(known.__getitem__, norms))
        return flags

    def _may_start(self, word: str) -> bool:
        return any(variant in self._lengths for variant in first_word_variants(word))

    def match_tokens(self, tokens: Sequence[Token]) -> list[PhraseMatch[V]]:
        """Scan ``tokens``; at each position take the longest phrase that starts there, then jump past it."""
        out: list[PhraseMatch[V]] = []
        flags = self.start_flags([token.norm for token in tokens])
        covered = 0
        for i in compress(range(len(tokens)), flags):
            if i < covered:
                continue
            found = self.match_at(tokens, i)
            if found is not None:
                match, n = found
                out.append(match)
                covered = i + n
        return out

    def match_at(self, tokens: Sequence[Token], i: int) -> tuple[PhraseMatch[V], int] | None:
        """Return the longest phrase starting at token ``i`` and the number of tokens it covers."""
        first = tokens[i].norm
        second = tokens[i + 1].norm if i + 1 < len(tokens) else None
        seconds, single = self._plans.get(first) or self._plan(first)
        if second not in seconds:  # no longer phrase can start here: the first one-word form, if any
            if single is None:
                return None
            variant, value = single
            start = _start_without_clitic(tokens[i], len(first) - len(variant))
            return PhraseMatch(start, tokens[i].end, variant, value), 1
        for variant in first_word_variants(first):
            lengths = self._lengths.get(variant)
            if lengths is None:
                continue
            seconds = self._seconds.get(variant, ())
            for n in lengths:
                if i + n > len(tokens) or (n > 1 and second not in seconds):
                    continue
                words = (variant, *[t.norm for t in tokens[i + 1 : i + n]])
                value = self._phrases.get(words, _MISSING)
                if value is not _MISSING:
                    start = _start_without_clitic(tokens[i], len(first) - len(variant))
                    return PhraseMatch(start, tokens[i + n - 1].end, " ".join(words), value), n
        return None

    def _plan(self, first: str) -> tuple[frozenset[str], tuple[str, V] | None]:
        """What :meth:`match_at` needs to know of a first word alone (remembered: words recur).

        The second words that may continue a longer phrase from any of its forms, and the first of its
        forms that is a one-word phrase, with that phrase's value.
        """
        variants = first_word_variants(first)
        seconds = frozenset().union(*(self._seconds.get(variant, ()) for variant in variants))
        singles = ((v, self._phrases.get((v,), _MISSING)) for v in variants)
        single = next(((v, value) for v, value in singles if value is not _MISSING), None)
        if len(self._plans) > _MAX_STARTS:
            self._plans.clear()
        plan = self._plans[first] = (seconds, single)
        return plan


def _start_without_clitic(token: Token, removed: int) -> int:
    """Skip the ``removed`` folded characters of a proclitic in the token's original text."""
    if removed <= 0:
        return token.start
    return token.start + _clitic_width(token.text, removed)


@lru_cache(maxsize=50_000)
def _clitic_width(text: str, removed: int) -> int:
    """How many original characters the first ``removed`` folded characters of ``text`` take (0: unknown)."""
    _, index = fold_with_offsets(text)
    return index[removed] if removed < len(index) else 0
