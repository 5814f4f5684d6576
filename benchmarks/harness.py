"""What the end-to-end benchmarks share: worker processes on fresh topics, a publisher, a subscriber, RSS.

Latency is measured as a subscriber sees it: the time a ``read_committed`` consumer receives the enriched
record, minus the record's Kafka timestamp. The benchmark's producer sets that timestamp to the wall
clock at ``send()`` (its publish time); the worker (and both baselines) copy it forward unchanged.
Everything runs on this machine, so the two clocks are the same clock.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from machine import cpu_description

from marsad.agents.admin import ensure_topics
from marsad.config import Settings, load_settings

__all__ = [
    "KINDS",
    "Subscriber",
    "WorkerGroup",
    "delete_topics",
    "environment",
    "percentiles",
    "publish_burst",
    "publish_paced",
    "rate_between",
    "running",
    "write_report",
]

REPO = Path(__file__).resolve().parents[1]
BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
KINDS = {
    "pipeline": [sys.executable, "-m", "marsad", "worker"],
    "passthrough": [sys.executable, str(REPO / "benchmarks" / "passthrough_app.py")],
    "bare": [sys.executable, str(REPO / "benchmarks" / "bare_relay.py")],
}
_MB = 1024 * 1024


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment() -> dict[str, object]:
    """Machine, versions and load: printed with every result."""
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{cpu_description()}, {platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "versions": {p: version(p) for p in ("marsad", "faust-streaming", "aiokafka", "camel-tools")},
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "git": _git_state(),
    }


def _git_state() -> str:
    """The commit measured, and whether tracked files differed from it (benchmarks measure the working tree)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "-uno"], cwd=REPO, capture_output=True, text=True)
    except OSError:
        return "unknown"
    return head.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")


@dataclass
class WorkerGroup:
    """``count`` processes of one kind sharing fresh topics (``bench<hex>.`` prefix) and one consumer group."""

    kind: str
    count: int = 1
    partitions: int = 2
    prefix: str = field(default_factory=lambda: f"bench{uuid.uuid4().hex[:8]}.")
    processes: list[subprocess.Popen] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
        self.settings: Settings = load_settings(self._env(0))

    def _env(self, index: int) -> dict[str, str]:
        return {
            **os.environ,
            "KAFKA_BOOTSTRAP_SERVERS": BOOTSTRAP,
            "MARSAD_TOPIC_PREFIX": self.prefix,
            "MARSAD_APP_ID": self.prefix.rstrip("."),
            "MARSAD_WEB_PORT": str(self.ports[index] if index < len(self.ports) else 6066),
            "MARSAD_DATA_DIR": str(self.tmp / f"faust{index}"),
            "MARSAD_PARTITIONS": str(self.partitions),
            "MARSAD_LOG_LEVEL": "info",
        }

    def log(self, index: int) -> str:
        path = self.tmp / f"worker{index}.log"
        return path.read_text("utf-8", "replace") if path.exists() else ""

    async def start(self, timeout: float = 120.0) -> None:
        await ensure_topics(self.settings)
        for index in range(self.count):
            self.ports.append(_free_port())
            log = (self.tmp / f"worker{index}.log").open("ab")
            process = subprocess.Popen(KINDS[self.kind], env=self._env(index), stdout=log, stderr=subprocess.STDOUT)
            self.processes.append(process)
        if self.kind == "bare":
            return
        deadline = time.monotonic() + timeout
        for index in range(self.count):
            while not self._ready(index):
                if self.processes[index].poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"{self.kind} worker {index} did not start:\n{self.log(index)[-3000:]}")
                await asyncio.sleep(0.5)

    def _ready(self, index: int) -> bool:
        if "ready" not in self.log(index).lower():
            return False
        try:
            self.metrics(index)
            return True
        except OSError:
            return False

    def metrics(self, index: int = 0) -> str:
        url = f"http://127.0.0.1:{self.ports[index]}/metrics"
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()

    def metric(self, name: str, index: int = 0, labels: str = "") -> float:
        """Sum of the samples of ``name`` whose label set contains ``labels`` (0 when absent)."""
        total = 0.0
        for match in re.finditer(rf"^{re.escape(name)}(\{{[^}}]*\}})? (\S+)$", self.metrics(index), re.M):
            if labels in (match.group(1) or ""):
                total += float(match.group(2))
        return total

    def memory(self, index: int = 0) -> dict[str, float]:
        """VmRSS and VmHWM (peak RSS) of a worker, in MB, from /proc."""
        status = Path(f"/proc/{self.processes[index].pid}/status").read_text()
        values = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", status, re.M))
        return {k: round(int(v) / 1024, 1) for k, v in values.items()}

    def cpu_seconds(self, index: int = 0) -> float:
        fields = Path(f"/proc/{self.processes[index].pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class Subscriber:
    """Reads the enriched topic like a user (read_committed) and notes when each key arrives."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.arrivals: dict[bytes, tuple[float, int]] = {}  # key -> (received at, record timestamp ms)
        self._task: asyncio.Task | None = None
        self._consumer: AIOKafkaConsumer | None = None

    async def start(self) -> None:
        self._consumer = AIOKafkaConsumer(
            **self.settings.kafka_client_options(), isolation_level="read_committed", fetch_max_wait_ms=100
        )
        await self._consumer.start()
        name = self.settings.topics["enriched"].name
        tps = [TopicPartition(name, p) for p in range(self.settings.partitions)]
        self._consumer.assign(tps)
        await self._consumer.seek_to_beginning(*tps)
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            batch = await self._consumer.getmany(timeout_ms=200)
            now = time.time()
            for messages in batch.values():
                for m in messages:
                    self.arrivals.setdefault(m.key, (now, m.timestamp))

    async def wait_for(self, keys: Iterable[bytes], timeout: float) -> bool:
        """Wait until every key has arrived; False on timeout."""
        wanted = set(keys)
        deadline = time.monotonic() + timeout
        while not wanted.issubset(self.arrivals):
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.1)
        return True

    def latencies(self, keys: Iterable[bytes]) -> list[float]:
        return [self.arrivals[k][0] - self.arrivals[k][1] / 1000 for k in keys if k in self.arrivals]

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._consumer is not None:
            await self._consumer.stop()


async def new_producer(settings: Settings) -> AIOKafkaProducer:
    producer = AIOKafkaProducer(
        **settings.kafka_client_options(), acks="all", enable_idempotence=True, linger_ms=0, max_batch_size=1 << 20
    )
    try:
        await producer.start()
    except BaseException:
        await producer.stop()
        raise
    return producer


async def publish_burst(producer: AIOKafkaProducer, topic: str, records: Sequence[tuple[bytes, bytes]]) -> float:
    """Send every record as fast as the producer takes them; return the seconds it took until all acked."""
    start = time.monotonic()
    futures = [await producer.send(topic, value=v, key=k, timestamp_ms=int(time.time() * 1000)) for k, v in records]
    await asyncio.gather(*futures)
    return time.monotonic() - start


async def publish_paced(
    producer: AIOKafkaProducer, topic: str, records: Sequence[tuple[bytes, bytes]], rate: float
) -> float:
    """Send a record every ``1/rate`` s (open loop: late sends catch up, never skip); return the rate achieved."""
    start = time.monotonic()
    futures = []
    for n, (key, value) in enumerate(records):
        delay = start + n / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        futures.append(await producer.send(topic, value=value, key=key, timestamp_ms=int(time.time() * 1000)))
    await asyncio.gather(*futures)
    elapsed = time.monotonic() - start
    return len(records) / elapsed if elapsed else 0.0


def percentiles(values: Sequence[float], points: Sequence[float] = (50, 95, 99)) -> dict[str, float]:
    """Nearest-rank percentiles in milliseconds."""
    ordered = sorted(values)
    if not ordered:
        return {f"p{p:g}": float("nan") for p in points}
    out = {}
    for p in points:
        rank = max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))
        out[f"p{p:g}"] = round(1000 * ordered[rank], 1)
    out["max"] = round(1000 * ordered[-1], 1)
    return out


def rate_between(times: Sequence[float], low: float = 0.1, high: float = 0.9) -> float:
    """Arrivals per second between the ``low`` and ``high`` quantiles of arrival times (skips start and tail)."""
    ordered = sorted(times)
    if len(ordered) < 10:
        return float("nan")
    i, j = int(low * (len(ordered) - 1)), int(high * (len(ordered) - 1))
    span = ordered[j] - ordered[i]
    return (j - i) / span if span > 0 else float("nan")


@contextlib.asynccontextmanager
async def running(group: WorkerGroup) -> AsyncIterator[tuple[Subscriber, AIOKafkaProducer]]:
    """Start the workers, a subscriber and a producer; stop all three on the way out, whatever happens."""
    async with contextlib.AsyncExitStack() as stack:
        stack.callback(group.stop)
        await group.start()
        subscriber = Subscriber(group.settings)
        stack.push_async_callback(subscriber.stop)
        await subscriber.start()
        producer = await new_producer(group.settings)
        stack.push_async_callback(producer.stop)
        yield subscriber, producer
    # only after a clean run: a failed one keeps its logs and topics for inspection
    await delete_topics(group.settings)
    shutil.rmtree(group.tmp, ignore_errors=True)


async def delete_topics(settings: Settings) -> None:
    """Remove a run's ``bench<hex>.`` topics from the shared broker."""
    admin = AIOKafkaAdminClient(**settings.kafka_client_options())
    await admin.start()
    try:
        await admin.delete_topics([cfg.name for cfg in settings.topics.values()])
    finally:
        await admin.close()


def write_report(report: dict[str, object], path: Path | None) -> None:
    """Print a benchmark's JSON report, and write it to ``path`` when given."""
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n")
