"""Array scoring of the NER CRFs: per-word-type weight rows cached as numpy tables, batched Viterbi."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise

import numpy as np
import pycrfsuite

from .ner_features import (
    EDGE_FEATURES,
    OFFSETS,
    PAIR_OFFSETS,
    TRIGGER_KINDS,
    Lexicon,
    pair_feature,
    pairable,
    trigger_kinds,
    type_features,
)

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
        self.bigrams = _bigram_index(attrs)
        self.rows = np.zeros((_ROWS, 1024, self.weights.shape[1]))
        for row, offset in enumerate(OFFSETS, start=1):
            self.rows[row, 0] = self.weights[attrs.get(EDGE_FEATURES[offset], 0)]
        self.gaz_start = np.zeros(1024, dtype=bool)
        # Two-token features (ner_features.pair_features): per type, which trigger classes the word has and
        # which of the few pairable features (character buckets, name classes) it shows; the weights of each
        # (offset, trigger class, feature) sit in one small table, so a type costs a row of booleans.
        self.pair_index = _pair_index(attrs)
        self.pair_weights = np.zeros((len(PAIR_OFFSETS), len(TRIGGER_KINDS), len(self.pair_index), size * len(infos)))
        for o, offset in enumerate(PAIR_OFFSETS):
            for k, kind in enumerate(TRIGGER_KINDS):
                for feature, j in self.pair_index.items():
                    self.pair_weights[o, k, j] = self.weights[attrs.get(pair_feature(offset, kind, feature), 0)]
        self.triggers = np.zeros((1024, len(TRIGGER_KINDS)), dtype=bool)
        self.pairable = np.zeros((1024, len(self.pair_index)))
        self._count = 1
        self._gazetteer: dict[tuple[frozenset[str], bool], tuple[list[int], ...]] = {}
        self._blocks: dict[tuple[frozenset[str], int, bool, bool], tuple[np.ndarray, np.ndarray]] = {}

    def type_ids(self, keys: Sequence[str], lexicon: Lexicon) -> list[int]:
        """Row ids of ``keys``, computing (in one batch) the rows of types not seen before."""
        ids = self._ids
        found = list(map(ids.get, keys))
        if None not in found:
            return found
        new = [key for key in dict.fromkeys(keys) if key not in ids]
        if self._count + len(new) > _MAX_TYPES:  # start afresh; this batch's known types are computed again
            ids.clear()
            self._count = 1
            new = list(dict.fromkeys(keys))
        self._add(new, lexicon)
        return [ids[key] for key in keys]

    def _add(self, keys: list[str], lexicon: Lexicon) -> None:
        need = self._count + len(keys)
        if need > self.rows.shape[1]:
            grow = max(need, 2 * self.rows.shape[1])
            rows = np.zeros((_ROWS, grow, self.rows.shape[2]))
            rows[:, : self._count] = self.rows[:, : self._count]
            gaz = np.zeros(grow, dtype=bool)
            gaz[: self._count] = self.gaz_start[: self._count]
            triggers = np.zeros((grow, len(TRIGGER_KINDS)), dtype=bool)
            triggers[: self._count] = self.triggers[: self._count]
            pairable_ = np.zeros((grow, len(self.pair_index)))
            pairable_[: self._count] = self.pairable[: self._count]
            self.rows, self.gaz_start, self.triggers, self.pairable = rows, gaz, triggers, pairable_
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
            for kind in trigger_kinds(key):
                self.triggers[i, TRIGGER_KINDS.index(kind)] = True
            for feature in pairable(key) if self.pair_index else ():
                j = self.pair_index.get(feature)
                if j is not None:
                    self.pairable[i, j] = 1.0
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

    def gazetteer_block(
        self, kinds: frozenset[str], length: int, left: bool, right: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """The features of a whole gazetteer match: (offset from its first token, attribute id) arrays.

        ``left``/``right``: whether the sentence has a token before/after the match. The order is token
        by token (own, then the token before, then the one after), as the sums expect it.
        """
        key = (kinds, length, left, right)
        cached = self._blocks.get(key)
        if cached is None:
            offsets: list[int] = []
            attrs: list[int] = []
            for j in range(length):
                own, before, after = self.gazetteer_attrs(kinds, j == 0)
                offsets.extend([j] * len(own))
                attrs.extend(own)
                if j > 0 or left:
                    offsets.extend([j - 1] * len(before))
                    attrs.extend(before)
                if j + 1 < length or right:
                    offsets.extend([j + 1] * len(after))
                    attrs.extend(after)
            cached = self._blocks[key] = (np.array(offsets, dtype=np.intp), np.array(attrs, dtype=np.intp))
        return cached


def _pair_index(attrs: dict[str, int]) -> dict[str, int]:
    """The pairable features (``lm=-6``, ``c=fn1`` ...) that some two-token attribute of the model names."""
    found: dict[str, int] = {}
    for attr in attrs:
        if attr.startswith(("x-", "x+")):
            found.setdefault(attr.partition("|")[2], len(found))
    return found


def _bigram_index(attrs: dict[str, int]) -> dict[str, dict[str, int]]:
    """Bigram attribute ids (``bg=prev|key``) by previous word, then word: probed without building strings.

    A word may itself hold ``|``: the attribute is filed under every split, and a look-up of ``(prev, key)``
    finds it exactly when ``f"bg={prev}|{key}"`` is that attribute.
    """
    index: dict[str, dict[str, int]] = {}
    for attr, attr_id in attrs.items():
        if attr.startswith("bg="):
            pair = attr[3:]
            at = pair.find("|")
            while at >= 0:
                index.setdefault(pair[:at], {})[pair[at + 1 :]] = attr_id
                at = pair.find("|", at + 1)
    return index


class Doc:
    """One document laid out for scoring: sentences back to back with two padding slots around each."""

    def __init__(self, tables: CrfTables, keys: Sequence[Sequence[str]], lexicon: Lexicon) -> None:
        self.keys = keys
        self.lengths = np.array([len(k) for k in keys])
        flat = [key for sent in keys for key in sent]
        ids = tables.type_ids(flat, lexicon)
        # token r of sentence s sits at 2 + r + 2 * s (two padding slots before each sentence, two at the end)
        sentence = np.repeat(np.arange(len(keys)), self.lengths)
        self.positions = np.arange(len(flat)) + 2 + 2 * sentence
        self.layout = np.zeros(len(flat) + 2 * len(keys) + 2, dtype=np.intp)
        self.layout[self.positions] = ids
        self.scores = self._static(tables) + self._dynamic(tables, flat, ids, lexicon)

    def _static(self, tables: CrfTables) -> np.ndarray:
        pos, ids, rows = self.positions, self.layout, tables.rows
        own = ids[pos]
        scores = rows[0][own]
        for row, offset in enumerate(OFFSETS, start=1):
            scores += rows[row][ids[pos + offset]]
        for o, offset in enumerate(PAIR_OFFSETS):  # padding (id 0) has no trigger class
            near = tables.triggers[ids[pos + offset]]
            for k in np.flatnonzero(near.any(axis=0)).tolist() if tables.pair_index else ():
                hit = np.flatnonzero(near[:, k])
                scores[hit] += tables.pairable[own[hit]] @ tables.pair_weights[o, k]
        return scores

    def _dynamic(self, tables: CrfTables, flat: list[str], ids: list[int], lexicon: Lexicon) -> np.ndarray:
        """Bigram and gazetteer features (they depend on a token's neighbours, so are not cached per type)."""
        by_prev, none = tables.bigrams, {}
        bigram = [by_prev.get(prev, none).get(key, 0) for prev, key in pairwise(flat)]
        bigram.insert(0, 0)
        at = 0
        for n in self.lengths.tolist():  # no bigram across a sentence boundary
            bigram[at] = 0
            at += n
        scores = tables.weights[bigram]
        hits, rows = self._gazetteer_hits(tables, np.flatnonzero(tables.gaz_start[ids]).tolist(), lexicon)
        if len(hits):
            order = np.argsort(hits, kind="stable")
            where = hits[order]
            first = np.flatnonzero(np.diff(where, prepend=-1))
            scores[where[first]] += np.add.reduceat(tables.weights[rows[order]], first, axis=0)
        return scores

    def _gazetteer_hits(self, tables: CrfTables, starts: list[int], lexicon: Lexicon) -> tuple[np.ndarray, np.ndarray]:
        """Token positions (document order) and attribute ids of every gazetteer feature, match by match."""
        bases: list[int] = []
        blocks: list[tuple[np.ndarray, np.ndarray]] = []
        at = cursor = 0
        for sent in self.keys if starts else ():
            n = len(sent)
            stop = bisect_left(starts, at + n, cursor)
            if stop > cursor:
                for first, length, kinds in lexicon.match_spans(sent, [s - at for s in starts[cursor:stop]]):
                    blocks.append(tables.gazetteer_block(kinds, length, first > 0, first + length < n))
                    bases.append(at + first)
                cursor = stop
            at += n
        if not blocks:
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
        offsets, attrs = zip(*blocks, strict=True)
        hits = np.concatenate(offsets) + np.repeat(bases, [len(block) for block in attrs])
        return hits, np.concatenate(attrs)

    def split(self, values: np.ndarray) -> list[np.ndarray]:
        """Cut per-token values (document order) back into sentences."""
        return np.split(values, np.cumsum(self.lengths)[:-1].tolist())


def viterbi(scores: np.ndarray, lengths: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """Best label ids of every token (document order); all sentences of the document advance together.

    At this size numpy's per-call cost dominates, so the forward pass makes three calls a step and keeps
    only the best scores; a sentence that has ended keeps being advanced over padding (cheaper than
    slicing the batch), its extra scores are never read. The back pointers are then taken for all tokens
    in one call, from the same sums, so the choices (ties included: the lowest label id wins) are those of
    a step-by-step Viterbi.
    """
    firsts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    longest, size = int(lengths.max()), trans.shape[0]
    where = firsts[:, None] + np.arange(longest)
    mask = np.arange(longest) < lengths[:, None]
    # Labels before sentences: the max over previous labels is then a reduction over the outer axis,
    # which numpy runs as long contiguous inner loops (a small inner axis is several times slower).
    batch = np.ascontiguousarray(scores[np.where(mask, where, 0)].transpose(1, 2, 0))  # (longest, labels, n_sent)
    deltas = np.empty(batch.shape)
    deltas[0] = batch[0]
    cand = np.empty((size, size, len(lengths)))
    trans3 = np.ascontiguousarray(np.broadcast_to(trans[:, :, None], cand.shape))  # a full operand adds faster
    add, best_of = np.add, np.maximum.reduce
    for previous, out, emission in zip(deltas[:-1, :, None, :], deltas[1:], batch[1:], strict=True):
        add(previous, trans3, out=cand)
        best_of(cand, axis=0, out=out)
        add(out, emission, out=out)
    best = np.empty((len(scores), size))  # document order
    best[where[mask]] = deltas.transpose(2, 0, 1)[mask]
    return _backtrack(best, firsts.tolist(), lengths.tolist(), trans)


def _backtrack(best: np.ndarray, firsts: list[int], lengths: list[int], trans: np.ndarray) -> np.ndarray:
    """Follow the back pointers from each sentence's best last label (``best``: per-token Viterbi scores)."""
    backs = _back_pointers(best, trans)  # token r's for label y at y * (len(best) - 1) + r - 1
    stride = len(best) - 1
    ends = best[[first + n - 1 for first, n in zip(firsts, lengths, strict=True)]].argmax(axis=1).tolist()
    path = [0] * len(best)
    for first, n, y in zip(firsts, lengths, ends, strict=True):
        for r in range(first + n - 1, first, -1):
            path[r] = y
            y = backs[y * stride + r - 1]
        path[first] = y
    return np.array(path, dtype=np.intp)


def _back_pointers(best: np.ndarray, trans: np.ndarray) -> bytes | list[int]:
    """For each token after the first and each label, the best previous label (the lowest id on a tie).

    ``argmax`` over the short label axis runs row by row; a running maximum over the previous labels
    (the outer axis) takes a few calls on long contiguous rows instead. Returned as bytes: indexing them is
    as quick as a list, without converting thousands of numpy integers.
    """
    size = trans.shape[0]
    cand = trans[:, :, None] + np.ascontiguousarray(best[:-1].T)[:, None, :]  # (previous, label, token)
    top = cand[0].copy()
    out = np.zeros(top.shape, dtype=np.uint8 if size <= 256 else np.intp)
    for previous in range(1, size):
        np.copyto(out, previous, where=cand[previous] > top)  # strictly: an equal later label does not win
        np.maximum(top, cand[previous], out=top)
    return out.tobytes() if size <= 256 else out.ravel().tolist()


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
