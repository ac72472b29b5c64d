"""The web app under load on a large corpus (issue 12, acceptance 2): ``make bench-web``.

Builds a database of N analysed articles with ``benchmarks/make_corpus.py`` (the build time is
printed), starts the real app (``communique serve``, uvicorn) on 127.0.0.1, and sends a bounded
load: R requests from C concurrent clients (httpx, async), spread evenly over the overview,
timeline, network, event, actor, search and API routes, with real ids and codes taken from the
database. Prints p50, p95 and the slowest answer per route and overall, and the 5xx answers;
exits 1 when the overall p95 is over the bound (``--max-p95``, 0 for none), any answer is a
5xx, or a request gets no answer within ``--timeout``.

Each route is asked once before the load is timed (the "first" column): the app computes merged
events when the events table has changed, and that first answer is a cost of its own.
Timings on a shared machine are noisy; compare routes within one run, not runs across days.
Usage: ``python benchmarks/web.py --articles 100000 --db /tmp/bench-web.db``.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from communique.link import merge_events
from communique.store import Store
from communique.store.tables import EventRow, MentionRow

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # benchmarks/ is not a package: found through sys.path

# Words that the corpus's phrasings use, for search queries that find something.
QUERIES = ("sanctions", "talks", "visit", "minister", '"humanitarian aid"', "energy OR trade")


@dataclass(slots=True)
class Results:
    """Answer times (seconds) and statuses per route, and the requests that got no answer."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    first: dict[str, float] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def server_errors(self) -> int:
        """How many answers were 5xx."""
        return sum(1 for codes in self.statuses.values() for code in codes if code >= 500)

    def p95(self) -> float:
        """The 95th percentile of every answer time."""
        return percentile([t for times in self.times.values() for t in times], 0.95)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (0.0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def build(url: str, articles: int, *, seed: int) -> float:
    """Write the analysed corpus into a new database at ``url``; return the seconds it took."""
    started = time.perf_counter()
    make_corpus.write_store(make_corpus.generate(articles, seed=seed), url)
    return time.perf_counter() - started


def event_ids(store: Store, count: int, *, seed: int) -> list[str]:
    """Ids of ``count`` merged events as the app names them, without merging the whole corpus.

    Two events are one happening only with the same type and dates a day or two apart, so
    merging the events of that type within a week of a sampled event gives its story exactly.
    """
    rng = random.Random(seed)
    with Session(store.engine) as session:
        top = session.scalar(select(func.max(EventRow.id))) or 0
        found: list[str] = []
        for _ in range(count * 5):
            if len(found) >= count or top == 0:
                break
            row = session.get(EventRow, rng.randint(1, top))
            if row is None or row.date is None:
                continue
            week = timedelta(days=7)
            near = select(EventRow.article_id).where(
                EventRow.event == row.event,
                EventRow.date >= row.date - week,
                EventRow.date <= row.date + week,
            )
            reports = [
                (article.doc, event)
                for article_id in sorted(set(session.scalars(near)))
                for article, event in store.events(article_id)
            ]
            own = {a.doc for a, _e in store.events(row.article_id)}
            for story in merge_events(reports):
                if own & set(story.sources) and story.event.event == row.event:
                    found.append(story.id)
                    break
    return found


def actor_codes(store: Store, count: int) -> list[str]:
    """The codes of the most mentioned states."""
    with Session(store.engine) as session:
        query = (
            select(MentionRow.codes)
            .where(MentionRow.kind == "state")
            .group_by(MentionRow.codes)
            .order_by(func.count().desc(), MentionRow.codes)
            .limit(count)
        )
        return list(session.scalars(query))


def plan(store: Store, requests: int, *, seed: int) -> list[tuple[str, str]]:
    """``(route, path)`` for every request, the routes in turn, ids and codes drawn from the db."""
    rng = random.Random(seed)
    codes = actor_codes(store, 20) or ["USA"]
    events = event_ids(store, 20, seed=seed)
    makers = {
        "overview": lambda: "/",
        "timeline": lambda: f"/timeline?actor={rng.choice(codes)}",
        "network": lambda: "/network",
        "event": lambda: f"/events/{rng.choice(events)}" if events else "/events/none",
        "actor": lambda: f"/api/events?actor={rng.choice(codes)}&size=20",
        "actors": lambda: "/api/actors?kind=state&size=20",
        "search": lambda: f"/search?q={rng.choice(QUERIES)}",
        "api-search": lambda: f"/api/search?q={rng.choice(QUERIES)}&size=20",
        "api-events": lambda: f"/api/events?size=20&page={rng.randint(1, 5)}",
        "api-agreements": lambda: "/api/agreements?size=20",
        "api-statements": lambda: "/api/statements?size=20",
    }
    names = list(makers)
    return [(names[i % len(names)], makers[names[i % len(names)]]()) for i in range(requests)]


async def load(base: str, paths: list[tuple[str, str]], *, clients: int, timeout: float) -> Results:
    """Ask each route once, then send every request from ``clients`` concurrent clients."""
    results = Results()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        for route, path in {route: path for route, path in paths}.items():
            started = time.perf_counter()
            try:
                await client.get(path)
            except httpx.HTTPError as error:
                results.failures.append(f"first {route}: {type(error).__name__}")
            results.first[route] = time.perf_counter() - started
        queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
        for item in paths:
            queue.put_nowait(item)

        async def worker() -> None:
            while not queue.empty():
                route, path = queue.get_nowait()
                started = time.perf_counter()
                try:
                    answer = await client.get(path)
                except httpx.HTTPError as error:
                    results.failures.append(f"{route} {path}: {type(error).__name__}")
                    continue
                results.times[route].append(time.perf_counter() - started)
                results.statuses[route].append(answer.status_code)

        await asyncio.gather(*(worker() for _ in range(clients)))
    return results


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(url: str, log: Path) -> tuple[subprocess.Popen[bytes], int]:
    """Start ``communique serve`` on a free port of 127.0.0.1; return it once it accepts.

    The server's output goes to ``log`` (a pipe nobody reads would fill and stop it); a port
    taken by another process between the probe and the start is retried with another.
    """
    env = {k: v for k, v in os.environ.items() if k != "COMMUNIQUE_WRITE_TOKEN"}
    for _attempt in range(3):
        port = free_port()
        command = [sys.executable, "-m", "communique", "--db", url, "serve"]
        command += ["--host", "127.0.0.1", "--port", str(port)]
        with log.open("wb") as output:
            process = subprocess.Popen(command, env=env, stdout=output, stderr=output)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return process, port
            except OSError:
                time.sleep(0.2)
        if process.poll() is None:
            process.terminate()
            raise RuntimeError("the server did not start within 120 s")
        said = log.read_text("utf-8", errors="replace")
        if "address already in use" not in said.casefold():
            raise RuntimeError(f"the server stopped (exit {process.returncode}): {said[-2000:]}")
    raise RuntimeError("no free port for the server after 3 attempts")


def run(url: str, *, requests: int, clients: int, timeout: float, seed: int) -> Results:
    """The whole load against a server started here over ``url``, stopped at the end."""
    store = Store.open(url)
    try:
        paths = plan(store, requests, seed=seed)
    finally:
        store.close()
    with tempfile.TemporaryDirectory() as folder:
        process, port = serve(url, Path(folder) / "server.log")
        try:
            return asyncio.run(
                load(f"http://127.0.0.1:{port}", paths, clients=clients, timeout=timeout)
            )
        finally:
            process.terminate()
            process.wait(timeout=30)


def report(results: Results, console: Console) -> None:
    table = Table(title="web app under load (seconds)")
    for column in ("route", "n", "first", "p50", "p95", "max", "5xx", "other non-2xx"):
        table.add_column(column, justify="left" if column == "route" else "right")
    everything: list[float] = []
    for route, times in results.times.items():
        codes = results.statuses[route]
        everything += times
        table.add_row(
            route,
            str(len(times)),
            f"{results.first.get(route, 0.0):.3f}",
            f"{percentile(times, 0.5):.3f}",
            f"{percentile(times, 0.95):.3f}",
            f"{max(times):.3f}",
            str(sum(1 for c in codes if c >= 500)),
            str(sum(1 for c in codes if 300 <= c < 500)),
        )
    table.add_row(
        "all",
        str(len(everything)),
        "",
        f"{percentile(everything, 0.5):.3f}",
        f"{percentile(everything, 0.95):.3f}",
        f"{max(everything, default=0.0):.3f}",
        str(results.server_errors()),
        "",
    )
    console.print(table)
    for failure in results.failures[:10]:
        console.print(f"no answer: {failure}")
    if len(results.failures) > 10:
        console.print(f"... and {len(results.failures) - 10} more without an answer")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="corpus size")
    parser.add_argument("--db", type=Path, default=Path("bench-web.db"), help="SQLite file")
    parser.add_argument("--reuse", action="store_true", help="keep a database already there")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    parser.add_argument("--max-p95", type=float, default=0.3, help="seconds; 0: no bound")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    console = Console()
    url = f"sqlite:///{args.db.resolve()}"
    if not (args.reuse and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        seconds = build(url, args.articles, seed=args.seed)
        console.print(
            f"built {args.articles} analysed articles in {seconds:.1f} s "
            f"({args.articles / seconds:.0f} articles/s) into {args.db}"
        )
    results = run(
        url, requests=args.requests, clients=args.clients, timeout=args.timeout, seed=args.seed
    )
    report(results, console)
    p95, errors = results.p95(), results.server_errors()
    failed = errors > 0 or bool(results.failures) or (args.max_p95 > 0 and p95 > args.max_p95)
    bound = f"{args.max_p95:.3f} s" if args.max_p95 > 0 else "none"
    verdict = "FAIL" if failed else "ok"
    console.print(
        f"{verdict}: p95 {p95:.3f} s (bound {bound}), {errors} answers 5xx, "
        f"{len(results.failures)} without an answer"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
