"""Worker memory: peak RSS after a backlog of articles, then RSS drift over a steady run at a fixed rate.

RSS is read from /proc/<pid>/status (VmRSS now, VmHWM the peak since start) of the ``marsad worker``
process, sampled every ``--sample`` seconds. The drift is the least-squares slope of VmRSS over the steady
run, in MB per minute, and the change from its first to its last sample.

Usage:
    .venv/bin/python benchmarks/bench_memory.py [--articles 10000] [--drift-seconds 180] [--rate 20] [--json OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import time
from pathlib import Path

from corpus import records
from harness import (
    WorkerGroup,
    environment,
    percentiles,
    publish_burst,
    publish_paced,
    rate_between,
    running,
    write_report,
)


def _slope_per_minute(samples: list[tuple[float, float]]) -> float:
    n = len(samples)
    if n < 2:
        return float("nan")
    mean_t = sum(t for t, _ in samples) / n
    mean_v = sum(v for _, v in samples) / n
    num = sum((t - mean_t) * (v - mean_v) for t, v in samples)
    den = sum((t - mean_t) ** 2 for t, _ in samples)
    return round(60 * num / den, 3) if den else float("nan")


async def _sample(group: WorkerGroup, into: list[tuple[float, float]], every: float, stop: asyncio.Event) -> None:
    start = time.monotonic()
    while not stop.is_set():
        into.append((round(time.monotonic() - start, 1), group.memory(0)["VmRSS"]))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)


async def main_async(args: argparse.Namespace) -> dict:
    report: dict = {"benchmark": "memory", "environment_before": environment()}
    group = WorkerGroup("pipeline")
    async with running(group) as (subscriber, producer):
        report["rss_after_start_mb"] = group.memory(0)
        topic = group.settings.topics["raw"].name
        backlog = list(records(args.articles, "mem"))
        start = time.monotonic()
        await publish_burst(producer, topic, backlog)
        complete = await subscriber.wait_for([k for k, _ in backlog], timeout=args.articles / 5)
        report["backlog"] = {
            "articles": args.articles,
            "complete": complete,
            "wall_s": round(time.monotonic() - start, 1),
            "articles_per_s": round(
                rate_between([subscriber.arrivals[k][0] for k, _ in backlog if k in subscriber.arrivals]), 1
            ),
            "rss_mb": group.memory(0),
        }
        print(json.dumps(report["backlog"]), flush=True)
        samples: list[tuple[float, float]] = []
        stop = asyncio.Event()
        sampler = asyncio.create_task(_sample(group, samples, args.sample, stop))
        steady = list(records(int(args.rate * args.drift_seconds), "drift"))
        await publish_paced(producer, topic, steady, args.rate)
        await subscriber.wait_for([k for k, _ in steady], timeout=120)
        stop.set()
        await sampler
        lat = subscriber.latencies([k for k, _ in steady])
        report["drift"] = {
            "seconds": args.drift_seconds,
            "rate_per_s": args.rate,
            "articles": len(steady),
            "latency_ms": percentiles(lat),
            "rss_first_mb": samples[0][1],
            "rss_last_mb": samples[-1][1],
            "rss_max_mb": max(v for _, v in samples),
            "slope_mb_per_min": _slope_per_minute(samples),
            "samples": samples,
            "rss_mb_end": group.memory(0),
        }
        report["environment_after"] = environment()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--drift-seconds", type=float, default=600.0)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--sample", type=float, default=5.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    write_report(asyncio.run(main_async(args)), args.json)


if __name__ == "__main__":
    main()
