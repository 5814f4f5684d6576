"""In-process throughput of the normalize and extract stages, with a per-step breakdown.

Usage:
    .venv/bin/python benchmarks/bench_stages.py [--seconds 20] [--shared ../shared] [--json OUT]

The corpus is the seed article and the ../shared/dev articles (their text never leaves ../shared), each
also varied (paragraphs rotated) so that caches keyed on whole texts do not flatter the figures. One
process, one core; the figures are articles per second of CPU, best of the measured rounds.

Two figures answer "seed-sized articles per second": ``seed_articles_per_s`` runs the seed article itself
(each rotation of its paragraphs, one article at a time, as a worker sees them): the target's own unit.
``both_articles_per_s`` runs the whole corpus and divides its characters by the seed's; the dev articles
are shorter (about a quarter of the seed), so their fixed per-article costs weigh four times as much.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import time
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path

from machine import cpu_description

from marsad.schemas.records import RawArticle
from marsad.streams.extract import Extractor
from marsad.streams.normalize import NormalizeSettings, normalize_article

REPO = Path(__file__).resolve().parents[1]


def corpus(shared: Path) -> list[RawArticle]:
    seed = json.loads((shared / "samples" / "seed_article.json").read_text("utf-8"))
    texts = [(seed["id"], seed["body"], None)]
    dev = shared / "dev" / "dev_articles.jsonl"
    if dev.exists():
        for line in dev.read_text("utf-8").splitlines():
            item = json.loads(line)
            texts.append((item["id"], item["text"], item.get("published")))
    articles = []
    for variant in range(5):
        for article_id, body, published in texts:
            paragraphs = body.split("\n\n")
            shift = variant % len(paragraphs)
            varied = "\n\n".join(paragraphs[shift:] + paragraphs[:shift])
            articles.append(RawArticle(id=f"{article_id}-v{variant}", body=varied, published_at=published))
    return articles


def seed_equivalents(articles: list[RawArticle], seed_chars: int) -> float:
    return sum(len(a.body) for a in articles) / seed_chars


def measure(articles: list[RawArticle], extractor: Extractor, seconds: float) -> dict[str, float]:
    now = datetime.now(UTC)
    settings = NormalizeSettings()
    normalized = [normalize_article(a, now, settings) for a in articles]  # warm caches once
    for n in normalized:
        extractor.extract(n)
    best_norm = best_extract = float("inf")
    deadline = time.monotonic() + seconds
    rounds = 0
    while time.monotonic() < deadline or rounds < 3:
        start = time.process_time()
        normalized = [normalize_article(a, now, settings) for a in articles]
        middle = time.process_time()
        for n in normalized:
            extractor.extract(n)
        end = time.process_time()
        best_norm = min(best_norm, middle - start)
        best_extract = min(best_extract, end - middle)
        rounds += 1
    return {"normalize_s": best_norm, "extract_s": best_extract, "rounds": rounds}


def seed_variants(shared: Path) -> list[RawArticle]:
    """The seed article once per rotation of its paragraphs: the target's own unit, without text-keyed caches."""
    seed = json.loads((shared / "samples" / "seed_article.json").read_text("utf-8"))
    paragraphs = seed["body"].split("\n\n")
    return [
        RawArticle(
            id=f"seed-r{shift}",
            body="\n\n".join(paragraphs[shift:] + paragraphs[:shift]),
            published_at=seed.get("published_at"),
        )
        for shift in range(len(paragraphs))
    ]


def measure_seed(articles: list[RawArticle], extractor: Extractor, seconds: float) -> dict[str, float]:
    """Normalize + extract of seed-sized articles, one at a time as a worker does: CPU seconds per article."""
    now = datetime.now(UTC)
    for article in articles:  # warm caches once
        extractor.extract(normalize_article(article, now))
    best = float("inf")
    rounds = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline or rounds < 3:
        start = time.process_time()
        for article in articles:
            extractor.extract(normalize_article(article, now))
        best = min(best, (time.process_time() - start) / len(articles))
        rounds += 1
    return {"seconds_per_article": best, "rounds": rounds}


def breakdown(articles: list[RawArticle], extractor: Extractor) -> dict[str, float]:
    """Share of extract time per step, from a profile of one pass."""
    now = datetime.now(UTC)
    normalized = [normalize_article(a, now) for a in articles]
    profile = cProfile.Profile()
    profile.enable()
    for n in normalized:
        extractor.extract(n)
    profile.disable()
    stats = pstats.Stats(profile)
    steps = {
        "ner (tag_tokens)": "tag_tokens",
        "actor gazetteer (linker.find)": "find",
        "place spotter": "find",
        "geocoding": "resolve",
        "times (find_times)": "find_times",
        "numbers (find_numbers)": "find_numbers",
        "events (find_events)": "find_events",
        "quotes (find_quotes)": "find_quotes",
        "entity merge": "merge_entities",
    }
    files = {
        "actor gazetteer (linker.find)": "linking.py",
        "place spotter": "place_spotter.py",
        "geocoding": "geocode.py",
    }
    out: dict[str, float] = defaultdict(float)
    total = 0.0
    for (filename, _line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():
        if name == "extract" and filename.endswith("extract.py"):
            total = cumulative
        for label, function in steps.items():
            if name == function and filename.endswith(files.get(label, ".py")) and "streams" in filename:
                out[label] = max(out[label], cumulative)
    return {label: value / total for label, value in out.items()} if total else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    articles = corpus(args.shared)
    seed_chars = len(json.loads((args.shared / "samples" / "seed_article.json").read_text("utf-8"))["body"])
    load_start = time.perf_counter()
    extractor = Extractor.load()
    load_s = time.perf_counter() - load_start
    seed_only = measure_seed(seed_variants(args.shared), extractor, args.seconds / 2)
    result = measure(articles, extractor, args.seconds)
    equivalents = seed_equivalents(articles, seed_chars)
    report = {
        "date": date.today().isoformat(),
        "machine": f"{cpu_description()}, {platform.python_implementation()} {platform.python_version()}",
        "load_average": os.getloadavg()[0],
        "articles": len(articles),
        "seed_equivalents": round(equivalents, 1),
        "model_load_s": round(load_s, 2),
        "seed_articles_per_s": round(1 / seed_only["seconds_per_article"], 1),
        "seed_ms_per_article": round(1000 * seed_only["seconds_per_article"], 2),
        "seed_rounds": seed_only["rounds"],
        "normalize_articles_per_s": round(equivalents / result["normalize_s"], 1),
        "extract_articles_per_s": round(equivalents / result["extract_s"], 1),
        "both_articles_per_s": round(equivalents / (result["normalize_s"] + result["extract_s"]), 1),
        "ms_per_seed_article": round(1000 * (result["normalize_s"] + result["extract_s"]) / equivalents, 2),
        "rounds": result["rounds"],
        "extract_breakdown": {k: round(v, 3) for k, v in sorted(breakdown(articles, extractor).items())},
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
