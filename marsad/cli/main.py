"""The ``marsad`` command: run the worker, publish and tail articles, extract in batch, run the demo."""

from __future__ import annotations

import click

from marsad import __version__

from .commands import config_command, demo, extract, publish, tail, topics, worker
from .eval_events import eval_events
from .eval_ner import eval_ner

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """Marsad: Arabic news articles in, structured geocoded events out, on Kafka.

    Settings come from environment variables (see `marsad config`) or a TOML file named by
    MARSAD_CONFIG / --config.
    """


@cli.group(name="eval")
def eval_group() -> None:
    """Score the extractor against gold data."""


def _register() -> None:
    for command in (worker, publish, tail, extract, demo, topics, config_command):
        cli.add_command(command)
    eval_group.add_command(eval_ner, name="ner")
    eval_group.add_command(eval_events, name="events")


_register()


def main() -> None:
    cli(prog_name="marsad")
