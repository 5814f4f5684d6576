"""TLS on a real broker: a worker reaches a TLS-only broker (SSL with client certificates, and SASL_SSL with
SCRAM), processes the seed article end to end, and the CLI publishes and tails over TLS; a wrong CA, a
missing client certificate or a PLAINTEXT client is refused within seconds with a message naming what to
check; kcat, a third-party client, accepts the broker's certificate from the same CA file.

The module starts its own broker per mode (deploy/kafka/kafka.sh with MARSAD_KAFKA_TLS, its own home, the
shared jar cache, free ports; the script makes the CA and certificates with openssl) and stops it at the end;
the shared plaintext broker is left alone.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest

from marsad.cli.demo import sample_articles
from marsad.config import ConfigError, load_settings

from .conftest import KAFKA_SCRIPT, Worker, free_port, password_file, second_broker_env, worker_env
from .kafka_reader import read_topic

USER = "marsad-tls"
COMMAND_TIMEOUT = 120  # a CLI refused by the broker must exit by itself, well within this


@dataclass(frozen=True)
class TlsBroker:
    """A running TLS-only broker and what a client needs to reach it."""

    mode: str  # kafka.sh's mode: "tls-mutual" (SSL, client certificates required) or "scram-tls" (SASL_SSL)
    bootstrap: str
    protocol: str
    tls_dir: Path
    password: str
    script_env: dict[str, str]

    @property
    def cafile(self) -> Path:
        return self.tls_dir / "ca.pem"

    @property
    def mutual(self) -> bool:
        return self.mode.endswith("-mutual")


@pytest.fixture(scope="module", params=["tls-mutual", "scram-tls"])
def tls_broker(
    request: pytest.FixtureRequest, bootstrap: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TlsBroker]:
    """A second broker whose only client listener speaks TLS.

    Depends on ``bootstrap`` so that the jar cache is resolved (once) by the main broker's start.
    """
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        pytest.skip("KAFKA_BOOTSTRAP_SERVERS names an external cluster: this module starts its own TLS broker")
    mode = request.param
    home = tmp_path_factory.mktemp(f"kafka-{mode}")
    port = free_port()
    password = f"pw-{uuid.uuid4().hex}"
    env = second_broker_env(
        home,
        port,
        MARSAD_KAFKA_TLS="mutual" if mode.endswith("-mutual") else "1",
        MARSAD_KAFKA_SASL="scram" if mode.startswith("scram") else "",
        MARSAD_KAFKA_SASL_USER=USER,
        MARSAD_KAFKA_SASL_PASSWORD=password,
    )
    started = subprocess.run(["bash", str(KAFKA_SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=300)
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        protocol = "SASL_SSL" if mode.startswith("scram") else "SSL"
        yield TlsBroker(mode, f"127.0.0.1:{port}", protocol, home / "tls", password, env)
    finally:
        subprocess.run(["bash", str(KAFKA_SCRIPT), "stop"], env=env, check=False, timeout=120)


def tls_env(broker: TlsBroker, tmp: Path, **overrides: str) -> dict[str, str]:
    """A Marsad client's environment on the TLS broker: its CA, its client certificate where required, and
    the SCRAM password in a file where SASL is on. ``overrides`` replace any of these (``""`` unsets)."""
    env = worker_env(broker.bootstrap, f"tls{uuid.uuid4().hex[:8]}.", free_port(), tmp)
    for name in list(env):
        if name.startswith(("KAFKA_SSL_", "KAFKA_SASL_")) or name in ("MARSAD_CONFIG", "MARSAD_WEB_HOST"):
            del env[name]
    env.update(KAFKA_SECURITY_PROTOCOL=broker.protocol, KAFKA_SSL_CAFILE=str(broker.cafile))
    if broker.mutual:
        env.update(
            KAFKA_SSL_CERTFILE=str(broker.tls_dir / "client.crt"),
            KAFKA_SSL_KEYFILE=str(broker.tls_dir / "client.key"),
        )
    if broker.protocol == "SASL_SSL":
        secret = password_file(tmp, broker.password)
        env.update(KAFKA_SASL_MECHANISM="SCRAM-SHA-256", KAFKA_SASL_USERNAME=USER, KAFKA_SASL_PASSWORD_FILE=str(secret))
    for name, value in overrides.items():
        if value:
            env[name] = value
        else:
            env.pop(name, None)
    return env


@pytest.fixture(scope="module")
def tls_worker(tls_broker: TlsBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    """A worker that creates its own topics on the TLS broker (no ensure_topics from the test)."""
    tmp = tmp_path_factory.mktemp(f"worker-{tls_broker.mode}")
    worker = Worker(tls_env(tls_broker, tmp), tmp / "worker.log")
    worker.start(timeout=180)
    try:
        yield worker
    finally:
        worker.stop()


def test_worker_processes_the_seed_article_over_tls(tls_worker: Worker, tmp_path: Path) -> None:
    settings = tls_worker.settings
    assert settings.ssl_context() is not None and settings.ssl_cafile
    seed = sample_articles()[0]
    article = tmp_path / "seed.json"
    article.write_bytes(orjson.dumps(seed))
    published = run_marsad(["publish", "--quiet", str(article)], tls_worker.env)
    assert published.returncode == 0, published.stderr[-2000:]

    def seen(records: list) -> bool:
        return any(value["id"] == seed["id"] for _, value in records)

    enriched = [v for _, v in read_topic(settings, "enriched", seen, timeout=120) if v["id"] == seed["id"]]
    assert len(enriched) == 1, tls_worker.log()[-3000:]
    expected = {event["event_id"] for event in enriched[0]["events"]}
    assert expected, "the seed article yields events"
    tail = ["tail", "events", "--from-beginning", "--json", "--max", str(len(expected)), "--idle-timeout", "60"]
    tailed = run_marsad(tail, tls_worker.env)
    assert tailed.returncode == 0, tailed.stderr[-2000:]
    assert {orjson.loads(line)["event_id"] for line in tailed.stdout.splitlines()} == expected
    committed = [  # the transactional producers spoke TLS too
        float(line.rsplit(" ", 1)[1])
        for line in tls_worker.metrics().splitlines()
        if line.startswith("marsad_kafka_transactions_total") and 'outcome="committed"' in line
    ]
    assert sum(committed) >= 2, "normalize and extract committed their transactions"


@pytest.fixture(scope="module")
def other_ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CA that did not sign the broker's certificate."""
    folder = tmp_path_factory.mktemp("other-ca")
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=Not the broker CA", "-keyout", str(folder / "ca.key"), "-out", str(folder / "ca.pem")),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return folder / "ca.pem"


@pytest.mark.parametrize("trust", ["another CA", "the system CAs"])
def test_an_untrusted_broker_certificate_is_refused_with_a_clear_error(
    trust: str, tls_broker: TlsBroker, other_ca: Path, tmp_path: Path
) -> None:
    env = tls_env(tls_broker, tmp_path, KAFKA_SSL_CAFILE=str(other_ca) if trust == "another CA" else "")
    message = refused("topics", env)
    assert message.startswith(f"marsad: TLS with the Kafka brokers at {tls_broker.bootstrap} failed")
    assert "CERTIFICATE_VERIFY_FAILED" in message
    assert "check KAFKA_SSL_CAFILE (the CA that signed the brokers' certificates)" in message


def test_a_missing_client_certificate_is_refused_with_a_clear_error(tls_broker: TlsBroker, tmp_path: Path) -> None:
    if not tls_broker.mutual:
        pytest.skip("this broker does not require client certificates")
    env = tls_env(tls_broker, tmp_path, KAFKA_SSL_CERTFILE="", KAFKA_SSL_KEYFILE="")
    message = refused("topics", env)
    assert message.startswith(f"marsad: TLS with the Kafka brokers at {tls_broker.bootstrap} failed")
    assert "KAFKA_SSL_CERTFILE" in message and "KAFKA_SSL_KEYFILE" in message


@pytest.mark.parametrize("command", ["topics", "worker"])
def test_a_plaintext_client_is_told_to_check_the_security_protocol(
    command: str, tls_broker: TlsBroker, tmp_path: Path
) -> None:
    env = tls_env(tls_broker, tmp_path, KAFKA_SECURITY_PROTOCOL="PLAINTEXT")
    message = refused(command, env)
    assert tls_broker.bootstrap in message and "accept connections but drop" in message
    assert "TLS" in message and "KAFKA_SECURITY_PROTOCOL (now PLAINTEXT)" in message


def test_kcat_trusts_the_broker_with_the_same_ca_file(tls_broker: TlsBroker, other_ca: Path) -> None:
    """A third-party client (librdkafka) checks the certificate's name and chain its own way."""
    kcat = shutil.which("kcat")
    if kcat is None:
        pytest.skip("kcat is not installed (scripts/install-system-deps.sh installs it)")
    base = [kcat, "-b", tls_broker.bootstrap, "-L", "-X", f"security.protocol={tls_broker.protocol}"]
    if tls_broker.mutual:
        base += ["-X", f"ssl.certificate.location={tls_broker.tls_dir / 'client.crt'}"]
        base += ["-X", f"ssl.key.location={tls_broker.tls_dir / 'client.key'}"]
    if tls_broker.protocol == "SASL_SSL":
        base += ["-X", "sasl.mechanisms=SCRAM-SHA-256", "-X", f"sasl.username={USER}"]
        base += ["-X", f"sasl.password={tls_broker.password}"]
    trusted = subprocess.run(
        [
            *base,
            "-m",
            "10",
            "-X",
            f"ssl.ca.location={tls_broker.cafile}",
            "-X",
            "ssl.endpoint.identification.algorithm=https",
        ],
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
    )
    assert trusted.returncode == 0, trusted.stderr[-2000:]
    assert f"at {tls_broker.bootstrap}" in trusted.stdout
    untrusted = subprocess.run(
        [*base, "-m", "3", "-X", f"ssl.ca.location={other_ca}"], capture_output=True, text=True, timeout=COMMAND_TIMEOUT
    )
    assert untrusted.returncode != 0
    assert "certificate verify failed" in untrusted.stderr


def test_the_script_names_the_ca_file_and_the_mode(tls_broker: TlsBroker) -> None:
    env = tls_broker.script_env
    cafile = subprocess.run(["bash", str(KAFKA_SCRIPT), "cafile"], env=env, capture_output=True, text=True)
    assert cafile.returncode == 0 and cafile.stdout.strip() == str(tls_broker.cafile)
    status = subprocess.run(["bash", str(KAFKA_SCRIPT), "status"], env=env, capture_output=True, text=True)
    assert status.returncode == 0 and f"{tls_broker.mode}, {tls_broker.bootstrap}" in status.stdout
    assert (tls_broker.tls_dir / "ca.key").stat().st_mode & 0o077 == 0, "private keys are for the owner only"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"KAFKA_SSL_CAFILE": "/nonexistent/ca.pem"}, "KAFKA_SSL_CAFILE '/nonexistent/ca.pem' cannot be used"),
        ({"KAFKA_SSL_CAFILE": "{not_pem}"}, "KAFKA_SSL_CAFILE '{not_pem}' cannot be used as a PEM CA bundle"),
        ({"KAFKA_SSL_CERTFILE": "{not_pem}"}, "KAFKA_SSL_CERTFILE '{not_pem}' and KAFKA_SSL_KEYFILE '' cannot"),
        ({"KAFKA_SSL_KEYFILE": "{not_pem}"}, "KAFKA_SSL_KEYFILE is set without KAFKA_SSL_CERTFILE"),
    ],
)
def test_unusable_tls_files_are_configuration_errors(files: dict[str, str], message: str, tmp_path: Path) -> None:
    """Checked at start-up, before any connection: the message names the variable, not a traceback."""
    not_pem = tmp_path / "not.pem"
    not_pem.write_text("not a certificate\n")
    env = {"KAFKA_SECURITY_PROTOCOL": "SSL"} | {k: v.format(not_pem=not_pem) for k, v in files.items()}
    with pytest.raises(ConfigError, match=re.escape(message.format(not_pem=not_pem))):
        load_settings(env)
    assert load_settings({**env, "KAFKA_SECURITY_PROTOCOL": "PLAINTEXT"})  # unused without TLS


def test_an_encrypted_client_key_is_a_configuration_error_not_a_prompt(other_ca: Path, tmp_path: Path) -> None:
    """OpenSSL would ask for the key's password on the terminal; a worker must fail instead of waiting."""
    encrypted = tmp_path / "encrypted.key"
    subprocess.run(
        [
            *("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", "pass:secret"),
            *("-in", str(other_ca.with_name("ca.key")), "-out", str(encrypted)),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    env = {"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SSL_CERTFILE": str(other_ca), "KAFKA_SSL_KEYFILE": str(encrypted)}
    with pytest.raises(ConfigError, match="is encrypted and Marsad has no setting for its password"):
        load_settings(env)


def refused(command: str, env: dict[str, str]) -> str:
    """The last line a refused ``marsad`` command wrote, after checking that it exited with status 2."""
    result = run_marsad([command], env)  # raises TimeoutExpired if it hangs
    assert result.returncode == 2, result.stdout[-1000:] + result.stderr[-2000:]
    return result.stderr.splitlines()[-1]


def run_marsad(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "marsad", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
