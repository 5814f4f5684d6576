"""The benchmark corpus: the seed and ../shared/dev articles, repeated and varied, as raw Kafka records.

Texts are read from ../shared at run time and never copied into the repository. Each copy gets a unique
id and its paragraphs rotated (and, every other cycle, reversed), so caches keyed on whole texts or on
fingerprints do not flatter the figures.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import orjson

__all__ = ["SHARED", "base_texts", "records"]

SHARED = Path(__file__).resolve().parents[2] / "shared"


def base_texts(shared: Path = SHARED) -> list[dict]:
    """The seed article and every dev article, as raw-article dicts (``id``, ``body``, ``published_at``...)."""
    seed = json.loads((shared / "samples" / "seed_article.json").read_text("utf-8"))
    texts = [{"id": seed["id"], "body": seed["body"], "source": seed.get("source"), "published_at": None}]
    dev = shared / "dev" / "dev_articles.jsonl"
    if dev.exists():
        for line in dev.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                texts.append(
                    {
                        "id": item["id"],
                        "body": item["text"],
                        "source": item.get("source"),
                        "url": item.get("url"),
                        "published_at": item.get("published"),
                    }
                )
    return texts


def _vary(body: str, variant: int) -> str:
    paragraphs = body.split("\n\n")
    n = len(paragraphs)
    shift = variant % n
    rotated = paragraphs[shift:] + paragraphs[:shift]
    if (variant // n) % 2:
        rotated.reverse()
    return "\n\n".join(rotated)


def records(count: int, tag: str, shared: Path = SHARED) -> Iterator[tuple[bytes, bytes]]:
    """``count`` raw-article records ``(key, value)``, cycling through the base texts, ids ``<tag>-<n>-<id>``."""
    texts = base_texts(shared)
    for n in range(count):
        base = texts[n % len(texts)]
        article = dict(base, id=f"{tag}-{n}-{base['id']}", body=_vary(base["body"], n // len(texts)))
        yield article["id"].encode(), orjson.dumps(article)
