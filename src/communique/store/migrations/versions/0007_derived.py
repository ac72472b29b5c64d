"""Schema 7 (issue 12): the derived tables that pages read, filled from the stored rows.

Stories (merged events) with their sides and network edges, the network's counts, the
entities with their mention counts, and the articles' links (near-copy keys and pairs, story
clusters, the codes clusters are looked up by); each event row gets its story and its
happening key. The tables are filled here from what is stored (``store.derived.rebuild``) and
kept at ingest from then on.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from communique.store.migrations import has_column, missing
from communique.store.tables import ArticleFeatureRow

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _story() -> sa.Column:
    return sa.Column(
        "story_id", sa.String(16), sa.ForeignKey("stories.id"), primary_key=True, nullable=False
    )


def upgrade() -> None:
    """Add the event columns and the derived tables, then fill them."""
    from communique.store import derived

    # Guarded like revisions 1-5, for a database stamped at an older version it has outgrown.
    if not has_column("events", "story_id"):
        with op.batch_alter_table("events") as batch:
            batch.add_column(sa.Column("story_id", sa.String(16), nullable=True))
            batch.add_column(sa.Column("merge_key", sa.Text, nullable=True))
        op.create_index("ix_events_story_id", "events", ["story_id"])
        op.create_index("ix_events_merge", "events", ["merge_key", "date"])
    if missing("stories"):
        _create_tables()
    # Today's rebuild also fills schema 13's article features: made here as the model has it,
    # revision 13 then finds the table there and filled.
    ArticleFeatureRow.__table__.create(op.get_bind(), checkfirst=True)
    derived.rebuild(Session(bind=op.get_bind()))


def _create_tables() -> None:
    op.create_table(
        "article_keys",
        sa.Column("key", sa.BigInteger, primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    )
    op.create_table(
        "near_copies",
        sa.Column("a", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("b", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True, index=True),
    )
    op.create_table(
        "article_codes",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("published", sa.Date, primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    )
    op.create_table(
        "article_stories",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("story", sa.String(16), nullable=False, index=True),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("event", sa.String(16), nullable=False, index=True),
        sa.Column("undated", sa.Boolean, nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("enddate", sa.Date),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Index("ix_stories_when", "undated", "date", "id"),
    )
    op.create_table(
        "story_actors",
        _story(),
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("undated", sa.Boolean, nullable=False),
        sa.Column("date", sa.Date),
        sa.Index("ix_story_actors_when", "code", "undated", "date", "story_id"),
    )
    op.create_table(
        "story_edges",
        _story(),
        sa.Column("a", sa.Text, primary_key=True),
        sa.Column("b", sa.Text, primary_key=True),
        sa.Column("tone", sa.String(16), nullable=False),
    )
    op.create_table(
        "network_counts",
        sa.Column("a", sa.Text, primary_key=True),
        sa.Column("b", sa.Text, primary_key=True),
        sa.Column("tone", sa.String(16), primary_key=True),
        sa.Column("stories", sa.Integer, nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False, index=True),
        sa.Column("code", sa.String(32)),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Index("ix_entities_rank", "kind", "mentions"),
    )
    op.create_table(
        "entity_names",
        sa.Column("entity_id", sa.String(16), sa.ForeignKey("entities.id"), primary_key=True),
        sa.Column("field", sa.String(16), primary_key=True),
        sa.Column("value", sa.Text, primary_key=True),
        sa.Column("mentions", sa.Integer, nullable=False),
    )
