"""Settings: one frozen, validated object built at start-up from the environment and an optional TOML file.

Every setting has an environment variable (below). ``MARSAD_CONFIG`` (or ``--config``) names a TOML file
whose top-level keys are the same variable names; the environment wins over the file.
"""

from __future__ import annotations

import os
import ssl
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.schemas.topics import TopicConfig, topic_configs

__all__ = ["ENV_VARS", "ConfigError", "Settings", "load_settings"]

_SECURITY_PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
_SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")

# variable -> (Settings field, default, help)
ENV_VARS: dict[str, tuple[str, str, str]] = {
    "KAFKA_BOOTSTRAP_SERVERS": ("bootstrap_servers", "127.0.0.1:9092", "Kafka brokers, comma-separated."),
    "KAFKA_SECURITY_PROTOCOL": (
        "security_protocol",
        "PLAINTEXT",
        "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.",
    ),
    "KAFKA_SASL_MECHANISM": ("sasl_mechanism", "", "PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512."),
    "KAFKA_SASL_USERNAME": ("sasl_username", "", "SASL user name."),
    "KAFKA_SASL_PASSWORD": ("sasl_password", "", "SASL password (prefer KAFKA_SASL_PASSWORD_FILE)."),
    "KAFKA_SASL_PASSWORD_FILE": ("sasl_password_file", "", "File holding the SASL password."),
    "KAFKA_SSL_CAFILE": ("ssl_cafile", "", "CA bundle to verify the brokers (PEM)."),
    "KAFKA_SSL_CERTFILE": ("ssl_certfile", "", "Client certificate for mutual TLS (PEM)."),
    "KAFKA_SSL_KEYFILE": ("ssl_keyfile", "", "Client key for mutual TLS (PEM)."),
    "MARSAD_TOPIC_PREFIX": ("topic_prefix", "marsad.", "Prefix of every topic name."),
    "MARSAD_PARTITIONS": ("partitions", "2", "Partitions of each topic Marsad creates."),
    "MARSAD_REPLICATION_FACTOR": ("replication_factor", "1", "Replication factor of topics Marsad creates."),
    "MARSAD_APP_ID": ("app_id", "marsad", "Faust application id (consumer group prefix)."),
    "MARSAD_WEB_HOST": ("web_host", "127.0.0.1", "Interface of the worker's web server (/metrics)."),
    "MARSAD_WEB_PORT": ("web_port", "6066", "Port of the worker's web server (/metrics)."),
    "MARSAD_MAX_BODY_BYTES": ("max_body_bytes", "1048576", "Largest article body accepted, in bytes."),
    "MARSAD_DEADLETTER_PAYLOAD_BYTES": (
        "deadletter_payload_bytes",
        "65536",
        "Cap on the payload copied to dead letters.",
    ),
    "MARSAD_MESSAGE_TIMEOUT": (
        "message_timeout",
        "10",
        "Seconds a stage may spend on one message before it is dead-lettered with reason timeout.",
    ),
    "MARSAD_SESSION_TIMEOUT": (
        "session_timeout",
        "10",
        "Seconds without heartbeat before a worker's partitions go to another (crash recovery time).",
    ),
    "MARSAD_DATA_DIR": ("data_dir", "var/faust", "Where the worker keeps its local state."),
    "MARSAD_LOG_LEVEL": ("log_level", "info", "Worker log level."),
}


class ConfigError(ValueError):
    """A setting has a value Marsad cannot use; the message names the variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable, validated. Secrets are kept out of ``repr`` so they never reach a log."""

    bootstrap_servers: str
    security_protocol: str
    sasl_mechanism: str
    sasl_username: str
    sasl_password: str = field(repr=False)
    sasl_password_file: str
    ssl_cafile: str
    ssl_certfile: str
    ssl_keyfile: str
    topic_prefix: str
    partitions: int
    replication_factor: int
    app_id: str
    web_host: str
    web_port: int
    max_body_bytes: int
    deadletter_payload_bytes: int
    message_timeout: int
    session_timeout: int
    data_dir: str
    log_level: str

    @property
    def topics(self) -> dict[str, TopicConfig]:
        return topic_configs(self.topic_prefix, self.partitions, self.replication_factor)

    @property
    def metrics_url(self) -> str:
        return f"http://{self.web_host}:{self.web_port}/metrics"

    def ssl_context(self) -> ssl.SSLContext | None:
        if "SSL" not in self.security_protocol:
            return None
        context = ssl.create_default_context(cafile=self.ssl_cafile or None)
        if self.ssl_certfile:
            context.load_cert_chain(self.ssl_certfile, self.ssl_keyfile or None, password=_key_password)
        return context

    def kafka_client_options(self) -> dict[str, Any]:
        """Keyword arguments for any aiokafka client (producer, consumer, admin)."""
        options: dict[str, Any] = {
            "bootstrap_servers": self.bootstrap_servers,
            "security_protocol": self.security_protocol,
        }
        if self.security_protocol.startswith("SASL"):
            options.update(
                sasl_mechanism=self.sasl_mechanism,
                sasl_plain_username=self.sasl_username,
                sasl_plain_password=self.sasl_password,
            )
        context = self.ssl_context()
        if context is not None:
            options["ssl_context"] = context
        return options


def load_settings(env: Mapping[str, str] | None = None, config_file: str | None = None) -> Settings:
    """Build :class:`Settings` from ``env`` (default: ``os.environ``) over an optional TOML file.

    Raises:
        ConfigError: a value is malformed or inconsistent; the message says which variable and why.
    """
    env = dict(os.environ if env is None else env)
    config_file = config_file or env.get("MARSAD_CONFIG")
    values = {name: default for name, (_, default, _) in ENV_VARS.items()}
    if config_file:
        values.update(_read_config_file(Path(config_file)))
    values.update({name: env[name] for name in ENV_VARS if name in env})
    raw = {ENV_VARS[name][0]: str(value).strip() for name, value in values.items()}
    ints = (
        "partitions",
        "replication_factor",
        "web_port",
        "max_body_bytes",
        "deadletter_payload_bytes",
        "session_timeout",
        "message_timeout",
    )
    fields: dict[str, Any] = dict(raw)
    for key in ints:
        fields[key] = _positive_int(key, raw[key])
    fields["security_protocol"] = raw["security_protocol"].upper()
    fields["sasl_mechanism"] = raw["sasl_mechanism"].upper()
    if raw["sasl_password_file"] and not raw["sasl_password"]:
        fields["sasl_password"] = _read_secret(raw["sasl_password_file"])
    _check(fields)
    _check_tls(fields)
    return Settings(**fields)


def _check(fields: dict[str, Any]) -> None:
    if not fields["bootstrap_servers"]:
        raise ConfigError("KAFKA_BOOTSTRAP_SERVERS is empty: name at least one broker as host:port")
    if fields["security_protocol"] not in _SECURITY_PROTOCOLS:
        raise ConfigError(f"KAFKA_SECURITY_PROTOCOL must be one of {', '.join(_SECURITY_PROTOCOLS)}")
    if fields["security_protocol"].startswith("SASL"):
        if fields["sasl_mechanism"] not in _SASL_MECHANISMS:
            raise ConfigError(f"KAFKA_SASL_MECHANISM must be one of {', '.join(_SASL_MECHANISMS)} with SASL")
        if not fields["sasl_username"] or not fields["sasl_password"]:
            raise ConfigError("SASL needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (or KAFKA_SASL_PASSWORD_FILE)")
    if fields["web_port"] > 65535:
        raise ConfigError("MARSAD_WEB_PORT must be a TCP port (1-65535)")


def _check_tls(fields: dict[str, Any]) -> None:
    """Load the TLS files once at start-up: a missing or malformed one is then a ConfigError naming its
    variable, not a traceback from the first Kafka connection."""
    if "SSL" not in fields["security_protocol"]:
        return
    if fields["ssl_keyfile"] and not fields["ssl_certfile"]:
        raise ConfigError("KAFKA_SSL_KEYFILE is set without KAFKA_SSL_CERTFILE, the client certificate it belongs to")
    try:
        context = ssl.create_default_context(cafile=fields["ssl_cafile"] or None)
    except OSError as exc:  # ssl.SSLError included
        raise ConfigError(
            f"KAFKA_SSL_CAFILE {fields['ssl_cafile']!r} cannot be used as a PEM CA bundle: {exc.strerror or exc}"
        ) from None
    if fields["ssl_certfile"]:
        try:
            context.load_cert_chain(fields["ssl_certfile"], fields["ssl_keyfile"] or None, password=_key_password)
        except OSError as exc:
            raise ConfigError(
                f"KAFKA_SSL_CERTFILE {fields['ssl_certfile']!r} and KAFKA_SSL_KEYFILE {fields['ssl_keyfile']!r} "
                f"cannot be used as a PEM client certificate and its key: {exc.strerror or exc}"
            ) from None


def _key_password() -> str:
    """Called only for an encrypted client key: refuse it, rather than let OpenSSL prompt on a terminal."""
    raise ConfigError(
        "the client key (KAFKA_SSL_KEYFILE, or KAFKA_SSL_CERTFILE when it holds the key) is encrypted and Marsad "
        "has no setting for its password: use an unencrypted key in a file only the worker's user can read"
    )


def _positive_int(key: str, value: str) -> int:
    name = next(n for n, (f, _, _) in ENV_VARS.items() if f == key)
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {value!r}") from None
    if number < 1:
        raise ConfigError(f"{name} must be at least 1, got {number}")
    return number


def _read_secret(path: str) -> str:
    try:
        return Path(path).read_text("utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"KAFKA_SASL_PASSWORD_FILE {path!r} cannot be read: {exc.strerror}") from None


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"config file {path} cannot be read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    unknown = sorted(set(data) - set(ENV_VARS))
    if unknown:
        raise ConfigError(f"config file {path}: unknown settings {', '.join(unknown)}")
    return data
