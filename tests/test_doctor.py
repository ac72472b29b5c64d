"""`communique doctor`: a healthy database passes; each real kind of damage is named (issue 11)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.pipeline import ingest
from communique.settings import load_settings
from communique.store import SCHEMA_VERSION, Store

runner = CliRunner()

DOC = "estonia-kenya.txt"
# Our own short article: a visit, an agreement and a quotation, so every table gets rows.
TEXT = (
    "Estonia and Kenya open talks on digital government\n\n"
    "Kenyan Foreign Minister Musalia Mudavadi visited Tallinn on 9 April 2024 and met his "
    "Estonian counterpart Margus Tsahkna. The two ministers signed a memorandum of understanding "
    'on digital public services. "We came to learn how a small state runs its registries '
    'online," Mudavadi said after the meeting.\n'
)


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("doctor")
    (folder / "in").mkdir()
    (folder / "in" / DOC).write_text(TEXT, encoding="utf-8")
    db = folder / "healthy.db"
    settings = load_settings(environ={}, overrides=[f"db=sqlite:///{db}"])
    store = Store.open(settings.db)
    assert not ingest([str(folder / "in")], settings=settings, store=store).failed
    store.close()
    return db


def _copy(healthy: Path, tmp_path: Path) -> Path:
    """A copy of the healthy database (through SQLite's backup, so the WAL comes along)."""
    copy = tmp_path / "copy.db"
    with sqlite3.connect(healthy) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    source.close()
    target.close()
    return copy


def _doctor(db: Path, *options: str) -> tuple[int, dict[str, dict[str, str]]]:
    result = runner.invoke(app, ["--db", str(db), *options, "doctor", "--json"])
    data = json.loads(result.stdout)
    assert data["ok"] == (result.exit_code == 0)
    return result.exit_code, {check["name"]: check for check in data["checks"]}


def _problems(checks: dict[str, dict[str, str]]) -> dict[str, str]:
    return {name: c["detail"] for name, c in checks.items() if c["status"] == "problem"}


def test_a_healthy_database_passes_every_check(healthy: Path) -> None:
    code, checks = _doctor(healthy)
    assert code == 0, checks
    assert {c["status"] for c in checks.values()} == {"ok"}
    assert checks["schema version"]["detail"] == str(SCHEMA_VERSION)
    assert "PRAGMA integrity_check: ok" in checks["integrity"]["detail"]
    assert "article_search: 1 rows" in checks["search index (articles)"]["detail"]
    assert "articles 1," in checks["tables"]["detail"]
    assert "en_core_web_sm" in checks["model"]["detail"]
    assert checks["knowledge base"]["detail"].startswith("sha256 ")
    table = runner.invoke(app, ["--db", str(healthy), "doctor"])
    assert table.exit_code == 0 and "integrity" in table.stdout and "problem" not in table.stdout


def test_an_article_without_analysis_is_a_problem(healthy: Path, tmp_path: Path) -> None:
    db = _copy(healthy, tmp_path)
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM analyses")
    code, checks = _doctor(db)
    assert code == 1
    assert _problems(checks) == {"analysis": _problems(checks)["analysis"]}
    assert f"1 articles have no analysis (first: {DOC})" in checks["analysis"]["detail"]
    assert "[E434]" in checks["analysis"]["detail"]


def test_junk_in_the_search_index_is_a_problem(healthy: Path, tmp_path: Path) -> None:
    db = _copy(healthy, tmp_path)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE article_search_data SET block = x'0badf00d' WHERE id > 10")
    code, checks = _doctor(db)
    assert code == 1
    assert set(_problems(checks)) == {"search index (articles)"}
    detail = checks["search index (articles)"]["detail"]
    assert "article_search is damaged" in detail and "[E432]" in detail
    assert checks["search index (quotes)"]["status"] == "ok"


def test_a_lost_search_row_is_a_problem(healthy: Path, tmp_path: Path) -> None:
    db = _copy(healthy, tmp_path)
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM quote_search")
    code, checks = _doctor(db)
    assert code == 1
    assert "quote_search has 0 rows for 1 statements" in _problems(checks)["search index (quotes)"]


def test_a_newer_schema_version_is_a_problem(healthy: Path, tmp_path: Path) -> None:
    db = _copy(healthy, tmp_path)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    code, checks = _doctor(db)
    assert code == 1
    assert "schema version 999 is newer" in _problems(checks)["schema version"]
    assert "[E428]" in checks["schema version"]["detail"]
    assert set(checks) == {"database", "schema version", "communique", "model", "knowledge base"}
    with sqlite3.connect(db) as connection:
        connection.execute(
            f"UPDATE meta SET value = '{SCHEMA_VERSION - 1}' WHERE key = 'schema_version'"
        )
    code, checks = _doctor(db)
    assert code == 1 and "older than this release's" in _problems(checks)["schema version"]


def test_a_damaged_page_is_a_problem(healthy: Path, tmp_path: Path) -> None:
    db = _copy(healthy, tmp_path)
    with sqlite3.connect(db) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_articles_doc'"
        ).fetchone()
        (size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    data = bytearray(db.read_bytes())
    at = data.index(DOC.encode(), (root - 1) * size)  # the article's entry in the index page
    assert at < root * size
    data[at : at + 7] = b"lithuan"  # the index now names a document the table does not hold
    db.write_bytes(bytes(data))
    code, checks = _doctor(db)
    assert code == 1
    detail = _problems(checks)["integrity"]
    assert "ix_articles_doc" in detail and "[E430]" in detail


def test_rows_whose_article_is_gone_are_a_problem(healthy: Path, tmp_path: Path) -> None:
    db = _copy(healthy, tmp_path)
    with sqlite3.connect(db) as connection:  # foreign keys are off in a plain connection
        connection.execute("DELETE FROM articles")
    code, checks = _doctor(db)
    assert code == 1
    assert "point to a missing row" in _problems(checks)["foreign keys"]


def test_a_missing_database_or_model_is_a_problem(healthy: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    code, checks = _doctor(missing)
    assert code == 1 and "no such file" in checks["database"]["detail"]
    assert not missing.exists()  # the doctor only looks
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"these are not the pages of a database\n" * 200)
    code, checks = _doctor(junk)
    assert code == 1 and "cannot open" in _problems(checks)["database"]
    assert junk.read_bytes() == b"these are not the pages of a database\n" * 200
    code, checks = _doctor(healthy, "--set", "model=xx_no_such_model")
    assert code == 1
    assert _problems(checks) == {"model": "spaCy model xx_no_such_model: not installed [E436]"}


def test_a_malformed_actors_file_is_a_problem(healthy: Path, tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text("name: [unclosed\n", encoding="utf-8")
    code, checks = _doctor(healthy, "--set", f"actors_file={actors}")
    assert code == 1
    assert "actors.yaml" in _problems(checks)["knowledge base"]
    assert "[E437]" in checks["knowledge base"]["detail"]
