"""Start a worker: check the topics, load the models, then hand over to Faust's worker."""

from __future__ import annotations

import asyncio
import logging

import faust

from marsad.config import Settings
from marsad.streams.extract import Extractor
from marsad.version import PIPELINE_VERSION

from .admin import ensure_topics
from .app import create_app

__all__ = ["run_worker"]

log = logging.getLogger(__name__)


def run_worker(settings: Settings) -> None:
    """Run until SIGINT/SIGTERM. Topics are created first: Faust would ignore missing ones for minutes."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    created = loop.run_until_complete(ensure_topics(settings))
    if created:
        log.info("created topics: %s", ", ".join(created))
    extractor = Extractor.load(PIPELINE_VERSION)
    app = create_app(settings, extractor)
    worker = faust.Worker(app, loop=loop, loglevel=settings.log_level, override_logging=True)
    worker.execute_from_commandline()
