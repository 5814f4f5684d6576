"""Array scoring of the NER CRFs: per-word-type weight rows cached as numpy tables, batched Viterbi."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
import pycrfsuite

from .ner_features import EDGE_FEATURES, OFFSETS, Lexicon, type_features

__all__ = ["CrfTables", "Doc", "marginals", "viterbi"]

_ROWS = 1 + len(OFFSETS)
_MAX_TYPES = 300_000


class CrfTables:
    """The weights of one or more CRFs over one shared attribute index, and cached rows per word type.

    Every attribute string is mapped to an integer once at load; a word type's own features and what it
    shows each neighbour are summed once, for all the CRFs together, into row ``id`` of ``rows`` (5 tables of
    ``types x (crfs * labels)``). A document then costs one gather per window offset. Id 0 is the padding
    between sentences: its rows hold the sentence-edge features.
    """

    def __init__(self, taggers: Sequence[pycrfsuite.Tagger]) -> None:
        self.labels: list[str] = list(taggers[0].labels())
        index = {label: i for i, label in enumerate(self.labels)}
        size = self.size = len(self.labels)
        infos = [tagger.info() for tagger in taggers]
        attrs: dict[str, int] = {}
        for info in infos:
            for attr, _ in info.state_features:
                attrs.setdefault(attr, len(attrs) + 1)
        self.attrs = attrs
        self.weights = np.zeros((len(attrs) + 1, size * len(infos)))
        self.trans: list[np.ndarray] = []
        for c, info in enumerate(infos):
            for (attr, label), weight in info.state_features.items():
                self.weights[attrs[attr], c * size + index[label]] = weight
            trans = np.zeros((size, size))
            for (prev, label), weight in info.transitions.items():
                trans[index[prev], index[label]] = weight
            self.trans.append(trans)
        self._ids: dict[str, int] = {}
        self.rows = np.zeros((_ROWS, 1024, self.weights.shape[1]))
        for row, offset in enumerate(OFFSETS, start=1):
            self.rows[row, 0] = self.weights[attrs.get(EDGE_FEATURES[offset], 0)]
        self.gaz_start = np.zeros(1024, dtype=bool)
        self._count = 1
        self._gazetteer: dict[tuple[frozenset[str], bool], tuple[list[int], ...]] = {}

    def type_ids(self, keys: Sequence[str], lexicon: Lexicon) -> list[int]:
        """Row ids of ``keys``, computing (in one batch) the rows of types not seen before."""
        ids = self._ids
        new = [key for key in dict.fromkeys(keys) if key not in ids]
        if new:
            self._add(new, lexicon)
        return [ids[key] for key in keys]

    def _add(self, keys: list[str], lexicon: Lexicon) -> None:
        if self._count + len(keys) > _MAX_TYPES:
            self._ids.clear()
            self._count = 1
        need = self._count + len(keys)
        if need > self.rows.shape[1]:
            grow = max(need, 2 * self.rows.shape[1])
            rows = np.zeros((_ROWS, grow, self.rows.shape[2]))
            rows[:, : self._count] = self.rows[:, : self._count]
            gaz = np.zeros(grow, dtype=bool)
            gaz[: self._count] = self.gaz_start[: self._count]
            self.rows, self.gaz_start = rows, gaz
        attrs = self.attrs
        flat: list[int] = []
        bounds: list[int] = []
        for key in keys:
            for feats in type_features(key):
                bounds.append(len(flat))
                flat.append(0)  # the zero row keeps every segment non-empty
                flat.extend(attrs.get(f, 0) for f in feats)
        sums = np.add.reduceat(self.weights[flat], bounds, axis=0).reshape(len(keys), _ROWS, -1)
        first = self._count
        self.rows[:, first : first + len(keys)] = sums.transpose(1, 0, 2)
        for i, key in enumerate(keys, start=first):
            self._ids[key] = i
            self.gaz_start[i] = lexicon.can_start(key)
        self._count += len(keys)

    def gazetteer_attrs(self, kinds: frozenset[str], begin: bool) -> tuple[list[int], ...]:
        """Attribute ids of a gazetteer match at a token, at the token before it and at the one after."""
        cached = self._gazetteer.get((kinds, begin))
        if cached is None:
            tags = [f"{kind}-{'B' if begin else 'I'}" for kind in sorted(kinds)]
            cached = tuple(
                [self.attrs[f"{role}g={tag}"] for tag in tags if f"{role}g={tag}" in self.attrs]
                for role in ("", "1", "-1")
            )
            self._gazetteer[(kinds, begin)] = cached
        return cached


class Doc:
    """One document laid out for scoring: sentences back to back with two padding slots around each."""

    def __init__(self, tables: CrfTables, keys: Sequence[Sequence[str]], lexicon: Lexicon) -> None:
        self.keys = keys
        self.lengths = np.array([len(k) for k in keys])
        flat = [key for sent in keys for key in sent]
        ids = tables.type_ids(flat, lexicon)
        layout = [0, 0]
        self.starts: list[int] = []
        at = 0
        for n in self.lengths.tolist():
            self.starts.append(len(layout))
            layout.extend(ids[at : at + n])
            layout.extend((0, 0))
            at += n
        self.layout = np.array(layout)
        spans = zip(self.starts, self.lengths.tolist(), strict=True)
        self.positions = np.concatenate([np.arange(start, start + n) for start, n in spans])
        self.scores = self._static(tables) + self._dynamic(tables, flat, ids, lexicon)

    def _static(self, tables: CrfTables) -> np.ndarray:
        pos, ids, rows = self.positions, self.layout, tables.rows
        scores = rows[0][ids[pos]]
        for row, offset in enumerate(OFFSETS, start=1):
            scores += rows[row][ids[pos + offset]]
        return scores

    def _dynamic(self, tables: CrfTables, flat: list[str], ids: list[int], lexicon: Lexicon) -> np.ndarray:
        """Bigram and gazetteer features (they depend on a token's neighbours, so are not cached per type)."""
        attrs = tables.attrs
        bigram = [attrs.get(f"bg={prev}|{key}", 0) for prev, key in pairwise(flat)]
        bigram.insert(0, 0)
        at = 0
        for n in self.lengths.tolist():  # no bigram across a sentence boundary
            bigram[at] = 0
            at += n
        scores = tables.weights[bigram]
        gaz_start = tables.gaz_start[ids]
        if not gaz_start.any():
            return scores
        hits: list[int] = []
        rows: list[int] = []
        at = 0
        for sent in self.keys:
            n = len(sent)
            starts = np.flatnonzero(gaz_start[at : at + n]).tolist()
            for first, length, kinds in lexicon.match_spans(sent, starts) if starts else ():
                for j in range(at + first, at + first + length):
                    own, left, right = tables.gazetteer_attrs(kinds, j == at + first)
                    hits.extend([j] * len(own))
                    rows.extend(own)
                    if j > at:
                        hits.extend([j - 1] * len(left))
                        rows.extend(left)
                    if j + 1 < at + n:
                        hits.extend([j + 1] * len(right))
                        rows.extend(right)
            at += n
        if hits:
            order = np.argsort(hits, kind="stable")
            where = np.asarray(hits)[order]
            first = np.flatnonzero(np.diff(where, prepend=-1))
            scores[where[first]] += np.add.reduceat(tables.weights[np.asarray(rows)[order]], first, axis=0)
        return scores

    def split(self, values: np.ndarray) -> list[np.ndarray]:
        """Cut per-token values (document order) back into sentences."""
        return np.split(values, np.cumsum(self.lengths)[:-1].tolist())


def viterbi(scores: np.ndarray, lengths: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """Best label ids of every token (document order); sentences advance together, longest first.

    Sorting by length lets each step work on a shrinking prefix of the batch instead of masking.
    """
    order = np.argsort(-lengths, kind="stable")
    sorted_lengths = lengths[order]
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))[order]
    n_sent, longest = len(lengths), int(sorted_lengths[0])
    live = np.searchsorted(-sorted_lengths, -np.arange(longest), side="left").tolist()
    where = offsets[:, None] + np.arange(longest)
    mask = np.arange(longest) < sorted_lengths[:, None]
    batch = scores[np.where(mask, where, 0).T]  # (longest, n_sent, labels)
    final = np.empty((n_sent, trans.shape[0]))
    delta = batch[0].copy()
    backs = []
    k = n_sent
    for t in range(1, longest):
        if live[t] < k:
            final[live[t] : k] = delta[live[t] :]
            k = live[t]
            delta = delta[:k]
        cand = delta[:, :, None] + trans
        backs.append(cand.argmax(axis=1))
        delta = cand.max(axis=1)
        delta += batch[t, :k]
    final[:k] = delta
    cur = final.argmax(axis=1)
    paths = np.empty((n_sent, longest), dtype=np.intp)
    for t in range(longest - 1, 0, -1):
        k = live[t]
        paths[:k, t] = cur[:k]
        cur[:k] = backs[t - 1][np.arange(k), cur[:k]]
    paths[:, 0] = cur
    path = np.empty(int(lengths.sum()), dtype=np.intp)
    path[where[mask]] = paths[mask]
    return path


def marginals(scores: np.ndarray, lengths: np.ndarray, trans: np.ndarray, path: np.ndarray) -> np.ndarray:
    """Marginal probability of each token's chosen label (scaled forward-backward per sentence)."""
    exp_trans = np.exp(trans)
    out = np.empty(len(path))
    at = 0
    for n in lengths.tolist():
        pot = np.exp(scores[at : at + n] - scores[at : at + n].max(axis=1, keepdims=True))
        alpha = np.empty_like(pot)
        beta = np.ones_like(pot)
        alpha[0] = pot[0] / pot[0].sum()
        for t in range(1, n):
            a = (alpha[t - 1] @ exp_trans) * pot[t]
            alpha[t] = a / a.sum()
        for t in range(n - 2, -1, -1):
            b = exp_trans @ (pot[t + 1] * beta[t + 1])
            beta[t] = b / b.sum()
        joint = alpha * beta
        joint /= joint.sum(axis=1, keepdims=True)
        out[at : at + n] = joint[np.arange(n), path[at : at + n]]
        at += n
    return out
