"""How Arabic a word looks: a character n-gram model of common Arabic words, for the NER tagger.

Most names the tagger misses are ones it never saw in training, and many of them are transliterated
(نيستلروي، بيللغريني، ديمورا): their letter sequences are unlike those of Arabic words. A character model
of common words gives every word, seen or not, one number for that (the mean log probability of its
letters), which the CRF takes as a bucketed feature: one weight per bucket generalises where per-n-gram
features over-fit (measured: docs/quality.md).

The model is interpolated Witten-Bell over letter n-grams, trained by ``scripts/train_ner.py`` on the
common words of the word-class table (wordfreq's Arabic list, names removed), each weighted by its
frequency bucket, and shipped as ``data/ner_chars.tsv.gz``.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterable
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["CharModel"]

_START, _END = "^", "$"
# Letters that may follow a context: the alphabet size of the add-one floor under every estimate.
_ALPHABET = 40


class CharModel:
    """Interpolated Witten-Bell letter n-gram model; ``order`` letters of context at most, minus one."""

    def __init__(self, counts: dict[str, dict[str, float]], order: int) -> None:
        self.order = order
        self._floor_total = sum(counts.get("", {}).values()) + _ALPHABET
        # per context: (weight of each next letter / total, share left for the shorter context)
        self._tables: dict[str, tuple[dict[str, float], float]] = {}
        for context, following in counts.items():
            total = sum(following.values())
            if not total:
                continue
            keep = total / (total + len(following))
            self._tables[context] = ({ch: keep * n / total for ch, n in following.items()}, 1.0 - keep)
        self._unigrams = counts.get("", {})

    @classmethod
    def train(cls, words: Iterable[tuple[str, float]], order: int = 4) -> CharModel:
        """Count letter n-grams of ``(word, weight)`` pairs, every context length from 0 to ``order - 1``."""
        return cls(_count(words, order), order)

    def mean_log_prob(self, word: str) -> float:
        """The mean natural-log probability of the word's letters (and its end), given the letters before."""
        order = self.order
        padded = _START * (order - 1) + word + _END
        tables, unigrams, floor_total = self._tables, self._unigrams, self._floor_total
        total = 0.0
        for i in range(order - 1, len(padded)):
            letter = padded[i]
            prob = (unigrams.get(letter, 0.0) + 1.0) / floor_total
            for n in range(1, order):
                table = tables.get(padded[i - n : i])
                if table is None:
                    break
                seen, rest = table
                prob = seen.get(letter, 0.0) + rest * prob
            total += math.log(prob)
        return total / (len(padded) - order + 1)

    # -- the shipped file: ``context<TAB>letter<TAB>weight`` lines under an ``#order<TAB>N`` header, gzipped

    @classmethod
    def read(cls, path: Traversable) -> CharModel:
        """Load a model written by :meth:`write` (a file, or a resource of the installed package)."""
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
        order = int(lines[0].partition("\t")[2])
        counts: dict[str, dict[str, float]] = {}
        for line in lines[1:]:
            if line:
                context, letter, weight = line.split("\t")
                counts.setdefault(context, {})[letter] = float(weight)
        return cls(counts, order)

    @staticmethod
    def write(path: Path, words: Iterable[tuple[str, float]], order: int = 4) -> None:
        """Count ``words`` and write the counts, sorted (same words, same bytes)."""
        counts = _count(words, order)
        rows = [f"#order\t{order}"]
        rows.extend(
            f"{context}\t{letter}\t{weight:g}"
            for context in sorted(counts)
            for letter, weight in sorted(counts[context].items())
        )
        path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode("utf-8"), compresslevel=9, mtime=0))


def _count(words: Iterable[tuple[str, float]], order: int) -> dict[str, dict[str, float]]:
    """Weighted counts of each letter after each context of 0 to ``order - 1`` letters (words padded)."""
    counts: dict[str, dict[str, float]] = {}
    for word, weight in words:
        padded = _START * (order - 1) + word + _END
        for i in range(order - 1, len(padded)):
            letter = padded[i]
            for n in range(order):
                following = counts.setdefault(padded[i - n : i], {})
                following[letter] = following.get(letter, 0.0) + weight
    return counts
