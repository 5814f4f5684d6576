"""The small commands: worker, topics, config; the larger ones live in a module each."""

from __future__ import annotations

import asyncio

import click

from marsad.config import ENV_VARS

from .demo import demo
from .extract_cmd import extract
from .options import config_option, fail, settings_from, setup_logging
from .publish import publish
from .tail import tail

__all__ = ["config_command", "demo", "extract", "publish", "tail", "topics", "worker"]


@click.command()
@config_option
def worker(config_file: str | None) -> None:
    """Run a stream worker (normalize and extract agents, /metrics). Stop with Ctrl-C or SIGTERM."""
    settings = settings_from(config_file)
    setup_logging(settings.log_level)
    from marsad.agents.admin import TopicSetupError
    from marsad.agents.worker import run_worker

    try:
        run_worker(settings)
    except TopicSetupError as exc:
        fail(str(exc))


@click.command()
@config_option
def topics(config_file: str | None) -> None:
    """Create Marsad's topics (with the configured partitions) where they are missing, and list them."""
    settings = settings_from(config_file)
    from marsad.agents.admin import TopicSetupError, ensure_topics

    try:
        created = asyncio.run(ensure_topics(settings))
    except TopicSetupError as exc:
        fail(str(exc))
    for topic in settings.topics.values():
        state = "created" if topic.name in created else "exists"
        click.echo(f"{topic.name:40} {state:8} partitions={topic.partitions} schema={topic.schema}")


@click.command(name="config")
@config_option
def config_command(config_file: str | None) -> None:
    """Show every setting, its environment variable and its current value (secrets hidden)."""
    settings = settings_from(config_file)
    for name, (field_name, _default, help_text) in ENV_VARS.items():
        value = getattr(settings, field_name)
        if "PASSWORD" in name and value:
            value = "********"
        click.echo(f"{name:34} = {value!s:24} {help_text}")
