"""``marsad demo``: local broker, a worker, the bundled sample articles in, events and metrics out."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import urllib.request
from importlib import resources
from pathlib import Path

import click
import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from marsad.config import Settings

from .kafka_io import KafkaUnavailable, produce
from .local_broker import LocalBroker
from .options import config_option, fail, settings_from
from .tail import format_event

__all__ = ["demo", "sample_articles"]

# One message the contract rejects, to show the dead-letter path in the demo.
_MALFORMED = b'{"id": "demo-malformed", "title": "no body field"}'


def sample_articles() -> list[dict]:
    """The bundled samples: the product owner's seed article and short articles written for Marsad."""
    folder = resources.files("marsad").joinpath("samples")
    articles = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            articles.append(orjson.loads(entry.read_bytes()))
    return articles


@click.command()
@click.option("--wait/--no-wait", default=True, help="Keep running until Ctrl-C (default) or exit once done.")
@click.option("--timeout", type=float, default=180.0, show_default=True, help="Seconds to wait for the results.")
@config_option
def demo(wait: bool, timeout: float, config_file: str | None) -> None:
    """Start what is needed, publish the sample articles, print their events and the metrics URL."""
    settings = settings_from(config_file)
    broker = _start_broker_if_needed()
    worker: subprocess.Popen[bytes] | None = None
    try:
        worker = _start_worker(settings)
        _wait_for_metrics(settings, worker, timeout)
        articles = sample_articles()
        ok = asyncio.run(_publish_and_watch(settings, articles, timeout))
        click.echo(f"\nMetrics: {settings.metrics_url}")
        click.echo(_metrics_summary(settings))
        if not ok:
            fail(f"not every sample was processed within {timeout:.0f}s; see var/demo-worker.log", 1)
        if wait:
            click.echo("Running. Publish more with `marsad publish FILE`; Ctrl-C stops everything the demo started.")
            signal.sigwait({signal.SIGINT, signal.SIGTERM})
    except KeyboardInterrupt:
        pass
    finally:
        if worker is not None:
            _stop_worker(worker)
        if broker is not None:
            click.echo("stopping the local Kafka broker the demo started")
            broker.stop()


def _start_broker_if_needed() -> LocalBroker | None:
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        click.echo(f"using the Kafka cluster at {os.environ['KAFKA_BOOTSTRAP_SERVERS']}")
        return None
    broker = LocalBroker.find()
    if broker is None:
        fail("no Kafka configured and deploy/kafka/kafka.sh not found: set KAFKA_BOOTSTRAP_SERVERS")
    if broker.running():
        click.echo("using the local Kafka broker that is already running")
        return None
    click.echo("starting a local Kafka broker (deploy/kafka/kafka.sh start)")
    try:
        broker.start()
    except subprocess.CalledProcessError:
        fail("the local Kafka broker did not start; see the messages above")
    return broker


def _start_worker(settings: Settings) -> subprocess.Popen[bytes]:
    log_path = Path("var") / "demo-worker.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    click.echo(f"starting a worker (log: {log_path})")
    log = log_path.open("ab")
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "marsad", "worker"],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _wait_for_metrics(settings: Settings, worker: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            fail(f"the worker exited with code {worker.returncode}; see var/demo-worker.log", 1)
        try:
            with urllib.request.urlopen(settings.metrics_url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    fail(f"the worker's metrics did not come up at {settings.metrics_url} within {timeout:.0f}s", 1)


async def _publish_and_watch(settings: Settings, articles: list[dict], timeout: float) -> bool:
    topics = settings.topics
    watched = [topics["enriched"].name, topics["events"].name, topics["deadletter"].name]
    consumer = AIOKafkaConsumer(**settings.kafka_client_options(), isolation_level="read_committed")
    await consumer.start()
    try:
        tps = [TopicPartition(t, p) for t in watched for p in range(settings.partitions)]
        consumer.assign(tps)
        await consumer.seek_to_end(*tps)
        for tp in tps:
            await consumer.position(tp)
        records = [(a["id"].encode(), orjson.dumps(a)) for a in articles]
        try:
            await produce(settings, topics["raw"].name, [*records, (b"demo-malformed", _MALFORMED)])
        except KafkaUnavailable as exc:
            fail(str(exc))
        click.echo(f"published {len(articles)} sample article(s) and 1 malformed message to {topics['raw'].name}\n")
        return await _watch(consumer, topics, {a["id"] for a in articles}, timeout)
    finally:
        await consumer.stop()


async def _watch(consumer: AIOKafkaConsumer, topics: dict, pending: set[str], timeout: float) -> bool:
    dead_seen = False
    deadline = time.monotonic() + timeout
    while (pending or not dead_seen) and time.monotonic() < deadline:
        batch = await consumer.getmany(timeout_ms=1000)
        for tp, messages in batch.items():
            for message in messages:
                data = orjson.loads(message.value)
                if tp.topic == topics["events"].name:
                    click.echo(format_event(data))
                elif tp.topic == topics["enriched"].name:
                    pending.discard(data["id"])
                    click.echo(f"[article done] {data['id']}: {len(data['events'])} event(s)")
                else:
                    dead_seen = True
                    click.echo(f"[dead letter] {data['reason']}: {data['error']}")
    return not pending and dead_seen


def _metrics_summary(settings: Settings) -> str:
    try:
        with urllib.request.urlopen(settings.metrics_url, timeout=5) as response:
            text = response.read().decode()
    except OSError as exc:
        return f"(metrics not readable: {exc})"
    wanted = ("marsad_stage_messages_in_total", "marsad_stage_deadletters_total", "marsad_events_total")
    lines = [line for line in text.splitlines() if line.startswith(wanted) and not line.endswith(" 0.0")]
    return "\n".join(lines)


def _stop_worker(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        click.echo("stopping the worker")
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
