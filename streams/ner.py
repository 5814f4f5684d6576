"""Named entities (PER, ORG, LOC) from a CRF trained on ANERcorp, with spans into the original text.

The CRF tags each sentence from word, affix, shape, trigger-word and gazetteer features, with a small
convolutional network's label log-probabilities added to its scores when ``ner_cnn.npz`` is present
(:mod:`.ner_cnn`, trained by ``scripts/train_ner_cnn.py``); then the names it found are propagated to their
untagged repeats in the article (or, with a pass-2 model present, a second CRF sees how pass 1 tagged the same
stem elsewhere in the document). The models and name lists ship in ``data/`` (trained by
``scripts/train_ner.py``; ANERcorp, Benajiba et al. 2007, CAMeL Lab release, CC BY-SA 4.0).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pycrfsuite
from threadpoolctl import threadpool_limits

from .arabic import fold
from .conll import bio_spans
from .ner_cnn import ConvTagger
from .ner_consistency import propagate
from .ner_features import Lexicon, stem_of
from .ner_scorer import CrfTables, Doc, marginals, viterbi
from .tokenize import Token, split_sentences, tokenize

__all__ = ["DEFAULT_MODEL", "ENTITY_TYPES", "EntitySpan", "EntityTagger", "conll_tokens"]

DEFAULT_MODEL = Path(__file__).parent / "data" / "ner.crfsuite"
ENTITY_TYPES = ("PER", "ORG", "LOC")
# ANERcorp's types -> the product's; MISC is trained (it keeps nationalities out of LOC) but not emitted.
_OUTPUT_TYPE = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}
_PASS2_SUFFIX = ".pass2.crfsuite"
_GAZETTEER = "ner_gazetteer.txt"
_META = "ner_model.json"
_CNN = "ner_cnn.npz"
_LOG = logging.getLogger(__name__)
_THREAD_SETTINGS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_DEFAULT_CNN_WEIGHT = 0.5  # for a network saved without its weight
_DEFAULT_DOC_SIZE = 20
_MEMORY_KINDS = ("PERS", "ORG", "LOC", "MISC")


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


class EntityTagger:
    """A loaded NER model; build it once per process with :meth:`load` and share it between articles."""

    def __init__(
        self,
        tables: CrfTables,
        lexicon: Lexicon,
        doc_size: int = _DEFAULT_DOC_SIZE,
        cnn: ConvTagger | None = None,
        cnn_weight: float = _DEFAULT_CNN_WEIGHT,
    ) -> None:
        self._tables = tables
        self._lexicon = lexicon
        self.doc_size = doc_size
        if cnn is not None and cnn.labels != list(tables.labels):
            raise ValueError(
                f"the NER network's labels {cnn.labels} are not the CRF's {tables.labels}: rebuild it for this CRF "
                "with scripts/train_ner_cnn.py (after scripts/train_ner.py)"
            )
        self._cnn = cnn
        self._cnn_weight = cnn_weight
        self._two_pass = len(tables.trans) == 2
        self._outside = tables.labels.index("O")
        size = tables.size
        if self._two_pass:
            weights, attrs = tables.weights[:, size:], tables.attrs
            # Pass-2 weights of the pass-1 label here and at each neighbour (last row: no neighbour).
            self._memory = [
                np.vstack([weights[[attrs.get(f"{prefix}p1={label}", 0) for label in tables.labels]], np.zeros(size)])
                for prefix in ("", "-1", "1")
            ]
            self._dm = {kind: weights[attrs.get(f"dm={kind}", 0)] for kind in _MEMORY_KINDS}

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
        return [list(map(_output_label, sent)) for sent in labels]

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
        tables = self._tables
        doc = Doc(tables, [[token.norm for token in sentences[i]] for i in full], self._lexicon)
        size = tables.size
        emissions = doc.scores[:, :size]
        if self._cnn is not None and not self._two_pass:
            emissions = emissions + self._cnn_weight * self._cnn.log_probs(doc.keys)
        found = viterbi(emissions, doc.lengths, tables.trans[0])
        if self._two_pass:
            emissions = doc.scores[:, size:] + self._memory_scores(doc, found)
            found = viterbi(emissions, doc.lengths, tables.trans[1])
        names = tables.labels
        flat = [names[y] for y in found.tolist()]
        found_labels = []
        at = 0
        for n in doc.lengths.tolist():
            found_labels.append(flat[at : at + n])
            at += n
        if not self._two_pass:
            found_labels = propagate(doc.keys, found_labels)
        for i, sent_labels in zip(full, found_labels, strict=True):
            labels[i] = sent_labels
        if want_scores:
            index = {label: i for i, label in enumerate(names)}
            path = np.array([index[label] for sent in found_labels for label in sent])
            probs = marginals(emissions, doc.lengths, tables.trans[-1], path)
            for i, sent_scores in zip(full, doc.split(probs), strict=True):
                scores[i] = sent_scores.tolist()
        return labels, scores

    def _memory_scores(self, doc: Doc, found: np.ndarray) -> np.ndarray:
        """Pass-2 document-memory features (see ``ner_features.doc_memory_features``) as weight sums."""
        size = self._tables.size
        layout = np.full(len(doc.layout), size)
        layout[doc.positions] = found
        own, before, after = self._memory
        scores = own[found] + before[layout[doc.positions - 1]] + after[layout[doc.positions + 1]]
        names = self._tables.labels
        stems = [stem_of(key) for sent in doc.keys for key in sent]
        votes: dict[str, dict[str, int]] = {}
        outside = self._outside
        for at in np.flatnonzero(found != outside).tolist():
            counts = votes.setdefault(stems[at], {})
            kind = names[found[at]][2:]
            counts[kind] = counts.get(kind, 0) + 1
        if not votes:
            return scores
        dm = self._dm
        for at, stem in enumerate(stems):
            counts = votes.get(stem)
            if counts is None:
                continue
            own_kind = names[found[at]][2:] if found[at] != outside else ""
            for kind, count in counts.items():
                if count - (kind == own_kind) > 0:
                    scores[at] += dm[kind]
        return scores


@lru_cache(maxsize=256)
def _output_label(label: str) -> str:
    if label == "O":
        return label
    out_type = _OUTPUT_TYPE.get(label[2:])
    return f"{label[:2]}{out_type}" if out_type else "O"


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> EntityTagger:
    if not path.is_file():
        raise FileNotFoundError(f"NER model not found: {path}")
    paths = [path]
    pass2_path = path.with_name(path.name.removesuffix(".crfsuite") + _PASS2_SUFFIX)
    if pass2_path.is_file():
        paths.append(pass2_path)
    gazetteer = path.with_name(_GAZETTEER)
    lines = gazetteer.read_text(encoding="utf-8").splitlines() if gazetteer.is_file() else []
    meta_path = path.with_name(_META)
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    cnn_path = path.with_name(_CNN)
    cnn = ConvTagger.load(cnn_path, lines) if cnn_path.is_file() else None
    if cnn is not None:
        _one_blas_thread()
    else:
        _LOG.warning(
            "NER network %s not found: the CRF tags alone (micro F1 0.790 instead of 0.808 on the dev slice); "
            "reinstall the package or rebuild it with scripts/train_ner_cnn.py",
            cnn_path,
        )
    return EntityTagger(
        _open_tables(paths),
        Lexicon.from_lines(lines),
        int(meta.get("doc_size", _DEFAULT_DOC_SIZE)),
        cnn,
        cnn.weight if cnn is not None and cnn.weight is not None else _DEFAULT_CNN_WEIGHT,
    )


def _one_blas_thread() -> None:
    """Cap numpy's BLAS at one thread for the process, unless the operator set a thread count.

    The network multiplies a few hundred rows by 64 columns per article: split across threads, the work is
    smaller than the threads' spinning, which doubled the CPU time of a seed article (18 ms against 9 ms
    on a two-core host) and took it from the worker's other cores. Process-wide because BLAS is.
    """
    if not any(os.environ.get(name) for name in _THREAD_SETTINGS):
        threadpool_limits(1, user_api="blas")


def _open_tables(paths: Sequence[Path]) -> CrfTables:
    taggers = []
    try:
        for path in paths:
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            taggers.append(tagger)
        return CrfTables(taggers)
    finally:
        for tagger in taggers:
            tagger.close()
