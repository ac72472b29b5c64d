"""The scoring helpers of the benchmark scripts (benchmarks/ is not a package: loaded by path)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from communique.evaluate import Outcome, new_report
from communique.settings import load_settings

from .conftest import load_benchmark


def test_strict_scoring_counts_every_predicted_type_gold_lacks() -> None:
    events = load_benchmark("events")
    counts = events.strict_counts(
        [
            ({"ACCUSE"}, {"ACCUSE", "REJECT"}),  # right type plus an extra one
            ({"AID", "SUPPORT"}, {"AID"}),  # one of two gold types found
            (set(), {"THREATEN"}),  # a sentence gold codes as no event
        ]
    )
    assert counts["ACCUSE"] == {"tp": 1}
    assert counts["REJECT"] == {"fp": 1} and counts["THREATEN"] == {"fp": 1}
    assert counts["AID"] == {"tp": 1} and counts["SUPPORT"] == {"fn": 1}


def test_strict_macro_f1_averages_the_types_gold_holds() -> None:
    events = load_benchmark("events")
    counts = events.strict_counts([({"AGREE"}, {"AGREE"}), ({"COERCE"}, {"SANCTION"})])
    _table, macro = events._table("t", counts)
    assert macro == 0.5  # AGREE 1.0 and COERCE 0.0; SANCTION has no gold and no share of it


def test_dev_reliability_buckets_by_confidence_and_counts_correct_records() -> None:
    dev = load_benchmark("dev")
    assert [dev.bucket(c) for c in (0.0, 0.19, 0.2, 0.79, 0.8, 1.0)] == [0, 0, 1, 3, 4, 4]
    outcomes = [
        Outcome("events", 0.95, True),
        Outcome("events", 1.0, False),
        Outcome("events", 0.1, False),
        Outcome("statements", 0.5, True),
    ]
    assert dev.reliability(outcomes) == {
        ("events", 4): (2, 1),
        ("events", 0): (1, 0),
        ("statements", 2): (1, 1),
    }


def test_dev_metadata_pools_title_date_and_language() -> None:
    dev = load_benchmark("dev")
    report = new_report()
    report.scores["title"].add(True, "")
    report.scores["published"].add(False, "missed")
    report.scores["language"].add(True, "")
    pooled = dev.metadata(report)
    assert (pooled.hits, pooled.total) == (2, 3)
    assert set(dev.headline(report)) == set(dev.FLOORS)


def test_benchmarks_skip_when_shared_is_absent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("dev", "events"):
        monkeypatch.setattr("sys.argv", [name, "--shared", str(tmp_path / "none")])
        assert load_benchmark(name).main() == 0
        assert "skipped" in capsys.readouterr().out


@pytest.mark.model
def test_a_throughput_run_times_one_ingest_in_a_fresh_process(tmp_path: Path) -> None:
    """The protocol between ``make bench``'s throughput table and each run it starts."""
    speed = load_benchmark("speed")
    speed.write_corpus(4, tmp_path / "corpus", seed=5)
    speed.write_corpus(2, tmp_path / "warm", seed=6)
    command = [sys.executable, str(speed.__file__), "--one-run", "pipeline", "--processes", "1"]
    command += ["--corpus", str(tmp_path / "corpus"), "--warm", str(tmp_path / "warm")]
    command += ["--cache", load_settings(environ=dict(os.environ)).pipeline_cache]
    env = {**os.environ, "PYTHONPATH": str(speed.ROOT / "src")}
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    [line] = [row for row in done.stdout.splitlines() if row.startswith("SECONDS ")]
    _label, documents, seconds = line.split()
    assert documents == "4" and float(seconds) > 0
