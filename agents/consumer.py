"""Faust's Kafka consumer, changed in the two ways Marsad's transactions need.

1. It reads ``read_committed``: a stage must not see records of another stage's aborted transaction.
   (Faust reads committed data only with its own ``exactly_once`` mode, which does not cover Marsad's
   output topics: ../shared/FACTS.md, Faust item 2.)
2. It never commits offsets itself. Each stage commits its input offsets inside the transaction that
   writes its outputs (:mod:`marsad.agents.transactions`), under the same consumer group, as Kafka
   Streams does. Faust's own commits would race those and could move the group's offset backwards
   (duplicates after a crash) or, on a revoked in-flight batch, forwards (loss).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import aiokafka
import faust
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP

__all__ = ["install_transactional_consumer"]


class _ReadCommittedThread(faust_aiokafka.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> aiokafka.AIOKafkaConsumer:
        consumer = super()._create_worker_consumer(transport)
        consumer._isolation_level = "read_committed"  # read by start(), which has not run yet
        return consumer


class _TransactionalConsumer(faust_aiokafka.Consumer):
    def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
        return _ReadCommittedThread(self, loop=self.loop, beacon=self.beacon)

    async def _commit(self, offsets: Mapping[TP, int]) -> bool:
        return True  # offsets are committed by the stage transactions, never here


class _TransactionalTransport(faust_aiokafka.Transport):
    Consumer = _TransactionalConsumer


def install_transactional_consumer(app: faust.App) -> None:
    """Give ``app`` the consumer above; call before anything touches ``app.topics`` or ``app.consumer``."""
    app.transport = _TransactionalTransport(app.conf.broker_consumer, app)
