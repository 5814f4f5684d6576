"""Thin aiokafka helpers for the CLI: publish records, read a topic from an end or the beginning."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import KafkaError

from marsad.agents.admin import explain_kafka_error
from marsad.config import Settings

__all__ = ["KafkaUnavailable", "consume", "produce"]


class KafkaUnavailable(RuntimeError):
    """The brokers could not be used (unreachable, credentials refused...); the message says what to check."""


async def _unavailable(settings: Settings, exc: Exception) -> KafkaUnavailable:
    """Why the client could not start: unreachable brokers, refused credentials, wrong protocol..."""
    return KafkaUnavailable(await explain_kafka_error(settings, exc))


async def produce(
    settings: Settings,
    topic: str,
    records: Sequence[tuple[bytes | None, bytes]],
    on_sent: Callable[[], None] = lambda: None,
) -> None:
    """Send every record and wait until the brokers acknowledge them all (acks=all)."""
    producer = AIOKafkaProducer(
        **settings.kafka_client_options(), acks="all", enable_idempotence=True, max_request_size=8 * 1024 * 1024
    )
    try:
        await producer.start()
    except KafkaError as exc:
        await producer.stop()
        raise await _unavailable(settings, exc) from exc
    try:
        for key, value in records:
            await (await producer.send(topic, value=value, key=key))
            on_sent()
    finally:
        await producer.stop()


async def consume(
    settings: Settings, topic: str, from_beginning: bool, idle_timeout: float | None = None
) -> AsyncIterator[tuple[int, int, bytes | None, bytes | None]]:
    """Yield ``(partition, offset, key, value)`` of committed records, without joining a consumer group.

    Stops after ``idle_timeout`` seconds without a record, when given.
    """
    consumer = AIOKafkaConsumer(**settings.kafka_client_options(), isolation_level="read_committed")
    try:
        await consumer.start()
        partitions = consumer.partitions_for_topic(topic) or await _partitions(consumer, topic)
    except KafkaError as exc:
        await consumer.stop()
        raise await _unavailable(settings, exc) from exc
    try:
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        if from_beginning:
            await consumer.seek_to_beginning(*tps)
        else:
            await consumer.seek_to_end(*tps)
        while True:
            batch = await consumer.getmany(timeout_ms=int((idle_timeout or 3600) * 1000))
            if not batch and idle_timeout is not None:
                return
            for records in batch.values():
                for record in records:
                    yield record.partition, record.offset, record.key, record.value
    finally:
        await consumer.stop()


async def _partitions(consumer: AIOKafkaConsumer, topic: str) -> set[int]:
    for _ in range(20):
        await consumer._client.force_metadata_update()
        partitions = consumer.partitions_for_topic(topic)
        if partitions:
            return partitions
        await asyncio.sleep(0.25)
    raise KafkaError(f"topic {topic} does not exist; run `marsad topics` or start the worker once")
