"""Fixtures every test folder may use: where ../shared is, and the seed article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]

# Property tests are derandomized unless asked otherwise (HYPOTHESIS_PROFILE=explore): a CI run must not
# fail on an example nobody has seen before. New examples are searched for on purpose, and what they find
# becomes a fixed test (e.g. test_numbers' disjoint-spans case).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(__import__("os").environ.get("HYPOTHESIS_PROFILE", "repeatable"))
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
