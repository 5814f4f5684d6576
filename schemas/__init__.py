"""Marsad's public contracts: JSON Schema files per topic, the records that mirror them, topic settings."""

from .records import (
    SCHEMA_VERSION,
    DeadLetter,
    EnrichedArticle,
    EnrichedEvent,
    NormalizedArticle,
    RawArticle,
)
from .topics import TopicConfig, topic_configs
from .validation import SCHEMA_NAMES, load_schema, validate

__all__ = [
    "SCHEMA_NAMES",
    "SCHEMA_VERSION",
    "DeadLetter",
    "EnrichedArticle",
    "EnrichedEvent",
    "NormalizedArticle",
    "RawArticle",
    "TopicConfig",
    "load_schema",
    "topic_configs",
    "validate",
]
