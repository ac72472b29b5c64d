"""Schema 3 (issue 6): the SQLite full-text index of articles and quotations.

Two FTS5 tables kept by triggers (see ``store/search.py``), filled from the rows already
stored: those were written before the triggers existed. Other databases search without it.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TOKENIZER = "porter unicode61 remove_diacritics 2"
_INDEX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5("
    f"article_id UNINDEXED, title, text, tokenize='{_TOKENIZER}')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quote_search USING fts5("
    f"article_id UNINDEXED, quote, speaker, tokenize='{_TOKENIZER}')",
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


def upgrade() -> None:
    """Create and fill the index on SQLite; elsewhere search needs no table of its own."""
    if op.get_bind().dialect.name == "sqlite":
        for statement in _INDEX:
            op.execute(statement)
