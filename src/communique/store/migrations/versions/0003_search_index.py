"""Schema 3 (issue 6): the SQLite full-text index of articles and quotations.

Two FTS5 tables kept by triggers (see ``store/search.py``), filled from the rows already
stored: those were written before the triggers existed. Other databases search without it.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

from communique.store.search import create_fts_index

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create and fill the index on SQLite; elsewhere search needs no table of its own."""
    if op.get_bind().dialect.name == "sqlite":
        create_fts_index(op.get_bind())
