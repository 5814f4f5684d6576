"""``marsad publish``: send articles from files, folders or stdin to the raw topic, keyed by article id."""

from __future__ import annotations

import asyncio

import click
from tqdm import tqdm

from marsad.schemas.codec import decode_raw_article, encode
from marsad.streams.errors import ArticleRejected

from .inputs import read_articles
from .kafka_io import KafkaUnavailable, produce
from .options import config_option, fail, settings_from

__all__ = ["publish"]


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--topic", default=None, help="Topic to publish to (default: the raw topic, <prefix>articles.raw).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@config_option
def publish(sources: tuple[str, ...], topic: str | None, quiet: bool, config_file: str | None) -> None:
    """Publish articles (FILE, DIR or - for stdin; JSON, JSON array or JSON Lines) to Kafka.

    Each article is checked against the raw-article contract first; rejected ones are listed with the
    reason and not sent. Exits 1 when any article was rejected.
    """
    settings = settings_from(config_file)
    topic = topic or settings.topics["raw"].name
    records: list[tuple[bytes, bytes]] = []
    rejected: list[str] = []
    for source in sources:
        for item in read_articles(source):
            if item.error:
                rejected.append(f"{item.origin}: {item.error}")
                continue
            try:
                article = decode_raw_article(item.data, settings.max_body_bytes)
            except ArticleRejected as exc:
                rejected.append(f"{item.origin}: {exc}")
                continue
            records.append((article.id.encode("utf-8"), encode(item.data)))
    for line in rejected:
        click.echo(f"rejected {line}", err=True)
    with tqdm(total=len(records), unit="article", disable=quiet or not records, desc=topic) as bar:
        try:
            asyncio.run(produce(settings, topic, records, on_sent=lambda: bar.update(1)))
        except KafkaUnavailable as exc:
            fail(str(exc))
    click.echo(f"sent {len(records)} article(s) to {topic}; rejected {len(rejected)}", err=True)
    if rejected:
        raise SystemExit(1)
