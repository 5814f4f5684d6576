"""End to end on a real broker: kcat publishes, the worker enriches, a subscriber reads valid records."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from marsad.schemas.validation import validate

from .conftest import Worker
from .kafka_reader import read_topic

KCAT = shutil.which("kcat") or shutil.which("kafkacat")


def kcat_publish(worker: Worker, key: str, payload: bytes, tmp_path: Path) -> None:
    """Publish one message with kcat, a third-party client: a file argument is sent as one message."""
    if KCAT is None:
        pytest.fail("kcat is not installed (scripts/install-system-deps.sh installs it)")
    message = tmp_path / f"{key}.msg"
    message.write_bytes(payload)
    subprocess.run(
        [KCAT, "-P", "-b", worker.settings.bootstrap_servers, "-t", worker.settings.topics["raw"].name,
         "-k", key, str(message)],
        check=True,
        timeout=60,
    )  # fmt: skip


def test_seed_published_with_kcat_yields_one_enriched_article_and_valid_events(
    worker: Worker, seed_article: dict, tmp_path: Path
) -> None:
    kcat_publish(worker, seed_article["id"], json.dumps(seed_article, ensure_ascii=False).encode(), tmp_path)

    def seen(records: list) -> bool:
        return any(value["id"] == seed_article["id"] for _, value in records)

    articles = [v for _, v in read_topic(worker.settings, "enriched", seen, timeout=90) if v["id"] == "seed-000"]
    assert len(articles) == 1, worker.log()[-3000:]
    [article] = articles
    validate("enriched_article", article)
    assert article["events"], "the seed article yields events"
    expected = {e["event_id"] for e in article["events"]}

    events = read_topic(
        worker.settings, "events", lambda records: expected <= {k.decode() for k, _ in records}, timeout=30
    )
    by_id = {key.decode(): value for key, value in events if value["article_id"] == "seed-000"}
    assert set(by_id) == expected
    for event in by_id.values():
        validate("enriched_event", event)
    assert {"arrest", "security_operation"} <= {e["type"] for e in by_id.values()}


def test_malformed_message_is_dead_lettered_and_the_worker_goes_on(worker: Worker, tmp_path: Path) -> None:
    kcat_publish(worker, "broken-1", b'{"id": "broken-1", "body": ', tmp_path)
    good = {
        "id": "after-broken",
        "body": "اعتقلت الشرطة العراقية ثلاثة أشخاص في بغداد أمس.",
        "published_at": "2026-11-20",
    }
    kcat_publish(worker, "after-broken", json.dumps(good, ensure_ascii=False).encode(), tmp_path)

    dead = read_topic(worker.settings, "deadletter", lambda r: any(v["key"] == "broken-1" for _, v in r))
    [record] = [v for _, v in dead if v["key"] == "broken-1"]
    validate("dead_letter", record)
    assert record["reason"] == "invalid_json"
    assert record["topic"] == worker.settings.topics["raw"].name
    assert record["payload"] == '{"id": "broken-1", "body": '

    enriched = read_topic(worker.settings, "enriched", lambda r: any(v["id"] == "after-broken" for _, v in r))
    assert [v["id"] for _, v in enriched if v["id"] == "after-broken"] == ["after-broken"]
    assert worker.process.poll() is None, "the worker is still running"
    metrics = worker.metrics()
    assert 'marsad_stage_deadletters_total{reason="invalid_json",stage="normalize"} 1.0' in metrics
