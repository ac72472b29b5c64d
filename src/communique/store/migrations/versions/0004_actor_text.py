"""Schema 4 (issue 4): an event's doer as written where it has no code.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from communique.store.migrations import has_column

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``events.actor_text`` (empty for the events already stored)."""
    if not has_column("events", "actor_text"):
        with op.batch_alter_table("events") as batch:
            batch.add_column(sa.Column("actor_text", sa.Text))
