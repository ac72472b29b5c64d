"""Search over articles and quotations: the users' query language, SQLite FTS5, PostgreSQL.

Users type words, "quoted phrases", prefix* and OR (terms side by side must all match). Every
term reaches FTS5 as a quoted string, so no input is an FTS5 syntax error or names a column
(``foo-bar`` or ``Xi's`` would be, raw); the only errors are ours, worded for the user. The same
parsed query drives PostgreSQL's full-text search and a plain LIKE search for other databases.

The SQLite index is two FTS5 tables kept by triggers (made by migration 0003), so every write
path (ingest, re-analysis, a later release's code) updates them in the same transaction as the
rows themselves. They store
their own copy of the text: an external-content table would key articles by their implicit
rowid, which VACUUM may renumber.

On PostgreSQL each searched table has a generated ``tsvector`` column with a GIN index, so it too
is kept in the same transaction as its row, and a query is ``websearch_to_tsquery`` per term
(``to_tsquery`` for a prefix), joined with ``&&`` and ``||`` as the clauses say. Its text search
configuration ``communique`` is English with accents folded (the ``unaccent`` dictionary, where
the server has it), as SQLite's tokenizer folds them. PostgreSQL's parser reads ``<...>`` as
markup and skips it, so angle brackets are spaces to it: a text about ``<script>`` is words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Select, and_, func, null, or_, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..errors import QueryError
from ..model import SearchHit, SearchKind, SearchResults
from .tables import ArticleRow, StatementRow

__all__ = [
    "KINDS",
    "MAX_TERMS",
    "create_fts_index",
    "create_ts_index",
    "fts_query",
    "fts_search",
    "like_search",
    "parse_query",
    "ts_query",
    "ts_search",
]

KINDS: tuple[SearchKind, ...] = ("article", "quote")

Term = tuple[str, bool]  # the text, and whether it is a prefix
Clause = tuple[Term, ...]  # alternatives, any of which may match

_TOKENS = re.compile(r'"([^"]*)"(\*?)|([^\s"]+)')
_OPEN, _CLOSE = "\x02", "\x03"  # marks FTS5 puts around matches; control characters, not text
_SNIPPET_TOKENS = 32
MAX_TERMS = 16
_LIKE_WIDTH = 240  # characters of text around the first match in a LIKE snippet
_NO_BRACKETS = str.maketrans("<>", "  ")
_SPACE = re.compile(r"\s")

_CONFIG = "communique"  # the PostgreSQL text search configuration
_HEADLINE = f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords=25, MinWords=10"
# Angle brackets are spaces to PostgreSQL's parser, which would skip "<...>" as markup.
_VECTORS = {
    "articles": (
        f"setweight(to_tsvector('{_CONFIG}', translate(coalesce(title, ''), '<>', '  ')), 'A') "
        f"|| setweight(to_tsvector('{_CONFIG}', translate(text, '<>', '  ')), 'B')"
    ),
    "statements": (
        f"to_tsvector('{_CONFIG}', translate(quote || ' ' || coalesce(speaker, ''), '<>', '  '))"
    ),
}
# ts_rank's weights for D, C, B, A: an article's title (A) weighs four times its text (B).
_WEIGHTS = "'{0.1, 0.2, 0.25, 1.0}'"
_TS_MATCHES = {
    "article": (
        "SELECT 'article' AS kind, id AS article_id, NULL AS speaker, 0 AS seq, text AS body, "
        f"ts_rank({_WEIGHTS}, search_vector, query.q, 1) AS score "
        "FROM articles, query WHERE search_vector @@ query.q"
    ),
    "quote": (
        "SELECT 'quote' AS kind, article_id, speaker, id AS seq, quote AS body, "
        "ts_rank(search_vector, query.q, 1) AS score "
        "FROM statements, query WHERE search_vector @@ query.q"
    ),
}
_TS_COUNTS = {
    "article": "SELECT count(*) FROM articles, query WHERE search_vector @@ query.q",
    "quote": "SELECT count(*) FROM statements, query WHERE search_vector @@ query.q",
}

_MATCHES = {
    "article": (
        "SELECT 'article' AS kind, article_id, NULL AS speaker, rowid AS seq, "
        f"snippet(article_search, -1, char(2), char(3), '…', {_SNIPPET_TOKENS}) AS snippet, "
        "bm25(article_search, 0.0, 4.0, 1.0) AS score "
        "FROM article_search WHERE article_search MATCH :query"
    ),
    "quote": (
        "SELECT 'quote' AS kind, article_id, speaker, rowid AS seq, "
        f"snippet(quote_search, 1, char(2), char(3), '…', {_SNIPPET_TOKENS}) AS snippet, "
        "bm25(quote_search) AS score "
        "FROM quote_search WHERE quote_search MATCH :query"
    ),
}
_COUNTS = {
    "article": "SELECT count(*) FROM article_search WHERE article_search MATCH :query",
    "quote": "SELECT count(*) FROM quote_search WHERE quote_search MATCH :query",
}


# SQLite's FTS5 tables kept by triggers, filled from the rows already stored.
_FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"
_FTS_INDEX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5("
    f"article_id UNINDEXED, title, text, tokenize='{_FTS_TOKENIZER}')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quote_search USING fts5("
    f"article_id UNINDEXED, quote, speaker, tokenize='{_FTS_TOKENIZER}')",
    "CREATE TRIGGER IF NOT EXISTS article_search_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO article_search (article_id, title, text) VALUES (new.id, new.title, new.text); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS article_search_delete AFTER DELETE ON articles BEGIN "
    "DELETE FROM article_search WHERE article_id = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS article_search_update AFTER UPDATE OF id, title, text "
    "ON articles BEGIN DELETE FROM article_search WHERE article_id = old.id; "
    "INSERT INTO article_search (article_id, title, text) VALUES (new.id, new.title, new.text); "
    "END",
    # A quotation's FTS row has the statement's id (an INTEGER PRIMARY KEY, stable) as rowid.
    "CREATE TRIGGER IF NOT EXISTS quote_search_insert AFTER INSERT ON statements BEGIN "
    "INSERT INTO quote_search (rowid, article_id, quote, speaker) "
    "VALUES (new.id, new.article_id, new.quote, new.speaker); END",
    "CREATE TRIGGER IF NOT EXISTS quote_search_delete AFTER DELETE ON statements BEGIN "
    "DELETE FROM quote_search WHERE rowid = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS quote_search_update AFTER UPDATE ON statements BEGIN "
    "DELETE FROM quote_search WHERE rowid = old.id; "
    "INSERT INTO quote_search (rowid, article_id, quote, speaker) "
    "VALUES (new.id, new.article_id, new.quote, new.speaker); END",
    "DELETE FROM article_search",
    "INSERT INTO article_search (article_id, title, text) SELECT id, title, text FROM articles",
    "DELETE FROM quote_search",
    "INSERT INTO quote_search (rowid, article_id, quote, speaker) "
    "SELECT id, article_id, quote, speaker FROM statements",
)


def create_fts_index(connection: Connection) -> None:
    """Create and fill SQLite's full-text tables of articles and quotations, and their triggers.

    Every statement is skipped or harmless when already done; a migration passes its connection.
    """
    for statement in _FTS_INDEX:
        connection.exec_driver_sql(statement)


def create_ts_index(session: Session | Connection) -> None:
    """Create PostgreSQL's ``communique`` text search configuration, vector columns and indexes.

    The configuration copies English; where the ``unaccent`` extension can be had (Debian's
    server package ships it; a database owner may create it), accents are folded first. Every
    step is skipped when already done; a migration can pass its connection.
    """
    exists = session.scalar(
        text("SELECT 1 FROM pg_ts_config WHERE cfgname = :name"), {"name": _CONFIG}
    )
    if not exists:
        try:
            with session.begin_nested():
                session.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
            folding = "unaccent, "
        except DBAPIError:
            folding = ""  # no accent folding: a name typed without its accents will not match
        session.execute(text(f"CREATE TEXT SEARCH CONFIGURATION {_CONFIG} (COPY = english)"))
        session.execute(
            text(
                f"ALTER TEXT SEARCH CONFIGURATION {_CONFIG} ALTER MAPPING FOR "
                "asciiword, asciihword, hword_asciipart, word, hword, hword_part "
                f"WITH {folding}english_stem"
            )
        )
    for table, vector in _VECTORS.items():
        session.execute(
            text(
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector "
                f"GENERATED ALWAYS AS ({vector}) STORED"
            )
        )
        session.execute(
            text(f"CREATE INDEX IF NOT EXISTS {table}_search ON {table} USING gin (search_vector)")
        )


def parse_query(query: str) -> tuple[Clause, ...]:
    """Split a user's query into clauses that must all match, each a list of alternatives.

    Control characters are spaces, repeated terms count once, and a query has at most
    ``MAX_TERMS`` terms: FTS5 works through a match in one step the time limit cannot
    interrupt, and its cost grows with every term.
    """
    query = re.sub(r"[\x00-\x1f\x7f]", " ", query)
    if query.count('"') % 2:
        raise QueryError("E404", query=query, reason='a double quote (") is not closed')
    clauses: list[list[Term]] = []
    joining = False
    for match in _TOKENS.finditer(query):
        phrase, star, word = match.groups()
        if word == "OR":
            if not clauses or joining:
                raise QueryError("E404", query=query, reason="OR needs a term on each side")
            joining = True
            continue
        term = (phrase, bool(star)) if word is None else (word.rstrip("*"), word.endswith("*"))
        if not re.search(r"\w", term[0]):
            continue  # punctuation alone matches nothing
        if joining:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        joining = False
    if joining:
        raise QueryError("E404", query=query, reason="OR needs a term on each side")
    found = tuple(dict.fromkeys(tuple(dict.fromkeys(clause)) for clause in clauses))
    if not found:
        raise QueryError("E404", query=query, reason="nothing to search for: give a word")
    if sum(map(len, found)) > MAX_TERMS:
        raise QueryError("E404", query=query, reason=f"more than {MAX_TERMS} terms")
    return found


def fts_query(clauses: Sequence[Clause]) -> str:
    """The FTS5 form of a parsed query: every term a quoted string, so never a syntax error."""

    def quoted(term: Term) -> str:
        return '"' + term[0].replace('"', '""') + '"' + ("*" if term[1] else "")

    return " AND ".join("(" + " OR ".join(map(quoted, clause)) + ")" for clause in clauses)


def fts_search(
    session: Session,
    clauses: Sequence[Clause],
    kinds: Sequence[SearchKind],
    *,
    limit: int,
    offset: int,
) -> SearchResults:
    """Search the FTS5 index, best match first (BM25; an article's title weighs four times)."""
    params = {"query": fts_query(clauses), "limit": limit, "offset": offset}
    total = sum(session.scalar(text(_COUNTS[kind]), params) or 0 for kind in kinds)
    statement = " UNION ALL ".join(_MATCHES[kind] for kind in kinds)
    rows = session.execute(
        text(f"{statement} ORDER BY score, kind, article_id, seq LIMIT :limit OFFSET :offset"),
        params,
    )
    found = [(row.kind, row.article_id, row.speaker, _runs(row.snippet)) for row in rows]
    return SearchResults(total=total, hits=_hits(session, found))


def ts_query(clauses: Sequence[Clause]) -> tuple[str, dict[str, str]]:
    """The PostgreSQL ``tsquery`` expression of a parsed query, and its parameters.

    A term is a phrase for ``websearch_to_tsquery``, which never fails on any input; a prefix
    term is its words, quoted, for ``to_tsquery`` (the last one with ``:*``). Terms made of
    stop words alone ("the") match nothing and drop out of their clause.
    """
    params: dict[str, str] = {}
    ands = []
    for clause in clauses:
        ors = []
        for term, prefix in clause:
            name = f"t{len(params)}"
            if prefix:
                words = re.findall(r"\w+", term)
                params[name] = " <-> ".join(f"'{word}'" for word in words) + ":*"
                ors.append(f"to_tsquery('{_CONFIG}', :{name})")
            else:
                params[name] = f'"{term}"'
                ors.append(f"websearch_to_tsquery('{_CONFIG}', :{name})")
        ands.append("(" + " || ".join(ors) + ")")
    return " && ".join(ands), params


def ts_search(
    session: Session,
    clauses: Sequence[Clause],
    kinds: Sequence[SearchKind],
    *,
    limit: int,
    offset: int,
) -> SearchResults:
    """Search PostgreSQL's vectors, best match first (``ts_rank``; a title weighs four times)."""
    query, params = ts_query(clauses)
    with_query = f"WITH query AS (SELECT {query} AS q) "
    total = sum(session.scalar(text(with_query + _TS_COUNTS[kind]), params) or 0 for kind in kinds)
    order = "ORDER BY score DESC, kind, article_id, seq"
    page = f"{' UNION ALL '.join(_TS_MATCHES[kind] for kind in kinds)} {order}"
    headline = f"ts_headline('{_CONFIG}', translate(body, '<>', '  '), query.q, :headline)"
    rows = session.execute(
        text(
            f"{with_query}SELECT page.*, {headline} AS snippet "
            f"FROM query, ({page} LIMIT :limit OFFSET :offset) AS page {order}"
        ),
        {**params, "limit": limit, "offset": offset, "headline": _HEADLINE},
    )
    found = [
        (row.kind, row.article_id, row.speaker, _headline(row.body, row.snippet)) for row in rows
    ]
    return SearchResults(total=total, hits=_hits(session, found))


def like_search(
    session: Session,
    clauses: Sequence[Clause],
    kinds: Sequence[SearchKind],
    *,
    limit: int,
    offset: int,
) -> SearchResults:
    """Search with case-insensitive LIKE: articles newest first, then quotations.

    For databases without an index (neither SQLite nor PostgreSQL), and a yardstick for the
    indexes in the tests: the same query language, but slower, unranked, and looser:
    a term matches inside words, without stemming or accent folding.
    """
    total, skip, found = 0, offset, []
    for kind in kinds:
        query = _like_query(kind, clauses)
        count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        total += count
        room = limit - len(found)
        if room > 0 and skip < count:
            for row in session.execute(query.offset(skip).limit(room)):
                found.append((kind, row.article_id, row.speaker, _like_snippet(row.body, clauses)))
        skip = max(0, skip - count)
    return SearchResults(total=total, hits=_hits(session, found))


def _like_query(kind: SearchKind, clauses: Sequence[Clause]) -> Select[Any]:
    if kind == "article":
        columns = (ArticleRow.title, ArticleRow.text)
        query = select(
            ArticleRow.id.label("article_id"),
            null().label("speaker"),
            ArticleRow.text.label("body"),
        ).order_by(ArticleRow.published.is_(None), ArticleRow.published.desc(), ArticleRow.id)
    else:
        columns = (StatementRow.quote, StatementRow.speaker)
        query = select(
            StatementRow.article_id, StatementRow.speaker, StatementRow.quote.label("body")
        ).order_by(StatementRow.article_id, StatementRow.start, StatementRow.id)
    return query.where(
        and_(
            *(
                or_(*(c.icontains(term, autoescape=True) for term, _ in clause for c in columns))
                for clause in clauses
            )
        )
    )


def _hits(
    session: Session, found: list[tuple[SearchKind, str, str | None, tuple[tuple[str, bool], ...]]]
) -> tuple[SearchHit, ...]:
    """Complete the hits with their articles' metadata (one query for the page)."""
    ids = {article_id for _kind, article_id, _speaker, _snippet in found}
    articles = {
        row.id: row
        for row in session.execute(
            select(ArticleRow.id, ArticleRow.doc, ArticleRow.title, ArticleRow.published).where(
                ArticleRow.id.in_(ids)
            )
        )
    }
    return tuple(
        SearchHit(
            kind=kind,
            article_id=article_id,
            doc=articles[article_id].doc,
            title=articles[article_id].title,
            published=articles[article_id].published,
            speaker=speaker,
            snippet=snippet,
        )
        for kind, article_id, speaker, snippet in found
    )


def _runs(snippet: str | None) -> tuple[tuple[str, bool], ...]:
    """Cut an FTS5 snippet at its match marks into (text, marked) runs.

    A mark character already in the text can only misplace a highlight: the runs are escaped
    when shown, marked or not.
    """
    runs = []
    for part in re.split(f"({_OPEN}[^{_CLOSE}]*{_CLOSE})", snippet or ""):
        if part.startswith(_OPEN) and part.endswith(_CLOSE):
            runs.append((part[1:-1], True))
        elif part:
            runs.append((part.replace(_OPEN, "").replace(_CLOSE, ""), False))
    return tuple((piece, marked) for piece, marked in runs if piece)


def _headline(body: str, headline: str) -> tuple[tuple[str, bool], ...]:
    """The runs of a PostgreSQL headline, in the body's own characters, with text before it.

    The headline is a stretch of the body as the search saw it (angle brackets as spaces) that
    opens on a match; it is found again in the body to take the text from there, and the words
    before it are added, as a LIKE snippet or FTS5's have them.
    """
    runs = _runs(headline)
    seen = "".join(piece for piece, _marked in runs)
    start = body.translate(_NO_BRACKETS).find(seen)
    if start < 0:
        return runs
    lead = max(0, start - _LIKE_WIDTH // 3)
    if lead:  # begin at a word
        space = _SPACE.search(body, lead, start)
        lead = space.end() if space else start
    restored, position = [(body[lead:start], False)], start
    for piece, marked in runs:
        restored.append((body[position : position + len(piece)], marked))
        position += len(piece)
    before = [("…", False)] if lead else []
    after = [("…", False)] if position < len(body) else []
    merged: list[tuple[str, bool]] = []
    for piece, marked in (*before, *restored, *after):
        if merged and not marked and not merged[-1][1]:
            merged[-1] = (merged[-1][0] + piece, False)
        elif piece:
            merged.append((piece, marked))
    return tuple(merged)


def _like_snippet(body: str, clauses: Sequence[Clause]) -> tuple[tuple[str, bool], ...]:
    """A window of text around the first match, every term in it marked."""
    terms = sorted({term for clause in clauses for term, _prefix in clause}, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, terms)), re.IGNORECASE)
    first = pattern.search(body)
    start = max(0, (first.start() if first else 0) - _LIKE_WIDTH // 3)
    window = body[start : start + _LIKE_WIDTH]
    runs = [("…", False)] if start else []
    position = 0
    for match in pattern.finditer(window):
        runs += [(window[position : match.start()], False), (match.group(), True)]
        position = match.end()
    runs.append((window[position:] + ("…" if start + _LIKE_WIDTH < len(body) else ""), False))
    return tuple(run for run in runs if run[0])
