"""Write a batch's outputs and its input offset in one Kafka transaction, per input partition.

This is what makes Marsad's output exactly-once for ``read_committed`` subscribers: a batch's records
become visible together with the consumer group's move past its input, or not at all. After a crash the
group resumes at the last committed offset and the aborted records stay invisible. One transactional id
per stage and input partition lets a worker that takes over a partition fence its predecessor.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaProducer, TopicPartition
from aiokafka.errors import ProducerFenced

from marsad.config import Settings

from .handling import MAX_RECORD_BYTES, Output
from .metrics import MarsadMetrics

__all__ = ["PartitionLost", "Pending", "ShuttingDown", "TransactionalOutputs"]

log = logging.getLogger(__name__)

_FIRST_BACKOFF = 0.5
_MAX_BACKOFF = 30.0


class PartitionLost(Exception):
    """Another worker owns the input partition now (this producer was fenced): drop the batch."""


class ShuttingDown(Exception):
    """The worker is stopping and its producers are closed: the batch stays uncommitted, to be redone.

    Retrying then would start a new producer with the same transactional id, which waits until the broker
    has aborted the interrupted transaction (up to its timeout) and so holds the shutdown past SIGTERM.
    """


@dataclass(frozen=True, slots=True)
class Pending:
    """An output to send, stamped with the Kafka timestamp of the input it came from (for latency)."""

    output: Output
    timestamp_ms: int | None


class TransactionalOutputs:
    """The transactional producers of one worker, created on first use, one per (stage, input partition)."""

    def __init__(
        self, settings: Settings, group_id: str, topic_names: Mapping[str, str], metrics: MarsadMetrics
    ) -> None:
        self._settings = settings
        self._group_id = group_id
        self._topic_names = dict(topic_names)
        self._metrics = metrics
        self._producers: dict[tuple[str, str, int], AIOKafkaProducer] = {}
        self._closed = False

    async def commit_batch(
        self, stage: str, topic: str, partition: int, outputs: Sequence[Pending], next_offset: int
    ) -> None:
        """Send ``outputs`` and commit ``next_offset`` for the input partition atomically; retry until done.

        Raises:
            PartitionLost: the producer was fenced; the new owner of the partition redoes the batch.
            ShuttingDown: the worker closed its producers (shutdown); the batch is redone after a restart.
        """
        backoff = _FIRST_BACKOFF
        while True:
            if self._closed:
                raise ShuttingDown(f"{topic}[{partition}]")
            try:
                await self._commit_once(stage, topic, partition, outputs, next_offset)
                self._metrics.transactions.labels(stage, "committed").inc()
                return
            except ProducerFenced as exc:
                self._metrics.transactions.labels(stage, "fenced").inc()
                await self._drop((stage, topic, partition))
                raise PartitionLost(f"{topic}[{partition}]") from exc
            except Exception as exc:
                self._metrics.transactions.labels(stage, "aborted").inc()
                if self._closed:  # closed under it at shutdown: no retry, the batch stays uncommitted
                    raise ShuttingDown(f"{topic}[{partition}]") from exc
                for pending in outputs:
                    self._metrics.send_errors.labels(pending.output.role).inc()
                log.error(
                    "%s: transaction for %s[%d] up to offset %d failed (%s: %s); it is aborted and retried in %.1fs. "
                    "Check that the Kafka brokers are up.",
                    stage, topic, partition, next_offset - 1, type(exc).__name__, exc, backoff,
                )  # fmt: skip
                await self._drop((stage, topic, partition))
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, _MAX_BACKOFF)

    async def _commit_once(
        self, stage: str, topic: str, partition: int, outputs: Sequence[Pending], next_offset: int
    ) -> None:
        producer = await self._producer((stage, topic, partition))
        await producer.begin_transaction()
        try:
            for pending in outputs:
                name = self._topic_names[pending.output.role]
                await producer.send(
                    name, value=pending.output.value, key=pending.output.key, timestamp_ms=pending.timestamp_ms
                )
            offsets = {TopicPartition(topic, partition): next_offset}
            await producer.send_offsets_to_transaction(offsets, self._group_id)
            await producer.commit_transaction()
        except BaseException:  # incl. cancellation at shutdown: abort now, so readers are not held up
            await asyncio.shield(_quietly_abort(producer))
            raise

    async def _producer(self, key: tuple[str, str, int]) -> AIOKafkaProducer:
        producer = self._producers.get(key)
        if producer is None:
            stage, topic, partition = key
            producer = AIOKafkaProducer(
                **self._settings.kafka_client_options(),
                transactional_id=f"{self._group_id}.{stage}.{topic}.{partition}",
                enable_idempotence=True,
                acks="all",
                max_request_size=MAX_RECORD_BYTES + 64 * 1024,
            )
            try:
                await producer.start()  # init_transactions: fences an older holder of this id, aborts its open work
            except BaseException:
                await producer.stop()
                raise
            self._producers[key] = producer
        return producer

    async def _drop(self, key: tuple[str, str, int]) -> None:
        producer = self._producers.pop(key, None)
        if producer is not None:
            await _quietly_stop(producer)

    async def close_partitions(self, partitions: set[tuple[str, int]]) -> None:
        """Close the producers of input partitions this worker no longer owns."""
        for key in [k for k in self._producers if (k[1], k[2]) in partitions]:
            await self._drop(key)

    async def close(self) -> None:
        self._closed = True
        for key in list(self._producers):
            await self._drop(key)


async def _quietly_abort(producer: AIOKafkaProducer) -> None:
    try:
        await producer.abort_transaction()
    except Exception as exc:
        log.debug("abort failed: %s", exc)


async def _quietly_stop(producer: AIOKafkaProducer) -> None:
    try:
        await producer.stop()
    except Exception as exc:
        log.debug("producer stop failed: %s", exc)
