"""Everything a user can call or configure is documented (the habit Datasette keeps)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from communique.cli import app
from communique.export import KINDS

from .conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


@pytest.mark.parametrize("command", sorted(c.name for c in app.registered_commands))
def test_docs_every_command_is_in_the_readme(command: str) -> None:
    assert f"`{command}" in README, f"README does not document `{command}`"


@pytest.mark.parametrize("kind", KINDS)
def test_docs_every_export_kind_is_in_the_readme(kind: str) -> None:
    assert kind in README


def test_docs_every_pattern_table_says_its_source_and_schema() -> None:
    folder = resources.files("communique").joinpath("data/patterns")
    for path in folder.iterdir():
        text = path.read_text("utf-8")
        first = (
            json.loads(text.splitlines()[0]) if path.name.endswith(".jsonl") else json.loads(text)
        )
        meta = first["_meta"]
        assert meta["source"] and meta["licence"] and meta["schema"], path.name
