"""A throw-away PostgreSQL server for the tests (issue 12, item 4).

The tests run the store, CLI and web suites on SQLite and on PostgreSQL both. The server is
Debian's ``postgresql`` package (``.ci/run`` installs it where missing): ``initdb`` makes a
cluster in a temporary folder, ``pg_ctl`` starts it on a free port of 127.0.0.1 with trust
authentication and without fsync (nothing here must survive a crash), and the cluster is
stopped and deleted when the test session ends. PostgreSQL refuses to run as root, so as root
both run as the ``postgres`` user the package creates, in a folder that user owns.

Each test gets a fresh database made with ``CREATE DATABASE … TEMPLATE``: a file copy inside
the server, far faster than building the schema again.

``COMMUNIQUE_TEST_POSTGRES`` chooses: unset, the throw-away server; ``off``, no PostgreSQL
variants; a ``postgresql://`` URL, an existing server whose user may create databases.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import make_url

__all__ = ["PostgresServer", "start_server"]

_BINARIES = "/usr/lib/postgresql/*/bin"
_ENV = "COMMUNIQUE_TEST_POSTGRES"
# Settings for a scratch cluster: speed over durability, and room for the tests' pools.
_SERVER_OPTIONS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    "-c max_connections=300 -c shared_buffers=32MB"
)


@dataclass
class PostgresServer:
    """A reachable PostgreSQL server on which the tests may create databases."""

    url: str  # the administrative database's URL (postgresql://user@host:port/postgres)
    version: str
    folder: Path | None = None  # the throw-away cluster's folder, None for an existing server
    _bindir: Path | None = None
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))

    def database_url(self, name: str) -> str:
        """The URL of database ``name`` on this server."""
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def create_database(self, template: str | None = None, *, name: str | None = None) -> str:
        """Create a database (a copy of ``template`` when given, else empty); return its URL."""
        import psycopg
        from psycopg import sql

        name = name or f"communique_test_{os.getpid()}_{next(self._names)}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        with psycopg.connect(_dsn(self.url), autocommit=True) as connection:
            connection.execute(statement)
        return self.database_url(name)

    def stop(self) -> None:
        """Stop the throw-away cluster and delete its folder (an existing server is left)."""
        if self.folder is None or self._bindir is None:
            return
        with contextlib.suppress(subprocess.CalledProcessError):
            _run([self._bindir / "pg_ctl", "-D", self.folder / "data", "-m", "immediate", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> PostgresServer | str:
    """Start (or reach) the server the tests use, or say in one line why there is none."""
    choice = os.environ.get(_ENV, "").strip()
    if choice.lower() == "off":
        return f"{_ENV}=off"
    try:
        import psycopg
    except ImportError:
        return "the psycopg driver is not installed (pip install 'psycopg[binary]')"
    if choice:
        try:
            with psycopg.connect(_dsn(choice)) as connection:
                version = str(connection.info.server_version)
        except psycopg.Error as err:
            return f"{_ENV} names a server that cannot be reached: {err}".splitlines()[0]
        return PostgresServer(url=choice, version=version)
    found = sorted(glob.glob(f"{_BINARIES}/initdb"), key=_version_key)
    if not found:
        return f"no PostgreSQL binaries ({_BINARIES}/initdb): apt-get install postgresql"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run the server as"
    bindir = Path(found[-1]).parent
    folder = Path(tempfile.mkdtemp(prefix="communique-pg-"))
    try:
        return _start_cluster(bindir, folder)
    except (OSError, subprocess.CalledProcessError) as err:
        log = folder / "log"
        detail = log.read_text(errors="replace").strip().splitlines()[-1:] if log.exists() else []
        shutil.rmtree(folder, ignore_errors=True)
        return f"PostgreSQL did not start: {' '.join([str(err), *detail])}"


def _start_cluster(bindir: Path, folder: Path) -> PostgresServer:
    """Create a cluster in ``folder`` and start it on a free port (a taken port: try another)."""
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
    data = folder / "data"
    _run(
        [
            bindir / "initdb",
            "-D",
            data,
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
            "--no-instructions",
        ]
    )
    for attempt in range(3):
        port = _free_port()
        options = f"-p {port} -h 127.0.0.1 -k {folder} {_SERVER_OPTIONS}"
        start = [bindir / "pg_ctl", "-D", data, "-l", folder / "log", "-w", "-t", "60"]
        try:
            _run([*start, "-o", options, "start"])
            break
        except subprocess.CalledProcessError:
            if attempt == 2:  # three free ports taken before the server bound them: give up
                raise
    version = _run([bindir / "postgres", "--version"]).split()[2]
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    return PostgresServer(url=url, version=version, folder=folder, _bindir=bindir)


def _run(command: list[str | Path]) -> str:
    """Run a PostgreSQL program, as the postgres user when we are root (pg_ctl refuses root)."""
    args = [str(part) for part in command]
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _version_key(path: str) -> tuple[int, ...]:
    """Order /usr/lib/postgresql/<version>/bin paths by version number, newest last."""
    return tuple(int(part) for part in Path(path).parent.parent.name.split(".") if part.isdigit())


def _dsn(url: str) -> str:
    """A libpq connection string from a SQLAlchemy-style URL (a driver suffix dropped)."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)
