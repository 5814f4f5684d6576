"""The bare baseline: a plain aiokafka consume-and-produce loop over the same two hops, no Faust.

raw -> normalized -> enriched, one asyncio task per hop in one process. Each hop reads a batch
(read_committed), sends every record with the input's timestamp (acks=all, idempotent), waits for the
acknowledgements and commits the consumer offsets: at-least-once, no transactions. This is the floor:
the cost of moving the bytes through Kafka twice from Python.

Usage (the same environment variables as ``marsad worker``):
    KAFKA_BOOTSTRAP_SERVERS=... MARSAD_TOPIC_PREFIX=... MARSAD_APP_ID=... .venv/bin/python benchmarks/bare_relay.py
"""

from __future__ import annotations

import asyncio
import signal

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from marsad.agents.admin import ensure_topics
from marsad.config import Settings, load_settings

__all__ = ["relay"]


async def _hop(settings: Settings, source: str, target: str, stop: asyncio.Event) -> None:
    options = settings.kafka_client_options()
    consumer = AIOKafkaConsumer(
        source,
        **options,
        group_id=f"{settings.app_id}.{source}",
        isolation_level="read_committed",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    producer = AIOKafkaProducer(**options, acks="all", enable_idempotence=True, linger_ms=0)
    await consumer.start()
    await producer.start()
    try:
        while not stop.is_set():
            batch = await consumer.getmany(timeout_ms=200, max_records=100)
            futures = [
                await producer.send(target, value=m.value, key=m.key, timestamp_ms=m.timestamp)
                for messages in batch.values()
                for m in messages
            ]
            if futures:
                await asyncio.gather(*futures)
                await consumer.commit()
    finally:
        await consumer.stop()
        await producer.stop()


async def relay(settings: Settings) -> None:
    """Run both hops until SIGTERM or SIGINT."""
    await ensure_topics(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    names = {role: cfg.name for role, cfg in settings.topics.items()}
    await asyncio.gather(
        _hop(settings, names["raw"], names["normalized"], stop),
        _hop(settings, names["normalized"], names["enriched"], stop),
    )


if __name__ == "__main__":
    asyncio.run(relay(load_settings()))
