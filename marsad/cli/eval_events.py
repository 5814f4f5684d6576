"""``marsad eval events``: score the extractor's entities and events against gold articles.

Usage:

    marsad eval events FILE.jsonl [--json] [--details]

FILE holds one article a line in the ``../shared/dev`` format (``id``, ``text``, ``published``, ``gold``).
Each article runs through the whole pipeline (normalize, then extract) and is scored by
:mod:`marsad.streams.evaluation`: entity P/R/F1, event-type P/R/F1, location accuracy of matched events
exact count matches and agreement of actor, target, time and count_text. ``--details`` adds what each article missed.
"""

from __future__ import annotations

from pathlib import Path

import click
import orjson

from marsad.streams.evaluation import EventReport, Score, evaluate, load_gold

__all__ = ["eval_events", "format_report"]


@click.command("events")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--details", is_flag=True, help="Also print each article's misses.")
def eval_events(file: Path, as_json: bool, details: bool) -> None:
    """Score entity and event extraction on FILE (JSONL with gold)."""
    try:
        lines = load_gold(file)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise click.ClickException(f"cannot read {file}: {error}") from error
    try:
        from marsad.streams.pipeline import Pipeline

        pipeline = Pipeline.load()
    except (ImportError, OSError, ValueError) as error:
        raise click.ClickException(f"cannot load the pipeline: {error}") from error
    report = evaluate(lines, pipeline.process)
    if as_json:
        data = report.as_dict()
        if details:
            data["misses"] = [_misses_dict(m) for m in report.misses if not m.clean]
        click.echo(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(format_report(report, details))


def format_report(report: EventReport, details: bool = False) -> str:
    """A fixed-width summary, then (with ``details``) one block per article that missed something."""
    rows = [f"articles: {report.articles}", _header()]
    rows.append(_row("entities", report.entities))
    rows += [_row(f"  {kind}", score) for kind, score in sorted(report.entities_by_type.items())]
    rows.append(_row("event types", report.event_types))
    rows += [_row(f"  {kind}", score) for kind, score in sorted(report.event_types_by_type.items())]
    for name in ("location", "counts", "background"):
        ratio = getattr(report, name)
        rows.append(f"{name + ' accuracy':<22} {ratio.correct:>4}/{ratio.total:<4} {ratio.value:.4f}")
    for name, ratio in report.arguments.items():
        rows.append(f"{'  ' + name + ' agreement':<22} {ratio.correct:>4}/{ratio.total:<4} {ratio.value:.4f}")
    if details:
        for misses in report.misses:
            if misses.clean:
                continue
            rows.append(f"\n[{misses.id}]")
            for name, values in _misses_dict(misses).items():
                if values and name != "id":
                    rows.append(f"  {name}: " + "; ".join(values))
    return "\n".join(rows)


def _header() -> str:
    return f"{'':<22} {'gold':>5} {'pred':>5} {'ok':>5} {'P':>7} {'R':>7} {'F1':>7}"


def _row(name: str, score: Score) -> str:
    return (
        f"{name:<22} {score.gold:>5} {score.predicted:>5} {score.correct:>5} "
        f"{score.precision:>7.4f} {score.recall:>7.4f} {score.f1:>7.4f}"
    )


def _misses_dict(misses: object) -> dict[str, object]:
    return {name: getattr(misses, name) for name in misses.__dataclass_fields__}  # type: ignore[attr-defined]
