"""Which processor a figure was taken on: the model name alone ("AMD EPYC") hides a factor of two.

Two runs of the same commit's stage benchmark on hosts both named "AMD EPYC" differed 2.2-fold, so every
figure carries the CPU family, model and stepping and the clock the kernel reports.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path

__all__ = ["cpu_description"]

_FIELDS = ("model name", "cpu family", "model", "stepping", "cpu MHz")


def cpu_description() -> str:
    """``AMD EPYC (family 25, model 17, stepping 1, 2595 MHz), 2 cores`` from /proc/cpuinfo where readable."""
    found: dict[str, str] = {}
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        text = ""
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key = key.strip()
        if key in _FIELDS and key not in found:
            found[key] = value.strip()
    name = found.get("model name") or platform.processor() or platform.machine()
    details = [
        f"{label} {found[key]}"
        for key, label in (("cpu family", "family"), ("model", "model"), ("stepping", "stepping"))
        if key in found
    ]
    if "cpu MHz" in found:
        details.append(f"{float(found['cpu MHz']):.0f} MHz")
    suffix = f" ({', '.join(details)})" if details else ""
    return f"{name}{suffix}, {os.cpu_count()} cores"
