"""Create Marsad's topics before the worker starts (Faust ignores topics missing at start-up), and explain
to the operator why Kafka could not be used: unreachable, wrong credentials, wrong protocol or mechanism.
"""

from __future__ import annotations

import asyncio
import logging
import ssl

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.conn import collect_hosts, create_conn
from aiokafka.errors import (
    AuthenticationFailedError,
    ClusterAuthorizationFailedError,
    IllegalSaslStateError,
    InvalidReplicationFactorError,
    KafkaConnectionError,
    KafkaError,
    SaslAuthenticationFailed,
    TopicAlreadyExistsError,
    TopicAuthorizationFailedError,
    UnsupportedSaslMechanismError,
    for_code,
)
from aiokafka.protocol.metadata import MetadataRequest

from marsad.config import Settings

from .handling import MAX_RECORD_BYTES

__all__ = ["TopicSetupError", "ensure_topics", "explain_kafka_error"]

log = logging.getLogger(__name__)

# Batch and record headers around the largest value Marsad writes.
_RECORD_OVERHEAD = 64 * 1024

_START_TIMEOUT_SECONDS = 45.0  # aiokafka tries each bootstrap server once; this bounds a silent network
_PROBE_TIMEOUT_SECONDS = 10.0


class TopicSetupError(RuntimeError):
    """The topics could not be checked or created; the message says what the operator should check."""


async def ensure_topics(settings: Settings) -> list[str]:
    """Create every missing topic with the configured partitions; return the names created.

    An existing topic with fewer partitions than configured is left as it is, with a warning: growing it
    would move keys between partitions under running consumers.

    Raises:
        TopicSetupError: Kafka could not be used; the message says why (see :func:`explain_kafka_error`).
    """
    admin = AIOKafkaAdminClient(**settings.kafka_client_options(), request_timeout_ms=15000)
    try:
        await asyncio.wait_for(admin.start(), _START_TIMEOUT_SECONDS)
    except (KafkaError, OSError, TimeoutError) as exc:
        await admin.close()
        raise TopicSetupError(await explain_kafka_error(settings, exc)) from exc
    try:
        return await _create_missing(admin, settings)
    except KafkaError as exc:
        message = f"listing topics at {settings.bootstrap_servers} failed: {type(exc).__name__}: {exc}"
        raise TopicSetupError(message) from exc
    finally:
        await admin.close()


async def explain_kafka_error(settings: Settings, exc: BaseException) -> str:
    """Say why a client could not start, in words an operator can act on.

    aiokafka reports every failed bootstrap as "Unable to bootstrap", whatever the cause; this opens one
    connection to each bootstrap server with the same settings to find the cause (refused credentials,
    a mechanism the brokers do not enable, a protocol mismatch, TLS, or no broker at all). The password is
    never part of the message.
    """
    causes = []
    for host, port, _ in collect_hosts(settings.bootstrap_servers, randomize=False):
        cause = await _probe(settings, host, port)
        if cause is None:
            continue
        if isinstance(cause, (SaslAuthenticationFailed, AuthenticationFailedError)):
            return _auth_failed(settings)
        if isinstance(cause, UnsupportedSaslMechanismError):
            return (
                f"the Kafka brokers at {settings.bootstrap_servers} do not enable SASL mechanism "
                f"{settings.sasl_mechanism}: set KAFKA_SASL_MECHANISM to one they enable (PLAIN, SCRAM-SHA-256 "
                "or SCRAM-SHA-512; ask the cluster's administrator which)"
            )
        if isinstance(cause, IllegalSaslStateError):
            return (
                f"the Kafka brokers at {settings.bootstrap_servers} do not speak SASL on this port: check "
                f"KAFKA_SECURITY_PROTOCOL (now {settings.security_protocol}) and the port of KAFKA_BOOTSTRAP_SERVERS"
            )
        if isinstance(cause, ssl.SSLError):
            return (
                f"TLS with the Kafka brokers at {settings.bootstrap_servers} failed ({cause}): check "
                "KAFKA_SSL_CAFILE (the CA that signed the brokers' certificates), KAFKA_SSL_CERTFILE and "
                "KAFKA_SSL_KEYFILE, and that this port speaks TLS"
            )
        causes.append(cause)
    if causes and all(isinstance(c, _Dropped) for c in causes):
        return (
            f"the Kafka brokers at {settings.bootstrap_servers} accept connections but drop Marsad's requests: "
            f"they probably require SASL or TLS. Check KAFKA_SECURITY_PROTOCOL (now {settings.security_protocol})"
        )
    detail = str(exc) if isinstance(exc, KafkaError) else f"{type(exc).__name__}: {exc}"
    return (
        f"cannot reach Kafka at {settings.bootstrap_servers} ({detail}); "
        "start the local broker (deploy/kafka/kafka.sh start) or set KAFKA_BOOTSTRAP_SERVERS"
    )


class _Dropped(Exception):
    """The broker accepted the TCP connection and closed it on the first request."""


async def _probe(settings: Settings, host: str, port: int) -> BaseException | None:
    """The error of one connection to ``host:port`` with the configured security, or None if it works."""
    options = settings.kafka_client_options()
    options.pop("bootstrap_servers")
    conn = None
    try:
        conn = await asyncio.wait_for(
            create_conn(host, port, request_timeout_ms=int(_PROBE_TIMEOUT_SECONDS * 1000), **options),
            _PROBE_TIMEOUT_SECONDS,
        )
        try:
            await asyncio.wait_for(conn.send(MetadataRequest([])), _PROBE_TIMEOUT_SECONDS)
        except (KafkaError, TimeoutError) as exc:
            return _Dropped(str(exc))
        return None
    except KafkaConnectionError as exc:
        # Connected, then closed during the first request: a TLS port reached without TLS, or (TLS 1.3)
        # a client certificate the broker refused after the handshake, which aiokafka chains as the cause.
        if isinstance(exc.__cause__, ssl.SSLError):
            return exc.__cause__
        return _Dropped(str(exc))
    except (KafkaError, OSError, TimeoutError) as exc:
        return exc
    finally:
        if conn is not None:
            conn.close()


def _auth_failed(settings: Settings) -> str:
    source = (
        f"the file KAFKA_SASL_PASSWORD_FILE names ({settings.sasl_password_file})"
        if settings.sasl_password_file
        else "KAFKA_SASL_PASSWORD"
    )
    return (
        f"authentication failed for user {settings.sasl_username!r} at the Kafka brokers "
        f"{settings.bootstrap_servers} ({settings.security_protocol}, {settings.sasl_mechanism}): the brokers "
        f"refused the credentials. Check KAFKA_SASL_USERNAME, the password in {source}, KAFKA_SASL_MECHANISM, "
        "and that the user exists on the cluster with this mechanism"
    )


async def _create_missing(admin: AIOKafkaAdminClient, settings: Settings) -> list[str]:
    existing = set(await admin.list_topics())
    wanted = list(settings.topics.values())
    for topic in wanted:
        if topic.name in existing:
            await _warn_if_fewer_partitions(admin, topic.name, topic.partitions)
    missing = [t for t in wanted if t.name not in existing]
    if not missing:
        return []
    configs = {"max.message.bytes": str(MAX_RECORD_BYTES + _RECORD_OVERHEAD)}
    new = [NewTopic(t.name, t.partitions, t.replication_factor, topic_configs=configs) for t in missing]
    try:
        response = await admin.create_topics(new)
    except TopicAlreadyExistsError:  # another worker created them between our two calls
        return []
    except KafkaError as exc:
        raise TopicSetupError(_cannot_create([t.name for t in missing], exc)) from exc
    # aiokafka returns per-topic errors in the response instead of raising them
    failed = {
        name: for_code(code)(message)
        for name, code, message, *_ in response.topic_errors
        if code not in (0, TopicAlreadyExistsError.errno)
    }
    if failed:
        raise TopicSetupError(_cannot_create(sorted(failed), next(iter(failed.values()))))
    names = [t.name for t in missing]
    log.info("created topics %s", ", ".join(names))
    return names


def _cannot_create(names: list[str], exc: BaseException) -> str:
    hint = ""
    if isinstance(exc, (TopicAuthorizationFailedError, ClusterAuthorizationFailedError)):
        hint = "; the Kafka user may not create topics: ask for CREATE permission or create them beforehand"
    elif isinstance(exc, InvalidReplicationFactorError):
        hint = "; MARSAD_REPLICATION_FACTOR is larger than the number of brokers"
    return f"cannot create topics {names}: {type(exc).__name__}: {exc}{hint}"


async def _warn_if_fewer_partitions(admin: AIOKafkaAdminClient, name: str, wanted: int) -> None:
    try:
        described = await admin.describe_topics([name])
    except KafkaError:
        return
    for topic in described:
        count = len(topic.get("partitions", []))
        if count and count < wanted:
            log.warning("topic %s has %d partitions, fewer than the %d configured; left as it is", name, count, wanted)
