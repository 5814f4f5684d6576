"""Document consistency for NER: a name tagged in one place of an article is tagged where it recurs untagged."""

from __future__ import annotations

from collections.abc import Sequence

from .conll import bio_spans
from .ner_features import stem_of

__all__ = ["propagate"]

_MIN_STEM = 3
_MAX_SPAN = 4
# Place names are left alone: the CRF already tags them consistently, and spreading them cost precision.
_KINDS = frozenset({"PERS", "PER", "ORG"})


def propagate(keys: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]) -> list[list[str]]:
    """Return ``labels`` with untagged repeats of the document's names tagged like them.

    A name is the stem sequence of a tagged span (its type by majority); a surname (the last word of a
    person's multi-word name) also counts as a one-word person name. Only runs of untagged tokens are
    changed, longest names first, so a tagged span is never cut or retyped.

    Args:
        keys: the folded tokens of every sentence.
        labels: the BIO labels the CRF gave them.
    """
    names = _names(keys, labels)
    out = [list(sent) for sent in labels]
    if not names:
        return out
    longest = max(len(name) for name in names)
    firsts = {name[0] for name in names}
    for sent_keys, sent_out in zip(keys, out, strict=True):
        stems = list(map(stem_of, sent_keys))
        n = len(stems)
        free = 0  # positions before this were just tagged
        for i in [i for i, stem in enumerate(stems) if stem in firsts]:
            if i < free or sent_out[i] != "O":
                continue
            for length in range(min(longest, n - i), 0, -1):
                kind = names.get(tuple(stems[i : i + length]))
                if kind and all(label == "O" for label in sent_out[i : i + length]):
                    sent_out[i : i + length] = [f"B-{kind}"] + [f"I-{kind}"] * (length - 1)
                    free = i + length
                    break
    return out


def _names(keys: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]) -> dict[tuple[str, ...], str]:
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    for sent_keys, sent_labels in zip(keys, labels, strict=True):
        for kind, first, last in bio_spans(sent_labels):
            if kind not in _KINDS:
                continue
            stems = tuple(map(stem_of, sent_keys[first:last]))
            if len(stems) > _MAX_SPAN or min(map(len, stems)) < _MIN_STEM:
                continue
            _vote(votes, stems, kind)
            if kind in ("PERS", "PER") and len(stems) > 1:
                _vote(votes, stems[-1:], kind)
    # the majority; a tie goes to the type seen first (as Counter.most_common has it)
    return {stems: max(counts, key=counts.__getitem__) for stems, counts in votes.items()}


def _vote(votes: dict[tuple[str, ...], dict[str, int]], stems: tuple[str, ...], kind: str) -> None:
    counts = votes.setdefault(stems, {})
    counts[kind] = counts.get(kind, 0) + 1
