"""Aggregate scores on ../shared/dev stay above floors set a little below what the extractor reached.

Measured when written (see docs/quality.md): event-type F1 0.94-0.96, location accuracy 0.90-0.91, counts 1.00,
entity F1 0.825; argument agreement on paired events: actor 0.88, time 0.75 (the entity floor guards the
pipeline, not the event finder).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.streams.evaluation import EventReport, evaluate, load_gold

FLOORS = {"event_type_f1": 0.88, "location": 0.85, "counts": 0.9, "entity_f1": 0.78, "actor": 0.75, "when": 0.65}


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


@pytest.mark.parametrize("name", ["actor", "when"])
def test_arguments(report: EventReport, name: str) -> None:
    assert report.arguments[name].value >= FLOORS[name]
