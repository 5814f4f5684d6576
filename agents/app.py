"""The Faust application: topics, the normalize and extract agents, the /metrics page and the lag probe.

Agents are thin: take a message, call one step of :mod:`marsad.agents.handling`, send what it returns.
Topics carry raw bytes so that an undecodable message reaches the step (and the dead-letter topic)
instead of crashing the agent (Faust's typed topics stall a partition on a decode error).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib.metadata import version

import faust
from faust.types import StreamT
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, disable_created_metrics, generate_latest

from marsad.config import Settings
from marsad.schemas.records import EnrichedArticle, NormalizedArticle
from marsad.streams.normalize import NormalizeSettings
from marsad.version import PIPELINE_VERSION

from .consumer import install_transactional_consumer
from .handling import MessageLike, StepResult, run_extract, run_normalize
from .metrics import MarsadMetrics
from .stage_runner import BATCH_MAX, BATCH_WITHIN_SECONDS, StageRunner
from .transactions import TransactionalOutputs

__all__ = ["create_app"]

log = logging.getLogger(__name__)

_LAG_INTERVAL_SECONDS = 5.0


def create_app(
    settings: Settings,
    extract: Callable[[NormalizedArticle], EnrichedArticle],
    registry: CollectorRegistry | None = None,
) -> faust.App:
    """Build the worker's Faust app.

    Args:
        settings: the validated configuration.
        extract: the extract stage, already loaded (models are loaded once, before the worker starts).
        registry: where metrics are registered; a fresh one by default.
    """
    app = faust.App(
        settings.app_id,
        broker=";".join(f"kafka://{server.strip()}" for server in settings.bootstrap_servers.split(",")),
        broker_credentials=_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        topic_allow_declare=False,  # Marsad creates its topics itself, before start (agents.admin)
        topic_disable_leader=True,
        topic_partitions=settings.partitions,
        consumer_auto_offset_reset="earliest",
        # On SIGTERM, cancel a batch still retrying its transaction (it aborts and is redone after restart)
        # instead of waiting for it without limit (FACTS, Faust item 7).
        stream_wait_empty=False,
        broker_session_timeout=float(settings.session_timeout),
        broker_heartbeat_interval=max(1.0, settings.session_timeout / 3),
        # processing_guarantee stays at Faust's default: Marsad commits offsets in its own transactions
        producer_acks=-1,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        web_port=settings.web_port,
        datadir=settings.data_dir,
    )
    disable_created_metrics()  # the *_created series only double what dashboards read
    metrics = MarsadMetrics(registry or CollectorRegistry())
    metrics.set_build_info(PIPELINE_VERSION, version("faust-streaming"), version("aiokafka"))
    install_transactional_consumer(app)
    topics = {
        role: app.topic(cfg.name, key_type=bytes, value_type=bytes, partitions=cfg.partitions)
        for role, cfg in settings.topics.items()
    }
    outputs = TransactionalOutputs(
        settings, settings.app_id, {role: cfg.name for role, cfg in settings.topics.items()}, metrics
    )
    normalize_settings = NormalizeSettings(pipeline_version=PIPELINE_VERSION)
    cap = settings.deadletter_payload_bytes

    def normalize_step(message: MessageLike) -> StepResult:
        return run_normalize(message, normalize_settings, settings.max_body_bytes, cap, settings.message_timeout)

    def extract_step(message: MessageLike) -> StepResult:
        return run_extract(message, extract, cap, PIPELINE_VERSION, settings.message_timeout)

    normalize_runner = StageRunner("normalize", normalize_step, outputs, metrics)
    extract_runner = StageRunner("extract", extract_step, outputs, metrics)

    @app.agent(topics["raw"], name="marsad.normalize", concurrency=1)
    async def normalize(stream: StreamT) -> None:
        async for events in stream.take_events(BATCH_MAX, within=BATCH_WITHIN_SECONDS):
            await normalize_runner.run_batch(events)

    @app.agent(topics["normalized"], name="marsad.extract", concurrency=1)
    async def extract_agent(stream: StreamT) -> None:
        async for events in stream.take_events(BATCH_MAX, within=BATCH_WITHIN_SECONDS):
            await extract_runner.run_batch(events)

    @app.on_partitions_revoked.connect
    async def close_revoked(sender: faust.App, revoked: set, **kwargs: object) -> None:
        await outputs.close_partitions({(tp.topic, tp.partition) for tp in revoked})

    @app.on_before_shutdown.connect
    async def close_producers(sender: faust.App, **kwargs: object) -> None:
        await outputs.close()

    @app.page("/metrics")
    async def metrics_page(web: faust.web.View, request: faust.web.Request) -> faust.web.Response:
        return web.bytes(generate_latest(metrics.registry), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    @app.timer(interval=_LAG_INTERVAL_SECONDS)
    async def consumer_lag() -> None:
        await _update_lag(app, metrics)

    app.marsad_metrics = metrics  # for tests and the CLI
    return app


async def _update_lag(app: faust.App, metrics: MarsadMetrics) -> None:
    consumer = app.consumer
    assigned = consumer.assignment()
    _forget_revoked(metrics, {(tp.topic, str(tp.partition)) for tp in assigned})
    if not assigned:
        return
    try:
        ends = await consumer.highwaters(*assigned)
    except Exception as exc:
        log.debug("consumer lag probe failed: %s", exc)
        return
    for tp, end in ends.items():
        committed = consumer._committed_offset.get(tp)
        position = committed if committed is not None else await consumer.position(tp)
        lag = max(0, end - (position or 0)) if end is not None else 0
        metrics.consumer_lag.labels(tp.topic, str(tp.partition)).set(lag)
        metrics.lag_series.add((tp.topic, str(tp.partition)))


def _forget_revoked(metrics: MarsadMetrics, assigned: set[tuple[str, str]]) -> None:
    """Drop the lag series of partitions this worker lost in a rebalance: another worker reports them now."""
    for labels in list(metrics.lag_series):
        if labels not in assigned:
            metrics.consumer_lag.remove(*labels)
            metrics.lag_series.discard(labels)


def _credentials(settings: Settings) -> faust.auth.Credentials | None:
    if settings.security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.sasl_username,
            password=settings.sasl_password,
            mechanism=settings.sasl_mechanism,
            ssl_context=settings.ssl_context(),
        )
    if settings.security_protocol == "SSL":
        return faust.SSLCredentials(settings.ssl_context())
    return None
