"""Aggregate scores on ../shared/dev stay above floors set a little below what the extractor reached.

Measured when written (see docs/quality.md): event-type F1 0.96, location accuracy 0.95, counts 0.82-1.00,
entity F1 0.72 (the entity floor guards the pipeline, not the event finder).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from marsad.streams.evaluation import EventReport, evaluate, load_gold

FLOORS = {"event_type_f1": 0.85, "location": 0.85, "counts": 0.7, "entity_f1": 0.6}


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


def test_event_types(report: EventReport) -> None:
    assert report.event_types.f1 >= FLOORS["event_type_f1"]


def test_locations(report: EventReport) -> None:
    assert report.location.value >= FLOORS["location"]


def test_counts(report: EventReport) -> None:
    assert report.counts.value >= FLOORS["counts"]


def test_entities(report: EventReport) -> None:
    assert report.entities.f1 >= FLOORS["entity_f1"]
