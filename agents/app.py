"""The Faust application: topics, the normalize and extract agents, the /metrics page and the lag probe.

Agents are thin: take a message, call one step of :mod:`marsad.agents.handling`, send what it returns.
Topics carry raw bytes so that an undecodable message reaches the step (and the dead-letter topic)
instead of crashing the agent (Faust's typed topics stall a partition on a decode error).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from importlib.metadata import version

import faust
from faust.types import EventT, StreamT
from marsad.schemas.records import EnrichedArticle, NormalizedArticle
from marsad.streams.normalize import NormalizeSettings
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, disable_created_metrics, generate_latest

from marsad.config import Settings
from marsad.version import PIPELINE_VERSION

from .handling import MessageLike, Outcome, StepResult, run_extract, run_normalize
from .metrics import MarsadMetrics
from .sender import Sender

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
        processing_guarantee="at_least_once",
        producer_acks=-1,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        web_port=settings.web_port,
        datadir=settings.data_dir,
    )
    disable_created_metrics()  # the *_created series only double what dashboards read
    metrics = MarsadMetrics(registry or CollectorRegistry())
    metrics.set_build_info(PIPELINE_VERSION, version("faust-streaming"), version("aiokafka"))
    topics = {
        role: app.topic(cfg.name, key_type=bytes, value_type=bytes, partitions=cfg.partitions)
        for role, cfg in settings.topics.items()
    }
    sender = Sender(topics, metrics)
    normalize_settings = NormalizeSettings(pipeline_version=PIPELINE_VERSION)
    cap = settings.deadletter_payload_bytes

    async def handle(stage: str, event: EventT, step: Callable[[MessageLike], StepResult]) -> None:
        message = event.message
        metrics.messages_in.labels(stage).inc()
        with metrics.duration.labels(stage).time():
            result = step(message)
        await sender.send_all(result.outputs, message, stage)
        if result.outcome is Outcome.DEAD_LETTERED:
            metrics.dead_letters.labels(stage, result.reason.value).inc()
        if result.article is not None:
            _observe_article(metrics, result.article, message.timestamp)

    def normalize_step(message: MessageLike) -> StepResult:
        return run_normalize(message, normalize_settings, settings.max_body_bytes, cap)

    def extract_step(message: MessageLike) -> StepResult:
        return run_extract(message, extract, cap, PIPELINE_VERSION)

    @app.agent(topics["raw"], name="marsad.normalize", concurrency=1)
    async def normalize(stream: StreamT) -> None:
        async for event in stream.events():
            await handle("normalize", event, normalize_step)

    @app.agent(topics["normalized"], name="marsad.extract", concurrency=1)
    async def extract_agent(stream: StreamT) -> None:
        async for event in stream.events():
            await handle("extract", event, extract_step)

    @app.page("/metrics")
    async def metrics_page(web: faust.web.View, request: faust.web.Request) -> faust.web.Response:
        return web.bytes(generate_latest(metrics.registry), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    @app.timer(interval=_LAG_INTERVAL_SECONDS)
    async def consumer_lag() -> None:
        await _update_lag(app, metrics)

    app.marsad_metrics = metrics  # for tests and the CLI
    return app


def _observe_article(metrics: MarsadMetrics, article: EnrichedArticle, kafka_timestamp: float | None) -> None:
    if kafka_timestamp:
        metrics.latency.observe(max(0.0, time.time() - kafka_timestamp))
    for entity in article.entities:
        metrics.entities.labels(entity.type).inc()
    for event in article.events:
        country = event.location.country_code if event.location and event.location.country_code else "unknown"
        metrics.events.labels(event.type, country).inc()


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
