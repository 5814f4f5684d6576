"""The topics of the pipeline and their settings: one frozen value shared by the agents and deploy scripts."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TOPIC_ROLES", "TopicConfig", "topic_configs"]


@dataclass(frozen=True, slots=True)
class TopicConfig:
    """A topic Marsad reads or writes: its full name, settings and the contract of its values."""

    role: str
    name: str
    schema: str
    key: str
    partitions: int
    replication_factor: int
    retention_ms: int | None = None


# role -> (name suffix, schema, what the key is)
TOPIC_ROLES: dict[str, tuple[str, str, str]] = {
    "raw": ("articles.raw", "raw_article", "article id (recommended; Marsad re-keys by id downstream)"),
    "normalized": ("articles.normalized", "normalized_article", "article id"),
    "enriched": ("articles.enriched", "enriched_article", "article id"),
    "events": ("events.enriched", "enriched_event", "event id"),
    "deadletter": ("articles.deadletter", "dead_letter", "original key, or the article id when known"),
}


def topic_configs(prefix: str, partitions: int, replication_factor: int) -> dict[str, TopicConfig]:
    """Every topic of the pipeline, by role, named ``<prefix><suffix>`` (the default prefix is ``marsad.``)."""
    return {
        role: TopicConfig(role, prefix + suffix, schema, key, partitions, replication_factor)
        for role, (suffix, schema, key) in TOPIC_ROLES.items()
    }
