"""Aggregate scores on ../shared/dev stay above floors set a little below what the extractor reached.

Measured 2026-12-06 (docs/quality.md): entity F1 0.933, event-type F1 0.98, location 22/22, counts 11/11,
actor 23/25, target 23/25, time 21/25. Ten articles: one event moves a ratio by four points, so each floor
leaves room for about two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.streams.evaluation import EventReport, evaluate, load_gold

FLOORS = {
    "entity_f1": 0.88,
    "event_type_f1": 0.9,
    "location": 0.9,
    "counts": 0.9,
    "actor": 0.84,
    "target": 0.8,
    "when": 0.76,
}


@pytest.fixture(scope="module")
def report(shared_dir: Path) -> EventReport:
    path = shared_dir / "dev" / "dev_articles.jsonl"
    if not path.is_file():
        pytest.skip("no dev articles")
    pipeline_module = pytest.importorskip("marsad.streams.pipeline")
    try:
        pipeline = pipeline_module.Pipeline.load()
    except FileNotFoundError as error:
        pytest.skip(f"pipeline resources missing: {error}")
    return evaluate(load_gold(path), pipeline.process)


@pytest.mark.parametrize("name", FLOORS)
def test_floors(report: EventReport, name: str) -> None:
    assert report.headline()[name] >= FLOORS[name]
