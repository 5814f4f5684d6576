"""A small convolutional tagger whose label log-probabilities are added to the CRF's emission scores.

The CRF sees words through hand-made features; this network sees them through their letters (a character
CNN), learned embeddings of frequent words and stems, the CRF's lexicon classes and gazetteer matches, and
three 1-D convolutions over the sentence (dilations 1, 2, 4: seven words on each side). It is weaker alone
than the CRF but wrong in other places: names never seen in training, which it reads from their spelling.
Added to the CRF's scores with the weight stored with it (0.5), it lifts micro F1 on the dev slice from 0.790
to 0.808; on other held-out slices by 0 to 3 points (docs/quality.md, "Named entities").

Trained by ``scripts/train_ner_cnn.py`` (jax, a training-only dependency); here it runs in plain numpy.
The first convolution is linear in the word's own vector, so each word type's share of it is computed once
and cached: per token only the gazetteer taps, two dense layers and a softmax remain.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from .ner_features import Lexicon, lexical_classes, stem_of

__all__ = [
    "CHAR_WIDTHS",
    "DILATIONS",
    "MAX_CHARS",
    "MAX_FEATS",
    "ConvTagger",
    "char_ids",
    "class_features",
    "network_gazetteer",
]

MAX_CHARS = 22  # a begin mark, up to 20 letters (the middle of longer words dropped), an end mark
CHAR_WIDTHS = (2, 3, 4)
DILATIONS = (1, 2, 4)  # of the three word convolutions, kernel 3 each
MAX_FEATS = 24
_GAP = 4  # zero rows between the sentences of a document (>= the largest dilation): edge padding
_CLASS_PREFIXES = ("sh=", "len=", "t=", "c=", "k=", "gw=", "n=", "nk=", "lm=", "cl=", "al")
# word types whose first-layer taps are kept (768 bytes each at hidden 64: 23 MB); past it the cache starts over,
# and the words of the next article are computed again (a few ms, once)
_CACHE_LIMIT = 30_000


def class_features(key: str) -> list[str]:
    """The CRF's lexicon and shape classes of a folded word (not its forms or affixes: the letters give those)."""
    return [f for f in lexical_classes(key) if f.startswith(_CLASS_PREFIXES)][:MAX_FEATS]


def network_gazetteer(lines: Iterable[str]) -> list[str]:
    """The CRF's gazetteer lines without the names taken from the training labels (kind s*): the network,
    trained on those same labels, would learn to trust them. Training and inference both read it so."""
    return [line for line in lines if not line.startswith("s")]


def char_ids(key: str, index: dict[str, int]) -> list[int]:
    """Letter ids: 1 begin, 2 end, 3 unknown, then the vocabulary's; past 20 letters the middle is dropped."""
    chars = key if len(key) <= MAX_CHARS - 2 else key[:10] + key[-10:]
    return [1, *(index.get(c, 3) for c in chars), 2]


def unpack_strings(array: np.ndarray) -> list[str]:
    text = array.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def pack_strings(items: Iterable[str]) -> np.ndarray:
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


class ConvTagger:
    """The network's weights and vocabularies; build once per process (:meth:`load`) and share."""

    def __init__(self, arrays: dict[str, np.ndarray], gazetteer_lines: Iterable[str]) -> None:
        p = {k: v.astype(np.float32) for k, v in arrays.items() if not k.startswith("v_") and k != "weight"}
        # how much its log-probabilities count in the CRF's scores: chosen on the dev slice with these weights
        self.weight = float(arrays["weight"]) if "weight" in arrays else None
        self.labels = unpack_strings(arrays["v_labels"])
        self._words = {w: i + 2 for i, w in enumerate(unpack_strings(arrays["v_words"]))}  # 0 pad, 1 unknown
        self._stems = {w: i + 2 for i, w in enumerate(unpack_strings(arrays["v_stems"]))}
        self._chars = {c: i + 4 for i, c in enumerate(unpack_strings(arrays["v_chars"]))}
        self._feats = {f: i + 1 for i, f in enumerate(unpack_strings(arrays["v_feats"]))}  # 0 pad
        self._gaz = {f: i + 1 for i, f in enumerate(unpack_strings(arrays["v_gaz"]))}
        self._lexicon = Lexicon.from_lines(network_gazetteer(gazetteer_lines))
        for layer in (2, 3):  # the three taps side by side: one product per layer
            p[f"conv{layer}_cat"] = np.ascontiguousarray(np.concatenate(list(p[f"conv{layer}"]), axis=1))
        gdim = p["gemb"].shape[1]
        hidden = p["conv1"].shape[2]
        # each gazetteer tag's share of the first convolution, its three taps side by side (summed per match kind
        # into _kind_taps as kinds are met)
        self._gaz_taps = np.einsum("gd,kdh->gkh", p["gemb"], p["conv1"][:, -gdim:]).reshape(len(p["gemb"]), -1)
        # a match's kinds -> its rows (B, I) in _kind_taps; row 0 adds nothing
        self._kind_rows: dict[frozenset[str], tuple[int, int]] = {}
        self._kind_taps = np.zeros((1, self._gaz_taps.shape[1]), np.float32)
        p["femb"][0] = 0.0
        self._p = p
        # per word type: its row of first-layer taps, and whether a gazetteer name can start at it
        self._rows: dict[str, int] = {}
        self._table = np.zeros((1024, 3, hidden), np.float32)
        self._starts = np.zeros(1024, bool)

    @classmethod
    def load(cls, path: Path, gazetteer_lines: Iterable[str]) -> ConvTagger:
        """The network in ``path``, reading the CRF's gazetteer lines (which the tagger has read already)."""
        with np.load(path) as arrays:
            loaded = {name: arrays[name] for name in arrays.files}
        return cls(loaded, gazetteer_lines)

    def log_probs(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """Label log-probabilities (tokens x labels, sentences back to back) of folded words, one document."""
        p = self._p
        lengths = [len(sent) for sent in sentences]
        if not sum(lengths):
            return np.zeros((0, len(self.labels)), np.float32)
        starts = np.cumsum([0] + [n + _GAP for n in lengths[:-1]])
        total = int(starts[-1] + lengths[-1])
        flat = [key for sent in sentences for key in sent]
        positions = np.concatenate([np.arange(a, a + n) for a, n in zip(starts, lengths, strict=True)])
        rows = self._rows
        missing = [key for key in dict.fromkeys(flat) if key not in rows]
        if missing:
            if len(rows) + len(missing) > _CACHE_LIMIT:
                rows.clear()
                missing = list(dict.fromkeys(flat))
            self._add_types(missing)
        ids = np.fromiter((rows[key] for key in flat), dtype=np.intp, count=len(flat))
        taps = np.zeros((total, 3, p["conv1"].shape[2]), np.float32)
        taps[positions] = self._table[ids]
        self._add_gazetteer(taps, sentences, starts.tolist(), self._starts[ids])
        keep = np.zeros((total, 1), np.float32)
        keep[positions] = 1.0  # gap rows stay zero after every layer
        h = _relu_of(_shift_sum(taps, DILATIONS[0]), p["conv1_b"], keep)
        for layer, dilation in ((2, DILATIONS[1]), (3, DILATIONS[2])):
            y = (h @ p[f"conv{layer}_cat"]).reshape(total, 3, -1)
            h = _relu_of(_shift_sum(y, dilation), p[f"conv{layer}_b"], keep, h)
        logits = h[positions] @ p["out"] + p["out_b"]
        logits -= logits.max(axis=1, keepdims=True)
        logits -= np.log(np.exp(logits).sum(axis=1, keepdims=True))
        return logits

    def _add_gazetteer(
        self, taps: np.ndarray, sentences: Sequence[Sequence[str]], offsets: list[int], can_start: np.ndarray
    ) -> None:
        """Add the taps of the gazetteer tags of the longest matches, tried only where a name can start.

        A match's kinds give one row of summed taps for its first word and one for the rest: per token one
        row id, then one gather for the tokens that have one.
        """
        rows = np.zeros(len(taps), dtype=np.intp)  # 0: no tag
        flat_at = 0
        for offset, sent in zip(offsets, sentences, strict=True):
            tries = np.flatnonzero(can_start[flat_at : flat_at + len(sent)]).tolist()
            flat_at += len(sent)
            if not tries:
                continue
            for first, length, kinds in self._lexicon.match_spans(sent, tries):
                begin, inside = self._kind_rows.get(kinds) or self._add_kinds(kinds)
                rows[offset + first] = begin
                if length > 1:
                    rows[offset + first + 1 : offset + first + length] = inside
        tagged = np.flatnonzero(rows)
        if len(tagged):
            flat = taps.reshape(len(taps), -1)  # a view: the three taps side by side
            flat[tagged] += self._kind_taps[rows[tagged]]

    def _add_kinds(self, kinds: frozenset[str]) -> tuple[int, int]:
        """Rows of summed taps for a match's B and I tags (those the network was trained with)."""
        found = []
        for edge in "BI":
            ids = [self._gaz[tag] for kind in sorted(kinds) if (tag := f"{kind}-{edge}") in self._gaz]
            found.append(len(self._kind_taps))
            self._kind_taps = np.vstack([self._kind_taps, self._gaz_taps[ids].sum(axis=0, keepdims=True)])
        self._kind_rows[kinds] = (found[0], found[1])
        return found[0], found[1]

    def _add_types(self, keys: list[str]) -> None:
        """Each new word type's share of the first convolution at its three taps, in one batch."""
        p = self._p
        n = len(keys)
        chars = np.zeros((n, MAX_CHARS), dtype=np.intp)
        feats = np.zeros((n, MAX_FEATS), dtype=np.intp)
        n_chars = np.zeros(n, dtype=np.intp)
        for i, key in enumerate(keys):
            ids = char_ids(key, self._chars)
            chars[i, : len(ids)] = ids
            n_chars[i] = len(ids)
            found = [self._feats[f] for f in class_features(key) if f in self._feats]
            feats[i, : len(found)] = found
        embedded = p["cemb"][chars] * (chars > 0)[..., None]
        parts = [
            p["wemb"][[self._words.get(key, 1) for key in keys]],
            p["semb"][[self._stems.get(stem_of(key), 1) for key in keys]],
        ]
        for width in CHAR_WIDTHS:
            kernel = p[f"cconv{width}"]
            m = MAX_CHARS - width + 1
            acc = sum(embedded[:, j : j + m] @ kernel[j] for j in range(width)) + p[f"cconv{width}_b"]
            at = np.arange(m)
            valid = (at[None] == 0) | (at[None] + width <= n_chars[:, None])
            parts.append(np.maximum(np.where(valid[..., None], acc, -1e4).max(axis=1), 0.0))
        parts.append(p["femb"][feats].sum(axis=1))
        x = np.concatenate(parts, axis=1)
        first = p["conv1"][:, : x.shape[1]]
        taps = np.stack([x @ first[k] for k in range(3)], axis=1)
        rows, at = self._rows, len(self._rows)
        if at + n > len(self._table):
            size = max(2 * len(self._table), at + n)
            self._table = np.resize(self._table, (size, *self._table.shape[1:]))
            self._starts = np.resize(self._starts, size)
        self._table[at : at + n] = taps
        self._starts[at : at + n] = [self._lexicon.can_start(key) for key in keys]
        rows.update(zip(keys, range(at, at + n), strict=True))


def _relu_of(x: np.ndarray, bias: np.ndarray, keep: np.ndarray, residual: np.ndarray | None = None) -> np.ndarray:
    """max(x + bias, 0) (+ residual), gap rows zeroed: in place in ``x``, a fresh array from _shift_sum."""
    x += bias
    np.maximum(x, 0.0, out=x)
    if residual is not None:
        x += residual
    x *= keep
    return x


def _shift_sum(y: np.ndarray, d: int) -> np.ndarray:
    """out[t] = y[t-d, tap 0] + y[t, tap 1] + y[t+d, tap 2], zero beyond the ends (SAME padding)."""
    out = y[:, 1].copy()
    if d < len(y):
        out[d:] += y[:-d, 0]
        out[:-d] += y[d:, 2]
    return out
