"""Schema migrations (issue 11, case 3): older databases are upgraded in place and keep their
rows, the models and the migrations agree, and processes creating one new database take turns.

The older databases are built here from their own DDL, as releases with schema versions 1 and
4 created them (``git log -p src/communique/store/tables.py``), then filled with a few rows.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect
from typer.testing import CliRunner

from communique.cli import app
from communique.errors import StoreError
from communique.model import Analysis, Event, Evidence
from communique.store import SCHEMA_VERSION, Store, migrations
from communique.store.engine import database_url, open_engine
from communique.store.tables import Base

from .conftest import load_benchmark, postgres_server

pytestmark = pytest.mark.issue(11)

_V1_TABLES = (
    'CREATE TABLE meta ("key" VARCHAR(64) NOT NULL, value TEXT NOT NULL, PRIMARY KEY ("key"))',
    "CREATE TABLE articles (id VARCHAR(32) NOT NULL, doc TEXT NOT NULL, title TEXT, "
    "published DATE, language VARCHAR(16), publisher TEXT, url TEXT, text TEXT NOT NULL, "
    "ingested_at DATETIME NOT NULL, PRIMARY KEY (id))",
    "CREATE INDEX ix_articles_published ON articles (published)",
    "CREATE INDEX ix_articles_doc ON articles (doc)",
    "CREATE TABLE source_groups (name TEXT NOT NULL, docs INTEGER NOT NULL, PRIMARY KEY (name))",
    "CREATE TABLE line_counts (source TEXT NOT NULL, fingerprint VARCHAR(32) NOT NULL, "
    "docs INTEGER NOT NULL, PRIMARY KEY (source, fingerprint))",
    "CREATE TABLE article_sources (id INTEGER NOT NULL, article_id VARCHAR(32) NOT NULL, "
    "doc TEXT NOT NULL, PRIMARY KEY (id), UNIQUE (article_id, doc), "
    "FOREIGN KEY(article_id) REFERENCES articles (id))",
    "CREATE INDEX ix_article_sources_article_id ON article_sources (article_id)",
    "CREATE INDEX ix_article_sources_doc ON article_sources (doc)",
)
# What versions 2 to 4 added: the analysis tables (events with the doer as written, no
# confidence anywhere) and the full-text index with its triggers.
_V4_TABLES = (
    "CREATE TABLE analyses (article_id VARCHAR(32) NOT NULL, version INTEGER NOT NULL, "
    "PRIMARY KEY (article_id), FOREIGN KEY(article_id) REFERENCES articles (id))",
    "CREATE TABLE mentions (id INTEGER NOT NULL, article_id VARCHAR(32) NOT NULL, "
    'start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, '
    "kind VARCHAR(16) NOT NULL, name TEXT, codes TEXT NOT NULL, office TEXT, "
    "sector VARCHAR(8), sentence INTEGER NOT NULL, reference VARCHAR(16) NOT NULL, "
    "PRIMARY KEY (id), FOREIGN KEY(article_id) REFERENCES articles (id))",
    "CREATE INDEX ix_mentions_name ON mentions (name)",
    "CREATE INDEX ix_mentions_article_id ON mentions (article_id)",
    "CREATE INDEX ix_mentions_kind ON mentions (kind)",
    "CREATE TABLE learned_roles (id INTEGER NOT NULL, article_id VARCHAR(32) NOT NULL, "
    "person TEXT NOT NULL, office VARCHAR(64) NOT NULL, code VARCHAR(32) NOT NULL, "
    "doc TEXT NOT NULL, sentence TEXT NOT NULL, PRIMARY KEY (id), "
    "UNIQUE (person, office, code, doc), FOREIGN KEY(article_id) REFERENCES articles (id))",
    "CREATE INDEX ix_learned_roles_person ON learned_roles (person)",
    "CREATE INDEX ix_learned_roles_article_id ON learned_roles (article_id)",
    "CREATE TABLE statements (id INTEGER NOT NULL, article_id VARCHAR(32) NOT NULL, "
    "speaker TEXT, code VARCHAR(32), office TEXT, quote TEXT NOT NULL, start INTEGER NOT NULL, "
    '"end" INTEGER NOT NULL, layout VARCHAR(16) NOT NULL, PRIMARY KEY (id), '
    "FOREIGN KEY(article_id) REFERENCES articles (id))",
    "CREATE INDEX ix_statements_article_id ON statements (article_id)",
    "CREATE INDEX ix_statements_speaker ON statements (speaker)",
    "CREATE TABLE instruments (id INTEGER NOT NULL, article_id VARCHAR(32) NOT NULL, "
    '"key" TEXT NOT NULL, title TEXT NOT NULL, kind VARCHAR(16) NOT NULL, '
    "action VARCHAR(24) NOT NULL, parties TEXT NOT NULL, date DATE, enddate DATE, "
    'precision VARCHAR(8), start INTEGER NOT NULL, "end" INTEGER NOT NULL, '
    "sentence TEXT NOT NULL, PRIMARY KEY (id), FOREIGN KEY(article_id) REFERENCES articles (id))",
    'CREATE INDEX ix_instruments_key ON instruments ("key")',
    "CREATE INDEX ix_instruments_article_id ON instruments (article_id)",
    "CREATE TABLE events (id INTEGER NOT NULL, article_id VARCHAR(32) NOT NULL, "
    "event VARCHAR(16) NOT NULL, mode VARCHAR(24), context VARCHAR(24), actor TEXT NOT NULL, "
    "recipient TEXT NOT NULL, people TEXT NOT NULL, date DATE, enddate DATE, "
    "precision VARCHAR(8), from_publication BOOLEAN NOT NULL, place TEXT, "
    "place_code VARCHAR(32), negated BOOLEAN NOT NULL, tense VARCHAR(16) NOT NULL, "
    "actor_text TEXT, PRIMARY KEY (id), FOREIGN KEY(article_id) REFERENCES articles (id))",
    "CREATE INDEX ix_events_date ON events (date)",
    "CREATE INDEX ix_events_event ON events (event)",
    "CREATE INDEX ix_events_article_id ON events (article_id)",
    "CREATE TABLE evidence (id INTEGER NOT NULL, event_id INTEGER NOT NULL, "
    'start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, PRIMARY KEY (id), '
    "FOREIGN KEY(event_id) REFERENCES events (id))",
    "CREATE INDEX ix_evidence_event_id ON evidence (event_id)",
    "CREATE VIRTUAL TABLE article_search USING fts5(article_id UNINDEXED, title, text, "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE quote_search USING fts5(article_id UNINDEXED, quote, speaker, "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO article_search (article_id, title, text) VALUES (new.id, new.title, new.text); "
    "END",
    "CREATE TRIGGER quote_search_insert AFTER INSERT ON statements BEGIN "
    "INSERT INTO quote_search (rowid, article_id, quote, speaker) "
    "VALUES (new.id, new.article_id, new.quote, new.speaker); END",
)
_ARTICLE = "b" * 32
_TEXT = "The envoys of Malawi and Zambia met at Chipata on 4 March 2023 to settle a toll dispute."


def _old_database(path: Path, version: int) -> Path:
    """A database as the release with schema ``version`` (1 or 4) left it, with some rows."""
    with sqlite3.connect(path) as db:
        for statement in _V1_TABLES + (_V4_TABLES if version == 4 else ()):
            db.execute(statement)
        db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(version),))
        db.execute(
            "INSERT INTO articles VALUES (?, 'toll.txt', 'Toll talks', '2023-03-04', 'en', "
            "NULL, NULL, ?, '2023-03-05 08:00:00')",
            (_ARTICLE, _TEXT),
        )
        db.execute(
            "INSERT INTO article_sources (article_id, doc) VALUES (?, 'toll.txt')", (_ARTICLE,)
        )
        db.execute("INSERT INTO source_groups VALUES ('folder', 1)")
        db.execute("INSERT INTO line_counts VALUES ('folder', 'f00d', 1)")
        if version == 4:
            db.execute("INSERT INTO analyses VALUES (?, 2)", (_ARTICLE,))
            db.execute(
                "INSERT INTO events VALUES (1, ?, 'CONSULT', NULL, NULL, 'MWI', 'ZMB', '', "
                "'2023-03-04', NULL, 'day', 0, 'Chipata', NULL, 0, 'past', NULL)",
                (_ARTICLE,),
            )
            db.execute("INSERT INTO evidence VALUES (1, 1, 0, 88, 0)")
            db.execute(
                "INSERT INTO statements VALUES (1, ?, 'the Zambian envoy', 'ZMB', NULL, "
                "'The toll stays for now', 0, 22, 'attributed')",
                (_ARTICLE,),
            )
    return path


def _schema_of(path: Path) -> tuple[str | None, str | None]:
    with sqlite3.connect(path) as db:
        revision = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    return revision, version


def _model_differences(path: Path) -> list[object]:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": migrations.include_name}
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    return differences


def test_version_1_database_is_upgraded_in_place_keeping_its_rows(tmp_path: Path) -> None:
    path = _old_database(tmp_path / "v1.db", 1)
    store = Store.open(str(path))
    [article] = list(store.articles())
    assert (article.id, article.doc, article.published) == (_ARTICLE, "toll.txt", date(2023, 3, 4))
    assert store.docs_of(_ARTICLE) == ["toll.txt"]
    assert store.search("Chipata").total == 1  # the new index is filled from the old rows
    event = Event(
        event="CONSULT",
        mode=None,
        context=None,
        actor=("MWI",),
        recipient=("ZMB",),
        people=(),
        when=None,
        place="Chipata",
        place_code=None,
        negated=False,
        tense="past",
        evidence=(Evidence(start=0, end=10, sentence=0),),
    )
    store.save(
        article,
        Analysis(article_id=_ARTICLE, events=(event,)),
        version=3,
        group="folder",
        fingerprints=(),
    )
    assert [e.event for _a, e in store.events()] == ["CONSULT"]
    store.close()
    assert _schema_of(path) == (migrations.HEAD, str(SCHEMA_VERSION))
    assert _model_differences(path) == []


def test_version_4_database_keeps_its_events_and_gains_confidence(tmp_path: Path) -> None:
    path = _old_database(tmp_path / "v4.db", 4)
    store = Store.open(str(path), read_only=True)  # a reader upgrades what it can write
    [(article, event)] = list(store.events())
    assert (article.id, event.event, event.place, event.confidence) == (
        _ARTICLE,
        "CONSULT",
        "Chipata",
        1.0,
    )
    assert [e.start for e in event.evidence] == [0]
    [(_a, statement)] = list(store.statements())
    assert (statement.speaker, statement.confidence) == ("the Zambian envoy", 1.0)
    assert store.search("toll", kind="quote").total == 1
    store.close()
    assert _schema_of(path) == (migrations.HEAD, str(SCHEMA_VERSION))
    assert _model_differences(path) == []
    with sqlite3.connect(path) as db:  # the quotation was given its article's date (schema 10)
        assert db.execute("SELECT dated, published FROM statements").fetchall() == [
            (1, "2023-03-04")
        ]


def test_version_11_stories_are_merged_again_under_their_new_ids(tmp_path: Path) -> None:
    # Schema 12 keys a story's reports by article, not doc: every story id changes, and the
    # upgrade merges the stored events again. A schema 11 database is made here from a new
    # one by renaming its stories, as if their ids were of the old kind.
    path = tmp_path / "v11.db"
    store = Store.open(str(path))
    for item in load_benchmark("make_corpus").generate(12, seed=5):
        store.save(item.article, item.analysis, version=1, group="corpus", fingerprints=())
    want = [(s.id, s.sources, s.when) for s in store.stories()]
    network = store.network()
    store.close()
    assert want and network
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA foreign_keys = OFF")
        for table, column in (
            ("stories", "id"),
            ("story_actors", "story_id"),
            ("story_edges", "story_id"),
            ("events", "story_id"),
        ):
            db.execute(f"UPDATE {table} SET {column} = 'old' || substr({column}, 4)")
        db.execute("UPDATE alembic_version SET version_num = '0011'")
        db.execute("UPDATE meta SET value = '11' WHERE key = 'schema_version'")
    store = Store.open(str(path))
    assert [(s.id, s.sources, s.when) for s in store.stories()] == want
    assert store.network() == network
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM stories WHERE id LIKE 'old%'").fetchone() == (0,)
    assert _schema_of(path) == (migrations.HEAD, str(SCHEMA_VERSION))


def test_version_12_articles_are_given_the_features_their_candidates_are_compared_on(
    tmp_path: Path,
) -> None:
    # Schema 13 keeps each article's date, codes and packed views; a schema 12 database is
    # made here from a new one by dropping the table, and the upgrade fills it again.
    path = tmp_path / "v12.db"
    store = Store.open(str(path))
    for item in load_benchmark("make_corpus").generate(12, seed=7):
        store.save(item.article, item.analysis, version=1, group="corpus", fingerprints=())
    store.close()
    query = "SELECT article_id, published, codes, views FROM article_features ORDER BY 1"
    with sqlite3.connect(path) as db:
        want = db.execute(query).fetchall()
        db.execute("DROP TABLE article_features")
        db.execute("UPDATE alembic_version SET version_num = '0012'")
        db.execute("UPDATE meta SET value = '12' WHERE key = 'schema_version'")
    assert len(want) == 12
    Store.open(str(path)).close()
    with sqlite3.connect(path) as db:
        assert db.execute(query).fetchall() == want
    assert _schema_of(path) == (migrations.HEAD, str(SCHEMA_VERSION))
    assert _model_differences(path) == []


def _schema(engine: Engine) -> dict[str, object]:
    """What a database's schema holds: tables with columns, keys and indexes, and on SQLite the
    full-text tables and triggers (column order aside, which ALTER TABLE cannot choose)."""
    found: dict[str, object] = {}
    with engine.connect() as connection:
        seen = inspect(connection)
        for table in sorted(seen.get_table_names()):
            found[table] = (
                sorted((c["name"], str(c["type"]), c["nullable"]) for c in seen.get_columns(table)),
                seen.get_pk_constraint(table)["constrained_columns"],
                sorted(
                    (tuple(f["constrained_columns"]), f["referred_table"])
                    for f in seen.get_foreign_keys(table)
                ),
                sorted((i["name"], tuple(i["column_names"])) for i in seen.get_indexes(table)),
            )
        if connection.dialect.name == "sqlite":
            rows = connection.exec_driver_sql(
                "SELECT type, name, sql FROM sqlite_master WHERE type = 'trigger' "
                "OR sql LIKE 'CREATE VIRTUAL TABLE%'"
            )
            found["sqlite_master"] = sorted(
                (kind, name, " ".join(sql.split())) for kind, name, sql in rows
            )
        else:
            found["text search"] = connection.exec_driver_sql(
                "SELECT cfgname FROM pg_ts_config WHERE cfgname = 'communique'"
            ).all()
    return found


def test_a_new_database_has_the_schema_every_revision_in_turn_makes(
    backend: str, tmp_path: Path
) -> None:
    # A new store is made at once from the models (no Alembic); the same database brought up
    # through revisions 1 to the newest must come out the same.
    if backend == "postgresql":
        made, migrated = (database_url(postgres_server().create_database()) for _ in range(2))
    else:
        made, migrated = (f"sqlite:///{tmp_path / name}" for name in ("made.db", "migrated.db"))
    Store.open(made).close()
    engine = open_engine(migrated, read_only=False, time_limit=None)
    with engine.begin() as connection:
        command.upgrade(migrations._config(connection), "head")
    try:
        fresh = open_engine(made, read_only=False, time_limit=None)
        assert _schema(fresh) == _schema(engine)
        fresh.dispose()
    finally:
        engine.dispose()
    store = Store.open(made)  # and it is at the newest revision, with its version recorded
    assert store.search("anything").total == 0
    store.close()
    with create_engine(made.replace("postgresql://", "postgresql+psycopg://")).connect() as db:
        assert db.exec_driver_sql("SELECT version_num FROM alembic_version").all() == [
            (migrations.HEAD,)
        ]


def test_old_tables_without_a_recorded_version_are_adopted(tmp_path: Path) -> None:
    path = _old_database(tmp_path / "cut.db", 4)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM meta")  # an old release stopped between its tables and the row
    store = Store.open(str(path))
    assert [e.event for _a, e in store.events()] == ["CONSULT"]
    store.close()
    assert _schema_of(path) == (migrations.HEAD, str(SCHEMA_VERSION))


def test_new_database_matches_the_models_and_head_is_the_newest_revision(tmp_path: Path) -> None:
    Store.open(str(tmp_path / "new.db")).close()
    assert _model_differences(tmp_path / "new.db") == []
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_current_head() == migrations.HEAD
    ids = [s.revision for s in scripts.walk_revisions("base", "heads")][::-1]
    assert ids == [f"{n:04d}" for n in range(1, SCHEMA_VERSION + 1)]


def test_database_newer_than_the_release_is_refused_and_left_alone(tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    Store.open(str(newer)).close()
    with sqlite3.connect(newer) as db:
        db.execute("UPDATE alembic_version SET version_num = '0042'")
    with pytest.raises(StoreError) as raised:
        Store.open(str(newer))
    assert raised.value.code == "E401" and "version 42 is newer" in raised.value.message
    assert _schema_of(newer)[0] == "0042"
    legacy = _old_database(tmp_path / "legacy.db", 1)
    with sqlite3.connect(legacy) as db:
        db.execute("UPDATE meta SET value = '9'")
    with pytest.raises(StoreError, match="E401"):
        Store.open(str(legacy), read_only=True)


def test_reader_that_cannot_write_an_outdated_database_names_the_upgrade_command(
    tmp_path: Path,
) -> None:
    path = _old_database(tmp_path / "v4.db", 4)
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)]).returncode:
        pytest.skip("cannot make a file immutable here (chattr)")
    try:
        with pytest.raises(StoreError) as raised:
            Store.open(str(path), read_only=True)
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    assert raised.value.code == "E407" and "communique db upgrade" in raised.value.message
    assert "version 4 is older" in raised.value.message


def test_db_commands_say_the_revision_and_upgrade(tmp_path: Path) -> None:
    path = _old_database(tmp_path / "v4.db", 4)
    runner = CliRunner()
    current = runner.invoke(app, ["--db", str(path), "db", "current"])
    assert current.exit_code == 0 and "schema version 4" in current.output
    assert "communique db upgrade" in current.output
    upgrade = runner.invoke(app, ["--db", str(path), "db", "upgrade"])
    assert upgrade.exit_code == 0 and f"from 0004 to revision {migrations.HEAD}" in upgrade.output
    again = runner.invoke(app, ["--db", str(path), "db", "upgrade"])
    assert f"already at revision {migrations.HEAD}" in again.output
    current = runner.invoke(app, ["--db", str(path), "db", "current"])
    assert (
        current.output.startswith(f"revision {migrations.HEAD},")
        and "upgrade" not in current.output
    )


# Opens the database named on each line of its input and stores one article shared by all
# workers and one of its own; answers "ok" or the error. One process serves every
# repetition, so the test pays the imports once per worker, not once per open.
_WORKER = """
import sys
from communique.model import Analysis, Article
from communique.store import Store

me = sys.argv[1]
for line in sys.stdin:
    try:
        store = Store.open(line.strip())
        for key, text in (("shared", "Two envoys met at the border."), (me, me + " spoke.")):
            article = Article(id=key.ljust(32, "0"), doc=key + ".txt", text=text, title=key,
                              published=None, language="en", publisher=None)
            store.save(article, Analysis(article_id=article.id), version=1, group="g",
                       fingerprints=("l1", "l2"))
        store.close()
        print("ok", flush=True)
    except Exception as error:
        print(repr(error).replace("\\n", " "), flush=True)
"""


def test_four_processes_create_and_write_one_new_database_in_turn(tmp_path: Path) -> None:
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, f"w{k}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for k in range(4)
    ]
    answers, tables = [], []
    try:
        for rep in range(20):
            path = tmp_path / f"rep{rep}.db"
            for worker in workers:  # all four are told before any answers
                assert worker.stdin
                worker.stdin.write(f"{path}\n")
                worker.stdin.flush()
            answers += [worker.stdout.readline().strip() for worker in workers if worker.stdout]
            with sqlite3.connect(path) as db:
                tables.append(
                    tuple(
                        tuple(db.execute(query).fetchall())
                        for query in (
                            "SELECT count(*), count(DISTINCT id) FROM articles",
                            "SELECT count(*) FROM article_sources",
                            "SELECT docs FROM source_groups",
                            "SELECT docs FROM line_counts",
                        )
                    )
                )
    finally:
        for worker in workers:
            if worker.stdin:
                worker.stdin.close()
            worker.wait()
    assert [a for a in answers if a != "ok"] == []
    assert len(answers) == 80
    assert set(tables) == {(((5, 5),), ((5,),), ((5,),), ((5,), (5,)))}


@pytest.mark.model
def test_four_ingest_processes_store_each_article_once(tmp_path: Path) -> None:
    bench = load_benchmark("concurrency")
    paths = bench.write_inputs(tmp_path / "in")
    bench.ingest_at_once(tmp_path / "alone.db", [paths])
    want = bench.counts(tmp_path / "alone.db")
    assert want["articles"] == want["distinct sources"] == len(paths) and want["events"] > 0
    (tmp_path / "four").mkdir()
    assert bench.repetition(tmp_path / "four", paths, 4, want) == []
