"""Schema 6 (issue 12): PostgreSQL's full-text search of articles and quotations.

A text search configuration, a generated ``tsvector`` column on each searched table and its GIN
index (see ``store/search.py``). PostgreSQL fills a generated column from the rows already
stored when it adds it. SQLite has its FTS5 index since revision 0003; other databases search
with LIKE.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

from communique.store.search import create_ts_index

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Make the vectors and their indexes on PostgreSQL; elsewhere nothing."""
    if op.get_bind().dialect.name == "postgresql":
        create_ts_index(op.get_bind())
