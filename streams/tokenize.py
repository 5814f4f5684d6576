"""Word tokens and sentences with character offsets into the original text.

camel-tools' ``simple_word_tokenize`` decides where words end; Marsad only adds what it lacks: the
offsets of every token in the text the user sent, and sentence boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from camel_tools.tokenizers.word import simple_word_tokenize

from .arabic import fold

__all__ = ["Sentence", "Token", "sentence_spans", "split_sentences", "token_spans", "tokenize"]

# A sentence ends at . ! ? ؟ … or a line break, when followed by space; or at a blank line. The run of
# stops is matched possessively from its first mark: a long run of dots must not backtrack quadratically.
# The pattern opens with a character class so that the regex engine skips to candidates with a table
# look-up; which kind of end it is, is then read behind that first character.
_STOP = "[.!?\u061f\u2026]"
_SENTENCE_END_RE = re.compile(
    rf"[.!?\u061f\u2026\n](?:(?<={_STOP})(?<!{_STOP}.){_STOP}*+[\"'»”)\]]*+(?=\s)|(?<=\n)\s*\n|(?<=\n))"
)
# News vocabulary is Zipfian: caching keys per word type makes folding nearly free.
_fold_word = lru_cache(maxsize=200_000)(fold)


class Token(NamedTuple):
    """One word or punctuation mark: its original text, its span and its matching key.

    A named tuple rather than a frozen dataclass: an article has hundreds of tokens and every stage
    builds them, so creation cost matters (a frozen dataclass is several times slower to build).
    """

    text: str
    start: int
    end: int
    norm: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span of the original text (``text`` is ``body[start:end]``)."""

    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens whose offsets (plus ``offset``) index the original body.

    Each whitespace-separated chunk is tokenised by camel-tools, then its pieces are located in the chunk
    in order; a piece camel-tools rewrote (none should be) is dropped rather than given a wrong span.
    """
    return [Token(text[start:end], start + offset, end + offset, norm) for start, end, norm in token_spans(text)]


def token_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, norm)`` of every token of :func:`tokenize`, without building the tokens.

    The chunks come from ``str.split`` (the same whitespace as the regex ``\\s``); each is found with
    ``str.find`` from the end of the previous one, which is exact: a chunk starts with a non-space.
    """
    spans: list[tuple[int, int, str]] = []
    append = spans.append
    find = text.find
    at = 0
    for chunk in text.split():
        at = find(chunk, at)
        for _, start, end, norm in _pieces(chunk):
            append((at + start, at + end, norm))
        at += len(chunk)
    return spans


@lru_cache(maxsize=200_000)
def _pieces(chunk: str) -> tuple[tuple[str, int, int, str], ...]:
    """The tokens of one whitespace-free chunk, with offsets into it; words recur, so this is remembered."""
    pieces = []
    cursor = 0
    for piece in simple_word_tokenize(chunk):
        at = chunk.find(piece, cursor)
        if at < 0:
            continue
        cursor = at + len(piece)
        pieces.append((piece, at, cursor, _fold_word(piece)))
    return tuple(pieces)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into non-empty sentences, trimmed of surrounding whitespace, with their offsets."""
    return [Sentence(text[start:end], start, end) for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of :func:`split_sentences`, without building the sentences."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        _append_trimmed(text, start, match.end(), spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
