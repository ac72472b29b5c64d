"""The command line end to end, in process, on a real database of each backend."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from communique.cli import app

from .conftest import SAMPLE

runner = CliRunner()


def _run(db: str, *args: str, stdin: str | None = None):
    return runner.invoke(app, ["--db", db, *args], input=stdin)


def _dump(db: str) -> list[tuple]:
    """Every row of every table (the search index's too), but the ingest times."""
    engine = create_engine(db.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            rows = []
            for table in sorted(inspect(conn).get_table_names()):
                columns = [c["name"] for c in inspect(conn).get_columns(table)]
                kept = ", ".join(f'"{c}"' for c in columns if c != "ingested_at")
                rows += [(table, *r) for r in conn.execute(text(f'SELECT {kept} FROM "{table}"'))]
            return sorted(rows, key=repr)
    finally:
        engine.dispose()


def test_cli_ingest_sample_then_again_is_a_no_op(db_url: str) -> None:
    db = db_url
    first = _run(db, "ingest", str(SAMPLE))
    assert first.exit_code == 0, first.output
    assert "10 new, 0 unchanged, 0 failed" in first.output
    before = _dump(db)
    second = _run(db, "ingest", str(SAMPLE))
    assert second.exit_code == 0
    assert "0 new, 10 unchanged, 0 failed" in second.output
    assert _dump(db) == before


def test_cli_bad_inputs_fail_alone_and_exit_1(tmp_path: Path, db_url: str) -> None:
    db = db_url
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Envoys from both capitals met in Vienna and agreed on a new round of talks in May.",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "feed.jsonl").write_text(
        '{"id": "f-1", "text": "A delegation arrived in Lima for consultations on trade."}\n'
        "{broken\n",
        encoding="utf-8",
    )
    result = _run(db, "ingest", str(folder), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 4
    assert any("empty.txt" in e and "[E101]" in e for e in errors)
    assert any("blob.txt" in e and "[E102]" in e for e in errors)
    assert any("feed.jsonl: line 2" in e and "[E105]" in e for e in errors)
    assert any("missing.txt" in e and "[E109]" in e for e in errors)
    assert "2 new, 0 unchanged, 4 failed" in result.output
    before = _dump(db)
    again = _run(db, "ingest", str(folder))
    assert again.exit_code == 1
    assert _dump(db) == before


@pytest.mark.parametrize(
    ("table", "reason"),
    [("articles", "the disk is full"), ("events", "the table is locked for audit")],
)
def test_cli_ingest_a_database_refusing_writes_says_so_in_one_line(
    tmp_path: Path, table: str, reason: str
) -> None:
    # A real refusal: a trigger aborts the batch's transaction at its articles or its events.
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert _run(db, "ingest", str(SAMPLE)).exit_code == 0
    before = _dump(db)
    engine = create_engine(db)
    with engine.begin() as conn:
        refuse = f"SELECT RAISE(ABORT, '{reason}')"
        conn.execute(text(f"CREATE TRIGGER refuse BEFORE INSERT ON {table} BEGIN {refuse}; END"))
    engine.dispose()
    new = tmp_path / "new.txt"
    new.write_text(
        "The foreign ministers of Chile and Ghana met in Accra on 3 May 2024 to sign a visa "
        "waiver agreement.",
        encoding="utf-8",
    )
    result = _run(db, "ingest", str(new))
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and reason in errors[0] and errors[0].endswith("[E403]")
    assert "Traceback" not in result.output
    assert _dump(db) == before


def test_cli_ingest_from_stdin(db_url: str) -> None:
    db = db_url
    text = "The two presidents spoke by phone on Friday about grain exports and prisoners."
    result = _run(db, "ingest", "-", stdin=text)
    assert result.exit_code == 0, result.output
    shown = _run(db, "show", "<stdin>")
    assert text in shown.output


def test_cli_show_export_jsonl_and_csv_agree(sample_url: str) -> None:
    db = sample_url
    lines = _run(db, "export", "articles", "--format", "jsonl").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 10
    for record in records:
        assert {"id", "doc", "title", "published", "language", "publisher", "text"} <= set(record)
    feed = next(r for r in records if r["doc"] == "agency-2024-0402")
    assert feed["published"] == "2024-04-02"
    rows = list(
        csv.DictReader(io.StringIO(_run(db, "export", "articles", "--format", "csv").stdout))
    )
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert [r["text"] for r in rows] == [r["text"] for r in records]
    shown = _run(db, "show", records[0]["id"][:8])
    assert shown.exit_code == 0 and records[0]["doc"] in shown.output


def test_cli_settings_shows_sources(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["--db", str(tmp_path / "x.db"), "--set", "max_bytes=5", "settings"]
    )
    assert result.exit_code == 0
    assert "--set" in result.output and "max_bytes" in result.output


def test_cli_unknown_setting_is_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--set", "nonsense=1", "settings"])
    assert result.exit_code == 2
    assert "E301" in result.output


def test_cli_exports_carry_the_contract_fields(sample_url: str) -> None:
    db = sample_url
    expected = {
        "entities": {"id", "name", "kind", "code", "office", "aliases", "mentions"},
        "events": {
            "id",
            "event",
            "mode",
            "context",
            "date",
            "enddate",
            "precision",
            "actor",
            "recipient",
            "event_loc",
            "evidence",
            "sources",
            "negated",
            "tense",
            "confidence",
        },
        "agreements": {"id", "title", "kind", "parties", "actions"},
        "statements": {"id", "speaker", "quote", "date", "doc", "start", "end", "confidence"},
    }
    action_fields = {"action", "date", "enddate", "precision", "doc", "sentence", "start", "end"}
    articles = {
        json.loads(line)["doc"]: json.loads(line)["text"]
        for line in _run(db, "export", "articles").stdout.splitlines()
    }
    for kind, fields in expected.items():
        records = [json.loads(line) for line in _run(db, "export", kind).stdout.splitlines()]
        assert records, kind
        for record in records:
            assert fields <= set(record), (kind, set(record))
            for action in record.get("actions", []) if kind == "agreements" else []:
                assert action_fields | {"confidence"} <= set(action), set(action)
            if kind != "entities":  # events, statements and each agreement action
                scores = [a["confidence"] for a in record.get("actions", [record])]
                assert all(0 <= c <= 1 for c in scores), (kind, scores)
    for record in (json.loads(x) for x in _run(db, "export", "events").stdout.splitlines()):
        for evidence in record["evidence"]:
            text = articles[evidence["doc"]]
            assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
    for record in (json.loads(x) for x in _run(db, "export", "statements").stdout.splitlines()):
        assert articles[record["doc"]][record["start"] : record["end"]] == record["quote"]


def test_cli_events_timeline_agreements_quotes(sample_url: str) -> None:
    db = sample_url
    events = _run(db, "events", "--type", "CONSULT", "--since", "2022-01-01")
    assert events.exit_code == 0 and "CONSULT" in events.output
    assert "2024" in _run(db, "timeline").output
    assert "Reciprocal Access Agreement" in _run(db, "agreements").output
    assert "Kristersson" in _run(db, "quotes", "--speaker", "Kristersson").output
    assert _run(db, "events", "--since", "not-a-date").exit_code == 2


def test_cli_min_confidence_keeps_the_surer_records(sample_url: str) -> None:
    db = sample_url
    events = [json.loads(line) for line in _run(db, "export", "events").stdout.splitlines()]
    scores = sorted(r["confidence"] for r in events)
    middle = scores[len(scores) // 2]
    every = _run(db, "events").output
    kept = _run(db, "events", "--min-confidence", str(middle)).output
    assert every.count("evt-") == len(events)  # one row per event, the id opening each
    assert kept.count("evt-") == sum(c >= middle for c in scores) < len(events)
    surest = next(r["id"] for r in events if r["confidence"] == scores[-1])
    assert f"confidence: {scores[-1]:.2f}" in _run(db, "show-event", surest).output
    assert "CONSULT" not in _run(db, "events", "--min-confidence", "1").output
    assert _run(db, "events", "--min-confidence", "1.5").exit_code == 2
    quotes = [json.loads(line) for line in _run(db, "export", "statements").stdout.splitlines()]
    top = max(q["confidence"] for q in quotes)
    assert _run(db, "quotes", "--min-confidence", str(top)).output.count("“") == sum(
        q["confidence"] >= top for q in quotes
    )
    assert "no quotations found" in _run(db, "quotes", "--min-confidence", "1").output
    assert "no agreements found" in _run(db, "agreements", "--min-confidence", "1").output
    assert "Reciprocal Access Agreement" in _run(db, "agreements", "--min-confidence", "0").output


def test_cli_parquet_and_csv_round_trip_to_the_jsonl_rows(tmp_path: Path, sample_url: str) -> None:
    import pandas as pd

    db = sample_url
    for kind in ("articles", "events", "agreements", "statements", "entities"):
        lines = _run(db, "export", kind).stdout.splitlines()
        ids = [json.loads(line)["id"] for line in lines]
        parquet, table = tmp_path / f"{kind}.parquet", tmp_path / f"{kind}.csv"
        assert _run(db, "export", kind, "--format", "parquet", "--out", str(parquet)).exit_code == 0
        _run(db, "export", kind, "--format", "csv", "--out", str(table))
        assert list(pd.read_parquet(parquet)["id"]) == ids, kind
        assert list(pd.read_csv(table)["id"]) == ids, kind


def test_cli_network_export(tmp_path: Path, sample_url: str) -> None:
    import networkx as nx

    db = sample_url
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        path = tmp_path / f"net.{fmt}"
        assert _run(db, "export", "network", "--format", fmt, "--out", str(path)).exit_code == 0
        graph = read(path)
        assert graph.number_of_edges() > 0
        assert all(
            d["weight"] == d["cooperation"] + d["conflict"] for *_e, d in graph.edges(data=True)
        )
    assert _run(db, "export", "events", "--format", "parquet").exit_code == 2


def test_cli_report_is_one_self_contained_file(tmp_path: Path, sample_url: str) -> None:
    db = sample_url
    path = tmp_path / "brief.html"
    result = _run(db, "report", "--out", str(path), "--actor", "RUS")
    assert result.exit_code == 0, result.output
    html = path.read_text("utf-8")
    assert "Plotly.newPlot" in html and "<script src=" not in html
    assert 'id="network"' in html and "RUS" in html


def test_console_entry_ends_with_the_commands_status_and_all_its_output(tmp_path: Path) -> None:
    # ``main`` ends the process itself, skipping the interpreter's teardown: the status and
    # every line written must still come out as the command left them.
    db = f"sqlite:///{tmp_path / 'store.db'}"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "communique", "--db", db, *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=600)

    stored = run("ingest", str(SAMPLE))
    assert stored.returncode == 0, stored.stderr
    assert "10 new, 0 unchanged, 0 failed" in stored.stderr
    exported = run("export", "articles")
    assert exported.returncode == 0
    articles = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(articles) == 10 and all(article["text"] for article in articles)
    missing = run("ingest", str(tmp_path / "nowhere.txt"))
    assert missing.returncode == 1 and "[E109]" in missing.stderr
    assert run("events", "--no-such-option").returncode == 2
