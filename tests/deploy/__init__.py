"""Shared by the deploy tests and the Prometheus integration test: where the files are, and their PromQL."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

__all__ = [
    "COMPOSE",
    "DASHBOARD",
    "DEPLOY",
    "PROMETHEUS_DIR",
    "REPO",
    "RULES",
    "dashboard_targets",
    "load_yaml",
    "require_binary",
    "rule_entries",
    "substitute",
]

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
PROMETHEUS_DIR = DEPLOY / "prometheus"
RULES = PROMETHEUS_DIR / "rules.yml"
DASHBOARD = DEPLOY / "grafana" / "dashboards" / "marsad.json"
COMPOSE = DEPLOY / "compose.yaml"

_VARIABLE = re.compile(r"\$(?:\{(\w+)(?::\w+)?\}|(\w+))")


def require_binary(name: str) -> str:
    """Path of a Prometheus binary; a missing one fails the test (CI must not pass by skipping)."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed (scripts/install-system-deps.sh installs Debian's prometheus)")
    return path


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def substitute(expr: str, values: dict[str, str]) -> str:
    """Replace Grafana template variables as Grafana would; an unknown variable raises KeyError."""
    return _VARIABLE.sub(lambda m: values[m.group(1) or m.group(2)], expr)


def dashboard_targets(dashboard: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    """``(panel title, expr)`` of every query of every panel, rows' nested panels included."""
    dashboard = dashboard or json.loads(DASHBOARD.read_text("utf-8"))
    found = []
    for panel in dashboard["panels"]:
        for inner in [panel, *panel.get("panels", [])]:
            found += [(inner["title"], t["expr"]) for t in inner.get("targets", []) if t.get("expr")]
    return found


def rule_entries() -> list[dict[str, Any]]:
    """Every recording rule and alert of rules.yml, in file order."""
    return [rule for group in load_yaml(RULES)["groups"] for rule in group["rules"]]
