"""The ``communique`` command: thin Typer wrappers over the importable functions.

Data goes to standard output, progress and messages to standard error. Exit codes: 0 when all
went well, 1 when some inputs failed (the others were processed), 2 for a usage error.
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import logging
import os
import sys
import threading
import warnings
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from .errors import ClusterError, CommuniqueError, ConfigError, StoreError, WatchError
from .export import (
    FORMATS,
    KINDS,
    NETWORK_FORMATS,
    export,
    export_network,
    export_parquet,
)
from .model import QUADS, Entity, Story
from .settings import Settings, load_settings
from .store import SCHEMA_VERSION, Store, schema_revision, translations, upgrade_schema

if TYPE_CHECKING:
    from fastapi import FastAPI

    from .evaluate import EvalReport
    from .pipeline.watch import SourceRun

# spaCy and the language stages (pipeline), scikit-learn (link), SciPy (evaluate) and the
# knowledge base take seconds to import: each command imports what it uses, inside it.

__all__ = ["app", "main"]

app = typer.Typer(
    help="Read diplomatic news and turn it into a structured, source-linked record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _exit(error: object, code: int) -> typer.Exit:
    """Print ``error: …`` on one line of stderr and give the exit to raise with ``code``.

    Returned rather than raised, so each caller says ``raise _exit(...) from cause`` and keeps
    the chain. 2: the command could not start (its arguments, settings or database); 1: it ran
    and what it was asked for failed or was not found.
    """
    err.print(f"error: {error}", markup=False)
    return typer.Exit(code)


@app.callback()
def _options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            help="Database URL or SQLite file path. Default: setting 'db' "
            "(sqlite:///communique.db), or $COMMUNIQUE_DB.",
        ),
    ] = None,
    settings_file: Annotated[
        Path | None,
        typer.Option("--settings", help="A TOML file overriding some packaged settings."),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Override one setting: --set name=value (repeatable)."),
    ] = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Log details.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only errors.")] = False,
) -> None:
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(level=level, handlers=[RichHandler(console=err)], format="%(message)s")
    try:
        overrides = [*(set_ or []), *([f"db={db}"] if db else [])]
        ctx.obj = load_settings(user_file=settings_file, overrides=overrides)
    except CommuniqueError as error:
        raise _exit(error, 2) from error


@contextmanager
def _store(settings: Settings):
    try:
        store = Store.open(settings.db)
    except CommuniqueError as error:
        raise _exit(error, 2) from error
    try:
        yield store
    finally:
        store.close()


# The filters that `events` and `timeline` share.
ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Only events with this actor or recipient code.")
]
TypeOption = Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Only events on or after this ISO date.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Only events on or before this ISO date.")
]
# Shared by events, timeline, agreements and quotes.
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Only records at least this confident (0-1; see `export`'s confidence field).",
    ),
]


@app.command("ingest")
def ingest_command(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .htm, .jsonl), folders (recursive), or - for stdin."
        ),
    ],
    actors_file: Annotated[
        Path | None,
        typer.Option(
            "--actors",
            help="YAML or CSV file adding or correcting actors (setting 'actors_file'; none).",
        ),
    ] = None,
    processes: Annotated[
        int | None,
        typer.Option(
            "--processes",
            help="Processes parsing in parallel; 0 for one per core (setting 'nlp_processes', "
            "default 0). Results are the same with any number.",
        ),
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(
            "--batch-size",
            min=1,
            help="Documents cleaned, analysed and stored together (setting 'ingest_batch_size').",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Analyse on a Dask cluster: tcp://HOST:8786 (its workers store into --db, "
            "which must be PostgreSQL), or 'local' for --processes worker processes here "
            "(setting 'scheduler'; default: in this process).",
        ),
    ] = None,
) -> None:
    """Read, clean and store articles.

    Prints a summary: new, unchanged and failed documents. Each failure is one line naming the
    file and the reason; the other inputs go on. Exit code 0 if every input was stored (or was
    already stored), 1 if any failed.
    """
    from .pipeline import ingest

    settings: Settings = ctx.obj
    if actors_file is not None:
        settings = dataclasses.replace(settings, actors_file=str(actors_file))
    if processes is not None:
        if processes < 0:
            raise _exit(ConfigError("E307", value=processes), 2)
        settings = dataclasses.replace(settings, nlp_processes=processes)
    if batch_size is not None:
        settings = dataclasses.replace(settings, ingest_batch_size=batch_size)
    if scheduler is not None:
        settings = dataclasses.replace(settings, scheduler=scheduler)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with _store(settings) as store, Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        try:
            report = ingest(
                paths,
                settings=settings,
                store=store,
                on_start=lambda total: progress.update(task, total=total),
                on_document=lambda raw: progress.advance(task),
                on_error=lambda error: progress.console.print(f"error: {error}", markup=False),
            )
        except (ClusterError, StoreError) as error:
            # The cluster cannot take the run, or the database a batch: what earlier batches
            # stored stays, and the next batch would fail alike, so the run ends here.
            progress.console.print(f"error: {error}", markup=False)
            raise typer.Exit(2) from error
        total = store.count_articles()
    updated = f", {report.updated} re-analysed" if report.updated else ""
    err.print(
        f"{report.new} new{updated}, {report.unchanged} unchanged, {len(report.failed)} failed; "
        f"{total} articles in {store.url}",
        markup=False,
    )
    if report.failed:
        raise typer.Exit(1)


class _RateColumn(ProgressColumn):
    """Documents per second, over the progress bar's recent window."""

    def render(self, task: Task) -> Text:
        """The rate, or nothing before the first documents are done."""
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "", style="progress.data.speed")


@app.command("articles")
def articles_command(ctx: typer.Context) -> None:
    """List the stored articles as a table."""
    table = Table()
    for name in ("id", "published", "lang", "chars"):
        table.add_column(name, no_wrap=True)
    table.add_column("doc", overflow="fold", max_width=32)
    table.add_column("title", overflow="fold")
    with _store(ctx.obj) as store:
        for article in store.articles():
            table.add_row(
                article.id,
                article.published.isoformat() if article.published else "",
                article.language or "",
                str(len(article.text)),
                article.doc,
                article.title or "",
            )
    out.print(table)


@app.command("show")
def show_command(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="An article id (or its first characters) or a doc.")],
) -> None:
    """Show one article's metadata and clean text."""
    with _store(ctx.obj) as store:
        article = store.find_article(key)
        if article is None:
            raise _exit(f"no article with id or doc {key!r}", 1)
        docs = store.docs_of(article.id)
        twins = translations.twin_articles(store.engine, article.id)
    for name, value in (
        ("id", article.id),
        ("doc", ", ".join(docs)),
        ("title", article.title),
        ("published", article.published),
        ("language", article.language),
        ("publisher", article.publisher),
        ("url", article.url),
    ):
        out.print(f"[bold]{name}:[/bold] {value if value is not None else ''}")
    for twin, score, carried in twins:
        line = f"{twin.doc} ({twin.language}, id {twin.id}, similarity {score:.2f})"
        if carried:
            line += f"; {carried} of this article's events read from it"
        out.print("[bold]translation:[/bold] " + escape(line))
    out.print()
    out.print(article.text, markup=False, soft_wrap=True)


@app.command("actors")
def actors_command(
    ctx: typer.Context,
    kind: Annotated[
        str | None, typer.Option(help="Only this kind: person, organisation or state.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many (0: all).")] = 50,
) -> None:
    """List who appears in the stored articles, how often, and as what."""
    table = Table("name", "kind", "code", "office", "mentions", "articles")
    with _store(ctx.obj) as store:
        entities = [e for e in store.entities() if kind is None or e.kind == kind]
    for entity in entities[: limit or None]:
        table.add_row(
            entity.name,
            entity.kind,
            entity.code or "",
            entity.office or "",
            str(len(entity.mentions)),
            str(len({doc for doc, _m in entity.mentions})),
        )
    out.print(table)


@app.command("actor")
def actor_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name as written, e.g. 'Lavrov' or 'CSTO'.")],
) -> None:
    """Show one actor: offices held (known and learned) and appearances over time."""
    from .kb import load_kb

    settings: Settings = ctx.obj
    actors_file = Path(settings.actors_file) if settings.actors_file else None
    with _store(settings) as store:
        kb = load_kb(actors_file, store.learned_roles())
        entities = [e for e in store.entities() if _names(e, name)]
        dates = {a.doc: a.published for a in store.articles()}
    people = kb.find_people(name)
    if not entities and not people:
        raise _exit(f"no actor named {name!r}", 1)
    for person in people:
        out.print(f"[bold]{person.name}[/bold]  {', '.join(person.aliases)}")
        for role in sorted(person.roles, key=lambda r: r.start or date.min):
            office = kb.offices.get(role.office)
            span = f"{role.start or '…'} – {role.end or 'today'}"
            source = f"  (learned from {role.doc})" if role.doc else ""
            label = role.title or (office.canonical if office else role.office)
            out.print(f"  {label}, {role.code}: {span}{source}", markup=False)
    for entity in entities:
        table = Table(
            "published", "doc", "as written", "office", title=f"{entity.name} ({entity.kind})"
        )
        for doc, mention in entity.mentions:
            published = dates.get(doc)
            table.add_row(str(published or ""), doc, mention.text, mention.office or "")
        out.print(table)


def _names(entity: Entity, name: str) -> bool:
    wanted = name.casefold()
    return wanted in entity.name.casefold() or any(a.casefold() == wanted for a in entity.aliases)


@app.command("events")
def events_command(
    ctx: typer.Context,
    actor: ActorOption = None,
    type_: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """List coded events: date, type, who to whom, where, how many sources, and the evidence.

    One row per happening: reports of the same event in several articles are merged.
    """
    table = Table("id", "date", "event", "actor", "recipient", "where", "sources", "evidence")
    for story in _selected_stories(ctx.obj, actor, type_, since, until, min_confidence):
        event = story.event
        when = story.when.start.isoformat() if story.when else ""
        flags = (
            " (not)" if event.negated else f" ({event.tense})" if event.tense == "future" else ""
        )
        mode = f"/{event.mode}" if event.mode else ""
        table.add_row(
            story.id,
            when,
            event.event + mode + flags,
            " ".join(event.who),
            " ".join(event.recipient),
            event.place or "",
            str(len(story.sources)) + ("!" if story.disagreements else ""),
            event.evidence[0].sentence[:80] if event.evidence else "",
        )
    out.print(table)


@app.command("show-event")
def show_event_command(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="An event id from `communique events`.")],
) -> None:
    """Show one event: every source with its evidence sentence, and where sources disagree."""
    with _store(ctx.obj) as store:
        story = store.story(key)
    if story is None:
        raise _exit(f"no event with id {key!r}", 1)
    event = story.event
    when = story.when.to_dict() if story.when else {}
    out.print(f"[bold]{event.event}[/bold] {event.mode or ''}  {story.id}")
    out.print(f"  {' + '.join(event.who)} → {' + '.join(event.recipient) or '·'}", markup=False)
    out.print(
        f"  when: {when.get('date', '?')} … {when.get('enddate', '?')} ({when.get('precision')})"
    )
    out.print(f"  where: {event.place or 'not stated'}", markup=False)
    out.print(f"  people: {', '.join(event.people) or '—'}", markup=False)
    out.print(f"  confidence: {event.confidence:.2f}", markup=False)
    out.print(f"  sources ({len(story.sources)}):", markup=False)
    for doc, reported in story.reports:
        dated = reported.when.start.isoformat() if reported.when else "undated"
        for evidence in reported.evidence:
            out.print(f"    {doc} [{dated}]: {evidence.sentence}", markup=False, soft_wrap=True)
    for doc, value in story.disagreements:
        out.print(f"  disagreement: {doc} dates it {value}", markup=False)


@app.command("stories")
def stories_command(ctx: typer.Context) -> None:
    """List story clusters: articles reporting the same happening, with their merged events."""
    with _store(ctx.obj) as store:
        clusters = store.article_clusters()
    for number, cluster in enumerate(clusters, start=1):
        out.print(f"[bold]story {number}[/bold] ({len(cluster.articles)} articles)")
        for article, copies in zip(cluster.articles, cluster.copies, strict=True):
            published = article.published.isoformat() if article.published else "undated"
            out.print(f"  {published}  {article.doc}  {article.title or ''}", markup=False)
            if copies:
                out.print(f"    near-copy of: {', '.join(copies)}", markup=False)
        for story in cluster.stories:
            event = story.event
            out.print(
                f"    event {story.id}: {event.event} {'+'.join(event.who)} → "
                f"{'+'.join(event.recipient) or '·'}, {len(story.sources)} sources",
                markup=False,
            )


@app.command("timeline")
def timeline_command(
    ctx: typer.Context,
    actor: ActorOption = None,
    type_: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Print the events as a timeline, grouped by month, coloured by PLOVER quad."""
    month = None
    for story in _selected_stories(ctx.obj, actor, type_, since, until, min_confidence):
        event, when = story.event, story.when
        if when is None:
            continue
        label = when.start.strftime("%B %Y")
        if label != month:
            month = label
            out.print(f"\n[bold]{label}[/bold]")
        colour = _QUAD_COLOURS.get(event.event, "white")
        arrow = f"{'+'.join(event.who)} → {'+'.join(event.recipient) or '·'}"
        where = f" in {event.place}" if event.place else ""
        day = when.start.strftime("%d") if when.precision == "day" else "  "
        out.print(f"  {day} [{colour}]{event.event:<9}[/{colour}] {arrow}{where}", highlight=False)


# One terminal colour per PLOVER quad.
_QUAD_COLOURS = {
    kind: colour
    for quad, colour in zip(QUADS, ("green", "cyan", "yellow", "red"), strict=True)
    for kind in QUADS[quad]
}


def _selected_stories(
    settings: Settings,
    actor: str | None,
    type_: str | None,
    since: str | None,
    until: str | None,
    min_confidence: float | None,
) -> list[Story]:
    try:
        low = date.fromisoformat(since) if since else None
        high = date.fromisoformat(until) if until else None
    except ValueError as error:
        raise _exit(f"--since/--until: {error}", 2) from error
    with _store(settings) as store:
        return store.stories(
            actor=actor, kind=type_, since=low, until=high, min_confidence=min_confidence
        )


@app.command("agreements")
def agreements_command(ctx: typer.Context, min_confidence: MinConfidenceOption = None) -> None:
    """List named agreements, treaties, programmes … with each one's history of actions."""
    with _store(ctx.obj) as store:
        found = store.agreements(min_confidence=min_confidence)
    for agreement in found:
        parties = ", ".join(agreement.parties) or "parties not stated"
        out.print(f"[bold]{agreement.title}[/bold] ({agreement.kind}; {parties})")
        for doc, item in agreement.actions:
            when = item.when.start.isoformat() if item.when else "undated"
            if item.when and item.when.precision != "day":
                when = (
                    f"{item.when.start.isoformat()[: 7 if item.when.precision == 'month' else 4]}"
                )
            out.print(f"  {when:<10} {item.action:<19} {doc}", markup=False)
    if not found:
        err.print("no agreements found", markup=False)


@app.command("quotes")
def quotes_command(
    ctx: typer.Context,
    speaker: Annotated[
        str | None, typer.Option(help="Only quotations by a speaker whose name contains this.")
    ] = None,
    width: Annotated[int, typer.Option(help="Show at most this many characters of each.")] = 200,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """List direct quotations with their speakers, dates and sources."""
    with _store(ctx.obj) as store:
        found = [
            (article, st)
            for article, st in store.statements()
            if (speaker is None or speaker.casefold() in (st.speaker or "").casefold())
            and (min_confidence is None or st.confidence >= min_confidence)
        ]
    for article, st in found:
        quote = st.quote if len(st.quote) <= width else st.quote[: width - 1] + "…"
        published = article.published.isoformat() if article.published else "undated"
        out.print(f"[bold]{st.speaker}[/bold] ({st.code or '?'}), {published}, {article.doc}:")
        out.print(f"  “{' '.join(quote.split())}”", markup=False, soft_wrap=True)
    if not found:
        err.print("no quotations found", markup=False)


@app.command("export")
def export_command(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Argument(
            help=f"What to export: {', '.join(KINDS)}, network, or all (a backup of every "
            "table, restored with `communique import`)."
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="jsonl (default), csv or parquet; for network: gexf (default) or graphml.",
        ),
    ] = "jsonl",
    out_file: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write here instead of standard output (needed for parquet and network; "
            "for all, a new or empty directory).",
        ),
    ] = None,
) -> None:
    """Export stored records in the format of EXPORT-FORMAT.md, or the actor network."""
    if kind == "all" and fmt == "jsonl":
        _export_all(ctx.obj, out_file)
        return
    known = (*KINDS, "network", "all")
    formats = NETWORK_FORMATS if kind == "network" else ("jsonl",) if kind == "all" else FORMATS
    fmt = "gexf" if kind == "network" and fmt == "jsonl" else fmt
    if kind not in known or fmt not in formats:
        raise _exit(
            f"cannot export {kind!r} as {fmt!r} (kinds: {', '.join(known)}; "
            f"formats: {', '.join(formats)})",
            2,
        )
    binary = kind == "network" or fmt == "parquet"
    if binary and out_file is None:
        raise _exit(f"--out FILE is needed for {fmt}", 2)
    with _store(ctx.obj) as store:
        if kind == "network":
            count = export_network(store, fmt=fmt, path=out_file)  # type: ignore[arg-type]
        elif fmt == "parquet":
            count = export_parquet(store, kind, out_file)  # type: ignore[arg-type]
        elif out_file is None:
            export(store, kind, fmt=fmt, out=sys.stdout)
            return
        else:
            with out_file.open("w", encoding="utf-8", newline="") as handle:
                count = export(store, kind, fmt=fmt, out=handle)
    err.print(f"{count} {'edges' if kind == 'network' else kind} written to {out_file}")


def _export_all(settings: Settings, out_dir: Path | None) -> None:
    """Back up every table into ``out_dir``: one JSON Lines file each and a manifest."""
    from .store.backup import export_all

    if out_dir is None:
        raise _exit("--out DIR is needed for all", 2)
    with _store(settings) as store:
        try:
            manifest = export_all(store, out_dir)
        except CommuniqueError as error:
            raise _exit(error, 1) from error
    rows = sum(entry.rows for entry in manifest.tables)
    err.print(f"{len(manifest.tables)} tables, {rows} rows written to {out_dir}", markup=False)


@app.command("import")
def import_command(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A directory written by `export all --out DIR`.")],
    merge: Annotated[
        bool,
        typer.Option(
            "--merge",
            help="Add the backup's articles to a database that already holds others (articles "
            "it holds keep what they have).",
        ),
    ] = False,
) -> None:
    """Restore a backup; its manifest and every file's sha256 are checked before any write.

    Into a new or empty database the backup is restored exactly; importing it again changes
    nothing. Exit code 1 if the backup is refused (corrupted, newer, or --merge needed).
    """
    from .store.backup import read_backup, restore

    try:
        manifest = read_backup(path)
    except CommuniqueError as error:
        raise _exit(error, 1) from error
    with _store(ctx.obj) as store:
        try:
            report = restore(store, manifest, merge=merge)
        except CommuniqueError as error:
            raise _exit(error, 1) from error
    added, held = sum(report.added.values()), sum(report.skipped.values())
    articles = report.added.get("articles", 0)
    err.print(
        f"imported {articles} articles ({added} rows); skipped {held} rows the database "
        f"already held; {store.url}",
        markup=False,
    )


@app.command("doctor")
def doctor_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Check the database (integrity, search index, schema, analyses), the model and the KB.

    Exit code 1 if any check finds a problem (warnings and n/a are not problems).
    """
    from .doctor import run_checks

    checks = run_checks(ctx.obj)
    failed = any(check.status == "problem" for check in checks)
    if as_json:
        data = {"ok": not failed, "checks": [check.to_dict() for check in checks]}
        out.print(json.dumps(data, indent=2, ensure_ascii=False), markup=False, soft_wrap=True)
    else:
        colours = {"ok": "green", "warning": "yellow", "problem": "bold red", "n/a": "dim"}
        table = Table("check", "status", "detail")
        for check in checks:
            status = f"[{colours[check.status]}]{check.status}[/]"
            table.add_row(escape(check.name), status, escape(check.detail))
        out.print(table)
    if failed:
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    ctx: typer.Context,
    gold: Annotated[Path, typer.Argument(help="A gold JSONL file (GOLD-FORMAT.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    errors: Annotated[
        bool,
        typer.Option(
            "--errors",
            help="Also list every false negative and false positive with its sentence and "
            "the reason it failed, grouped by reason.",
        ),
    ] = False,
) -> None:
    """Score what is stored against a gold file."""
    from .evaluate import Prf, evaluate

    with _store(ctx.obj) as store:
        try:
            report = evaluate(store, gold)
        except CommuniqueError as error:
            raise _exit(error, 2) from error
    if as_json:
        data = report.to_dict(errors=errors)
        out.print(json.dumps(data, indent=2), markup=False, soft_wrap=True)
        return
    table = Table("section", "score", "share", title=f"{gold.name}: {report.documents} documents")
    for name, score in report.scores.items():
        if isinstance(score, Prf):
            counts = (
                f"P {score.precision:.2f} R {score.recall:.2f} ({score.tp}/{score.tp + score.fn})"
            )
            table.add_row(name, counts, f"F1 {score.share:.2f}")
        else:
            table.add_row(name, f"{score.hits}/{score.total}", f"{score.share:.0%}")
    out.print(table)
    if report.event_types:
        types = Table("event type", "P", "R", "F1", "gold", title="events by PLOVER type")
        for kind, score in sorted(report.event_types.items()):
            types.add_row(
                kind,
                f"{score.precision:.2f}",
                f"{score.recall:.2f}",
                f"{score.share:.2f}",
                str(score.tp + score.fn),
            )
        out.print(types)
    for doc in report.missing_documents:
        out.print(f"not stored: {doc}", markup=False)
    for name, score in report.scores.items():
        for miss in score.misses[:5] if name in {"title", "published", "language"} else ():
            out.print(f"{name}: {miss}", markup=False)
    if errors:
        _print_errors(report)


def _print_errors(report: EvalReport) -> None:
    """Every miss of ``report``, grouped by section and reason, each with its sentence."""
    for heading, line in report.error_lines():
        if heading:
            out.print(f"\n[bold]{escape(line)}[/]")
        else:
            out.print(line, markup=False, soft_wrap=True)


@app.command("report")
def report_command(
    ctx: typer.Context,
    out_file: Annotated[Path, typer.Option("--out", help="The HTML file to write.")],
    actor: ActorOption = None,
    since: SinceOption = None,
) -> None:
    """Write a self-contained HTML briefing (timeline, network, agreements, quotations).

    The charts' code is inlined, so the file opens offline and can be sent as it is.
    """
    from .report import write_report

    try:
        low = date.fromisoformat(since) if since else None
    except ValueError as error:
        raise _exit(f"--since: {error}", 2) from error
    with _store(ctx.obj) as store:
        count = write_report(store, out_file, actor=actor, since=low)
    err.print(f"briefing with {count} events written to {out_file}", markup=False)


# `relation` and `digest` (issue 14): "since" there is when records were stored, not when
# events happened, and takes a date or a UTC date and time.
StoredSinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Only what was stored since then: YYYY-MM-DD (00:00 UTC) or YYYY-MM-DDTHH:MM (UTC).",
    ),
]


@app.command("relation")
def relation_command(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="A side: a code (BLR, IGO:EU) or a name (Belarus).")],
    b: Annotated[str, typer.Argument(help="The other side.")],
    since: StoredSinceOption = None,
) -> None:
    """Show one relationship: events by month and quad, agreements, quotations, people.

    Events per month by PLOVER quad with the balance (cooperation - conflict) / events, every
    event between the two sides, the agreements naming both with their lifecycle, quotations
    by one side about the other, and the people involved: the content of /relations/A/B.
    """
    from .digest import relation_tables
    from .store.relations import SINCE_MEANS, parse_moment, relation, resolve_side, stories

    with _store(ctx.obj) as store:
        try:
            moment = parse_moment(since) if since else None
            found = relation(store, resolve_side(store, a), resolve_side(store, b), since=moment)
        except CommuniqueError as error:
            raise _exit(error, 2) from error
        shown = stories(store, [h.id for h in found.happenings])
    if moment is not None:
        out.print(
            "Only what was " + SINCE_MEANS.format(since=moment.isoformat(sep=" ")), markup=False
        )
    for part in relation_tables(found, shown):
        out.print(part)


@app.command("digest")
def digest_command(
    ctx: typer.Context,
    since: Annotated[
        str,
        typer.Option(
            "--since",
            help="What was stored since then: YYYY-MM-DD (00:00 UTC) or YYYY-MM-DDTHH:MM (UTC).",
        ),
    ],
    relations: Annotated[
        list[str] | None,
        typer.Option(
            "--relation",
            metavar="A B",
            help="Only this relationship: two codes or names, e.g. --relation BLR RUS "
            "(repeatable). Default: every relationship.",
        ),
    ] = None,
    others: Annotated[
        list[str] | None,
        typer.Argument(
            hidden=True,
            help="The second side of each --relation: Click reads an option's value as one "
            "word, so the word after it arrives here, in order.",
        ),
    ] = None,
    out_file: Annotated[
        Path | None,
        typer.Option("--out", help="Write one self-contained HTML file instead of printing."),
    ] = None,
) -> None:
    """What is new since a moment: new events by relationship, agreements, quotations.

    As tables, or with --out as one HTML file that opens offline (Plotly and styles inlined).
    --relation (repeatable) keeps those relationships only, read as `relation` reads them.
    """
    from .digest import digest, digest_tables, write_digest
    from .store.relations import parse_moment, resolve_side

    with _store(ctx.obj) as store:
        try:
            moment = parse_moment(since)
            pairs = [
                (resolve_side(store, a), resolve_side(store, b))
                for a, b in _pairs(relations or [], others or [])
            ]
            found = digest(store, moment, pairs)
        except CommuniqueError as error:
            raise _exit(error, 2) from error
    if out_file is None:
        for part in digest_tables(found):
            out.print(part)
        return
    write_digest(found, out_file)
    err.print(
        f"digest with {found.events} new events, {len(found.agreements)} agreements and "
        f"{len(found.quotes)} quotations written to {out_file}",
        markup=False,
    )


def _pairs(first: list[str], second: list[str]) -> list[tuple[str, str]]:
    """Each ``--relation A B`` as a pair; a usage error when a side is missing or extra."""
    if len(first) != len(second):
        raise _exit("--relation takes two sides: --relation A B", 2)
    return list(zip(first, second, strict=True))


@app.command("serve")
def serve_command(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to bind (default: this machine only).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    get: Annotated[
        str | None,
        typer.Option("--get", help="Print the response to this path (e.g. /api/events) and exit."),
    ] = None,
    write_token: Annotated[
        str | None,
        typer.Option(
            "--write-token",
            envvar="COMMUNIQUE_WRITE_TOKEN",
            help="Allow POST /api/articles for requests bearing this token (default: off; "
            "or $COMMUNIQUE_WRITE_TOKEN, or --write-token-file, which `ps` does not show).",
        ),
    ] = None,
    write_token_file: Annotated[
        Path | None,
        typer.Option(
            "--write-token-file",
            help="Read the write token from this file (its first line).",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Server processes answering requests side by side (one per core uses every "
            "core); each opens the database itself.",
        ),
    ] = 1,
) -> None:
    """Serve the web pages and JSON API over the database (OpenAPI docs at /docs)."""
    from .web import create_app

    if write_token_file is not None:
        if write_token is not None:
            raise ConfigError("E306")
        write_token = _read_token(write_token_file)
    if workers > 1 and get is None:
        import uvicorn

        # Each worker process builds its own app (and store) from what this one was given.
        os.environ[_WORKER] = json.dumps(
            {"settings": ctx.obj.to_dict(), "write_token": write_token}
        )
        uvicorn.run(
            f"{__name__}:worker_app",
            factory=True,
            workers=workers,
            timeout_worker_healthcheck=_WORKER_START,
            host=host,
            port=port,
            log_level="warning",
        )
        return
    web_app = create_app(ctx.obj, write_token=write_token)
    if get is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # starlette's note on httpx
            from fastapi.testclient import TestClient

        response = TestClient(web_app).get(get)
        out.print(response.text, markup=False, soft_wrap=True)
        if response.status_code >= 400:
            raise typer.Exit(1)
        return
    import uvicorn

    uvicorn.run(web_app, host=host, port=port, log_level="warning")


# How `serve --workers N` hands its settings and write token to the worker processes uvicorn
# starts (not COMMUNIQUE_*: settings read those, and this is no setting).
_WORKER = "_COMMUNIQUE_SERVE_WORKER"
# Seconds a worker may take to answer uvicorn's health check: its default (5) is shorter than a
# worker's start (imports, opening the store) on a busy machine, and uvicorn then kills and
# restarts it, again and again.
_WORKER_START = 60


def worker_app() -> FastAPI:
    """The app of one worker process of ``serve --workers N``, which uvicorn starts by name."""
    from .web import create_app

    given = json.loads(os.environ[_WORKER])
    return create_app(Settings(**given["settings"]), write_token=given["write_token"])


def _read_token(path: Path) -> str:
    """The token in a file: its first line, without surrounding blanks; never empty."""
    try:
        lines = path.read_text("utf-8").strip().splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError("E305", path=path, reason=getattr(err, "strerror", None) or err) from err
    if not lines or not lines[0].strip():
        raise ConfigError("E305", path=path, reason="the file holds no token")
    return lines[0].strip()


db_app = typer.Typer(help="The database schema: its revision, and upgrades.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("current")
def db_current_command(ctx: typer.Context) -> None:
    """Print the database's schema revision and this release's, without changing anything."""
    try:
        found, legacy = schema_revision(ctx.obj.db)
    except CommuniqueError as error:
        raise _exit(error, 2) from error
    head = f"{SCHEMA_VERSION:04d}"
    if found is None:
        found = f"none (schema version {legacy}, before migrations)" if legacy else "none (empty)"
    advice = "" if found == head else "; run `communique db upgrade`"
    out.print(f"revision {found}, this release's {head}{advice}", markup=False)


@db_app.command("upgrade")
def db_upgrade_command(ctx: typer.Context) -> None:
    """Bring the database to this release's schema (any writable open does it too)."""
    try:
        before = upgrade_schema(ctx.obj.db)
    except CommuniqueError as error:
        raise _exit(error, 2) from error
    head = f"{SCHEMA_VERSION:04d}"
    done = "already at" if before == head else f"upgraded from {before or 'nothing'} to"
    out.print(f"{done} revision {head}", markup=False)


watch_app = typer.Typer(
    help="Follow sources (RSS/Atom feeds, sitemaps, listing pages) and store their new articles.",
    no_args_is_help=True,
)
app.add_typer(watch_app, name="watch")


@watch_app.command("add")
def watch_add_command(
    ctx: typer.Context,
    url: Annotated[
        str,
        typer.Argument(
            help="An RSS/Atom feed, a sitemap (.xml, .xml.gz, index) or a page listing articles."
        ),
    ],
    name: Annotated[
        str | None, typer.Option(help="What to call it (default: the URL's host and path).")
    ] = None,
    every: Annotated[
        str, typer.Option(help="How often to fetch it: 15m, 2h, 1d … (at least 1m).")
    ] = "30m",
) -> None:
    """Follow a source; `watch run` fetches it, at once and then every --every."""
    from urllib.parse import urlsplit

    from .pipeline.watch import parse_every, utcnow

    parts = urlsplit(url.strip())
    try:
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise WatchError("E710", url=url)
        seconds = parse_every(every)
    except CommuniqueError as error:
        raise _exit(error, 2) from error
    name = name or (parts.netloc.removeprefix("www.") + parts.path.rstrip("/"))
    with _store(ctx.obj) as store:
        try:
            store.add_watch(name, url.strip(), every=seconds, now=utcnow())
        except CommuniqueError as error:
            raise _exit(error, 1) from error
    err.print(f"following {name} ({url.strip()}) every {_duration(seconds)}", markup=False)


@watch_app.command("list")
def watch_list_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per source.")] = False,
) -> None:
    """List the followed sources: last fetch and new article, failures in a row, next due.

    Below the table, each source's last error, one line each.
    """
    with _store(ctx.obj) as store:
        sources = store.watched()
    if as_json:
        for source in sources:
            row = dataclasses.asdict(source)
            line = json.dumps(row, default=lambda value: value.isoformat(), ensure_ascii=False)
            sys.stdout.write(line + "\n")
        return
    table = Table(caption="times in UTC" if sources else None)
    for column in ("name", "kind", "every", "last fetch", "last new", "articles"):
        table.add_column(column, overflow="fold")
    table.add_column("failures in a row", overflow="fold")
    table.add_column("next due", overflow="fold")
    errors = []
    for source in sources:
        table.add_row(
            source.name,
            source.kind or "?",
            _duration(source.every),
            _when(source.last_fetch),
            _when(source.last_new),
            str(source.articles),
            str(source.failures),
            _when(source.next_due),
        )
        if source.last_error:
            errors.append(f"{source.name}: {_error_line(source.last_error)}")
    # A pipe gets whole rows; a terminal, rows folded to its width.
    console = out if out.is_terminal else Console(highlight=False, width=200)
    console.print(table)
    # Each source's last error as one line of its own, whatever the terminal's width.
    for line in errors:
        console.print(line, markup=False, soft_wrap=True)


@watch_app.command("remove")
def watch_remove_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The source's name (see `watch list`).")],
) -> None:
    """Stop following a source; the articles stored from it stay."""
    with _store(ctx.obj) as store:
        try:
            store.remove_watch(name)
        except CommuniqueError as error:
            raise _exit(error, 1) from error
    err.print(f"no longer following {name}", markup=False)


@watch_app.command("run")
def watch_run_command(
    ctx: typer.Context,
    once: Annotated[
        bool,
        typer.Option(
            "--once",
            help="Fetch every source now, once, and exit (with --due: only those due). "
            "Without it: each source when due, until Ctrl-C.",
        ),
    ] = False,
    due: Annotated[
        bool, typer.Option("--due", help="With --once: only the sources that are due.")
    ] = False,
) -> None:
    """Fetch the followed sources and store their new articles (as `ingest` does).

    Each source that fails gets one line naming it and the reason (also its last error in
    `watch list`); the others go on. Ctrl-C stops between two documents (twice: at once).
    Articles an older release analysed are first analysed again from their kept pages.
    Exit code 0 if every source run went well, 1 if any failed.
    """
    import signal
    import threading

    from rich.live import Live

    from .pipeline.watch import Watcher

    settings: Settings = ctx.obj
    stop = threading.Event()
    runs: dict[str, SourceRun] = {}
    totals = {"new": 0, "failed": 0, "unchanged": 0, "sources": 0, "reanalysed": 0}

    def interrupt(signum: int, frame: object) -> None:
        """Ctrl-C: the first stops between documents (nothing half-stored), the second at once."""
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        err.print("stopping after this document (Ctrl-C again: at once)", markup=False)

    live = Live(console=err, transient=False, auto_refresh=False) if err.is_terminal else None

    def progress(run: SourceRun) -> None:
        """Keep the source's latest state, and redraw the live view on a terminal."""
        runs[run.name] = run
        if live is not None:
            live.update(_watch_view(runs, totals), refresh=True)

    def failed(line: str) -> None:
        """Print an error above the live view, which would otherwise draw over it."""
        (live.console if live is not None else err).print(f"error: {line}", markup=False)

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        with (
            _store(settings) as store,
            Watcher(settings, store, stop=stop, on_progress=progress, on_error=failed) as watcher,
        ):
            if live is not None:
                live.start()
            try:
                totals["reanalysed"] = watcher.reanalyse()
                while not stop.is_set():
                    for run in watcher.run(due_only=due or not once):
                        totals["sources"] += run.state != "waiting"
                        totals["new"] += run.new
                        totals["failed"] += run.state == "failed"
                        totals["unchanged"] += run.state == "unchanged"
                    if once:
                        break
                    stop.wait(_until_next(store))
            finally:
                if live is not None:
                    live.stop()
    finally:
        signal.signal(signal.SIGINT, previous)
    again = (
        f"; {totals['reanalysed']} analysed again from kept pages" if totals["reanalysed"] else ""
    )
    err.print(
        f"{totals['new']} new articles; {totals['sources']} source runs, {totals['unchanged']} "
        f"unchanged, {totals['failed']} failed{again}" + ("; stopped" if stop.is_set() else ""),
        markup=False,
    )
    if totals["failed"]:
        raise typer.Exit(1)


def _watch_view(runs: dict[str, SourceRun], totals: dict[str, int]) -> Table:
    """The live view of `watch run`: each source's state in this run, and the counts so far."""
    table = Table(caption=f"{totals['new']} new so far; Ctrl-C stops between documents")
    for column in ("source", "state", "new", "failed"):
        table.add_column(column, no_wrap=True)
    table.add_column("last error", overflow="fold", min_width=20)
    for run in runs.values():
        table.add_row(run.name, run.state, str(run.new), str(run.failed), _error_line(run.error))
    return table


def _until_next(store: Store) -> float:
    """Seconds until the next source is due, within [1, 60] (sources may be added meanwhile)."""
    from .pipeline.watch import utcnow

    due = [source.next_due for source in store.watched()]
    if not due:
        return 60.0
    return min(60.0, max(1.0, (min(due) - utcnow()).total_seconds()))


def _duration(seconds: int) -> str:
    """30m, 2h, 1d, 1h30m: the duration as `watch add --every` takes it."""
    parts = []
    for unit, size in (("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


def _when(moment: datetime | None) -> str:
    """A stored UTC time as `2026-12-06 07:30`, or '-' for never."""
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


def _error_line(error: str | None) -> str:
    """An error as one line, its code first (`E703 url: …`): the code survives a cut."""
    if not error:
        return ""
    line = " ".join(error.split())
    message, _, code = line.rpartition(" [")
    return f"{code.rstrip(']')} {message}" if message and code.endswith("]") else line


@app.command("settings")
def settings_command(ctx: typer.Context) -> None:
    """Print every setting, its value and where the value came from."""
    settings: Settings = ctx.obj
    table = Table("setting", "value", "from")
    for name, value in settings.to_dict().items():
        table.add_row(name, repr(value), settings.sources.get(name, "default"))
    out.print(table)


def main() -> None:
    """Console-script entry point: run the command, then end the process without teardown.

    Once a command has returned, its stores, files and worker processes are closed. What the
    interpreter would still do is run the exit handlers and then free every object one by one:
    for a command that loaded the pipeline (the model, the knowledge base, the rulers' tries)
    that takes about 0.35 s, a sixth of ``communique ingest one.txt`` and more than analysing
    the article. So the handlers run and the output is flushed here, and the process ends.
    Where another thread still runs, the usual exit waits for it instead.
    """
    try:
        app()
        code = 0
    except SystemExit as stop:
        code = _exit_code(stop.code)
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()  # what the interpreter runs first at exit (CPython's own hook)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(code)


def _exit_code(code: object) -> int:
    """The status ``sys.exit(code)`` would end with: a message is printed and ends it with 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
