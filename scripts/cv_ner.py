"""Cross-validate NER training settings on the training part alone (never the dev slice, never the test split).

Why: a setting picked because it scores best on the 959 entities of the dev slice may only fit that slice.
Here the training part (the first 90% of ANERcorp's train.conll) is cut into K folds of whole pseudo-documents;
each fold is tagged by a model trained on the other folds, with the same gazetteer and jackknifed training
names that ``train_ner.py`` builds (the held-out fold's own names are never in its gazetteer). The pooled
micro P/R/F1 of each setting is printed; a setting worth shipping should win here too.

Usage (each setting is a comma-separated c1,c2 pair; two trainings run at a time)::

    .venv/bin/python scripts/cv_ner.py 0.1,0.05 0.1,0.01 [--folds 4] [--work /tmp/marsad-cv]

It needs the build-time group (``uv sync --group train``), like ``train_ner.py``: about two minutes per
training on one core.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_ner

from marsad.streams.conll import read_conll, score_entities
from marsad.streams.ner import ENTITY_TYPES, EntityTagger
from marsad.streams.ner_features import use_word_data


def fold_counts(fold: int, folds: int, c1: float, c2: float, work: str) -> tuple[int, int, int]:
    """Train on every fold but ``fold``, tag ``fold``; return (correct, predicted, gold) micro counts."""
    sys.argv = ["train_ner.py", "--c1", str(c1), "--c2", str(c2)]
    args = train_ner._parse_args()
    args.pass2 = False
    use_word_data(train_ner.REPO / "streams" / "data")
    sentences = read_conll(Path(args.data) / "anercorp" / "train.conll")
    docs = train_ner._docs(sentences[: int(len(sentences) * 0.9)], args.doc_size)
    lo, hi = fold * len(docs) // folds, (fold + 1) * len(docs) // folds
    inner = [s for i, doc in enumerate(docs) if not lo <= i < hi for s in doc]
    held = [s for i, doc in enumerate(docs) if lo <= i < hi for s in doc]
    out = Path(work) / f"fold{fold}-c1{c1}-c2{c2}"
    out.mkdir(parents=True, exist_ok=True)
    lines = train_ner.build_gazetteer(Path(args.data), inner, args.places_min_pop, args.places)
    lines = sorted({*lines, *train_ner.wikicats_entries(args.wikicats)})
    names = train_ner.train_names(inner) if args.name_folds else []
    gazetteer = "".join(f"{line}\n" for line in sorted({*lines, *names}))
    (out / "ner_gazetteer.txt").write_text(gazetteer, encoding="utf-8")
    train_ner.train_models(inner, lines, train_ner._crf_params(args), out, args)
    predicted = EntityTagger.load(out / "ner.crfsuite").tag_conll([s.tokens for s in held])
    gold = [[tag.replace("PERS", "PER") for tag in s.tags] for s in held]
    micro = score_entities(gold, predicted, types=ENTITY_TYPES).micro
    return micro.correct, micro.predicted, micro.gold


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("settings", nargs="+", help="c1,c2 pairs, e.g. 0.1,0.05")
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--work", default="/tmp/marsad-cv", help="where the fold models are written")
    args = parser.parse_args(argv)
    settings = [tuple(float(x) for x in s.split(",")) for s in args.settings]
    jobs = [(fold, c1, c2) for c1, c2 in settings for fold in range(args.folds)]
    with ProcessPoolExecutor(2) as pool:
        futures = {job: pool.submit(fold_counts, job[0], args.folds, job[1], job[2], args.work) for job in jobs}
        for c1, c2 in settings:
            counts = [futures[(fold, c1, c2)].result() for fold in range(args.folds)]
            correct, predicted, gold = (sum(column) for column in zip(*counts, strict=True))
            precision, recall = correct / predicted, correct / gold
            f1 = 2 * precision * recall / (precision + recall)
            print(f"c1 {c1} c2 {c2}: P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  ({args.folds} folds)")


if __name__ == "__main__":
    main()
