"""Schema 9 (issue 13): translations, a release and its version in another language.

``article_vectors`` keeps what twin detection needs of each article (language, day, source
group, and its lead's vector once computed); ``translations`` the pairs found, both ways;
``twin_events`` the events carried over from a twin's text (``store.translations``). Articles
stored before this revision get no row in ``article_vectors``: their source group was not
kept, so they pair only through publisher or web host once re-ingested.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from communique.store.migrations import missing

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the three tables (guarded, like the earlier revisions)."""
    if missing("article_vectors"):
        op.create_table(
            "article_vectors",
            sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
            sa.Column("language", sa.String(16)),
            sa.Column("published", sa.Date),
            sa.Column("source", sa.Text, nullable=False),
            sa.Column("vector", sa.Text),
            sa.Index("ix_article_vectors_when", "language", "published"),
        )
    if missing("translations"):
        op.create_table(
            "translations",
            sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
            sa.Column(
                "twin_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True, index=True
            ),
            sa.Column("score", sa.Float, nullable=False),
        )
    if missing("twin_events"):
        op.create_table(
            "twin_events",
            sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
            sa.Column(
                "source_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False, index=True
            ),
        )
