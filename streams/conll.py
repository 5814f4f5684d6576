"""CoNLL reading, writing and entity-level (exact-match) scoring for the NER tagger."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

__all__ = [
    "ConllSentence",
    "Scores",
    "TypeScore",
    "bio_spans",
    "read_conll",
    "score_entities",
    "write_predictions",
]


@dataclass(frozen=True, slots=True)
class ConllSentence:
    """One sentence of a CoNLL file: its tokens exactly as given and their gold tags."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Exact-match counts and scores for one entity type (or the micro average)."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0

    def __add__(self, other: TypeScore) -> TypeScore:
        return type(self)(self.gold + other.gold, self.predicted + other.predicted, self.correct + other.correct)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Scores:
    """Per-type scores and their micro average over the types asked for."""

    per_type: dict[str, TypeScore]
    micro: TypeScore

    def as_dict(self) -> dict[str, object]:
        return {
            "per_type": {name: score.as_dict() for name, score in sorted(self.per_type.items())},
            "micro": self.micro.as_dict(),
        }


def read_conll(source: Path | str | TextIO) -> list[ConllSentence]:
    """Read ``token<TAB>tag`` lines (any run of whitespace also separates), blank lines between sentences.

    The tag is the last field and the token everything before it, so a token is kept exactly as given;
    a line with a single field is a token tagged ``O``.
    """
    if isinstance(source, (str, Path)):
        with open(source, encoding="utf-8") as handle:
            return read_conll(handle)
    sentences: list[ConllSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for raw in source:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if tokens:
                sentences.append(ConllSentence(tuple(tokens), tuple(tags)))
                tokens, tags = [], []
            continue
        token, tag = _split_line(line)
        tokens.append(token)
        tags.append(tag)
    if tokens:
        sentences.append(ConllSentence(tuple(tokens), tuple(tags)))
    return sentences


def _split_line(line: str) -> tuple[str, str]:
    if "\t" in line:
        token, _, tag = line.rpartition("\t")
    else:
        token, _, tag = line.strip().rpartition(" ")
    token = token.strip(" ")
    if not token:  # a bare token with no tag
        return tag.strip(), "O"
    return token, tag.strip() or "O"


def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Return ``(type, start, end)`` entity spans (end exclusive) in CoNLL-eval style.

    An ``I-`` tag that does not continue an entity of its type starts a new one, as conlleval does. Only the
    tagged positions are read (most tokens are ``O``; the tagger calls this per sentence of every article).
    """
    spans: list[tuple[str, int, int]] = []
    current: str | None = None
    begin = last = 0
    for i in [i for i, tag in enumerate(tags) if tag != "O"]:
        if current is not None and i != last + 1:  # an O closed the span
            spans.append((current, begin, last + 1))
            current = None
        last = i
        prefix, _, kind = tags[i].partition("-")
        if prefix == "I" and kind == current:
            continue
        if current is not None:
            spans.append((current, begin, i))
            current = None
        if prefix in ("B", "I") and kind:
            current, begin = kind, i
    if current is not None:
        spans.append((current, begin, last + 1))
    return spans


def score_entities(
    gold: Iterable[Sequence[str]],
    predicted: Iterable[Sequence[str]],
    types: Sequence[str] | None = None,
) -> Scores:
    """Score predicted against gold tag sequences: an entity counts only with the same type and exact span.

    Args:
        gold: one tag sequence per sentence.
        predicted: the predicted tag sequences, aligned with ``gold``.
        types: the entity types to score and micro-average; default, every type seen in either side.

    Raises:
        ValueError: when a gold and a predicted sentence differ in length.
    """
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_ok: Counter[str] = Counter()
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        if len(gold_tags) != len(pred_tags):
            raise ValueError(f"sentence length mismatch: {len(gold_tags)} gold vs {len(pred_tags)} predicted")
        gold_spans = set(bio_spans(gold_tags))
        pred_spans = set(bio_spans(pred_tags))
        n_gold.update(kind for kind, _, _ in gold_spans)
        n_pred.update(kind for kind, _, _ in pred_spans)
        n_ok.update(kind for kind, _, _ in gold_spans & pred_spans)
    kinds = sorted(types) if types is not None else sorted(set(n_gold) | set(n_pred))
    per_type = {kind: TypeScore(n_gold[kind], n_pred[kind], n_ok[kind]) for kind in kinds}
    micro = TypeScore(
        sum(s.gold for s in per_type.values()),
        sum(s.predicted for s in per_type.values()),
        sum(s.correct for s in per_type.values()),
    )
    return Scores(per_type, micro)


def write_predictions(
    out: TextIO,
    sentences: Sequence[ConllSentence],
    predicted: Sequence[Sequence[str]],
) -> None:
    """Write ``token<TAB>gold<TAB>predicted`` per line, a blank line after each sentence."""
    for sentence, tags in zip(sentences, predicted, strict=True):
        for token, gold_tag, pred_tag in zip(sentence.tokens, sentence.tags, tags, strict=True):
            out.write(f"{token}\t{gold_tag}\t{pred_tag}\n")
        out.write("\n")
