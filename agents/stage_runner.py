"""Run one stage over a batch of Kafka events: step each message, then commit the outputs per partition.

Faust hands the agent up to ``BATCH_MAX`` events at a time (``stream.take_events``). Each input partition's
share of the batch is one transaction: its outputs (records and dead letters) plus its next offset.
Metrics of what was produced are counted only once the transaction is committed.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence

from faust.types import EventT

from marsad.schemas.records import EnrichedArticle

from .handling import MessageLike, Outcome, StepResult
from .metrics import MarsadMetrics
from .transactions import PartitionLost, Pending, ShuttingDown, TransactionalOutputs

__all__ = ["BATCH_MAX", "BATCH_WITHIN_SECONDS", "StageRunner"]

log = logging.getLogger(__name__)

# Kafka Streams commits exactly-once work every 100 ms; a batch here closes after 10 ms or 100 messages,
# so low traffic is not held back and one batch of CPU work stays well under a second.
BATCH_MAX = 100
BATCH_WITHIN_SECONDS = 0.01


class StageRunner:
    """One stage's loop body: pure steps from :mod:`marsad.agents.handling`, transactions, metrics."""

    def __init__(
        self,
        stage: str,
        step: Callable[[MessageLike], StepResult],
        outputs: TransactionalOutputs,
        metrics: MarsadMetrics,
    ) -> None:
        self.stage = stage
        self._step = step
        self._outputs = outputs
        self._metrics = metrics

    async def run_batch(self, events: Sequence[EventT]) -> None:
        by_partition: dict[tuple[str, int], list[MessageLike]] = {}
        for event in events:
            message = event.message
            by_partition.setdefault((message.topic, message.partition), []).append(message)
        for (topic, partition), messages in by_partition.items():
            await self._run_partition(topic, partition, messages)

    async def _run_partition(self, topic: str, partition: int, messages: list[MessageLike]) -> None:
        results: list[tuple[MessageLike, StepResult]] = []
        for message in messages:
            self._metrics.messages_in.labels(self.stage).inc()
            with self._metrics.duration.labels(self.stage).time():
                results.append((message, self._step(message)))
            await asyncio.sleep(0)  # let the web server, timers and heartbeats run between messages
        pending = [
            Pending(output, int(message.timestamp * 1000) if message.timestamp else None)
            for message, result in results
            for output in result.outputs
        ]
        try:
            await self._outputs.commit_batch(self.stage, topic, partition, pending, messages[-1].offset + 1)
        except PartitionLost:
            log.warning(
                "%s: %s[%d] was taken over by another worker; offsets %d-%d are left to it",
                self.stage, topic, partition, messages[0].offset, messages[-1].offset,
            )  # fmt: skip
            return
        except ShuttingDown:
            log.info(
                "%s: stopping before %s[%d] offsets %d-%d were committed; they are processed again on restart",
                self.stage, topic, partition, messages[0].offset, messages[-1].offset,
            )  # fmt: skip
            return
        self._count(results)

    def _count(self, results: list[tuple[MessageLike, StepResult]]) -> None:
        for message, result in results:
            for output in result.outputs:
                self._metrics.messages_out.labels(self.stage, output.role).inc()
            if result.outcome is Outcome.DEAD_LETTERED and result.reason is not None:
                self._metrics.dead_letters.labels(self.stage, result.reason.value).inc()
            if result.article is not None:
                _observe_article(self._metrics, result.article, message.timestamp)


def _observe_article(metrics: MarsadMetrics, article: EnrichedArticle, kafka_timestamp: float | None) -> None:
    if kafka_timestamp:
        metrics.latency.observe(max(0.0, time.time() - kafka_timestamp))
    for entity in article.entities:
        metrics.entities.labels(entity.type).inc()
    for event in article.events:
        country = event.location.country_code if event.location and event.location.country_code else "unknown"
        metrics.events.labels(event.type, country).inc()
