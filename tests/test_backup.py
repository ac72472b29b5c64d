"""Backup and restore of the whole store: `export all --out DIR` and `import DIR` (issue 11)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from typer.testing import CliRunner

from communique.cli import app
from communique.link import merge_events
from communique.pipeline import ingest
from communique.settings import load_settings
from communique.store import SCHEMA_VERSION, Store
from communique.store.backup import MANIFEST, export_all
from communique.store.tables import DERIVED, Base

from .conftest import SAMPLE, Databases

runner = CliRunner()

# An article of our own, not in the sample corpus: the database a backup is merged into has it.
HARBOUR = (
    "Iceland and Uruguay agree on a fisheries research programme\n\n"
    "The foreign ministers of Iceland and Uruguay met in Reykjavik on 14 March 2024 and signed "
    "a memorandum on joint research into deep-sea fisheries. "
    '"Our scientists will sail together before the end of the year," the Icelandic foreign '
    "minister said after the signing.\n"
)


def _run(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), *args])


# The columns of an event row that say which story it is in: recomputed, like DERIVED.
_STORY = {"story_id", "merge_key"}


def _tables(db: Path, *, derived: bool = True) -> dict[str, list[tuple]]:
    """Every row of every model table, all columns, in primary-key order.

    Without ``derived``, the rows that the store recomputes (the derived tables, each event's
    story) are left out: merging articles in changes them, as it should.
    """
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        found = {
            table.name: [
                tuple(row)
                for row in connection.execute(
                    select(*(c for c in table.columns if derived or c.name not in _STORY)).order_by(
                        *table.primary_key.columns
                    )
                )
            ]
            for table in Base.metadata.sorted_tables
            if derived or table.name not in DERIVED
        }
    engine.dispose()
    return found


def _ingest(db: Path, *paths: Path) -> None:
    settings = load_settings(environ={}, overrides=[f"db=sqlite:///{db}"])
    store = Store.open(settings.db)
    report = ingest([str(p) for p in paths], settings=settings, store=store)
    store.close()
    assert not report.failed


@pytest.fixture(scope="module")
def source(databases: Databases) -> Path:
    """The sample corpus ingested (a copy of the session's, see conftest), and a followed source
    with one entry done (``watch``): every table has rows."""
    url = databases.sample("sqlite")
    store = Store.open(url)
    article = next(iter(store.articles()))
    when = datetime(2026, 3, 1, 8, 30)
    store.add_watch("herald", "http://127.0.0.1:9/feed.xml", every=1800, now=when)
    store.mark_seen(
        "herald", "http://127.0.0.1:9/a.html", status="stored", article_id=article.id, now=when
    )
    store.close()
    return Path(url.removeprefix("sqlite:///"))


@pytest.fixture(scope="module")
def backup(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("backup") / "all"
    result = _run(source, "export", "all", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def _copy(backup: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(backup, copy)
    return copy


def _rewrite(folder: Path, table: str, edit) -> None:
    """Change a table file with ``edit`` (rows in, rows out) and re-hash it in the manifest."""
    path = folder / f"{table}.jsonl"
    rows = edit([json.loads(line) for line in path.read_text("utf-8").splitlines()])
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    path.write_text(data, encoding="utf-8")
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    for entry in manifest["tables"]:
        if entry["table"] == table:
            entry["sha256"] = hashlib.sha256(data.encode("utf-8")).hexdigest()
            entry["rows"] = len(rows)
            entry["columns"] = [c for c in entry["columns"] if not rows or c in rows[0]]
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def test_export_all_then_import_restores_every_table_exactly(
    source: Path, backup: Path, tmp_path: Path
) -> None:
    before = _tables(source)
    # Every table has rows (the sample has no near-copies, a derived table, and no article in a
    # second language, so no translations: test_translations.py backs those up).
    empty = [name for name, rows in before.items() if not rows]
    assert set(empty) <= {"near_copies", "translations", "twin_events"}, empty
    manifest = json.loads((backup / MANIFEST).read_text("utf-8"))
    assert manifest["schema_version"] == SCHEMA_VERSION
    # The derived tables are left out and recomputed by the restore: to the same rows.
    assert {e["table"]: e["rows"] for e in manifest["tables"]} == {
        name: len(rows) for name, rows in before.items() if name not in DERIVED
    }
    target = tmp_path / "restored.db"
    result = _run(target, "import", str(backup))
    assert result.exit_code == 0, result.output
    assert "imported 10 articles" in result.output
    assert _tables(target) == before
    # The search index is rebuilt from the restored rows, not copied: it finds the same.
    restored, original = Store.open(str(target)), Store.open(str(source))
    for query in ("diamonds", "Kristersson"):
        assert restored.search(query) == original.search(query)
    restored.close()
    original.close()


def test_import_twice_changes_nothing(backup: Path, tmp_path: Path) -> None:
    target = tmp_path / "twice.db"
    assert _run(target, "import", str(backup)).exit_code == 0
    once = _tables(target)
    again = _run(target, "import", str(backup))
    assert again.exit_code == 0, again.output
    assert "imported 0 articles (0 rows)" in again.output
    assert _tables(target) == once


def test_a_backup_of_the_same_database_is_the_same_files(source: Path, backup: Path, tmp_path):
    second = tmp_path / "second"
    store = Store.open(str(source))
    export_all(store, second)
    store.close()
    for path in sorted(backup.glob("*.jsonl")):
        assert (second / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_corrupted_backup_is_refused_before_anything_is_written(
    backup: Path, tmp_path: Path
) -> None:
    copy = _copy(backup, tmp_path)
    evidence = copy / "evidence.jsonl"
    evidence.write_bytes(evidence.read_bytes().replace(b'"start": ', b'"start": 1', 1))
    target = tmp_path / "never.db"
    result = _run(target, "import", str(copy))
    assert result.exit_code == 1
    (line,) = [x for x in result.output.splitlines() if x.startswith("error: ")]
    assert "evidence.jsonl is corrupted" in line and "sha256" in line and "[E422]" in line
    assert not target.exists()  # refused before the database was even opened


def test_a_backup_missing_rows_or_its_manifest_is_refused(backup: Path, tmp_path: Path) -> None:
    copy = _copy(backup, tmp_path)
    manifest = json.loads((copy / MANIFEST).read_text("utf-8"))
    manifest["tables"][0]["rows"] += 1
    (copy / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    result = _run(tmp_path / "a.db", "import", str(copy))
    assert result.exit_code == 1 and "[E422]" in result.output and "rows" in result.output
    (copy / MANIFEST).unlink()  # an export interrupted before its last step
    result = _run(tmp_path / "b.db", "import", str(copy))
    assert result.exit_code == 1 and "not a communique backup" in result.output
    assert "[E420]" in result.output


def test_a_newer_backup_is_refused(backup: Path, tmp_path: Path) -> None:
    copy = _copy(backup, tmp_path)
    manifest = json.loads((copy / MANIFEST).read_text("utf-8"))
    manifest["schema_version"] = SCHEMA_VERSION + 1
    (copy / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    result = _run(tmp_path / "a.db", "import", str(copy))
    assert result.exit_code == 1 and "newer than this release" in result.output
    assert "[E421]" in result.output
    # A column this release does not know is a newer backup too, whatever version it says.
    manifest["schema_version"] = SCHEMA_VERSION
    manifest["tables"][0]["columns"].append("sentiment")
    (copy / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    result = _run(tmp_path / "b.db", "import", str(copy))
    assert result.exit_code == 1 and "articles.sentiment" in result.output
    assert "[E423]" in result.output


def test_an_older_backup_gets_the_defaults_of_columns_it_lacks(
    backup: Path, tmp_path: Path
) -> None:
    copy = _copy(backup, tmp_path)
    _rewrite(
        copy,
        "events",
        lambda rows: [{k: v for k, v in r.items() if k != "confidence"} for r in rows],
    )
    target = tmp_path / "older.db"
    result = _run(target, "import", str(copy))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as connection:
        (values,) = connection.execute("SELECT group_concat(DISTINCT confidence) FROM events")
    assert values == ("1.0",)


def test_export_all_goes_into_a_new_or_empty_directory(source: Path, tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine", encoding="utf-8")
    result = _run(source, "export", "all", "--out", str(tmp_path / "full"))
    assert result.exit_code == 1 and "[E425]" in result.output
    assert _run(source, "export", "all").exit_code == 2  # --out is needed
    csv = _run(source, "export", "all", "--format", "csv", "--out", str(tmp_path / "csv"))
    assert csv.exit_code == 2 and "formats: jsonl" in csv.output


def test_import_into_a_database_with_other_articles_needs_merge(
    source: Path, backup: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "own"
    folder.mkdir()
    (folder / "iceland-uruguay.txt").write_text(HARBOUR, encoding="utf-8")
    shutil.copy(SAMPLE / "2024-03-07-sweden-joins-nato.txt", folder)
    target = tmp_path / "busy.db"
    _ingest(target, folder)
    held = _tables(target, derived=False)
    refused = _run(target, "import", str(backup))
    assert refused.exit_code == 1
    assert "already holds 2 articles and the backup 9 others" in refused.output
    assert "[E424]" in refused.output
    assert _tables(target, derived=False) == held
    merged = _run(target, "import", str(backup), "--merge")
    assert merged.exit_code == 0, merged.output
    assert "imported 9 articles" in merged.output
    after, original = _tables(target, derived=False), _tables(source, derived=False)
    # Every article of both, once; every row of the target kept as it was.
    assert len(after["articles"]) == 11
    for name, rows in held.items():
        assert set(rows) <= set(after[name]), name
    # Renumbered rows still belong together: each evidence sentence is at its offsets in the
    # text of its own event's article, and each article has the events it had in the backup.
    with sqlite3.connect(target) as connection:
        mismatched = connection.execute(
            "SELECT count(*) FROM evidence v JOIN events e ON e.id = v.event_id "
            "JOIN articles a ON a.id = e.article_id "
            "WHERE substr(a.text, v.start + 1, v.end - v.start) != v.sentence"
        ).fetchone()
    assert mismatched == (0,)

    # The backup's events of the articles the target lacked, each once (ids aside).
    known = {row[0] for row in held["articles"]}
    added = [row[1:] for row in original["events"] if row[1] not in known]
    assert len(after["events"]) == len(held["events"]) + len(added)
    assert set(added) <= {row[1:] for row in after["events"]}
    again = _run(target, "import", str(backup), "--merge")
    assert again.exit_code == 0 and _tables(target, derived=False) == after
    # The stories of both, as one merge of every event gives them.
    store = Store.open(str(target))
    everything = merge_events([(article.id, event) for article, event in store.events()])
    assert [s.id for s in store.stories()] == [s.id for s in everything]
    store.close()
