"""Security pass-through on a real SASL/SCRAM broker: a worker authenticates with a password read from a file,
processes the seed article end to end, never logs the password, refuses a wrong one with a clear error, and
serves /metrics on loopback only.

The module starts a second, SCRAM-only broker (deploy/kafka/kafka.sh in SCRAM mode, its own home, the shared
jar cache, free ports) and stops it at the end; the shared plaintext broker is left alone.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest

from marsad.cli.demo import sample_articles
from marsad.cli.kafka_io import produce
from marsad.config import load_settings

from .conftest import KAFKA_SCRIPT, Worker, free_port, password_file, second_broker_env, worker_env
from .kafka_reader import read_topic

USER = "marsad-test"
COMMAND_TIMEOUT = 120  # a CLI refused by the brokers must exit by itself, well within this


@dataclass(frozen=True)
class ScramBroker:
    bootstrap: str
    user: str
    password: str
    home: Path


@pytest.fixture(scope="module")
def scram_broker(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScramBroker]:
    """A second broker that only speaks SASL_PLAINTEXT/SCRAM-SHA-256, with a fresh random password.

    Depends on ``bootstrap`` so that the jar cache is resolved (once) by the main broker's start.
    """
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        pytest.skip("KAFKA_BOOTSTRAP_SERVERS names an external cluster: this module starts its own SCRAM broker")
    home = tmp_path_factory.mktemp("kafka-scram")
    port = free_port()
    password = f"pw-{uuid.uuid4().hex}"
    env = second_broker_env(
        home, port, MARSAD_KAFKA_SASL="scram", MARSAD_KAFKA_SASL_USER=USER, MARSAD_KAFKA_SASL_PASSWORD=password
    )
    subprocess.run(["bash", str(KAFKA_SCRIPT), "start"], env=env, check=True, timeout=300)
    try:
        yield ScramBroker(f"127.0.0.1:{port}", USER, password, home)
    finally:
        subprocess.run(["bash", str(KAFKA_SCRIPT), "stop"], env=env, check=False, timeout=120)


def sasl_env(broker: ScramBroker, tmp: Path, password: str) -> dict[str, str]:
    """A worker's environment on the SCRAM broker, the password in a file only the owner can read."""
    secret = password_file(tmp, password)
    prefix = f"sec{uuid.uuid4().hex[:8]}."
    env = worker_env(broker.bootstrap, prefix, free_port(), tmp)
    for name in ("KAFKA_SASL_PASSWORD", "MARSAD_WEB_HOST", "MARSAD_CONFIG"):
        env.pop(name, None)  # the defaults and the file are what is tested
    env.update(
        KAFKA_SECURITY_PROTOCOL="SASL_PLAINTEXT",
        KAFKA_SASL_MECHANISM="SCRAM-SHA-256",
        KAFKA_SASL_USERNAME=broker.user,
        KAFKA_SASL_PASSWORD_FILE=str(secret),
        MARSAD_LOG_LEVEL="debug",  # the most talkative level: the password must not appear even there
    )
    return env


@pytest.fixture(scope="module")
def sasl_worker(scram_broker: ScramBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    """A worker that creates its own topics on the SCRAM broker (no ensure_topics from the test)."""
    tmp = tmp_path_factory.mktemp("sasl-worker")
    worker = Worker(sasl_env(scram_broker, tmp, scram_broker.password), tmp / "worker.log")
    worker.start(timeout=180)
    try:
        yield worker
    finally:
        worker.stop()


def test_sasl_worker_processes_the_seed_article_end_to_end(sasl_worker: Worker) -> None:
    settings = sasl_worker.settings
    assert settings.security_protocol == "SASL_PLAINTEXT" and settings.sasl_password  # read from the file
    seed = sample_articles()[0]
    asyncio.run(produce(settings, settings.topics["raw"].name, [(seed["id"].encode(), orjson.dumps(seed))]))

    def seen(records: list) -> bool:
        return any(value["id"] == seed["id"] for _, value in records)

    enriched = [v for _, v in read_topic(settings, "enriched", seen, timeout=120) if v["id"] == seed["id"]]
    assert len(enriched) == 1, sasl_worker.log()[-3000:]
    expected = {event["event_id"] for event in enriched[0]["events"]}
    assert expected, "the seed article yields events"
    events = read_topic(settings, "events", lambda r: expected <= {k.decode() for k, _ in r}, timeout=60)
    assert expected <= {key.decode() for key, _ in events}
    committed = [  # the transactional producers authenticated too
        float(line.rsplit(" ", 1)[1])
        for line in sasl_worker.metrics().splitlines()
        if line.startswith("marsad_kafka_transactions_total") and 'outcome="committed"' in line
    ]
    assert sum(committed) >= 2, "normalize and extract committed their transactions"


def test_password_never_appears_in_the_worker_log_nor_in_marsad_config(
    sasl_worker: Worker, scram_broker: ScramBroker
) -> None:
    log = sasl_worker.log()
    assert "Worker ready" in log or "Ready" in log
    assert scram_broker.password not in log
    for env in (sasl_worker.env, {**sasl_worker.env, "KAFKA_SASL_PASSWORD": scram_broker.password}):
        shown = run_marsad("config", env)
        assert shown.returncode == 0, shown.stderr
        assert scram_broker.password not in shown.stdout + shown.stderr
        assert "********" in shown.stdout
        assert scram_broker.password not in repr(load_settings(env))


@pytest.mark.parametrize("command", ["topics", "worker"])
def test_wrong_password_is_refused_with_a_clear_error(command: str, scram_broker: ScramBroker, tmp_path: Path) -> None:
    wrong = f"wrong-{uuid.uuid4().hex}"
    env = sasl_env(scram_broker, tmp_path, wrong)
    result = run_marsad(command, env)  # raises TimeoutExpired if it hangs
    assert result.returncode != 0
    message = result.stderr.splitlines()[-1]
    assert message.startswith("marsad: authentication failed for user 'marsad-test'"), result.stderr[-2000:]
    assert scram_broker.bootstrap in message and "SCRAM-SHA-256" in message
    assert "KAFKA_SASL_PASSWORD_FILE" in message and "KAFKA_SASL_USERNAME" in message
    assert wrong not in result.stdout + result.stderr


def test_metrics_endpoint_listens_on_loopback_only(sasl_worker: Worker) -> None:
    listeners = listening_addresses(sasl_worker.settings.web_port)
    assert listeners, f"nothing listens on port {sasl_worker.settings.web_port}"
    assert all(address.is_loopback for address in listeners), listeners


def run_marsad(command: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "marsad", command],
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        stdin=subprocess.DEVNULL,
    )


def listening_addresses(port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Local addresses of the TCP sockets in LISTEN state on ``port``, read from /proc/net/tcp{,6}."""
    tables = [Path("/proc/net/tcp"), Path("/proc/net/tcp6")]
    if not tables[0].exists():
        pytest.skip("no /proc/net/tcp on this system")
    found = []
    for table in tables:
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            local, _remote, state = line.split()[1:4]
            address, hex_port = local.split(":")
            if state != "0A" or int(hex_port, 16) != port:
                continue
            found.append(ipaddress.ip_address(_proc_address(bytes.fromhex(address))))
    return found


def _proc_address(raw: bytes) -> bytes:
    """/proc prints an address as 32-bit words in host byte order; return it in network order."""
    if sys.byteorder == "big":
        return raw
    return b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))


def test_listening_addresses_reads_a_known_socket() -> None:
    """The /proc parser itself: a socket bound to 127.0.0.1 is found as loopback, on its port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert [str(a) for a in listening_addresses(port)] == ["127.0.0.1"]
