"""Integration fixtures: a real Kafka broker (deploy/kafka/kafka.sh) and real worker processes.

The broker is started once per session unless KAFKA_BOOTSTRAP_SERVERS names one, and stopped at the end
when this session started it. Each test module gets its own topic prefix, consumer group and web port.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.agents.admin import ensure_topics
from marsad.config import Settings, load_settings

REPO = Path(__file__).resolve().parents[2]
KAFKA_SCRIPT = REPO / "deploy" / "kafka" / "kafka.sh"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def bootstrap() -> Iterator[str]:
    """A reachable broker; the tests fail (not skip) when none can be had, so CI cannot pass silently."""
    external = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if external:
        yield external
        return
    started = subprocess.run(["bash", str(KAFKA_SCRIPT), "status"], capture_output=True).returncode != 0
    if started:
        subprocess.run(["bash", str(KAFKA_SCRIPT), "start"], check=True)
    try:
        yield "127.0.0.1:" + os.environ.get("MARSAD_KAFKA_PORT", "9092")
    finally:
        if started:
            subprocess.run(["bash", str(KAFKA_SCRIPT), "stop"], check=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def jar_cache() -> str:
    """The jar folder the main broker uses (kafka.sh's defaults), so nothing is resolved twice."""
    if os.environ.get("MARSAD_KAFKA_LIB"):
        return os.environ["MARSAD_KAFKA_LIB"]
    home = Path(os.environ.get("MARSAD_KAFKA_HOME") or REPO / "var" / "kafka")
    return str(home / "lib")


def second_broker_env(home: Path, port: int, **settings: str) -> dict[str, str]:
    """kafka.sh's environment for one more broker of a test's own (own home and ports, shared jars)."""
    return {
        **os.environ,
        "MARSAD_KAFKA_HOME": str(home),
        "MARSAD_KAFKA_LIB": jar_cache(),
        "MARSAD_KAFKA_PORT": str(port),
        "MARSAD_KAFKA_CONTROLLER_PORT": str(free_port()),
        "MARSAD_KAFKA_START_TIMEOUT": "120",
        **settings,
    }


def password_file(tmp: Path, password: str) -> Path:
    """A SASL password in a file only its owner can read, as KAFKA_SASL_PASSWORD_FILE wants it."""
    secret = tmp / f"password-{uuid.uuid4().hex[:6]}"
    secret.write_text(password + "\n", "utf-8")
    secret.chmod(0o600)
    return secret


def worker_env(bootstrap: str, prefix: str, port: int, tmp: Path) -> dict[str, str]:
    return {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "MARSAD_TOPIC_PREFIX": prefix,
        "MARSAD_APP_ID": prefix.rstrip("."),
        "MARSAD_WEB_PORT": str(port),
        "MARSAD_DATA_DIR": str(tmp / "faust"),
        "MARSAD_PARTITIONS": "2",
    }


class Worker:
    """A ``marsad worker`` process with its own topics; its log is kept for failure reports."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env = env
        self.log_path = log_path
        self.settings: Settings = load_settings(env)
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 90.0) -> None:
        since = self.log_path.stat().st_size if self.log_path.exists() else 0
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "marsad", "worker"], env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"worker exited with {self.process.returncode}:\n{self.log()}")
            fresh = self.log()[since:].lower()  # this start's lines only: the log is appended across restarts
            if "partitions assigned" in fresh or "ready" in fresh:
                try:
                    urllib.request.urlopen(self.settings.metrics_url, timeout=1).close()
                    return
                except OSError:
                    pass
            time.sleep(0.5)
        raise AssertionError(f"worker not ready within {timeout}s:\n{self.log()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def metrics(self) -> str:
        with urllib.request.urlopen(self.settings.metrics_url, timeout=5) as response:
            return response.read().decode()

    def log(self) -> str:
        return self.log_path.read_text("utf-8", "replace") if self.log_path.exists() else ""


@pytest.fixture(scope="module")
def worker(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    tmp = tmp_path_factory.mktemp("worker")
    prefix = f"test{uuid.uuid4().hex[:8]}."
    process = Worker(worker_env(bootstrap, prefix, free_port(), tmp), tmp / "worker.log")
    asyncio.run(ensure_topics(process.settings))
    process.start()
    try:
        yield process
    finally:
        process.stop()
