"""The transactional outputs stop retrying once the worker has closed them (shutdown)."""

from __future__ import annotations

import asyncio

import pytest
from prometheus_client import CollectorRegistry

from marsad.agents.handling import Output
from marsad.agents.metrics import MarsadMetrics
from marsad.agents.transactions import Pending, ShuttingDown, TransactionalOutputs
from marsad.config import load_settings


class _ClosedUnderIt:
    """A producer whose transaction fails as aiokafka's does when it is stopped mid-transaction."""

    def __init__(self, outputs: TransactionalOutputs) -> None:
        self.outputs = outputs
        self.begun = 0

    async def begin_transaction(self) -> None:
        self.begun += 1

    async def send(self, *args: object, **kwargs: object) -> None:
        await self.outputs.close()  # on_before_shutdown runs while the batch is in flight
        raise RuntimeError("ProducerClosed")

    async def abort_transaction(self) -> None:
        return None

    async def stop(self) -> None:
        return None


def test_a_batch_interrupted_by_shutdown_is_not_retried() -> None:
    outputs = TransactionalOutputs(
        load_settings({}), "group", {"enriched": "events.enriched"}, MarsadMetrics(CollectorRegistry())
    )
    producer = _ClosedUnderIt(outputs)

    async def the_producer(key: object) -> _ClosedUnderIt:
        return producer

    outputs._producer = the_producer  # type: ignore[method-assign]
    pending = [Pending(Output("enriched", b"k", b"{}"), None)]
    with pytest.raises(ShuttingDown):
        asyncio.run(asyncio.wait_for(outputs.commit_batch("extract", "articles.normalized", 0, pending, 10), 5))
    assert producer.begun == 1  # no second transaction, no new producer


def test_no_batch_is_begun_after_close() -> None:
    outputs = TransactionalOutputs(load_settings({}), "group", {}, MarsadMetrics(CollectorRegistry()))
    asyncio.run(outputs.close())
    with pytest.raises(ShuttingDown):
        asyncio.run(outputs.commit_batch("normalize", "articles.raw", 1, [], 5))
