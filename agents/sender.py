"""Deliver a stage's outputs to Kafka, retrying until the broker confirms them.

The input message is only acked after its outputs are confirmed, so a failure here must not end the
loop: raising would make Faust ack the message and lose it. The worker keeps retrying (and the
lag alert fires) until the broker is back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping

from faust.types import TopicT

from .handling import MessageLike, Output
from .metrics import MarsadMetrics

__all__ = ["Sender"]

log = logging.getLogger(__name__)

_FIRST_BACKOFF = 0.5
_MAX_BACKOFF = 30.0


class Sender:
    """Sends :class:`Output` records to the topic of their role."""

    def __init__(self, topics: Mapping[str, TopicT], metrics: MarsadMetrics) -> None:
        self._topics = topics
        self._metrics = metrics

    async def send_all(self, outputs: list[Output], source: MessageLike, stage: str) -> None:
        pending = [await self._start(output, source) for output in outputs]
        for output, future in zip(outputs, pending, strict=True):
            await self._confirm(output, future, source)
            self._metrics.messages_out.labels(stage, output.role).inc()

    async def _start(self, output: Output, source: MessageLike) -> asyncio.Future:
        return await self._topics[output.role].send(key=output.key, value=output.value, timestamp=source.timestamp)

    async def _confirm(self, output: Output, future: asyncio.Future, source: MessageLike) -> None:
        backoff = _FIRST_BACKOFF
        while True:
            try:
                await future
                return
            except Exception as exc:
                self._metrics.send_errors.labels(output.role).inc()
                log.error(
                    "could not send to %s (%s) for message %s[%d]@%d; retrying in %.1fs. "
                    "Check that the broker is up and the topic exists.",
                    self._topics[output.role].get_topic_name(),
                    exc,
                    source.topic,
                    source.partition,
                    source.offset,
                    backoff,
                )
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, _MAX_BACKOFF)
                future = await self._start(output, source)
