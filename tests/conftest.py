"""Shared fixtures: settings without the caller's environment, a scratch store, ../shared paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.settings import Settings, load_settings
from communique.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "src" / "communique" / "data" / "sample"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(environ={}, overrides=[f"db=sqlite:///{tmp_path / 'test.db'}"])


@pytest.fixture
def store(settings: Settings):
    opened = Store.open(settings.db)
    yield opened
    opened.close()


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "gold" / "seeds.jsonl").exists():
        pytest.skip(f"../shared is absent ({SHARED}): the seeds and gold sets live there")
    return SHARED
