"""Scale-out: throughput of 1 worker against 2 workers (one consumer group) on a 2-partition topic.

Each configuration gets fresh topics; the workers start, warm up (so both have joined and loaded their
models), then a backlog is published at once and the rate of enriched records is taken between the 10th
and 90th percentile of arrivals. On a 2-core machine the broker, the publisher and the subscriber share the
cores with the workers, so 2.0x is out of reach by construction; the figure is what this box gives.

Usage:
    .venv/bin/python benchmarks/bench_scale.py [--kind pipeline] [--backlog 2000] [--json OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path

from bench_e2e import throughput
from corpus import records
from harness import Subscriber, WorkerGroup, environment, publish_burst, running, write_report


async def _warm_all(group: WorkerGroup, subscriber: Subscriber, producer, attempts: int = 5) -> None:
    """Warm up until every worker has processed something (a late joiner triggers a rebalance first)."""
    for attempt in range(attempts):
        warm = list(records(40, f"warm{attempt}-{group.count}"))
        await publish_burst(producer, group.settings.topics["raw"].name, warm)
        if not await subscriber.wait_for([k for k, _ in warm], timeout=180):
            raise RuntimeError(f"warm-up did not come through:\n{group.log(0)[-3000:]}")
        if group.kind == "bare":
            return
        counts = [group.metric("marsad_stage_messages_in_total", i, 'stage="extract"') for i in range(group.count)]
        if all(counts):
            return
        await asyncio.sleep(3)
    raise RuntimeError("not every worker received partitions")


async def measure(kind: str, count: int, backlog: int) -> dict:
    group = WorkerGroup(kind, count=count, partitions=2)
    async with running(group) as (subscriber, producer):
        await _warm_all(group, subscriber, producer)
        result = await throughput(group, subscriber, producer, backlog, f"scale{count}")
        result["workers"] = count
        result["memory_mb"] = [group.memory(i) for i in range(count)]
        result["load_average_after"] = environment()["load_average"]
        return result


async def main_async(args: argparse.Namespace) -> dict:
    report: dict = {"benchmark": "scale", "kind": args.kind, "environment_before": environment()}
    one = await measure(args.kind, 1, args.backlog)
    print(json.dumps(one), flush=True)
    two = await measure(args.kind, 2, args.backlog)
    print(json.dumps(two), flush=True)
    report.update(one_worker=one, two_workers=two)
    report["speedup"] = round(two["articles_per_s"] / one["articles_per_s"], 2)
    report["environment_after"] = environment()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kind", default="pipeline", choices=("pipeline", "passthrough", "bare"))
    parser.add_argument("--backlog", type=int, default=2000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    write_report(asyncio.run(main_async(args)), args.json)


if __name__ == "__main__":
    main()
