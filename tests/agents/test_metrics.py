"""Metric names, units and label sets, read back from a fresh registry."""

from prometheus_client import CollectorRegistry

from marsad.agents.metrics import MarsadMetrics
from marsad.streams.errors import Reason


def test_metrics_follow_prometheus_conventions() -> None:
    registry = CollectorRegistry()
    MarsadMetrics(registry)
    names = {metric.name for metric in registry.collect()}
    assert all(name.startswith(("marsad_", "process_", "python_")) for name in names)
    assert "process_resident_memory_bytes" in names
    assert "marsad_stage_duration_seconds" in names
    assert "marsad_end_to_end_latency_seconds" in names
    for metric in registry.collect():
        if metric.type == "counter":
            assert all(sample.name.endswith(("_total", "_created")) for sample in metric.samples)


def test_dead_letter_reasons_are_precreated_per_stage() -> None:
    registry = CollectorRegistry()
    MarsadMetrics(registry)
    for reason in Reason:
        value = registry.get_sample_value(
            "marsad_stage_deadletters_total", {"stage": "normalize", "reason": reason.value}
        )
        assert value == 0.0


def test_counters_read_back() -> None:
    registry = CollectorRegistry()
    metrics = MarsadMetrics(registry)
    metrics.events.labels("arrest", "SY").inc(2)
    assert registry.get_sample_value("marsad_events_total", {"type": "arrest", "country": "SY"}) == 2.0
    metrics.set_build_info("marsad/1", "0.15.3", "0.14.0")
    info = registry.get_sample_value(
        "marsad_build_info",
        {
            "version": "marsad/1",
            "faust": "0.15.3",
            "aiokafka": "0.14.0",
            "python": __import__("platform").python_version(),
        },
    )
    assert info == 1.0
