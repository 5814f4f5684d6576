"""Every Prometheus metric Marsad exposes, declared once, in a container that takes its registry.

Names follow Prometheus conventions: ``marsad_`` prefix, base units (seconds, bytes), ``_total`` for counters;
labels take small fixed sets of values (stage, reason, event type, country code), never ids or names.
"""

from __future__ import annotations

import platform

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info, PlatformCollector, ProcessCollector

from marsad.streams.errors import Reason

__all__ = ["STAGES", "MarsadMetrics"]

STAGES = ("normalize", "extract")
# Stage work is milliseconds; the tail buckets catch pathological input.
_STAGE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class MarsadMetrics:
    """The metrics of one worker process; tests pass a fresh registry."""

    def __init__(self, registry: CollectorRegistry, prefix: str = "marsad", process: bool = True) -> None:
        self.registry = registry
        if process:  # process_* (CPU, memory, fds) and python_info, as the default registry would have
            ProcessCollector(registry=registry)
            PlatformCollector(registry=registry)
        self.messages_in = Counter(
            f"{prefix}_stage_messages_in_total", "Messages consumed by a stage.", ["stage"], registry=registry
        )
        self.messages_out = Counter(
            f"{prefix}_stage_messages_out_total",
            "Records produced by a stage, by output topic role.",
            ["stage", "output"],
            registry=registry,
        )
        self.dead_letters = Counter(
            f"{prefix}_stage_deadletters_total",
            "Messages sent to the dead-letter topic, by reason.",
            ["stage", "reason"],
            registry=registry,
        )
        self.duration = Histogram(
            f"{prefix}_stage_duration_seconds",
            "Time a stage spends on one message (decode, process, encode).",
            ["stage"],
            buckets=_STAGE_BUCKETS,
            registry=registry,
        )
        self.latency = Histogram(
            f"{prefix}_end_to_end_latency_seconds",
            "From the raw article's Kafka timestamp to its enriched record being sent.",
            buckets=_LATENCY_BUCKETS,
            registry=registry,
        )
        self.events = Counter(
            f"{prefix}_events_total",
            "Enriched events produced, by type and country code ('unknown' when unresolved).",
            ["type", "country"],
            registry=registry,
        )
        self.entities = Counter(
            f"{prefix}_entities_total", "Entity mentions found, by type.", ["type"], registry=registry
        )
        self.send_errors = Counter(
            f"{prefix}_kafka_send_errors_total",
            "Failed attempts to send a record to Kafka (each is retried).",
            ["output"],
            registry=registry,
        )
        self.transactions = Counter(
            f"{prefix}_kafka_transactions_total",
            "Output transactions (a batch's records plus its input offset), by outcome.",
            ["stage", "outcome"],
            registry=registry,
        )
        self.consumer_lag = Gauge(
            f"{prefix}_consumer_lag_messages",
            "Log end offset minus the worker's position, per consumed partition.",
            ["topic", "partition"],
            registry=registry,
        )
        self.lag_series: set[tuple[str, str]] = set()  # (topic, partition) label pairs currently exported
        self.build = Info(f"{prefix}_build", "Versions of Marsad and its stream libraries.", registry=registry)
        self._precreate()

    def _precreate(self) -> None:
        for stage in STAGES:
            self.messages_in.labels(stage)
            self.duration.labels(stage)
            for reason in Reason:
                self.dead_letters.labels(stage, reason.value)
        for stage in STAGES:
            for outcome in ("committed", "aborted", "fenced"):
                self.transactions.labels(stage, outcome)
        for output in ("normalized", "enriched", "events", "deadletter"):
            self.send_errors.labels(output)
        self.messages_out.labels("normalize", "normalized")
        self.messages_out.labels("extract", "enriched")
        self.messages_out.labels("extract", "events")

    def set_build_info(self, marsad: str, faust: str, aiokafka: str) -> None:
        self.build.info({"version": marsad, "faust": faust, "aiokafka": aiokafka, "python": platform.python_version()})
