"""Ingest on a Dask cluster (issue 12, item 5), against real processes and databases.

A ``dask scheduler`` and two ``dask worker`` processes run on free ports of 127.0.0.1 for the
module; the workers store into a throw-away PostgreSQL database (``tests/postgres.py``), and
what they stored must export exactly as a run in one process stores it. Without PostgreSQL
the cluster tests skip with the reason; ``--scheduler local`` runs on SQLite.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from typer.testing import CliRunner

import communique
from communique.cli import app
from communique.export import KINDS
from communique.model import Role
from communique.store import Store

from .conftest import SAMPLE, Databases, postgres_server
from .test_cli import _dump

runner = CliRunner()

# Five documents in four files (a JSONL file holds two), about 14 KB in all: with chunks of
# 4 KB the workers get several chunks each, and both load their pipeline.
_INPUTS = (
    "2022-06-08-lavrov-ankara-visit.txt",
    "2023-12-18-eu-12th-sanctions-package.txt",
    "2024-07-08-japan-philippines-raa.html",
    "agency-feed.jsonl",
)
_CHUNK = "cluster_chunk_bytes=4000"
_WORKERS = 2
T = TypeVar("T")


def _run(db: str, *args: str):
    return runner.invoke(app, ["--db", db, *args])


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error: ")]


def _exports(db: str) -> dict[str, str]:
    """Every record kind ``communique export`` offers, as JSON Lines."""
    exported = {}
    for kind in KINDS:
        result = _run(db, "export", kind, "--format", "jsonl")
        assert result.exit_code == 0, result.output
        exported[kind] = result.stdout
    return exported


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sample documents and two bad inputs: one this process cannot read, one without text."""
    folder = tmp_path_factory.mktemp("cluster") / "in"
    folder.mkdir()
    for name in _INPUTS:
        shutil.copy(SAMPLE / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")  # a read error (E101), found before any chunk
    (folder / "numbers.txt").write_text("4411\n5279\n", encoding="utf-8")  # E107, on a worker
    return folder


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a running ``dask scheduler`` with two single-threaded workers.

    The workers import this checkout's communique (PYTHONPATH), as a worker machine runs the
    same release as the client. Every process is stopped at the end, whatever happened.
    """
    postgres_server()  # no PostgreSQL, no cluster test: skip before starting anything
    from distributed import Client

    logs = tmp_path_factory.mktemp("dask-logs")
    address = f"tcp://127.0.0.1:{_free_port()}"
    dask = [sys.executable, "-m", "dask"]
    commands = [
        [*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1]],
        *(
            [*dask, "worker", address, "--nthreads", "1", "--host", "127.0.0.1", "--no-nanny"]
            for i in range(_WORKERS)
        ),
    ]
    processes: list[subprocess.Popen] = []
    try:
        for i, command in enumerate(commands):
            with (logs / f"{i}.log").open("wb") as log:
                processes.append(
                    subprocess.Popen(
                        [*command, "--no-dashboard"], env=_env(), stdout=log, stderr=log
                    )
                )
        with Client(address, timeout=60) as client:
            try:
                client.wait_for_workers(_WORKERS, timeout=120)
            except TimeoutError:
                pytest.fail(f"the workers did not register in 120 s; their logs are in {logs}")
        yield address
    finally:
        # Killed, not asked to close: what the workers stored is committed, and a worker's
        # graceful close (its pipeline freed object by object) takes seconds. Without a nanny
        # each process is the whole worker, so nothing is left behind.
        for process in processes:
            process.kill()
            process.wait()


def _env() -> dict[str, str]:
    """This environment, with this checkout's communique first on the path of a subprocess."""
    source = str(Path(communique.__file__).resolve().parents[1])
    paths = filter(None, [source, os.environ.get("PYTHONPATH")])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def _on_workers(address: str, task: Callable[..., T], *args: object) -> dict[str, T]:
    """``task(*args)`` run on every worker, by worker address."""
    from distributed import Client

    with Client(address, timeout=60) as client:
        return client.run(task, *args)


def _pipelines() -> int:
    """On a worker: how many pipelines it holds (one once it analysed a chunk)."""
    from communique.pipeline import cluster

    return len(cluster._PIPELINES)


def _knows(roles: list[Role]) -> bool:
    """On a worker: whether its pipeline's knowledge base holds every one of ``roles``."""
    from communique.pipeline import cluster

    [nlp] = cluster._PIPELINES.values()
    kb = nlp.get_pipe("communique_actors").resolver.kb
    return all(
        role.person in kb.people
        and any(cluster._same(r, role) for r in kb.people[role.person].roles)
        for role in roles
    )


def test_cluster_run_stores_what_one_process_stores_and_again_nothing(
    scheduler: str, databases: Databases, inputs: Path
) -> None:
    alone, clustered = databases.empty("postgresql"), databases.empty("postgresql")
    # One process, as a user runs it, with Python reporting every module it imports: a plain
    # ingest must not load Dask.
    plain = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "communique",
            "--db",
            alone,
            "ingest",
            str(inputs),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(),
    )
    assert plain.returncode == 1, plain.stderr[-2000:]
    assert "5 new, 0 unchanged, 2 failed" in plain.stderr
    imported = {
        line.rsplit("|", 1)[-1].strip() for line in plain.stderr.splitlines() if "|" in line
    }
    assert "spacy" in imported
    assert not {"dask", "distributed"} & imported

    first = _run(clustered, "--set", _CHUNK, "ingest", "--scheduler", scheduler, str(inputs))
    assert first.exit_code == 1, first.output
    assert "5 new, 0 unchanged, 2 failed" in first.output
    errors = _errors(first.output)
    assert len(errors) == 2, errors
    assert any(str(inputs / "empty.txt") in e and e.endswith("[E101]") for e in errors)
    assert any(str(inputs / "numbers.txt") in e and e.endswith("[E107]") for e in errors)
    assert sorted(_on_workers(scheduler, _pipelines).values()) == [1] * _WORKERS  # both worked
    exported = _exports(alone)
    assert all(exported[kind] for kind in ("articles", "events", "agreements", "statements"))
    assert _exports(clustered) == exported

    before = _dump(clustered)
    again = _run(clustered, "--set", _CHUNK, "ingest", "--scheduler", scheduler, str(inputs))
    assert "0 new, 5 unchanged, 2 failed" in again.output, again.output
    assert _dump(clustered) == before
    # Each worker learned, before its chunks of the re-run, the roles the other one stored.
    store = Store.open(clustered)
    learned = store.learned_roles()
    store.close()
    assert learned
    assert all(_on_workers(scheduler, _knows, learned).values())


def test_remote_scheduler_refuses_a_sqlite_file(tmp_path: Path, inputs: Path) -> None:
    db = f"sqlite:///{tmp_path / 'one.db'}"
    result = _run(db, "ingest", "--scheduler", "tcp://192.0.2.1:8786", str(inputs))
    assert result.exit_code == 2
    [error] = _errors(result.output)
    assert error.endswith("[E601]") and "SQLite" in error and "postgresql://" in error
    assert len(result.output.strip().splitlines()) == 1


def test_a_scheduler_that_cannot_be_reached_is_one_line(databases: Databases, inputs: Path) -> None:
    db = databases.empty("postgresql")
    result = _run(db, "ingest", "--scheduler", "tcp://127.0.0.1", str(inputs))  # no port
    assert result.exit_code == 2
    [error] = _errors(result.output)
    assert error.endswith("[E602]") and "tcp://127.0.0.1" in error
    assert "0 articles" not in result.output  # nothing was read


def test_local_cluster_stores_into_a_sqlite_file(tmp_path: Path, inputs: Path) -> None:
    """``--scheduler local``: worker processes on this machine may share one SQLite file.

    One worker and two documents (and a file without text), to keep the test light; the test
    above compares what a cluster stores with what one process stores.
    """
    db = f"sqlite:///{tmp_path / 'local.db'}"
    files = [str(inputs / "agency-feed.jsonl"), str(inputs / "numbers.txt")]
    result = _run(db, "ingest", "--scheduler", "local", "--processes", "1", *files)
    assert result.exit_code == 1, result.output
    assert "2 new, 0 unchanged, 1 failed" in result.output
    [error] = _errors(result.output)
    assert "numbers.txt" in error and error.endswith("[E107]")
    exported = _exports(db)
    assert len(exported["articles"].splitlines()) == 2
    assert exported["events"] and exported["entities"]


def test_chunks_close_at_the_size_keep_order_and_pass_read_errors_on() -> None:
    from communique.errors import InputError
    from communique.model import RawDocument
    from communique.pipeline.cluster import chunks

    def doc(name: str, size: int) -> RawDocument:
        return RawDocument(doc=name, content="é" * (size // 2), format="text", group="g")

    bad = InputError("E101", path="hollow.txt")
    items = [doc("a", 400), doc("b", 700), bad, doc("c", 5000), doc("d", 100), doc("e", 200)]
    failed: list[InputError] = []
    got = [[raw.doc for raw in chunk] for chunk in chunks(items, 1000, failed.append)]
    # Bytes, not characters: "é" is two bytes in UTF-8; a document over the size is alone.
    assert got == [["a", "b"], ["c"], ["d", "e"]]
    assert failed == [bad]
