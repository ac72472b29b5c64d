"""Schema 5 (issue 10): the confidence of events, instrument actions and quotations.

Rows stored before have 1.0 until their articles are analysed again.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from communique.store.migrations import has_column

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add a ``confidence`` column to the three tables that lack one."""
    for table in ("events", "instruments", "statements"):
        if not has_column(table, "confidence"):
            with op.batch_alter_table(table) as batch:
                batch.add_column(
                    sa.Column("confidence", sa.Float, nullable=False, server_default="1.0")
                )
