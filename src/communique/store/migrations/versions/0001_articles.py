"""Schema 1 (issue 2): articles, the names they arrived under, and corpus line counts.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the first release's tables."""
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("doc", sa.Text, nullable=False, index=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date, index=True),
        sa.Column("language", sa.String(16)),
        sa.Column("publisher", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "article_sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False, index=True
        ),
        sa.Column("doc", sa.Text, nullable=False, index=True),
        sa.UniqueConstraint("article_id", "doc"),
    )
    op.create_table(
        "source_groups",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("docs", sa.Integer, nullable=False),
    )
    op.create_table(
        "line_counts",
        sa.Column("source", sa.Text, primary_key=True),
        sa.Column("fingerprint", sa.String(32), primary_key=True),
        sa.Column("docs", sa.Integer, nullable=False),
    )
