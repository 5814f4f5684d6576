"""Read articles from files, folders or standard input, as JSON, JSON arrays or JSON Lines."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

__all__ = ["InputItem", "read_articles"]


@dataclass(frozen=True, slots=True)
class InputItem:
    """One article read from input, or the error that stopped it being read, with where it came from."""

    origin: str
    data: Any = None
    error: str | None = None


def read_articles(source: str) -> Iterator[InputItem]:
    """Yield every article of ``source``: a file, a folder (its *.json and *.jsonl, sorted), or ``-``."""
    if source == "-":
        yield from _parse(sys.stdin.buffer.read(), "<stdin>")
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl") and p.is_file())
    elif path.exists():
        files = [path]
    else:
        yield InputItem(source, error=f"no such file or folder: {source}")
        return
    for file in files:
        yield from _parse(file.read_bytes(), str(file))


def _parse(content: bytes, origin: str) -> Iterator[InputItem]:
    stripped = content.strip()
    if not stripped:
        return
    if stripped[:1] in (b"{", b"["):
        try:
            whole = orjson.loads(stripped)
        except orjson.JSONDecodeError:
            whole = None  # maybe JSON Lines: one object per line
        else:
            items = whole if isinstance(whole, list) else [whole]
            for number, item in enumerate(items, 1):
                yield InputItem(f"{origin}#{number}" if isinstance(whole, list) else origin, item)
            return
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield InputItem(f"{origin}:{number}", orjson.loads(line))
        except orjson.JSONDecodeError as exc:
            yield InputItem(f"{origin}:{number}", error=f"not JSON: {exc}")
