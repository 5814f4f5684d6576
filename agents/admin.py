"""Create Marsad's topics before the worker starts: Faust ignores topics that are missing at start-up."""

from __future__ import annotations

import logging

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from marsad.config import Settings

__all__ = ["TopicSetupError", "ensure_topics"]

log = logging.getLogger(__name__)


class TopicSetupError(RuntimeError):
    """The topics could not be checked or created; the message says what the operator should check."""


async def ensure_topics(settings: Settings) -> list[str]:
    """Create every missing topic with the configured partitions; return the names created.

    An existing topic with fewer partitions than configured is left as it is, with a warning: growing it
    would move keys between partitions under running consumers.
    """
    admin = AIOKafkaAdminClient(**settings.kafka_client_options(), request_timeout_ms=15000)
    try:
        await admin.start()
    except KafkaError as exc:
        raise TopicSetupError(
            f"cannot reach Kafka at {settings.bootstrap_servers} ({exc}); "
            "start the local broker (deploy/kafka/kafka.sh start) or set KAFKA_BOOTSTRAP_SERVERS"
        ) from exc
    try:
        return await _create_missing(admin, settings)
    finally:
        await admin.close()


async def _create_missing(admin: AIOKafkaAdminClient, settings: Settings) -> list[str]:
    existing = set(await admin.list_topics())
    wanted = list(settings.topics.values())
    for topic in wanted:
        if topic.name in existing:
            await _warn_if_fewer_partitions(admin, topic.name, topic.partitions)
    missing = [t for t in wanted if t.name not in existing]
    if not missing:
        return []
    new = [NewTopic(t.name, t.partitions, t.replication_factor) for t in missing]
    try:
        await admin.create_topics(new)
    except TopicAlreadyExistsError:  # another worker created them between our two calls
        pass
    except KafkaError as exc:
        raise TopicSetupError(f"cannot create topics {[t.name for t in missing]}: {exc}") from exc
    names = [t.name for t in missing]
    log.info("created topics %s", ", ".join(names))
    return names


async def _warn_if_fewer_partitions(admin: AIOKafkaAdminClient, name: str, wanted: int) -> None:
    try:
        described = await admin.describe_topics([name])
    except KafkaError:
        return
    for topic in described:
        count = len(topic.get("partitions", []))
        if count and count < wanted:
            log.warning("topic %s has %d partitions, fewer than the %d configured; left as it is", name, count, wanted)
