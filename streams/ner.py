"""Named entities (PER, ORG, LOC) from a two-pass CRF trained on ANERcorp, with spans into the original text.

Pass 1 tags each sentence from word, affix, shape, trigger-word and gazetteer features; pass 2 sees how
pass 1 tagged the same stem elsewhere in the document. The models and name lists ship in ``data/``
(trained by ``scripts/train_ner.py``; ANERcorp, Benajiba et al. 2007, CAMeL Lab release, CC BY-SA 4.0).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pycrfsuite

from .arabic import fold
from .conll import bio_spans
from .ner_features import EDGE_FEATURES, OFFSETS, Lexicon, doc_memory_features, dynamic_features, type_features
from .tokenize import Token, split_sentences, tokenize

__all__ = ["DEFAULT_MODEL", "ENTITY_TYPES", "EntitySpan", "EntityTagger", "conll_tokens"]

DEFAULT_MODEL = Path(__file__).parent / "data" / "ner.crfsuite"
ENTITY_TYPES = ("PER", "ORG", "LOC")
# ANERcorp's types -> the product's; MISC is trained (it keeps nationalities out of LOC) but not emitted.
_OUTPUT_TYPE = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}
_PASS2_SUFFIX = ".pass2.crfsuite"
_GAZETTEER = "ner_gazetteer.txt"
_META = "ner_model.json"
_DEFAULT_DOC_SIZE = 20
_ROW_CACHE_SIZE = 200_000


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """One entity mention: ``text == body[start:end]``; ``score`` is the tagger's confidence in [0, 1]."""

    text: str
    type: str
    start: int
    end: int
    score: float


def conll_tokens(words: Sequence[str]) -> list[Token]:
    """Token objects for words given as-is (a CoNLL file): synthetic offsets as if joined by spaces."""
    tokens: list[Token] = []
    at = 0
    for word in words:
        tokens.append(Token(word, at, at + len(word), fold(word)))
        at += len(word) + 1
    return tokens


class _CompiledCrf:
    """A linear-chain CRF read out of a crfsuite model, scored with cached per-word-type weight rows.

    crfsuite rebuilds every feature string and looks each one up per token; here a word type's weights
    (its own features and what it shows each neighbour) are summed once and cached, and Viterbi and
    forward-backward run over all sentences of a document at once.
    """

    def __init__(self, tagger: pycrfsuite.Tagger) -> None:
        info = tagger.info()
        self.labels: list[str] = list(tagger.labels())
        index = self._index = {label: i for i, label in enumerate(self.labels)}
        size = len(self.labels)
        self._state: dict[str, np.ndarray] = {}
        for (attr, label), weight in info.state_features.items():
            self._state.setdefault(attr, np.zeros(size))[index[label]] = weight
        self._trans = np.zeros((size, size))
        for (prev, label), weight in info.transitions.items():
            self._trans[index[prev], index[label]] = weight
        self._exp_trans = np.exp(self._trans)
        self._zero = np.zeros(size)
        self._edges = {offset: self._state.get(feat, self._zero) for offset, feat in EDGE_FEATURES.items()}
        self._rows: dict[str, np.ndarray] = {}

    def _type_rows(self, key: str) -> np.ndarray:
        rows = self._rows.get(key)
        if rows is None:
            if len(self._rows) > _ROW_CACHE_SIZE:
                self._rows.clear()
            state, zero = self._state, self._zero
            rows = np.array([sum((state.get(f, zero) for f in feats), zero) for feats in type_features(key)])
            self._rows[key] = rows
        return rows

    def emissions(self, keys: Sequence[str], extra: Sequence[Sequence[str]]) -> np.ndarray:
        """Per-token label scores (n x labels): cached type rows shifted by offset, plus ``extra`` features."""
        rows = np.stack([self._type_rows(key) for key in keys])
        scores = rows[:, 0].copy()
        for row, offset in enumerate(OFFSETS, start=1):
            if offset < 0:
                scores[-offset:] += rows[:offset, row]
            else:
                scores[:-offset] += rows[offset:, row]
        n = len(keys)
        for offset, weights in self._edges.items():
            if offset < 0:
                scores[: min(-offset, n)] += weights
            else:
                scores[max(n - offset, 0) :] += weights
        state = self._state
        for i, feats in enumerate(extra):
            for feat in feats:
                weights = state.get(feat)
                if weights is not None:
                    scores[i] += weights
        return scores

    def viterbi(self, emissions: Sequence[np.ndarray]) -> list[list[str]]:
        """Best label path of every sentence, all sentences advanced together one position at a time."""
        batch, lengths = _pad(emissions)
        n_sent, longest, size = batch.shape
        delta = batch[:, 0]
        back = np.empty((n_sent, longest, size), dtype=np.intp)
        back[:] = np.arange(size)
        for t in range(1, longest):
            cand = delta[:, :, None] + self._trans
            live = (t < lengths)[:, None]
            back[:, t] = np.where(live, cand.argmax(axis=1), back[:, t])
            delta = np.where(live, cand.max(axis=1) + batch[:, t], delta)
        rows = np.arange(n_sent)
        path = np.empty((n_sent, longest), dtype=np.intp)
        path[:, -1] = delta.argmax(axis=1)
        for t in range(longest - 1, 0, -1):
            path[:, t - 1] = back[rows, t, path[:, t]]
        labels = self.labels
        return [[labels[y] for y in path[b, : lengths[b]].tolist()] for b in range(n_sent)]

    def marginals(self, emissions: Sequence[np.ndarray], paths: Sequence[Sequence[str]]) -> list[list[float]]:
        """Marginal probability of each label of each path (scaled forward-backward, sentences batched)."""
        batch, lengths = _pad(emissions)
        longest = batch.shape[1]
        potentials = np.exp(batch - batch.max(axis=2, keepdims=True))
        alpha = np.empty_like(potentials)
        beta = np.empty_like(potentials)
        alpha[:, 0] = potentials[:, 0] / potentials[:, 0].sum(axis=1, keepdims=True)
        for t in range(1, longest):
            a = (alpha[:, t - 1] @ self._exp_trans) * potentials[:, t]
            alpha[:, t] = a / a.sum(axis=1, keepdims=True)
        beta[:, -1] = 1.0
        last = (lengths - 1)[:, None]
        for t in range(longest - 2, -1, -1):
            b = (potentials[:, t + 1] * beta[:, t + 1]) @ self._exp_trans.T
            beta[:, t] = np.where(t >= last, 1.0, b / b.sum(axis=1, keepdims=True))
        joint = alpha * beta
        joint /= joint.sum(axis=2, keepdims=True)
        index = self._index
        out = []
        for b, path in enumerate(paths):
            picked = joint[b, np.arange(len(path)), [index[label] for label in path]]
            out.append(picked.tolist())
        return out


def _pad(emissions: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.array([len(e) for e in emissions])
    batch = np.zeros((len(emissions), int(lengths.max()), emissions[0].shape[1]))
    for b, e in enumerate(emissions):
        batch[b, : len(e)] = e
    return batch, lengths


class EntityTagger:
    """A loaded NER model; build it once per process with :meth:`load` and share it between articles."""

    def __init__(
        self,
        pass1: _CompiledCrf,
        pass2: _CompiledCrf | None,
        lexicon: Lexicon,
        doc_size: int = _DEFAULT_DOC_SIZE,
    ) -> None:
        self._pass1 = pass1
        self._pass2 = pass2
        self._lexicon = lexicon
        self.doc_size = doc_size

    @classmethod
    def load(cls, path: Path | None = None) -> EntityTagger:
        """Load the model at ``path`` (default: the shipped one); cached, so repeated calls are free.

        The pass-2 model (``<name>.pass2.crfsuite``), the gazetteer and the metadata are read from the
        same folder when present.

        Raises:
            FileNotFoundError: when the model file does not exist.
        """
        return _load_cached(Path(path or DEFAULT_MODEL).resolve())

    def tag_tokens(self, sentences: Sequence[Sequence[Token]]) -> list[list[str]]:
        """Return BIO labels (``B-PER``, ``I-ORG``, ``O``...) per token; all sentences form one document."""
        labels, _ = self._tag(sentences, want_scores=False)
        return [[_output_label(label) for label in sent] for sent in labels]

    def tag_conll(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tag words given exactly as-is, in consecutive documents of ``doc_size`` sentences (no boundaries)."""
        out: list[list[str]] = []
        for first in range(0, len(sentences), self.doc_size):
            chunk = sentences[first : first + self.doc_size]
            out.extend(self.tag_tokens([conll_tokens(words) for words in chunk]))
        return out

    def entities(self, text: str) -> list[EntitySpan]:
        """Tokenise ``text``, tag it as one document and return its PER/ORG/LOC spans, in text order."""
        sentences = [tokenize(s.text, offset=s.start) for s in split_sentences(text)]
        sentences = [tokens for tokens in sentences if tokens]
        if not sentences:
            return []
        labels, scores = self._tag(sentences, want_scores=True)
        spans: list[EntitySpan] = []
        for tokens, sent_labels, sent_scores in zip(sentences, labels, scores, strict=True):
            for kind, first, last in bio_spans(sent_labels):
                out_type = _OUTPUT_TYPE.get(kind)
                if out_type is None:
                    continue
                start, end = tokens[first].start, tokens[last - 1].end
                score = min(sent_scores[first:last])
                spans.append(EntitySpan(text[start:end], out_type, start, end, round(score, 4)))
        return spans

    def _tag(
        self, sentences: Sequence[Sequence[Token]], want_scores: bool
    ) -> tuple[list[list[str]], list[list[float]]]:
        """Label (and optionally score) every token; empty sentences get empty lists."""
        full = [i for i, sent in enumerate(sentences) if sent]
        labels: list[list[str]] = [[] for _ in sentences]
        scores: list[list[float]] = [[] for _ in sentences]
        if not full:
            return labels, scores
        keys = [[token.norm for token in sentences[i]] for i in full]
        extra = [dynamic_features(sent_keys, self._lexicon) for sent_keys in keys]
        crf = self._pass1
        emissions = [crf.emissions(k, x) for k, x in zip(keys, extra, strict=True)]
        found = crf.viterbi(emissions)
        if self._pass2 is not None:
            crf = self._pass2
            memory = doc_memory_features(keys, found)
            emissions = [
                crf.emissions(k, [x + m for x, m in zip(sx, sm, strict=True)])
                for k, sx, sm in zip(keys, extra, memory, strict=True)
            ]
            found = crf.viterbi(emissions)
        for i, sent_labels in zip(full, found, strict=True):
            labels[i] = sent_labels
        if want_scores:
            for i, sent_scores in zip(full, crf.marginals(emissions, found), strict=True):
                scores[i] = sent_scores
        return labels, scores


def _output_label(label: str) -> str:
    if label == "O":
        return label
    out_type = _OUTPUT_TYPE.get(label[2:])
    return f"{label[:2]}{out_type}" if out_type else "O"


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> EntityTagger:
    if not path.is_file():
        raise FileNotFoundError(f"NER model not found: {path}")
    pass1 = _open_crf(path)
    pass2_path = path.with_name(path.name.removesuffix(".crfsuite") + _PASS2_SUFFIX)
    pass2 = _open_crf(pass2_path) if pass2_path.is_file() else None
    gazetteer = path.with_name(_GAZETTEER)
    lines = gazetteer.read_text(encoding="utf-8").splitlines() if gazetteer.is_file() else []
    meta_path = path.with_name(_META)
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    return EntityTagger(pass1, pass2, Lexicon.from_lines(lines), int(meta.get("doc_size", _DEFAULT_DOC_SIZE)))


def _open_crf(path: Path) -> _CompiledCrf:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    try:
        return _CompiledCrf(tagger)
    finally:
        tagger.close()
