"""End to end through the real broker: one worker's maximum sustained throughput, and latency at fixed rates.

For each system (the real ``marsad worker``; the passthrough Faust app with no-op stages; the bare aiokafka
relay), on fresh topics of 2 partitions and one process:

1. warm-up: 20 articles, waited for (the worker has loaded its models and joined its group);
2. throughput: a backlog of ``--backlog`` articles published at once; rate of enriched records received
   between the 10th and 90th percentile of arrivals (skips the ramp-up and the tail);
3. latency: for each offered rate, ``--seconds`` of articles published at that rate (open loop), then
   p50/p95/p99 of (subscriber receive time - publish time). A rate above capacity shows as growing queues.

Usage:
    .venv/bin/python benchmarks/bench_e2e.py [--systems pipeline,passthrough,bare] [--rates 10,20,50,100]
        [--seconds 20] [--backlog 3000] [--json OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path

from corpus import records
from harness import (
    Subscriber,
    WorkerGroup,
    environment,
    percentiles,
    publish_burst,
    publish_paced,
    rate_between,
    running,
    write_report,
)

BACKLOG_BY_SYSTEM = {"pipeline": 1.0, "passthrough": 3.0, "bare": 3.0}  # baselines are faster: longer backlog


async def warm_up(group: WorkerGroup, subscriber: Subscriber, producer, tag: str, count: int = 20) -> None:
    warm = list(records(count, tag))
    await publish_burst(producer, group.settings.topics["raw"].name, warm)
    if not await subscriber.wait_for([k for k, _ in warm], timeout=180):
        raise RuntimeError(f"{group.kind}: warm-up articles did not come through:\n{group.log(0)[-3000:]}")


async def throughput(group: WorkerGroup, subscriber: Subscriber, producer, count: int, tag: str) -> dict:
    backlog = list(records(count, tag))
    cpu_before = [group.cpu_seconds(i) for i in range(group.count)]
    start = time.time()
    publish_s = await publish_burst(producer, group.settings.topics["raw"].name, backlog)
    keys = [k for k, _ in backlog]
    complete = await subscriber.wait_for(keys, timeout=max(120.0, count / 5))
    arrivals = [subscriber.arrivals[k][0] for k in keys if k in subscriber.arrivals]
    cpu = [round(group.cpu_seconds(i) - b, 1) for i, b in enumerate(cpu_before)]
    return {
        "articles": count,
        "complete": complete,
        "articles_per_s": round(rate_between(arrivals), 1),
        "wall_s": round(max(arrivals) - start, 1) if arrivals else None,
        "publish_s": round(publish_s, 2),
        "worker_cpu_s": cpu,
    }


async def latency(group: WorkerGroup, subscriber: Subscriber, producer, rate: float, seconds: float) -> dict:
    batch = list(records(int(rate * seconds), f"r{rate:g}"))
    achieved = await publish_paced(producer, group.settings.topics["raw"].name, batch, rate)
    keys = [k for k, _ in batch]
    complete = await subscriber.wait_for(keys, timeout=60 + len(batch) / 20)
    result = {"offered_per_s": rate, "published_per_s": round(achieved, 1), "articles": len(batch)}
    result.update(percentiles(subscriber.latencies(keys)))
    result["received"] = sum(k in subscriber.arrivals for k in keys)
    result["complete"] = complete
    await asyncio.sleep(1.0)
    return result


async def run_system(kind: str, backlog: int, rates: list[float], seconds: float) -> dict:
    group = WorkerGroup(kind)
    result: dict = {"system": kind, "prefix": group.prefix}
    async with running(group) as (subscriber, producer):
        await warm_up(group, subscriber, producer, f"{kind}-warm")
        result["throughput"] = await throughput(group, subscriber, producer, backlog, f"{kind}-tp")
        result["latency"] = []
        for rate in rates:
            result["latency"].append(await latency(group, subscriber, producer, rate, seconds))
        result["memory_mb"] = group.memory(0)
        if kind != "bare":
            result["stage_seconds_per_message"] = {
                stage: round(
                    group.metric("marsad_stage_duration_seconds_sum", labels=f'stage="{stage}"')
                    / max(1.0, group.metric("marsad_stage_duration_seconds_count", labels=f'stage="{stage}"')),
                    5,
                )
                for stage in ("normalize", "extract")
            }
        result["load_average_after"] = environment()["load_average"]
    return result


def ratios(results: dict[str, dict]) -> dict:
    """pipeline / baseline for throughput and for each latency percentile."""
    out: dict = {}
    pipeline = results.get("pipeline")
    if not pipeline:
        return out
    for base in ("passthrough", "bare"):
        other = results.get(base)
        if not other:
            continue
        entry = {
            "throughput": round(pipeline["throughput"]["articles_per_s"] / other["throughput"]["articles_per_s"], 3)
        }
        for mine, theirs in zip(pipeline["latency"], other["latency"], strict=False):
            entry[f"p99_at_{mine['offered_per_s']:g}"] = (
                round(mine["p99"] / theirs["p99"], 1) if theirs["p99"] else None
            )
            entry[f"p50_at_{mine['offered_per_s']:g}"] = (
                round(mine["p50"] / theirs["p50"], 1) if theirs["p50"] else None
            )
        out[f"pipeline/{base}"] = entry
    return out


async def main_async(args: argparse.Namespace) -> dict:
    report: dict = {"benchmark": "e2e", "environment_before": environment(), "seconds_per_rate": args.seconds}
    results = {}
    for kind in args.systems.split(","):
        count = int(args.backlog * BACKLOG_BY_SYSTEM.get(kind, 1.0))
        results[kind] = await run_system(kind, count, [float(r) for r in args.rates.split(",")], args.seconds)
        print(json.dumps(results[kind]), flush=True)
    report["systems"] = results
    report["ratios"] = ratios(results)
    report["environment_after"] = environment()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--systems", default="pipeline,passthrough,bare")
    parser.add_argument("--rates", default="10,20,50,100")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--backlog", type=int, default=3000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    write_report(asyncio.run(main_async(args)), args.json)


if __name__ == "__main__":
    main()
