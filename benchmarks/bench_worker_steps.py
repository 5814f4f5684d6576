"""Where a worker's per-message CPU goes, in-process: the stages plus the decode/validate/encode around them.

bench_stages.py times ``normalize_article`` and ``Extractor.extract`` alone; a worker also decodes the
Kafka payload, validates the normalized record against its JSON Schema, rebuilds the record and encodes
its outputs. This times each of those steps on the same corpus as the end-to-end runs (one process, CPU
time, best of the rounds), so the gap between bench_stages and bench_e2e can be attributed.

Usage:
    .venv/bin/python benchmarks/bench_worker_steps.py [--seconds 10] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from corpus import base_texts, records
from harness import environment

from marsad.schemas import validation
from marsad.schemas.codec import decode_json, decode_raw_article, encode
from marsad.schemas.records import NormalizedArticle
from marsad.streams.extract import Extractor
from marsad.streams.normalize import NormalizeSettings, normalize_article
from marsad.version import PIPELINE_VERSION


def _validate_normalized(data: dict) -> None:
    """The check the extract step runs on its input (a faster one replaced the full JSON Schema pass)."""
    fast = getattr(validation, "validate_normalized_article", None)
    if fast is not None:
        fast(data)
    else:
        validation.validate("normalized_article", data)


def _best(fn: Callable[[], object], seconds: float) -> float:
    fn()
    best = float("inf")
    deadline = time.monotonic() + seconds
    rounds = 0
    while time.monotonic() < deadline or rounds < 3:
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
        rounds += 1
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    payloads = [v for _, v in records(5 * len(base_texts()), "steps")]
    extractor = Extractor.load(PIPELINE_VERSION)
    settings = NormalizeSettings(pipeline_version=PIPELINE_VERSION)
    now = datetime.now(UTC)
    raws = [decode_raw_article(p) for p in payloads]
    normalized = [normalize_article(r, now, settings) for r in raws]
    normalized_bytes = [encode(n) for n in normalized]
    dicts = [decode_json(b) for b in normalized_bytes]
    enriched = [extractor.extract(n) for n in normalized]
    steps: dict[str, Callable[[], object]] = {
        "normalize: decode raw": lambda: [decode_raw_article(p) for p in payloads],
        "normalize: normalize_article": lambda: [normalize_article(r, now, settings) for r in raws],
        "normalize: encode": lambda: [encode(n) for n in normalized],
        "extract: decode json": lambda: [decode_json(b) for b in normalized_bytes],
        "extract: validate schema": lambda: [_validate_normalized(d) for d in dicts],
        "extract: from_dict": lambda: [NormalizedArticle.from_dict(d) for d in dicts],
        "extract: Extractor.extract": lambda: [extractor.extract(n) for n in normalized],
        "extract: encode outputs": lambda: [[encode(a)] + [encode(e) for e in a.events] for a in enriched],
    }
    per_step = {name: _best(fn, args.seconds / len(steps)) / len(payloads) for name, fn in steps.items()}
    total = sum(per_step.values())
    report = {
        "benchmark": "worker_steps",
        "environment": environment(),
        "articles": len(payloads),
        "mean_body_chars": round(sum(len(r.body) for r in raws) / len(raws)),
        "ms_per_article": {k: round(1000 * v, 3) for k, v in per_step.items()},
        "share": {k: round(v / total, 3) for k, v in per_step.items()},
        "total_ms_per_article": round(1000 * total, 2),
        "articles_per_cpu_s": round(1 / total, 1),
    }
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
