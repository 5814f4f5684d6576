"""The passthrough baseline: Marsad's own Faust topology and transactional batching, with no-op stages.

Same topics (raw -> normalized -> enriched), same read_committed consumer, same ``StageRunner`` batches
and per-partition ``TransactionalOutputs``; each stage only forwards the bytes it got. What the real worker
costs beyond this is the normalize and extract work itself.

Usage (the same environment variables as ``marsad worker``):
    KAFKA_BOOTSTRAP_SERVERS=... MARSAD_TOPIC_PREFIX=... MARSAD_APP_ID=... .venv/bin/python benchmarks/passthrough_app.py
"""

from __future__ import annotations

import asyncio
import logging

import faust
from faust.types import StreamT
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from marsad.agents.admin import ensure_topics
from marsad.agents.consumer import install_transactional_consumer
from marsad.agents.handling import MessageLike, Outcome, Output, StepResult
from marsad.agents.metrics import MarsadMetrics
from marsad.agents.stage_runner import BATCH_MAX, BATCH_WITHIN_SECONDS, StageRunner
from marsad.agents.transactions import TransactionalOutputs
from marsad.config import Settings, load_settings

__all__ = ["create_passthrough_app"]


def _forward(role: str):
    def step(message: MessageLike) -> StepResult:
        return StepResult(Outcome.PROCESSED, [Output(role, message.key or b"", bytes(message.value or b""))])

    return step


def create_passthrough_app(settings: Settings) -> faust.App:
    """A Faust app shaped like :func:`marsad.agents.app.create_app`, whose stages copy their input."""
    app = faust.App(
        settings.app_id,
        broker=";".join(f"kafka://{s.strip()}" for s in settings.bootstrap_servers.split(",")),
        key_serializer="raw",
        value_serializer="raw",
        topic_allow_declare=False,
        topic_disable_leader=True,
        topic_partitions=settings.partitions,
        consumer_auto_offset_reset="earliest",
        broker_session_timeout=float(settings.session_timeout),
        broker_heartbeat_interval=max(1.0, settings.session_timeout / 3),
        producer_acks=-1,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        web_port=settings.web_port,
        datadir=settings.data_dir,
    )
    metrics = MarsadMetrics(CollectorRegistry())
    install_transactional_consumer(app)
    topics = {
        role: app.topic(cfg.name, key_type=bytes, value_type=bytes, partitions=cfg.partitions)
        for role, cfg in settings.topics.items()
    }
    outputs = TransactionalOutputs(
        settings, settings.app_id, {role: cfg.name for role, cfg in settings.topics.items()}, metrics
    )
    first = StageRunner("normalize", _forward("normalized"), outputs, metrics)
    second = StageRunner("extract", _forward("enriched"), outputs, metrics)

    @app.agent(topics["raw"], name="passthrough.first", concurrency=1)
    async def first_agent(stream: StreamT) -> None:
        async for events in stream.take_events(BATCH_MAX, within=BATCH_WITHIN_SECONDS):
            await first.run_batch(events)

    @app.agent(topics["normalized"], name="passthrough.second", concurrency=1)
    async def second_agent(stream: StreamT) -> None:
        async for events in stream.take_events(BATCH_MAX, within=BATCH_WITHIN_SECONDS):
            await second.run_batch(events)

    @app.on_partitions_revoked.connect
    async def close_revoked(sender: faust.App, revoked: set, **kwargs: object) -> None:
        await outputs.close_partitions({(tp.topic, tp.partition) for tp in revoked})

    @app.on_before_shutdown.connect
    async def close_producers(sender: faust.App, **kwargs: object) -> None:
        await outputs.close()

    @app.page("/metrics")
    async def metrics_page(web: faust.web.View, request: faust.web.Request) -> faust.web.Response:
        return web.bytes(generate_latest(metrics.registry), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    return app


def main() -> None:
    settings = load_settings()
    logging.basicConfig(level=logging.WARNING)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(ensure_topics(settings))
    app = create_passthrough_app(settings)
    faust.Worker(app, loop=loop, loglevel="info", override_logging=True).execute_from_commandline()


if __name__ == "__main__":
    main()
