"""Fuzz both per-message steps with hostile messages; check the invariants; time every message.

Usage (see docs/fuzzing.md):
    python benchmarks/fuzz_pipeline.py --cases 10000 --seed 1          # random hostile messages
    python benchmarks/fuzz_pipeline.py --cases 0 --pathological         # 16 KiB .. 1 MiB pathological bodies
    python benchmarks/fuzz_pipeline.py --replay 1234 --seed 1           # rerun one case, print it
    python benchmarks/fuzz_pipeline.py --profile event_sentences --size 65536
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import math
import pstats
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.agents.handling import Outcome, run_extract, run_normalize
from marsad.schemas.codec import DEFAULT_MAX_BODY_BYTES
from marsad.streams.extract import Extractor
from marsad.streams.normalize import NormalizeSettings
from tests.fuzz import strategies as s

VERSION = "marsad/fuzz"
CAP = 4096
SIZES = (16 * 1024, 64 * 1024, 256 * 1024, DEFAULT_MAX_BODY_BYTES)
_CLASSES = [
    s.ARABIC_LETTERS,
    s.DIACRITICS + s.TATWEEL,
    s.ARABIC_DIGITS,
    s.ARABIC_PUNCT,
    s.BIDI + s.JOINERS,
    s.SPACES,
    s.CONTROLS,
    s.EMOJI,
    s.LATIN_CYRILLIC_CJK,
    "".join(map(chr, range(0xFB50, 0xFE00))),
    "".join(map(chr, range(0xFE70, 0xFEFF))),
]


def _fragment(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        return rng.choice(s.NEWS_WORDS)
    if roll < 0.75:
        return "".join(rng.choices(s.ARABIC_LETTERS, k=rng.randint(1, 9)))
    if roll < 0.88:
        return "".join(rng.choices(rng.choice(_CLASSES), k=rng.randint(1, 8)))
    if roll < 0.94:
        return rng.choice(s.HTML)
    return rng.choice([*s.NEWS_WORDS, "«", "١٢٣", "!", "ب"]) * rng.randint(2, 300)


def _body(rng: random.Random) -> str:
    separator = rng.choice([" ", " ", " ", "", "\n", " \u200f", "<br>"])
    return separator.join(_fragment(rng) for _ in range(rng.randint(1, 150)))


def _json_value(rng: random.Random, depth: int = 0) -> object:
    roll = rng.random()
    if depth > 3 or roll < 0.5:
        return rng.choice([None, True, 0, -1, 2**63 - 1, 1.5e300, "", "خبر", _body(rng)[:50]])
    if roll < 0.75:
        return [_json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(["id", "body", "x", ""]): _json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def _article(rng: random.Random, body: str) -> dict[str, object]:
    article: dict[str, object] = {"id": f"fuzz-{rng.randrange(10**9)}", "body": body}
    if rng.random() < 0.5:
        article["published_at"] = rng.choice(["2024-03-10", "2024-03-10T08:00:00+03:00", "2023-12-31T23:59:59Z"])
    if rng.random() < 0.3:
        article["title"] = _body(rng)[:200]
    return article


def _bad_fields(rng: random.Random) -> dict[str, object]:
    article = _article(rng, _body(rng))
    wrong = [None, 7, True, [], {}, "", "x" * 5000]
    for _ in range(rng.randint(1, 3)):
        field = rng.choice(["id", "body", "url", "source", "title", "published_at", "language", "metadata"])
        if rng.random() < 0.3:
            article.pop(field, None)
        else:
            article[field] = rng.choice([*wrong, "2024-02-30", "x" * 513, _json_value(rng)])
    return article


def _corrupt(rng: random.Random) -> bytes:
    data = orjson.dumps(_article(rng, _body(rng)))
    at = rng.randrange(len(data) + 1)
    return rng.choice(
        [
            data[:at] + b"\xff\xc3\x28" + data[at:],
            data[:at],
            data[:at] + b"\x00" + data[at:],
            data.replace(b'"body":"', b'"body":"\\ud800 ', 1),
            data.replace(b'"body":"', b'"body":"\\u0000\\u202e', 1),
        ]
    )


def make_case(seed: int, index: int) -> tuple[str, bytes | None]:
    """Case ``index`` of run ``seed``: the same pair always gives the same message (for --replay)."""
    rng = random.Random(f"{seed}:{index}")
    kind = rng.choices(
        ["bytes", "json_value", "bad_fields", "corrupted", "hostile_arabic", "pathological", "oversize", "none"],
        weights=[5, 5, 15, 10, 52, 10, 2, 1],
    )[0]
    if kind == "bytes":
        return kind, rng.randbytes(rng.randint(0, 300))
    if kind == "json_value":
        return kind, orjson.dumps(_json_value(rng))
    if kind == "bad_fields":
        return kind, orjson.dumps(_bad_fields(rng))
    if kind == "corrupted":
        return kind, _corrupt(rng)
    if kind == "pathological":
        name = rng.choice(sorted(s.PATHOLOGICAL))
        return f"pathological:{name}", orjson.dumps(_article(rng, s.PATHOLOGICAL[name](rng.randint(256, 8 * 1024))))
    if kind == "oversize":
        return kind, orjson.dumps(_article(rng, "ب" * (DEFAULT_MAX_BODY_BYTES // 2 + rng.randint(1, 100))))
    if kind == "none":
        return kind, None
    return kind, orjson.dumps(_article(rng, _body(rng)))


class Runner:
    """Runs one message through both steps under a watchdog and checks the invariants."""

    def __init__(self, budget: float) -> None:
        self.extractor = Extractor.load(VERSION)
        self.settings = NormalizeSettings(pipeline_version=VERSION)
        self.budget = budget

    def warm_up(self) -> None:
        """First calls load schemas and lazy tables: keep that cost out of the first case's time."""
        self.run(orjson.dumps({"id": "warm", "body": "قال الوزير في بغداد أمس إن الشرطة اعتقلت ثلاثة أشخاص."}))

    def run(self, value: bytes | None) -> tuple[str, float, float, list[str]]:
        """Return (outcome label, normalize seconds, extract seconds, invariant failures).

        Only the two steps are timed; the invariant checks (JSON Schema validation of every output) are not.
        """
        stage, started = "normalize", time.perf_counter()
        try:
            with s.watchdog(self.budget):
                result = run_normalize(s.MessageStub(value), self.settings, DEFAULT_MAX_BODY_BYTES, CAP)
                t_norm = time.perf_counter() - started
                if result.outcome is not Outcome.PROCESSED:
                    return f"dead_lettered:{result.reason}", t_norm, 0.0, s.normalize_failures(result, value, CAP)
                record = result.outputs[0].value
                stage, started = "extract", time.perf_counter()
                extracted = run_extract(s.MessageStub(record), self.extractor, CAP, VERSION)
                t_extract = time.perf_counter() - started
        except s.Stalled as exc:
            elapsed = time.perf_counter() - started
            t_norm, t_extract = (elapsed, 0.0) if stage == "normalize" else (t_norm, elapsed)
            return f"stalled:{stage}", t_norm, t_extract, [f"{stage}: {exc}"]
        failures = s.normalize_failures(result, value, CAP) + s.extract_failures(extracted, record, CAP)
        label = "processed" if extracted.outcome is Outcome.PROCESSED else f"extract_dead_lettered:{extracted.reason}"
        return label, t_norm, t_extract, failures


def fuzz(runner: Runner, cases: int, seed: int) -> dict[str, object]:
    outcomes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    times: list[tuple[float, int, str, int]] = []
    failures: list[tuple[int, str, list[str]]] = []
    started = time.perf_counter()
    for index in range(cases):
        kind, value = make_case(seed, index)
        label, t_norm, t_extract, problems = runner.run(value)
        outcomes[label] += 1
        kinds[kind.split(":")[0]] += 1
        times.append((t_norm + t_extract, index, kind, len(value or b"")))
        if problems:
            failures.append((index, kind, problems))
        if (index + 1) % 1000 == 0:
            print(f"  {index + 1} cases, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    seconds = sorted(t for t, *_ in times)
    return {
        "cases": cases,
        "seed": seed,
        "wall_seconds": round(time.perf_counter() - started, 1),
        "kinds": dict(kinds),
        "outcomes": dict(sorted(outcomes.items())),
        "invariant_failures": len(failures),
        "failure_causes": dict(Counter(re.sub(r"\d+", "N", p[-1])[:140] for _, _, p in failures).most_common()),
        "failures": [{"case": i, "kind": k, "problems": p[:3]} for i, k, p in failures[:20]],
        "ms": _percentiles(seconds),
        "slowest": [
            {"case": i, "kind": k, "bytes": n, "ms": round(t * 1000, 1)}
            for t, i, k, n in sorted(times, reverse=True)[:10]
        ],
    }


def _percentiles(seconds: list[float]) -> dict[str, float]:
    if not seconds:
        return {}
    pick = lambda q: seconds[min(len(seconds) - 1, int(q * len(seconds)))]  # noqa: E731
    return {
        "mean": round(statistics.fmean(seconds) * 1000, 2),
        "p50": round(pick(0.50) * 1000, 2),
        "p90": round(pick(0.90) * 1000, 2),
        "p99": round(pick(0.99) * 1000, 2),
        "max": round(seconds[-1] * 1000, 1),
    }


def pathological(runner: Runner, names: list[str], sizes: tuple[int, ...]) -> list[dict[str, object]]:
    """Time each pattern at growing sizes; stop growing a pattern once it stalls (exceeds the budget)."""
    rows = []
    for name in names:
        previous: tuple[int, float] | None = None
        for size in sizes:
            value = orjson.dumps({"id": f"p-{name}", "body": s.PATHOLOGICAL[name](size)})
            label, t_norm, t_extract, problems = runner.run(value)
            total = t_norm + t_extract
            growth = math.log(total / previous[1]) / math.log(size / previous[0]) if previous and total > 0 else None
            rows.append(
                {
                    "pattern": name,
                    "kib": size // 1024,
                    "outcome": label,
                    "normalize_ms": round(t_norm * 1000),
                    "extract_ms": round(t_extract * 1000),
                    "ms_per_kib": round(total * 1000 / (size / 1024), 2),
                    "growth_exponent": round(growth, 2) if growth is not None else None,
                    "invariant_failures": problems[:2],
                }
            )
            print(_row(rows[-1]), file=sys.stderr, flush=True)
            if label.startswith("stalled"):
                break
            previous = (size, total)
    return rows


def _row(row: dict[str, object]) -> str:
    return (
        f"{row['pattern']:24} {row['kib']:>5} KiB  {row['outcome']:34} norm {row['normalize_ms']:>7} ms  "
        f"extract {row['extract_ms']:>7} ms  {row['ms_per_kib']:>8} ms/KiB  exp {row['growth_exponent']}"
    )


def profile(runner: Runner, name: str, size: int) -> None:
    value = orjson.dumps({"id": "profile", "body": s.PATHOLOGICAL[name](size)})
    profiler = cProfile.Profile()
    profiler.runcall(runner.run, value)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1000, help="random hostile messages to run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--budget", type=float, default=20.0, help="seconds one message may take before 'stalled'")
    parser.add_argument("--pathological", action="store_true", help="time every pathological pattern by size")
    parser.add_argument("--patterns", nargs="*", default=None, help="restrict --pathological to these patterns")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="body sizes in bytes")
    parser.add_argument("--replay", type=int, default=None, help="rerun one case of --seed and print it")
    parser.add_argument("--profile", default=None, help="cProfile one pathological pattern at --size")
    parser.add_argument("--size", type=int, default=64 * 1024)
    parser.add_argument("--json", type=Path, default=None, help="also write the summary as JSON")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)  # every dead-letter logs a warning: 10,000 of them would drown the summary
    runner = Runner(args.budget)
    runner.warm_up()
    if args.profile:
        profile(runner, args.profile, args.size)
        return 0
    if args.replay is not None:
        kind, value = make_case(args.seed, args.replay)
        print(kind, repr(value[:2000] if value else value))
        print(runner.run(value))
        return 0
    summary: dict[str, object] = {"fuzz": fuzz(runner, args.cases, args.seed)} if args.cases else {}
    if args.pathological:
        names = args.patterns or sorted(s.PATHOLOGICAL)
        summary["pathological"] = pathological(runner, names, tuple(args.sizes))
    print(orjson.dumps(summary, option=orjson.OPT_INDENT_2).decode())
    if args.json:
        args.json.write_bytes(orjson.dumps(summary, option=orjson.OPT_INDENT_2))
    failed = summary.get("fuzz", {}).get("invariant_failures", 0)  # type: ignore[union-attr]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
