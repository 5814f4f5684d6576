"""Proof against a real Prometheus: Debian's prometheus, started by deploy/prometheus/run-local.sh on loopback
with temporary storage, scrapes a running worker while the sample articles flow; every PromQL expression of the
dashboard and the rules then evaluates, and the throughput, latency, lag and events panels have data."""

from __future__ import annotations

import asyncio
import json
import math
import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from marsad.cli.demo import sample_articles
from marsad.cli.kafka_io import produce

from ..deploy import PROMETHEUS_DIR, dashboard_targets, require_binary, rule_entries, substitute
from .conftest import Worker, free_port

pytestmark = pytest.mark.prometheus

JOB = "marsad"  # the job name of run-local.sh, the rules and the dashboard
GRAFANA_VALUES = {"job": JOB, "instance": ".+", "__rate_interval": "1m", "__interval": "1s", "__range": "5m"}
MALFORMED = b'{"id": "prom-broken", "body": '
# Panels that must show data once articles went through (title -> what it proves).
PANELS_WITH_DATA = {
    "Messages in per stage": "throughput",
    "Records out per stage and output": "throughput",
    "End-to-end latency": "latency",
    "Stage duration": "latency",
    "Consumer lag per partition": "lag",
    "Events by type": "events",
    "Events in range, by country": "events",
    "Resident memory": "worker process",
}


class Prometheus:
    """A prometheus process on 127.0.0.1 and a small client of its HTTP API."""

    def __init__(self, port: int, log_path: Path) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, env: dict[str, str], timeout: float = 30.0) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                ["bash", str(PROMETHEUS_DIR / "run-local.sh"), "run"], env=env, stdout=log, stderr=subprocess.STDOUT
            )
        wait_for(self._ready, timeout, f"prometheus not ready within {timeout}s", self.log)

    def _ready(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(f"prometheus exited with {self.process.returncode}:\n{self.log()}")
        try:
            with urllib.request.urlopen(f"{self.url}/-/ready", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()  # run-local.sh execs prometheus: this is prometheus' pid
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def api(self, path: str, **params: str) -> dict[str, Any]:
        """GET /api/v1/<path>; an API error (bad query) comes back as its JSON body, not an exception."""
        url = f"{self.url}/api/v1/{path}?{urllib.parse.urlencode(params)}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return json.load(response)
        except urllib.error.HTTPError as exc:
            return json.loads(exc.read() or b"{}") | {"http_status": exc.code}

    def query(self, expr: str) -> dict[str, Any]:
        return self.api("query", query=expr)

    def values(self, expr: str) -> list[float]:
        answer = self.query(expr)
        assert answer["status"] == "success", answer
        return [float(item["value"][1]) for item in answer["data"]["result"]]

    def log(self) -> str:
        return self.log_path.read_text("utf-8", "replace")[-4000:] if self.log_path.exists() else ""


def wait_for(condition: Callable[[], bool], timeout: float, message: str, details: Callable[[], str]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"{message}\n{details()}")


@pytest.fixture(scope="module")
def prometheus(worker: Worker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prometheus]:
    require_binary("prometheus")
    require_binary("promtool")
    tmp = tmp_path_factory.mktemp("prometheus")
    server = Prometheus(free_port(), tmp / "prometheus.log")
    env = {
        **os.environ,
        "MARSAD_METRICS_TARGETS": f"{worker.settings.web_host}:{worker.settings.web_port}",
        "PROMETHEUS_PORT": server.url.rsplit(":", 1)[1],
        "PROMETHEUS_DATA": str(tmp / "data"),
        "PROMETHEUS_SCRAPE_INTERVAL": "1s",
        "PROMETHEUS_RETENTION": "1h",
    }
    try:
        server.start(env)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def scraped_traffic(worker: Worker, prometheus: Prometheus) -> Prometheus:
    """Prometheus after it scraped the worker before, during and after the samples and one malformed message."""
    up = f'up{{job="{JOB}"}} == 1'
    wait_for(lambda: bool(prometheus.values(up)), 30, "the worker was never scraped", prometheus.log)
    articles = sample_articles()
    records = [(a["id"].encode(), orjson.dumps(a)) for a in articles] + [(b"prom-broken", MALFORMED)]
    asyncio.run(produce(worker.settings, worker.settings.topics["raw"].name, records))

    # Every message reached an end: an enriched record or a dead letter (the malformed one as invalid_json).
    ends = (
        f'sum(marsad_stage_messages_out_total{{job="{JOB}", stage="extract", output="enriched"}})'
        f' + sum(marsad_stage_deadletters_total{{job="{JOB}"}})'
    )
    malformed = f'sum(marsad_stage_deadletters_total{{job="{JOB}", reason="invalid_json"}})'

    def processed() -> bool:
        return prometheus.values(ends) == [len(records)] and prometheus.values(malformed) == [1.0]

    wait_for(processed, 180, "the samples were not all processed and scraped", lambda: worker.log()[-3000:])
    return prometheus


def panel_exprs() -> list[tuple[str, str]]:
    return [(title, substitute(expr, GRAFANA_VALUES)) for title, expr in dashboard_targets()]


def test_prometheus_scrapes_the_worker_and_evaluates_every_rule(scraped_traffic: Prometheus) -> None:
    [target] = [t for t in scraped_traffic.api("targets")["data"]["activeTargets"] if t["labels"]["job"] == JOB]
    assert target["health"] == "up", target
    assert target["labels"]["instance"].startswith("127.0.0.1:")

    def all_rules_evaluated() -> bool:
        groups = scraped_traffic.api("rules")["data"]["groups"]
        rules = [rule for group in groups for rule in group["rules"]]
        return len(rules) == len(rule_entries()) and all(r.get("lastEvaluation", "0001").startswith("2") for r in rules)

    wait_for(all_rules_evaluated, 30, "the rules were not all evaluated", scraped_traffic.log)
    groups = scraped_traffic.api("rules")["data"]["groups"]
    unhealthy = {r["name"]: r.get("lastError") for g in groups for r in g["rules"] if r["health"] != "ok"}
    assert not unhealthy, unhealthy


@pytest.mark.parametrize("rule", rule_entries(), ids=lambda r: r.get("record") or r["alert"])
def test_every_rule_expression_evaluates(scraped_traffic: Prometheus, rule: dict[str, Any]) -> None:
    answer = scraped_traffic.query(rule["expr"])
    assert answer["status"] == "success", answer


@pytest.mark.parametrize(("title", "expr"), panel_exprs(), ids=[f"{t}: {e[:60]}" for t, e in panel_exprs()])
def test_every_dashboard_expression_evaluates(scraped_traffic: Prometheus, title: str, expr: str) -> None:
    answer = scraped_traffic.query(expr)
    assert answer["status"] == "success", f"{title}: {answer}"


def test_dashboard_variables_find_the_job_and_the_worker(scraped_traffic: Prometheus, worker: Worker) -> None:
    jobs = scraped_traffic.api("label/job/values", **{"match[]": "marsad_build_info"})["data"]
    assert jobs == [JOB]
    instances = scraped_traffic.api("label/instance/values", **{"match[]": f'marsad_build_info{{job="{JOB}"}}'})
    assert instances["data"] == [f"{worker.settings.web_host}:{worker.settings.web_port}"]


@pytest.mark.parametrize("title", sorted(PANELS_WITH_DATA))
def test_panel_has_data(scraped_traffic: Prometheus, title: str) -> None:
    exprs = [expr for panel, expr in panel_exprs() if panel == title]
    assert exprs, f"no panel titled {title!r} in the dashboard"

    def every_query_has_data() -> bool:
        return all(math.isfinite(max(scraped_traffic.values(expr), default=math.nan)) for expr in exprs)

    # histogram_quantile is NaN until a rate window holds two scrapes on each side of the traffic.
    wait_for(every_query_has_data, 30, f"{title}: {[scraped_traffic.query(e) for e in exprs]}", lambda: "")


def test_throughput_latency_lag_and_events_show_the_samples(scraped_traffic: Prometheus, worker: Worker) -> None:
    count = len(sample_articles())
    assert scraped_traffic.values(f'sum(marsad_stage_messages_in_total{{job="{JOB}", stage="normalize"}})') == [
        count + 1
    ]
    rate = f'sum(rate(marsad_stage_messages_in_total{{job="{JOB}", stage="extract"}}[1m]))'
    assert scraped_traffic.values(rate)[0] > 0, "the extract rate shows the samples"
    assert scraped_traffic.values(f'sum(marsad_events_total{{job="{JOB}"}})')[0] >= 1
    assert {"normalize", "extract"} <= {
        item["metric"]["stage"]
        for item in scraped_traffic.query(f'marsad_stage_duration_seconds_count{{job="{JOB}"}} > 0')["data"]["result"]
    }
    lag = scraped_traffic.query(f'marsad_consumer_lag_messages{{job="{JOB}"}}')["data"]["result"]
    assert {item["metric"]["topic"] for item in lag} == {worker.settings.topics[r].name for r in ("raw", "normalized")}
    p99 = scraped_traffic.values(f'job:marsad_end_to_end_latency_seconds:p99_rate5m{{job="{JOB}"}}')
    assert p99 and 0 < p99[0] < 60, "the recording rule computes a p99 from the worker's histogram"
