"""Issue 13: ``make bench-ru`` (benchmarks/russian.py), its verdicts and its run on gold-ru."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.evaluate import new_report
from communique.settings import load_settings

from .conftest import SHARED, load_benchmark

pytestmark = pytest.mark.issue(13)


def test_bench_ru_skips_when_shared_is_absent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.argv", ["russian", "--shared", str(tmp_path / "none")])
    assert load_benchmark("russian").main() == 0
    assert "skipped" in capsys.readouterr().out


def test_a_pair_passes_only_recognised_merged_and_alone() -> None:
    russian = load_benchmark("russian")
    good = russian.Pair("a.txt", "b.txt", 0.91, core=3, found=2, merged=2, intruders=())
    assert good.ok
    assert not russian.Pair("a.txt", "b.txt", None, 3, 2, 2, ()).ok  # not recognised
    assert not russian.Pair("a.txt", "b.txt", 0.9, 3, 2, 1, ()).ok  # one event apart
    assert not russian.Pair("a.txt", "b.txt", 0.9, 3, 2, 2, ("c.txt",)).ok  # a third joined


def test_the_figures_are_those_the_targets_name() -> None:
    russian = load_benchmark("russian")
    report = new_report()
    report.scores["title"].add(True, "")
    report.scores["published"].add(False, "missed")
    assert set(russian.figures(report)) == set(russian.TARGETS)
    assert russian.figures(report)["metadata"] == 0.5


@pytest.mark.skipif(
    not (SHARED / "gold-ru" / "twins.tsv").exists(),
    reason=f"{SHARED / 'gold-ru'} (the Russian gold set beside the checkout) is absent",
)
def test_every_twins_tsv_pair_is_recognised_and_merged_with_nothing_else(tmp_path: Path) -> None:
    russian = load_benchmark("russian")
    gold = SHARED / "gold-ru"
    settings = load_settings(
        environ={},
        overrides=[f"db=sqlite:///{tmp_path}/ru.db", f"pipeline_cache={tmp_path / 'cache'}"],
    )
    pairs = russian.read_pairs(gold)
    alone, paired, checked, store = russian.run_eval(settings, gold, pairs, tmp_path)
    store.close()
    assert alone.documents == paired.documents == 8 and not alone.missing_documents
    assert [(p.russian, p.english) for p in checked] == pairs
    assert all(p.score is not None and p.ok for p in checked), checked
