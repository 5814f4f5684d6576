"""Graceful shutdown: a worker SIGTERMed while articles are in flight exits by itself, and once restarted it
has lost and duplicated nothing, as a read_committed subscriber sees it.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from marsad.cli.kafka_io import produce

from .kafka_reader import read_topic
from .test_crash import _check_exactly_once, _messages, _start_worker

ARTICLES = int(os.environ.get("MARSAD_SHUTDOWN_ARTICLES", "200"))
TERMS = int(os.environ.get("MARSAD_SHUTDOWN_TERMS", "2"))
EXIT_BOUND_SECONDS = 60  # a hang guard, not a performance target


def test_sigterm_mid_stream_exits_by_itself_and_loses_and_duplicates_nothing(bootstrap: str, tmp_path: Path) -> None:
    worker = _start_worker(bootstrap, tmp_path)
    records, good, bad = _messages(ARTICLES)
    try:
        asyncio.run(produce(worker.settings, worker.settings.topics["raw"].name, records))
        done = 0
        for round_ in range(1, TERMS + 1):
            # SIGTERM only once this worker has made progress of its own: mid-stream, not during start-up
            enriched = read_topic(worker.settings, "enriched", lambda r, n=done: len(r) > n, timeout=120)
            assert len(enriched) > done, f"no progress before SIGTERM {round_}:\n{worker.log()[-3000:]}"
            done = len(enriched)
            print(f"SIGTERM {round_}: {done} of {len(good)} articles enriched so far")
            sent = time.monotonic()
            worker.process.send_signal(signal.SIGTERM)
            try:
                code = worker.process.wait(timeout=EXIT_BOUND_SECONDS)
            except subprocess.TimeoutExpired:
                worker.process.kill()
                worker.process.wait()
                pytest.fail(f"the worker did not exit within {EXIT_BOUND_SECONDS}s of SIGTERM:\n{worker.log()[-3000:]}")
            assert code == 0, f"exit status {code} after SIGTERM:\n{worker.log()[-3000:]}"
            print(f"SIGTERM {round_}: exited with status 0 after {time.monotonic() - sent:.1f}s")
            time.sleep(0.5)
            worker.start()
        _check_exactly_once(worker, good, bad)
    finally:
        worker.stop()
