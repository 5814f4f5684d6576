"""The README's main command, minus the wait: `marsad demo --no-wait` on the test broker."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from .conftest import free_port


def test_demo_processes_every_sample_and_shows_a_dead_letter(bootstrap: str, tmp_path: Path) -> None:
    prefix = f"demo{uuid.uuid4().hex[:8]}."
    env = {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "MARSAD_TOPIC_PREFIX": prefix,
        "MARSAD_APP_ID": prefix.rstrip("."),
        "MARSAD_WEB_PORT": str(free_port()),
        "MARSAD_DATA_DIR": str(tmp_path / "faust"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "marsad", "demo", "--no-wait", "--timeout", "120"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = (tmp_path / "var" / "demo-worker.log").read_text("utf-8", "replace") if (tmp_path / "var").exists() else ""
    assert result.returncode == 0, result.stdout + result.stderr + log[-3000:]
    out = result.stdout
    assert out.count("[article done]") == 5
    assert "[dead letter] schema_violation" in out
    assert "[arrest]" in out and "دير الزور (SY 35.336,40.141)" in out
    assert "Metrics: http://127.0.0.1:" in out
