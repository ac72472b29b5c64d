"""Schema 8 (issue 14): the sources ``communique watch`` follows, and the entries done with.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from communique.store.migrations import missing

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the two tables (empty: nothing was followed before)."""
    if not missing("watch_sources"):
        return
    op.create_table(
        "watch_sources",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16)),
        sa.Column("every", sa.Integer, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_fetch", sa.DateTime),
        sa.Column("last_new", sa.DateTime),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", sa.DateTime),
        sa.Column("next_due", sa.DateTime, nullable=False, index=True),
    )
    op.create_table(
        "watch_entries",
        sa.Column("source", sa.Text, sa.ForeignKey("watch_sources.name"), primary_key=True),
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("page", sa.String(64)),
        sa.Column("content_type", sa.Text),
        sa.Column("article_id", sa.String(32), index=True),
        sa.Column("seen_at", sa.DateTime, nullable=False),
    )
