"""Schema 11: the moment each article was stored is indexed.

"What is new since" (``relation --since``, ``digest``, the relationship page) asks for the
articles stored after a moment. Without an index that was a scan of the articles table, text
and all: every digest read the whole corpus. With ``ix_articles_ingested_at`` it is a range.

Revision ID: 0011
Revises: 0010
"""

from alembic import op

from communique.store.migrations import has_index

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Index ``articles.ingested_at`` (unless a partial upgrade already did)."""
    if not has_index("articles", "ix_articles_ingested_at"):
        op.create_index("ix_articles_ingested_at", "articles", ["ingested_at"])
