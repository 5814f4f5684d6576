"""``marsad extract``: raw articles in (JSON or JSON Lines), enriched-article JSON Lines out, no Kafka."""

from __future__ import annotations

import sys

import click
import orjson

from marsad.schemas.codec import decode_raw_article
from marsad.streams.errors import ArticleRejected

from .inputs import read_articles

__all__ = ["extract"]


@click.command()
@click.argument("sources", nargs=-1)
@click.option("--max-body-bytes", type=int, default=1024 * 1024, show_default=True, help="Largest body accepted.")
@click.option("--events-only", is_flag=True, help="Write one line per event instead of one per article.")
def extract(sources: tuple[str, ...], max_body_bytes: int, events_only: bool) -> None:
    """Run the normalize and extract stages in-process on FILE, DIR or - (default: stdin).

    Writes one enriched article per line to stdout; a rejected article is reported on stderr with the
    same reason code the worker would dead-letter it with. Exits 1 when any article was rejected.
    """
    from marsad.streams.pipeline import Pipeline
    from marsad.version import PIPELINE_VERSION

    pipeline = Pipeline.load(PIPELINE_VERSION)
    out = sys.stdout.buffer
    rejected = 0
    for source in sources or ("-",):
        for item in read_articles(source):
            if item.error:
                rejected += 1
                click.echo(f"rejected {item.origin}: {item.error}", err=True)
                continue
            try:
                article = pipeline.process(decode_raw_article(item.data, max_body_bytes))
            except ArticleRejected as exc:
                rejected += 1
                click.echo(f"rejected {item.origin}: {exc}", err=True)
                continue
            records = [e.to_dict() for e in article.events] if events_only else [article.to_dict()]
            for record in records:
                out.write(orjson.dumps(record) + b"\n")
            out.flush()
    if rejected:
        raise SystemExit(1)
