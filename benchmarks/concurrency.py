"""Concurrency check (issue 11): several `communique ingest` processes on one new database.

Each repetition starts ``--procs`` real ingest processes at once on a new SQLite file, each
reading an overlapping set of small texts (so they race to create the schema and to store the
same articles). A repetition passes when every process exits 0 and the database holds what one
process alone stores: each article once, each source name once, and the same number of rows in
every table (a re-analysed article replaces its rows, never adds to them). Slow (every process
loads spaCy), so it is ``make stress``, not part of ``make test``; the tests run one repetition.
Usage: ``python benchmarks/concurrency.py [--reps 20] [--procs 4]``.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console

# Small texts in our own words: each names two states, a place and a day.
TEXTS = (
    "Ferry deal\n\nThe ministers of Ghana and Togo signed a ferry agreement in Accra on 3 March "
    "2025. Ghana's minister said the crossing would open in summer.",
    "Water talks\n\nNepal and Bhutan held talks on river water in Thimphu on 9 April 2025. "
    '"We agreed on a joint survey," the Nepali envoy said.',
    "Border visit\n\nThe president of Chile visited Bolivia on 12 May 2025 and met its foreign "
    "minister in La Paz to discuss the border crossings.",
    "Fishing protest\n\nIceland protested to Norway on 2 June 2025 over a fishing fleet in "
    "disputed waters north of the islands.",
    "Rail pact\n\nLaos and Cambodia agreed on 20 July 2025 to extend a rail line between their "
    "capitals, officials in Vientiane said.",
    "Aid pledge\n\nJapan pledged flood aid to Fiji on 5 August 2025. The Fijian prime minister "
    "thanked Tokyo for the quick help.",
)
TABLES = ("articles", "article_sources", "analyses", "events", "statements", "mentions")


def write_inputs(folder: Path) -> list[Path]:
    """Write the texts as files in ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, body in enumerate(TEXTS):
        path = folder / f"note{number}.txt"
        path.write_text(body + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def shares(paths: list[Path], procs: int) -> list[list[Path]]:
    """Process k reads half the files starting at file k: every two processes overlap."""
    width = max(1, len(paths) // 2)
    return [[paths[(k + i) % len(paths)] for i in range(width)] for k in range(procs)]


def ingest_at_once(db: Path, groups: list[list[Path]]) -> list[tuple[int, str]]:
    """Run one ``communique ingest`` per group, all at once; return each exit code and stderr."""
    command = [sys.executable, "-m", "communique", "-q", "--db", f"sqlite:///{db}", "ingest"]
    runs = [
        subprocess.Popen(
            [*command, *map(str, group)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for group in groups
    ]
    errors = [run.communicate()[1] for run in runs]
    return [(run.returncode, error) for run, error in zip(runs, errors, strict=True)]


def counts(db: Path) -> dict[str, int]:
    """The number of rows of each table, and of distinct source names."""
    with sqlite3.connect(db) as connection:
        found = {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        found["distinct sources"] = connection.execute(
            "SELECT count(DISTINCT doc) FROM article_sources"
        ).fetchone()[0]
    return found


def repetition(folder: Path, paths: list[Path], procs: int, want: dict[str, int]) -> list[str]:
    """One repetition on a new database in ``folder``; return what went wrong (empty: none)."""
    db = folder / "stress.db"
    problems = [
        f"process {k}: exit {code}: {error.strip().splitlines()[-1] if error.strip() else ''}"
        for k, (code, error) in enumerate(ingest_at_once(db, shares(paths, procs)))
        if code != 0
    ]
    got = counts(db)
    problems += [f"{t}: {got[t]} rows, alone {n}" for t, n in want.items() if got[t] != n]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--procs", type=int, default=4)
    args = parser.parse_args()
    console = Console(highlight=False)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = write_inputs(root / "in")
        alone = root / "alone.db"
        ingest_at_once(alone, [paths])
        want = counts(alone)
        console.print(f"one process alone: {want}")
        failed = 0
        for rep in range(1, args.reps + 1):
            start = time.perf_counter()
            problems = repetition(Path(tempfile.mkdtemp(dir=root)), paths, args.procs, want)
            failed += bool(problems)
            seconds = time.perf_counter() - start
            console.print(f"repetition {rep}: {'; '.join(problems) or 'ok'} ({seconds:.0f} s)")
        console.print(f"{args.reps - failed} of {args.reps} repetitions passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
