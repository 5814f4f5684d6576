"""Fold a text and keep the map back to it: the one implementation behind ``arabic.fold_with_offsets``."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .arabic import fold

__all__ = ["FoldedText", "fold_view", "folded_text"]

# Code points whose folding is tabulated once; any other character goes through ``fold`` when met.
_RANGES = ((0x0000, 0x0800), (0x2000, 0x2070), (0xFB50, 0xFE00), (0xFE70, 0xFFF0))
_char_fold = lru_cache(maxsize=4096)(fold)
# Arabic combining marks (harakat, tanween, shadda, superscript alef, Quranic marks) and tatweel.
_TRAILING_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A text, its fold, and the offset map between them (piecewise constant, so stored as breakpoints)."""

    text: str
    folded: str
    starts: tuple[int, ...]  # folded positions where a new (original - folded) delta begins
    deltas: tuple[int, ...]

    def original(self, position: int) -> int:
        """Index in ``text`` of the character that produced ``folded[position]``."""
        return position + self.deltas[bisect_right(self.starts, position) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the folded span ``[start, end)`` (``end > start``).

        The span takes in the diacritics and tatweel that follow its last letter (غداً, not غدا).
        """
        last = self.original(end - 1) + 1
        marks = _TRAILING_MARKS.match(self.text, last)
        return self.original(start), marks.end() if marks else last


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """The tabulated foldings, and two patterns: characters that may change, and characters that may
    change the length (each a single character class, which the regex engine skips to with a table look-up).
    """
    changed: dict[str, str] = {}
    for low, high in _RANGES:
        for code in range(low, high):
            char = chr(code)
            folded = fold(char)
            if folded != char:
                changed[char] = folded
    gaps = zip((0, *(high for _, high in _RANGES)), (*(low for low, _ in _RANGES), 0x110000), strict=True)
    unknown = "".join(f"{re.escape(chr(low))}-{re.escape(chr(high - 1))}" for low, high in gaps if high > low)
    changing = "".join(re.escape(c) for c in sorted(changed))
    resizing = "".join(re.escape(c) for c, folded in sorted(changed.items()) if len(folded) != 1)
    return changed, re.compile(f"[{changing}{unknown}]"), re.compile(f"[{resizing}{unknown}]")


def fold_view(text: str) -> FoldedText:
    """Fold ``text`` character by character, as :func:`marsad.streams.arabic.fold` folds each character.

    ``fold`` runs camel-tools' Unicode normalisation and dediacritisation over a whole string; a loop over
    every character in Python would be slow. Here each distinct character that changes (a dozen in a news
    article) is replaced everywhere at once by ``str.replace``, and only the characters that change the
    length (diacritics, ligatures) reach Python code, for the offset map.
    """
    changed, changing, resizing = _tables()
    replace = {}
    for char in set(changing.findall(text)):
        folded = changed.get(char)
        replace[char] = _char_fold(char) if folded is None else folded
    replace = {char: folded for char, folded in replace.items() if folded != char}
    if any(c in replace for folded in replace.values() for c in folded):  # one replacement would redo another
        return _fold_each(text)
    folded = text
    for char, new in replace.items():
        folded = folded.replace(char, new)
    starts = [0]
    deltas = [0]
    shift = 0  # folded index minus original index after the characters seen so far
    for match in resizing.finditer(text):
        size = len(replace.get(match.group(), " "))
        if size != 1:
            at = match.start()
            here = at + shift
            for k in range(size):
                starts.append(here + k)
                deltas.append(at - here - k)
            shift += size - 1
            starts.append(here + size)
            deltas.append(-shift)
    return FoldedText(text, folded, tuple(starts), tuple(deltas))


def _fold_each(text: str) -> FoldedText:
    """:func:`fold_view` one changing character at a time (when replacing them all at once is not exact)."""
    changed, pattern, _ = _tables()
    starts = [0]
    deltas = [0]
    shift = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal shift
        char = match.group()
        folded = changed.get(char)
        if folded is None:
            folded = _char_fold(char)
        if len(folded) != 1:
            at = match.start()
            here = at + shift
            for k in range(len(folded)):
                starts.append(here + k)
                deltas.append(at - here - k)
            shift += len(folded) - 1
            starts.append(here + len(folded))
            deltas.append(-shift)
        return folded

    folded = pattern.sub(replace, text)
    return FoldedText(text, folded, tuple(starts), tuple(deltas))


# The time and number matchers fold the same article one after the other: remember the last few.
folded_text = lru_cache(maxsize=4)(fold_view)
