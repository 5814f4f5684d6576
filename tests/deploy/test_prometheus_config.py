"""The monitoring files, checked without a broker: promtool on the config and rules, the rules' unit tests,
the dashboard's PromQL and structure, the compose file, the Dockerfile and deploy/prometheus/run-local.sh."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from marsad.agents.metrics import MarsadMetrics

from . import (
    COMPOSE,
    DASHBOARD,
    DEPLOY,
    PROMETHEUS_DIR,
    REPO,
    RULES,
    dashboard_targets,
    load_yaml,
    require_binary,
    rule_entries,
    substitute,
)

pytestmark = pytest.mark.prometheus

DOCS = REPO / "docs" / "watching.md"
RUN_LOCAL = PROMETHEUS_DIR / "run-local.sh"
GRAFANA = DEPLOY / "grafana"
# What Grafana would put in for the dashboard's variables.
GRAFANA_VALUES = {
    "job": "marsad",
    "instance": ".+",
    "datasource": "prometheus",
    "__rate_interval": "1m",
    "__interval": "15s",
    "__range": "1h",
}
# Series that Prometheus itself makes for every target and alert.
PROMETHEUS_METRICS = {"up", "scrape_duration_seconds", "ALERTS"}
CORE_PANELS = {"row", "stat", "timeseries", "bargauge", "heatmap", "table"}
_IDENT = re.compile(r"\b[a-zA-Z_:][a-zA-Z0-9_:]*\b")
_THRESHOLD_LINE = re.compile(r"^#\s+([A-Z][A-Z0-9_]+)\s*=\s*(\S+)", re.MULTILINE)


def promtool(*args: str, cwd: Path = PROMETHEUS_DIR) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require_binary("promtool"), *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def alerts() -> dict[str, dict[str, Any]]:
    return {rule["alert"]: rule for rule in rule_entries() if "alert" in rule}


def thresholds() -> dict[str, str]:
    return dict(_THRESHOLD_LINE.findall(RULES.read_text("utf-8")))


def contract_metric_names() -> set[str]:
    """Every series name agents/metrics.py exposes (process_* included), from the families, children or not."""
    suffixes = {"counter": ["_total"], "gauge": [""], "histogram": ["_bucket", "_count", "_sum"], "info": ["_info"]}
    names = set()
    for family in MarsadMetrics(CollectorRegistry()).registry.collect():
        names |= {family.name + suffix for suffix in suffixes[family.type]}
    return names


def metric_names(expr: str) -> set[str]:
    """Identifiers of an expression that name series (not functions, keywords, labels or durations)."""
    without_strings = re.sub(r'"[^"]*"', '""', expr)
    without_labels = re.sub(r"\{[^}]*\}|\[[^\]]*\]|\b(?:by|without|on|ignoring)\s*\([^)]*\)", "", without_strings)
    names = set()
    for match in _IDENT.finditer(without_labels):
        rest = without_labels[match.end() :].lstrip()
        if not rest.startswith("(") and match.group() not in {"and", "or", "unless", "bool", "offset"}:
            names.add(match.group())
    return names


def slug(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


# ---------------------------------------------------------------------------------------------- promtool


def test_promtool_accepts_the_prometheus_config_and_the_rules_it_loads() -> None:
    result = promtool("check", "config", "--lint=all", "--lint-fatal", "prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_promtool_accepts_the_rules() -> None:
    result = promtool("check", "rules", "--lint=all", "--lint-fatal", "rules.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_unit_test_passes() -> None:
    result = promtool("test", "rules", "rules_test.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_has_a_firing_and_a_quiet_unit_test() -> None:
    firing, quiet = set(), set()
    for case in load_yaml(PROMETHEUS_DIR / "rules_test.yml")["tests"]:
        for check in case.get("alert_rule_test", []):
            (firing if check.get("exp_alerts") else quiet).add(check["alertname"])
    assert firing == set(alerts()), "alerts without a test where they fire"
    assert quiet == set(alerts()), "alerts without a test where they stay quiet"


def test_every_dashboard_expression_parses_as_promql(tmp_path: Path) -> None:
    rules = [
        {"record": f"dashboard:check_{i}:expr", "expr": substitute(expr, GRAFANA_VALUES)}
        for i, (_, expr) in enumerate(dashboard_targets())
    ]
    (tmp_path / "dashboard_rules.yml").write_text(json.dumps({"groups": [{"name": "dashboard", "rules": rules}]}))
    result = promtool("check", "rules", "dashboard_rules.yml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------------------------------------- rules


@pytest.mark.parametrize("rule", [r for r in rule_entries() if "record" in r], ids=lambda r: r["record"])
def test_recording_rules_are_named_level_metric_operations(rule: dict[str, Any]) -> None:
    level, metric, operations = rule["record"].split(":")
    assert level == "job"
    assert "without (instance" in rule["expr"] or "job:" in rule["expr"], "a job: rule aggregates the instances away"
    assert metric.startswith("marsad_") and not metric.endswith("_total"), "rate() drops _total from the name"
    assert re.fullmatch(r"[a-z0-9_]+", operations)


@pytest.mark.parametrize("name", sorted(alerts()))
def test_alerts_tell_the_operator_what_to_do(name: str) -> None:
    rule = alerts()[name]
    assert re.fullmatch(r"Marsad[A-Z]\w+", name)
    assert rule["labels"]["severity"] in {"critical", "warning"}
    annotations = rule["annotations"]
    assert {"summary", "description", "runbook"} <= set(annotations)
    assert f"docs/watching.md#{name.lower()}" in annotations["runbook"]
    headings = {slug(line.lstrip("#")) for line in DOCS.read_text("utf-8").splitlines() if line.startswith("#")}
    assert name.lower() in headings, f"docs/watching.md has no section '### {name}'"


@pytest.mark.parametrize(
    ("name", "threshold", "window", "hold"),
    [
        ("MarsadWorkerDown", None, None, "WORKER_DOWN_FOR"),
        ("MarsadWorkerAbsent", None, None, "WORKER_ABSENT_FOR"),
        ("MarsadConsumerLagGrowing", "LAG_MIN_MESSAGES", None, "LAG_GROWING_FOR"),
        ("MarsadDeadLetterRatioHigh", "DEADLETTER_RATIO_MAX", None, "DEADLETTER_RATIO_FOR"),
        ("MarsadEndToEndLatencyHigh", "LATENCY_P99_MAX_SECONDS", None, "LATENCY_P99_FOR"),
        ("MarsadNoEnrichedOutput", None, "NO_OUTPUT_WINDOW", "NO_OUTPUT_FOR"),
        ("MarsadKafkaSendErrors", None, None, "SEND_ERRORS_FOR"),
    ],
)
def test_thresholds_are_the_documented_constants(
    name: str, threshold: str | None, window: str | None, hold: str
) -> None:
    constants = thresholds()
    rule = alerts()[name]
    assert rule["for"] == constants[hold]
    if threshold:
        assert f"> {constants[threshold]}\n" in rule["expr"] + "\n"
    if window:
        assert f"[{constants[window]}]" in rule["expr"]
    docs = DOCS.read_text("utf-8")
    for constant in filter(None, (threshold, window, hold)):
        assert re.search(rf"`{constant}`.*`{re.escape(constants[constant])}`", docs), f"{constant} not in docs"


def test_the_ratio_and_latency_rules_read_the_windows_their_names_promise() -> None:
    for rule in rule_entries():
        if "record" not in rule:
            continue
        window = re.search(r"rate(\d+[smh])$", rule["record"])
        if window and "histogram_quantile" not in rule["expr"]:
            assert f"[{window.group(1)}]" in rule["expr"], rule["record"]


# ---------------------------------------------------------------------------------------------- names


def test_rules_and_dashboard_use_only_the_metrics_marsad_exposes() -> None:
    known = contract_metric_names() | {r["record"] for r in rule_entries() if "record" in r} | PROMETHEUS_METRICS
    exprs = [expr for _, expr in dashboard_targets()] + [rule["expr"] for rule in rule_entries()]
    unknown = {name for expr in exprs for name in metric_names(expr) if name not in known}
    assert not unknown, f"not exposed by agents/metrics.py: {sorted(unknown)}"


def test_the_name_check_sees_the_names_in_an_expression() -> None:
    expr = 'sum by (le) (rate(a_bucket{job=~"$job", x="y(z)"}[5m])) / on (job) b unless c offset 5m'
    assert metric_names(expr) == {"a_bucket", "b", "c"}


# ---------------------------------------------------------------------------------------------- dashboard


@pytest.fixture(scope="module")
def dashboard() -> dict[str, Any]:
    return json.loads(DASHBOARD.read_text("utf-8"))


def test_dashboard_is_provisionable(dashboard: dict[str, Any]) -> None:
    assert dashboard["uid"] == "marsad-pipeline"
    assert dashboard["schemaVersion"] == 39
    assert dashboard["id"] is None, "a fixed id clashes with the database; the uid identifies it"
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    assert {"job", "instance"} <= set(variables)
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))


def test_every_panel_uses_the_datasource_variable_and_core_panel_types(dashboard: dict[str, Any]) -> None:
    for panel in dashboard["panels"]:
        assert panel["type"] in CORE_PANELS, panel["title"]
        if panel["type"] == "row":
            continue
        assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
        for target in panel["targets"]:
            assert target["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, panel["title"]
        x, w = panel["gridPos"]["x"], panel["gridPos"]["w"]
        assert x >= 0 and x + w <= 24, panel["title"]


def test_panels_do_not_overlap(dashboard: dict[str, Any]) -> None:
    cells: dict[tuple[int, int], str] = {}
    for panel in dashboard["panels"]:
        pos = panel["gridPos"]
        for x in range(pos["x"], pos["x"] + pos["w"]):
            for y in range(pos["y"], pos["y"] + pos["h"]):
                assert (x, y) not in cells, f"{panel['title']} overlaps {cells.get((x, y))}"
                cells[x, y] = panel["title"]


@pytest.mark.parametrize(
    ("what", "pattern"),
    [
        ("throughput per stage", r"sum by \(stage\) \(rate\(marsad_stage_messages_in_total"),
        ("output per stage", r"sum by \(stage, output\) \(rate\(marsad_stage_messages_out_total"),
        ("latency p50", r"histogram_quantile\(0\.50, .*marsad_end_to_end_latency_seconds_bucket"),
        ("latency p95", r"histogram_quantile\(0\.95, .*marsad_end_to_end_latency_seconds_bucket"),
        ("latency p99", r"histogram_quantile\(0\.99, .*marsad_end_to_end_latency_seconds_bucket"),
        ("stage duration", r"histogram_quantile\(0\.99, .*marsad_stage_duration_seconds_bucket"),
        ("lag per partition", r"by \(topic, partition\) \(marsad_consumer_lag_messages"),
        ("dead letters by reason", r"by \(stage, reason\) \(rate\(marsad_stage_deadletters_total"),
        ("events by type", r"by \(type\) \(rate\(marsad_events_total"),
        ("events by country", r"by \(country\) \(increase\(marsad_events_total"),
        ("worker memory", r"process_resident_memory_bytes"),
        ("worker cpu", r"rate\(process_cpu_seconds_total"),
        ("build info", r"marsad_build_info"),
    ],
)
def test_dashboard_shows(what: str, pattern: str) -> None:
    assert any(re.search(pattern, expr) for _, expr in dashboard_targets()), what


def test_grafana_provisioning_points_at_the_dashboard_and_the_datasource(dashboard: dict[str, Any]) -> None:
    [datasource] = load_yaml(GRAFANA / "provisioning" / "datasources" / "prometheus.yml")["datasources"]
    assert datasource["type"] == "prometheus"
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert variables["datasource"]["current"]["value"] == datasource["uid"]
    [provider] = load_yaml(GRAFANA / "provisioning" / "dashboards" / "marsad.yml")["providers"]
    grafana = load_yaml(COMPOSE)["services"]["grafana"]
    mounts = {target: source for source, target, *_ in (volume.split(":") for volume in grafana["volumes"])}
    assert (COMPOSE.parent / mounts[provider["options"]["path"]]).resolve() == DASHBOARD.parent
    assert (COMPOSE.parent / mounts["/etc/grafana/provisioning"]).resolve() == GRAFANA / "provisioning"


# ---------------------------------------------------------------------------------------------- compose, image


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return load_yaml(COMPOSE)


def test_compose_starts_kafka_a_worker_prometheus_and_grafana(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert {"kafka", "worker", "prometheus", "grafana"} <= set(services)
    assert services["worker"]["depends_on"]["kafka"]["condition"] == "service_healthy"
    for name, service in services.items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} beyond loopback"


def test_compose_worker_is_reachable_by_prometheus(compose: dict[str, Any]) -> None:
    worker = compose["services"]["worker"]
    assert worker["environment"]["MARSAD_WEB_HOST"] == "0.0.0.0"
    bootstrap = worker["environment"]["KAFKA_BOOTSTRAP_SERVERS"]
    assert bootstrap in compose["services"]["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"]
    [job] = [j for j in load_yaml(PROMETHEUS_DIR / "prometheus.yml")["scrape_configs"] if j["job_name"] == "marsad"]
    [discovery] = job["dns_sd_configs"]
    assert discovery["names"] == ["worker"]
    assert str(discovery["port"]) == worker["environment"]["MARSAD_WEB_PORT"]
    assert (REPO / worker["build"]["dockerfile"]).is_file()
    mounted = [v.split(":")[0] for v in compose["services"]["prometheus"]["volumes"]]
    for name in ("prometheus.yml", "rules.yml"):
        assert f"./prometheus/{name}" in mounted


def test_compose_file_passes_docker_compose_config_when_available() -> None:
    docker = shutil.which("docker")
    if docker is None or subprocess.run([docker, "compose", "version"], capture_output=True).returncode != 0:
        pytest.skip("docker compose is not installed; the YAML checks above stand in for it")
    result = subprocess.run([docker, "compose", "-f", str(COMPOSE), "config", "-q"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_dockerfile_copies_files_that_exist() -> None:
    copies = re.findall(r"^COPY (?!--from)(.+) \S+$", (DEPLOY / "Dockerfile").read_text("utf-8"), re.MULTILINE)
    sources = [source for line in copies for source in line.split()]
    assert {"pyproject.toml", "uv.lock", "marsad", "streams", "agents", "schemas"} <= set(sources)
    missing = [source for source in sources if not (REPO / source).exists()]
    assert not missing, f"the image build needs {missing} (pyproject.toml names README.md as the readme)"


# ---------------------------------------------------------------------------------------------- run-local.sh


def run_local(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(RUN_LOCAL), *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=60
    )


def test_run_local_renders_a_valid_loopback_config(tmp_path: Path) -> None:
    targets = "127.0.0.1:6066, 127.0.0.1:6067"
    result = run_local("check", MARSAD_METRICS_TARGETS=targets, PROMETHEUS_DATA=str(tmp_path), PROMETHEUS_PORT="19090")
    assert result.returncode == 0, result.stderr
    config = load_yaml(tmp_path / "prometheus.yml")
    [job] = [j for j in config["scrape_configs"] if j["job_name"] == "marsad"]
    assert job["static_configs"][0]["targets"] == ["127.0.0.1:6066", "127.0.0.1:6067"]
    assert config["rule_files"] == [str(RULES)]


@pytest.mark.parametrize("targets", ["", "no-port", "a:1 b:2", "127.0.0.1:6066;rm"])
def test_run_local_rejects_bad_targets(targets: str, tmp_path: Path) -> None:
    result = run_local("config", MARSAD_METRICS_TARGETS=targets, PROMETHEUS_DATA=str(tmp_path))
    assert result.returncode != 0
    assert "MARSAD_METRICS_TARGETS" in result.stderr
    assert result.stdout == ""
