"""Options shared by the commands, and turning configuration errors into clear exits."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

import click

from marsad.config import ConfigError, Settings, load_settings

__all__ = ["config_option", "fail", "settings_from"]


def config_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--config",
        "config_file",
        type=click.Path(exists=True, dir_okay=False),
        envvar="MARSAD_CONFIG",
        help="TOML file of settings (keys are the environment variable names).",
    )(function)


def settings_from(config_file: str | None) -> Settings:
    try:
        return load_settings(config_file=config_file)
    except ConfigError as exc:
        fail(f"configuration: {exc}")


def fail(message: str, code: int = 2) -> None:
    click.echo(f"marsad: {message}", err=True)
    sys.exit(code)


def setup_logging(level: str = "info") -> None:
    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
