"""Settings from the environment and a TOML file, and the errors an operator sees."""

from pathlib import Path

import pytest

from marsad.config import ConfigError, load_settings


def test_defaults_bind_to_loopback() -> None:
    settings = load_settings({})
    assert settings.bootstrap_servers == "127.0.0.1:9092"
    assert settings.web_host == "127.0.0.1"
    assert settings.topics["raw"].name == "marsad.articles.raw"
    assert settings.metrics_url == "http://127.0.0.1:6066/metrics"


def test_environment_overrides_file(tmp_path: Path) -> None:
    file = tmp_path / "marsad.toml"
    file.write_text('MARSAD_TOPIC_PREFIX = "file."\nMARSAD_PARTITIONS = 4\n')
    settings = load_settings({"MARSAD_TOPIC_PREFIX": "env."}, config_file=str(file))
    assert settings.topic_prefix == "env."
    assert settings.partitions == 4


def test_sasl_settings_pass_through_and_hide_the_password(tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("s3cret\n")
    env = {
        "KAFKA_SECURITY_PROTOCOL": "sasl_plaintext",
        "KAFKA_SASL_MECHANISM": "SCRAM-SHA-256",
        "KAFKA_SASL_USERNAME": "marsad",
        "KAFKA_SASL_PASSWORD_FILE": str(secret),
    }
    settings = load_settings(env)
    options = settings.kafka_client_options()
    assert options["sasl_plain_password"] == "s3cret"
    assert options["security_protocol"] == "SASL_PLAINTEXT"
    assert "s3cret" not in repr(settings)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MARSAD_PARTITIONS": "two"}, "MARSAD_PARTITIONS must be a whole number"),
        ({"MARSAD_PARTITIONS": "0"}, "MARSAD_PARTITIONS must be at least 1"),
        ({"KAFKA_SECURITY_PROTOCOL": "TLS"}, "KAFKA_SECURITY_PROTOCOL must be one of"),
        ({"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_MECHANISM": "PLAIN"}, "SASL needs"),
        ({"MARSAD_WEB_PORT": "70000"}, "MARSAD_WEB_PORT must be a TCP port"),
    ],
)
def test_bad_settings_name_the_variable(env: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env)


def test_unknown_key_in_file_is_an_error(tmp_path: Path) -> None:
    file = tmp_path / "marsad.toml"
    file.write_text('KAFKA_BOOTSTRAP = "x"\n')
    with pytest.raises(ConfigError, match="unknown settings KAFKA_BOOTSTRAP"):
        load_settings({}, config_file=str(file))
