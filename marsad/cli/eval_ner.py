"""``marsad eval ner``: entity-level precision, recall and F1 of the NER tagger on a CoNLL file.

Usage:

    marsad eval ner FILE.conll [--predictions OUT.conll] [--model PATH] [--json]

FILE holds ``token<TAB>tag`` lines with a blank line between sentences (ANERcorp's ``PERS`` counts as
``PER``; ``MISC`` is not scored). Tokens are tagged exactly as given, in consecutive pseudo-documents (the
model's ``doc_size`` sentences), and scored by CoNLL exact match per type (PER, ORG, LOC) and micro-averaged.
``--predictions`` writes ``token<TAB>gold<TAB>predicted`` per line, a blank line between sentences.
"""

from __future__ import annotations

from pathlib import Path

import click
import orjson

from marsad.streams.conll import Scores, read_conll, score_entities, write_predictions
from marsad.streams.ner import ENTITY_TYPES, EntityTagger

__all__ = ["eval_ner"]


@click.command("ner")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write token<TAB>gold<TAB>predicted lines here.",
)
@click.option(
    "--model",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A trained .crfsuite model (default: the shipped one).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_ner(file: Path, predictions: Path | None, model: Path | None, as_json: bool) -> None:
    """Score the NER tagger on FILE (CoNLL): exact-match P/R/F1 per type and micro-averaged."""
    try:
        sentences = read_conll(file)
        tagger = EntityTagger.load(model)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    predicted = tagger.tag_conll([sentence.tokens for sentence in sentences])
    gold = [[_product_tag(tag) for tag in sentence.tags] for sentence in sentences]
    scores = score_entities(gold, predicted, types=ENTITY_TYPES)
    if predictions is not None:
        with open(predictions, "w", encoding="utf-8") as out:
            write_predictions(out, sentences, predicted)
    if as_json:
        click.echo(orjson.dumps(scores.as_dict(), option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(format_table(scores))


def _product_tag(tag: str) -> str:
    """Map ANERcorp's ``PERS`` to the product's ``PER``; other tags pass through."""
    return tag[:2] + "PER" if tag[2:] == "PERS" else tag


def format_table(scores: Scores) -> str:
    """A fixed-width table: one row per type, then the micro average."""
    rows = [f"{'type':<6} {'gold':>6} {'pred':>6} {'correct':>7} {'P':>7} {'R':>7} {'F1':>7}"]
    for name, score in [*scores.per_type.items(), ("micro", scores.micro)]:
        rows.append(
            f"{name:<6} {score.gold:>6} {score.predicted:>6} {score.correct:>7} "
            f"{score.precision:>7.4f} {score.recall:>7.4f} {score.f1:>7.4f}"
        )
    return "\n".join(rows)
