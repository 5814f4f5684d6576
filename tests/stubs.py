"""Stubs shared by the test folders."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MessageStub"]


@dataclass
class MessageStub:
    """A Kafka message as the steps read it: satisfies ``marsad.agents.handling.MessageLike``."""

    value: bytes | None
    key: bytes | None = None
    topic: str = "marsad.articles.raw"
    partition: int = 1
    offset: int = 42
    timestamp: float = 1_700_000_000.0
