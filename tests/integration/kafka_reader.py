"""Read a topic from the beginning as a subscriber would (read_committed), until a condition holds."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from marsad.config import Settings


async def _read(settings: Settings, topic: str, done: Callable[[list[Any]], bool], timeout: float) -> list[Any]:
    consumer = AIOKafkaConsumer(**settings.kafka_client_options(), isolation_level="read_committed")
    await consumer.start()
    try:
        tps = [TopicPartition(topic, p) for p in range(settings.partitions)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        records: list[Any] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not done(records):
            batch = await consumer.getmany(timeout_ms=500)
            for messages in batch.values():
                records += [(m.key, orjson.loads(m.value)) for m in messages]
        return records
    finally:
        await consumer.stop()


def read_topic(
    settings: Settings, role: str, done: Callable[[list[Any]], bool], timeout: float = 60.0
) -> list[tuple[bytes, Any]]:
    """``(key, decoded value)`` of every record of the topic of ``role``, once ``done`` or after ``timeout``."""
    return asyncio.run(_read(settings, settings.topics[role].name, done, timeout))
