"""The version every record carries, so subscribers can tell which build wrote it."""

from importlib.metadata import PackageNotFoundError, version

__all__ = ["PIPELINE_VERSION"]

try:
    PIPELINE_VERSION = f"marsad/{version('marsad')}"
except PackageNotFoundError:  # running from a source tree that was never installed
    PIPELINE_VERSION = "marsad/0+unknown"
