"""Nothing lost, nothing duplicated: SIGKILLed workers and a restarted broker, checked as a subscriber reads.

Short by default (CI); the long run of the issue: MARSAD_CRASH_ARTICLES=2000 make test (or pytest -m crash).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import time
import uuid
from collections import Counter
from pathlib import Path

import orjson
import pytest

from marsad.agents.admin import ensure_topics
from marsad.cli.demo import sample_articles
from marsad.cli.kafka_io import produce

from .conftest import KAFKA_SCRIPT, Worker, free_port, worker_env
from .kafka_reader import read_topic

ARTICLES = int(os.environ.get("MARSAD_CRASH_ARTICLES", "300"))
KILLS = int(os.environ.get("MARSAD_CRASH_KILLS", "3"))
MALFORMED_EVERY = 50

pytestmark = pytest.mark.crash


def _messages(count: int) -> tuple[list[tuple[bytes, bytes]], set[str], set[str]]:
    """``count`` messages cycling through the samples under new ids, every 50th one malformed."""
    samples = sample_articles()
    records, good, bad = [], set(), set()
    for i in range(count):
        key = f"crash-{i:05d}"
        if i % MALFORMED_EVERY == MALFORMED_EVERY - 1:
            records.append((key.encode(), b'{"id": "' + key.encode() + b'", "body": '))
            bad.add(key)
        else:
            records.append((key.encode(), orjson.dumps({**samples[i % len(samples)], "id": key})))
            good.add(key)
    return records, good, bad


def _start_worker(bootstrap: str, tmp_path: Path) -> Worker:
    prefix = f"crash{uuid.uuid4().hex[:8]}."
    worker = Worker(worker_env(bootstrap, prefix, free_port(), tmp_path), tmp_path / "worker.log")
    asyncio.run(ensure_topics(worker.settings))
    worker.start()
    return worker


def _check_exactly_once(worker: Worker, good: set[str], bad: set[str]) -> None:
    enriched = read_topic(
        worker.settings, "enriched", lambda r: {v["id"] for _, v in r} >= good, timeout=max(180, ARTICLES / 3)
    )
    ids = Counter(value["id"] for _, value in enriched)
    assert set(ids) == good, f"missing: {sorted(good - set(ids))[:10]}\n{worker.log()[-3000:]}"
    assert [i for i, n in ids.items() if n > 1] == [], "articles enriched more than once"
    expected_events = sum(len(v["events"]) for _, v in enriched)
    events = read_topic(worker.settings, "events", lambda r: len(r) >= expected_events, timeout=60)
    event_ids = Counter(key.decode() for key, _ in events)
    assert [i for i, n in event_ids.items() if n > 1] == [], "event ids seen twice"
    assert len(event_ids) == expected_events
    dead = read_topic(worker.settings, "deadletter", lambda r: len(r) >= len(bad), timeout=60)
    dead_keys = Counter(value["key"] for _, value in dead)
    assert dead_keys == Counter({key: 1 for key in bad})


def test_sigkilled_worker_loses_and_duplicates_nothing(bootstrap: str, tmp_path: Path) -> None:
    worker = _start_worker(bootstrap, tmp_path)
    records, good, bad = _messages(ARTICLES)
    rng = random.Random(20261124)
    try:
        asyncio.run(produce(worker.settings, worker.settings.topics["raw"].name, records))
        for _ in range(KILLS):
            time.sleep(rng.uniform(1.0, 4.0))
            worker.process.send_signal(signal.SIGKILL)
            worker.process.wait()
            worker.start()
        _check_exactly_once(worker, good, bad)
    finally:
        worker.stop()


def test_broker_restart_mid_stream_loses_and_duplicates_nothing(bootstrap: str, tmp_path: Path) -> None:
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        pytest.skip("the broker is external: this test restarts the local one")
    worker = _start_worker(bootstrap, tmp_path)
    records, good, bad = _messages(max(100, ARTICLES // 2))
    try:
        asyncio.run(produce(worker.settings, worker.settings.topics["raw"].name, records))
        time.sleep(2.0)
        subprocess.run(["bash", str(KAFKA_SCRIPT), "restart"], check=True, timeout=180)
        _check_exactly_once(worker, good, bad)
        assert worker.process.poll() is None, "the worker recovered by itself"
    finally:
        worker.stop()
