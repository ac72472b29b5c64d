"""Development-set benchmark: the whole pipeline on ../shared/gold-dev, build and check halves.

Ingests the 40 documents of ../shared/gold-dev/docs once into a scratch database, scores the
build half against build.jsonl and the check half against check.jsonl with
:func:`communique.evaluate.evaluate` (the rules of ../shared/GOLD-FORMAT.md), and prints the two
side by side: events P/R/F1 overall and per type, agreements, statements, entities, metadata,
cleaning, and a reliability table (records bucketed by their ``confidence`` -> share matched
in scoring; predictions excused by an optional gold event are left out). The floors of issue 10
(acceptance 1) apply to the check half; below one, the exit status is 1.

The check half is for measuring only: this prints its aggregate figures, never its misses.
``--errors build`` lists the build half's misses with their sentences and reasons.
Usage: ``python benchmarks/dev.py --shared ../shared [--errors build]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from communique.evaluate import EvalReport, Outcome, Prf, Score, evaluate
from communique.pipeline import ingest
from communique.settings import load_settings
from communique.store import Store

HALVES = ("build", "check")
# Issue 10, acceptance 1: floors on the check half.
FLOORS: dict[str, float] = {
    "events F1": 0.65,
    "agreements F1": 0.55,
    "statements recall": 0.75,
    "metadata": 0.95,
    "boilerplate dropped": 0.90,
}
BUCKETS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # confidence bucket edges; the last bucket holds 1.0
SECTIONS = ("events", "agreements", "statements")


def _cells(score: Score | Prf) -> list[str]:
    """P, R, F1 and counts of a Prf; the share and counts of a Score (no P and R)."""
    if isinstance(score, Prf):
        return [
            f"{score.precision:.2f}",
            f"{score.recall:.2f}",
            f"{score.share:.2f}",
            f"{score.tp}/{score.tp + score.fn} +{score.fp}",
        ]
    return ["", "", f"{score.share:.2f}", f"{score.hits}/{score.total}"]


def metadata(report: EvalReport) -> Score:
    """Title, publication date and language together, each field of each document one item."""
    total = Score()
    for name in ("title", "published", "language"):
        score = report.scores[name]
        assert isinstance(score, Score)
        total.hits += score.hits
        total.total += score.total
    return total


def headline(report: EvalReport) -> dict[str, float]:
    """The figures the floors apply to."""
    events, agreements = report.scores["events"], report.scores["agreements"]
    statements = report.scores["statements"]
    assert isinstance(events, Prf) and isinstance(agreements, Prf)
    assert isinstance(statements, Prf)
    return {
        "events F1": events.share,
        "agreements F1": agreements.share,
        "statements recall": statements.recall,
        "metadata": metadata(report).share,
        "boilerplate dropped": report.scores["clean.drop"].share,
    }


def scores_table(reports: dict[str, EvalReport]) -> Table:
    """Every section of both halves side by side, events per type below the events."""
    columns = [f"{half} {name}" for half in HALVES for name in ("P", "R", "F1/share", "n")]
    table = Table(
        "measure", *columns, title="gold-dev: build | check (n: matched/gold +false positives)"
    )

    def row(label: str, scores: list[Score | Prf]) -> None:
        table.add_row(label, *(cell for score in scores for cell in _cells(score)))

    row("events", [reports[h].scores["events"] for h in HALVES])
    for kind in sorted({kind for report in reports.values() for kind in report.event_types}):
        row(f"  {kind}", [reports[h].event_types.get(kind, Prf()) for h in HALVES])
    for name in ("events.mode", "events.direction", "events.location", "events.evidence"):
        row(f"  {name.removeprefix('events.')}", [reports[h].scores[name] for h in HALVES])
    for name in ("agreements", "statements", "entities"):
        row(name, [reports[h].scores[name] for h in HALVES])
    row("metadata", [metadata(reports[h]) for h in HALVES])
    for name in ("title", "published", "language"):
        row(f"  {name}", [reports[h].scores[name] for h in HALVES])
    row("clean keep", [reports[h].scores["clean.keep"] for h in HALVES])
    row("clean drop", [reports[h].scores["clean.drop"] for h in HALVES])
    return table


def bucket(confidence: float) -> int:
    """Index of the confidence bucket, 0 to len(BUCKETS) - 2 (1.0 in the top bucket)."""
    for index in range(len(BUCKETS) - 2, -1, -1):
        if confidence >= BUCKETS[index]:
            return index
    return 0


def reliability(outcomes: list[Outcome]) -> dict[tuple[str, int], tuple[int, int]]:
    """(section, bucket) -> (records, records matched in scoring)."""
    counts: dict[tuple[str, int], tuple[int, int]] = {}
    for outcome in outcomes:
        key = (outcome.section, bucket(outcome.confidence))
        seen, right = counts.get(key, (0, 0))
        counts[key] = (seen + 1, right + outcome.correct)
    return counts


def reliability_table(reports: dict[str, EvalReport]) -> Table:
    """Per section and confidence bucket: how many records, and the share that is correct."""
    counts = {half: reliability(reports[half].outcomes) for half in HALVES}
    table = Table(
        "record",
        "confidence",
        *(f"{half} {column}" for half in HALVES for column in ("n", "correct")),
        title="reliability: confidence bucket -> share correct",
    )
    for section in SECTIONS:
        for index in range(len(BUCKETS) - 1):
            cells = []
            for half in HALVES:
                seen, right = counts[half].get((section, index), (0, 0))
                cells += [str(seen), f"{right / seen:.2f}" if seen else "-"]
            if any(cell not in {"0", "-"} for cell in cells):
                label = f"{BUCKETS[index]:.1f}-{BUCKETS[index + 1]:.1f}"
                table.add_row(section, label, *cells)
    return table


def print_errors(console: Console, report: EvalReport) -> None:
    """One half's misses, grouped by section and reason, each with its sentence."""
    for heading, line in report.error_lines():
        console.print(f"\n{line}" if heading else line, markup=False, soft_wrap=True)


def run(dev: Path) -> tuple[dict[str, EvalReport], float]:
    """Ingest every document of ``dev`` into a scratch database; score each half."""
    with tempfile.TemporaryDirectory() as scratch:
        settings = load_settings(environ={}, overrides=[f"db=sqlite:///{scratch}/dev.db"])
        store = Store.open(settings.db)
        try:
            began = time.perf_counter()
            ingest([str(dev / "docs")], settings=settings, store=store)
            seconds = time.perf_counter() - began
            return {half: evaluate(store, dev / f"{half}.jsonl") for half in HALVES}, seconds
        finally:
            store.close()


def main() -> int:
    """Print both halves side by side; exit 1 when the check half is below a floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument(
        "--errors",
        choices=["build"],
        help="List the build half's misses (never the check half's: it is for measuring only).",
    )
    args = parser.parse_args()
    dev = args.shared / "gold-dev"
    console = Console(width=120)  # the side-by-side table needs the room, piped or not
    if not (dev / "docs").is_dir() or not all((dev / f"{h}.jsonl").exists() for h in HALVES):
        console.print(f"skipped: {dev} (docs, build.jsonl, check.jsonl) is absent")
        return 0
    reports, seconds = run(dev)
    documents = sum(report.documents for report in reports.values())
    console.print(f"ingested and scored {documents} documents in {seconds:.0f} s")
    for half in HALVES:
        for doc in reports[half].missing_documents:
            console.print(f"not stored ({half}): {doc}", markup=False)
    console.print(scores_table(reports))
    console.print(reliability_table(reports))
    if args.errors:
        print_errors(console, reports[args.errors])
    figures = headline(reports["check"])
    failed = False
    for name, floor in FLOORS.items():
        ok = figures[name] >= floor
        failed |= not ok
        verdict = "PASS" if ok else "FAIL"
        console.print(f"{verdict}: check half {name} {figures[name]:.2f} (floor {floor})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
