"""The offline commands, run in-process with click's runner: extract, config, and tail's formatting."""

from __future__ import annotations

from pathlib import Path

import orjson
from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.cli.tail import format_event
from marsad.schemas.validation import validate

SAMPLES = Path(__file__).resolve().parents[2] / "marsad" / "samples"


def test_extract_writes_one_valid_enriched_article_per_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    lines = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(list(SAMPLES.glob("*.json")))
    for article in lines:
        validate("enriched_article", article)
    by_id = {a["id"]: a for a in lines}
    assert by_id["sample-economy-004"]["events"] == []
    assert {"arrest", "security_operation"} <= {e["type"] for e in by_id["seed-000"]["events"]}


def test_extract_reports_rejected_input_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n{"id": "en", "body": "Only English text here."}\n')
    result = CliRunner().invoke(cli, ["extract", str(bad)])
    assert result.exit_code == 1
    assert "schema_violation" in result.stderr and "unsupported_language" in result.stderr


def test_extract_events_only_writes_events(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", "--events-only", str(SAMPLES / "03-clash.json")])
    assert result.exit_code == 0
    for line in result.stdout.splitlines():
        validate("enriched_event", orjson.loads(line))


def test_config_hides_secrets() -> None:
    env = {"KAFKA_SASL_PASSWORD": "hunter2", "MARSAD_TOPIC_PREFIX": "x."}
    result = CliRunner(env=env).invoke(cli, ["config"])
    assert result.exit_code == 0
    assert "hunter2" not in result.output and "********" in result.output
    assert "MARSAD_TOPIC_PREFIX" in result.output and "x." in result.output


def test_bad_configuration_exits_2_with_the_variable_named() -> None:
    result = CliRunner(env={"MARSAD_PARTITIONS": "many"}).invoke(cli, ["config"])
    assert result.exit_code == 2
    assert "MARSAD_PARTITIONS must be a whole number" in result.stderr


def test_format_event_is_two_readable_lines() -> None:
    from ..schemas.fixtures import enriched_event

    text = format_event(orjson.loads(orjson.dumps(enriched_event())))
    head, sentence = text.split("\n")
    assert head.startswith("[arrest]") and "بغداد (IQ 33.340,44.400)" in head and "arrested=3" in head
    assert sentence.strip().startswith("اعتقلت")
