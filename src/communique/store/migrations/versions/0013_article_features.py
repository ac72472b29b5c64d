"""Schema 13 (issue 12): each article keeps what story clustering compares it on.

A new article is placed among a few dozen stored ones, and each was read and its text
analysed again: at 100,000 stored articles that was most of the time of adding more. The
table ``article_features`` keeps each article's date, codes and packed views; it is filled
here for the articles stored before.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from communique.store.migrations import missing

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table (if missing) and fill it from the stored articles and mentions."""
    from communique.store import derived

    if missing("article_features"):
        op.create_table(
            "article_features",
            sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
            sa.Column("published", sa.Date, nullable=True),
            sa.Column("codes", sa.Text, nullable=False),
            sa.Column("views", sa.LargeBinary, nullable=False),
        )
    derived.add_features(Session(bind=op.get_bind()))
