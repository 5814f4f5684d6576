"""Fixtures every test folder may use: where ../shared is, and the seed article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("MARSAD_SHARED_DIR", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def seed_article(shared_dir: Path) -> dict[str, Any]:
    return json.loads((shared_dir / "samples" / "seed_article.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def seed_gold(shared_dir: Path) -> dict[str, Any]:
    return json.loads((shared_dir / "samples" / "seed_gold.json").read_text("utf-8"))
