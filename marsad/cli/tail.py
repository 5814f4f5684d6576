"""``marsad tail``: print enriched events (or any Marsad topic) as they arrive, readable in a terminal."""

from __future__ import annotations

import asyncio
from typing import Any

import click
import orjson

from .kafka_io import KafkaUnavailable, consume
from .options import config_option, fail, settings_from

__all__ = ["format_event", "tail"]


@click.command()
@click.argument("topic", required=False)
@click.option("--from-beginning", is_flag=True, help="Start at the oldest record instead of new ones.")
@click.option("--json", "as_json", is_flag=True, help="Print each record as one JSON line.")
@click.option("--max", "max_records", type=int, default=None, help="Stop after this many records.")
@click.option("--idle-timeout", type=float, default=None, help="Stop after this many seconds without a record.")
@config_option
def tail(
    topic: str | None,
    from_beginning: bool,
    as_json: bool,
    max_records: int | None,
    idle_timeout: float | None,
    config_file: str | None,
) -> None:
    """Follow TOPIC (a full name, or a role: raw, normalized, enriched, events, deadletter; default events)."""
    settings = settings_from(config_file)
    roles = settings.topics
    name = roles[topic].name if topic in roles else (topic or roles["events"].name)

    async def run() -> None:
        count = 0
        async for partition, offset, _key, value in consume(settings, name, from_beginning, idle_timeout):
            click.echo(_render(value, as_json, partition, offset))
            count += 1
            if max_records is not None and count >= max_records:
                return

    try:
        asyncio.run(run())
    except KafkaUnavailable as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        pass


def _render(value: bytes | None, as_json: bool, partition: int, offset: int) -> str:
    if value is None:
        return f"[{partition}@{offset}] (no value)"
    if as_json:
        return value.decode("utf-8", "replace")
    try:
        data = orjson.loads(value)
    except orjson.JSONDecodeError:
        return f"[{partition}@{offset}] {value[:200]!r}"
    if isinstance(data, dict) and "event_id" in data:
        return format_event(data)
    if isinstance(data, dict) and "reason" in data and "stage" in data:
        return (
            f"[dead letter] {data['reason']} at {data['topic']}[{data['partition']}]@{data['offset']}: {data['error']}"
        )
    if isinstance(data, dict) and "events" in data:
        return f"[article] {data.get('id')}: {len(data['events'])} event(s), {len(data.get('entities', []))} entities"
    return value.decode("utf-8", "replace")


def format_event(event: dict[str, Any]) -> str:
    """One event in two lines: what, who, where, when, how many; then the evidence sentence."""

    def text(argument: dict[str, Any] | None) -> str:
        if not argument:
            return "?"
        return argument.get("canonical_name") or argument["text"]

    location = event.get("location")
    where = "?"
    if location:
        where = location["text"]
        if location.get("lat") is not None:
            where += f" ({location.get('country_code')} {location['lat']:.3f},{location['lon']:.3f})"
    when = event["time"].get("date") or event["time"].get("text") or "?"
    counts = [f"{k}={event[k]}" for k in ("killed", "injured", "arrested") if event.get(k) is not None]
    if event.get("count_text"):
        counts.append(f"count≈{event['count_text']}")
    flags = " (background)" if event.get("background") else ""
    head = (
        f"[{event['type']}]{flags} {text(event.get('actor'))} → {text(event.get('target'))} | {where} | {when}"
        f" | {' '.join(counts) or '-'} | conf {event['confidence']:.2f}"
    )
    sentence = event.get("sentence_text", "")
    return f"{head}\n    {sentence[:160]}{'…' if len(sentence) > 160 else ''}"
