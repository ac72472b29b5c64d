"""Schema 2 (issues 3-5): analyses, mentions, learned roles, quotations, instruments, events.

Version 2 grew over several releases without a new number (quotations, then instruments and
events came later), so a database recorded as version 2 is stamped at revision 1 and this
revision creates only the tables it lacks.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from communique.store.migrations import missing

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _article() -> sa.Column:
    return sa.Column(
        "article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False, index=True
    )


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def upgrade() -> None:
    """Create the tables of the language stages' results that are missing."""
    tables = {
        "analyses": lambda: (
            sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
            sa.Column("version", sa.Integer, nullable=False),
        ),
        "mentions": lambda: (
            _id(),
            _article(),
            sa.Column("start", sa.Integer, nullable=False),
            sa.Column("end", sa.Integer, nullable=False),
            sa.Column("text", sa.Text, nullable=False),
            sa.Column("kind", sa.String(16), nullable=False, index=True),
            sa.Column("name", sa.Text, index=True),
            sa.Column("codes", sa.Text, nullable=False),
            sa.Column("office", sa.Text),
            sa.Column("sector", sa.String(8)),
            sa.Column("sentence", sa.Integer, nullable=False),
            sa.Column("reference", sa.String(16), nullable=False),
        ),
        "learned_roles": lambda: (
            _id(),
            _article(),
            sa.Column("person", sa.Text, nullable=False, index=True),
            sa.Column("office", sa.String(64), nullable=False),
            sa.Column("code", sa.String(32), nullable=False),
            sa.Column("doc", sa.Text, nullable=False),
            sa.Column("sentence", sa.Text, nullable=False),
            sa.UniqueConstraint("person", "office", "code", "doc"),
        ),
        "statements": lambda: (
            _id(),
            _article(),
            sa.Column("speaker", sa.Text, index=True),
            sa.Column("code", sa.String(32)),
            sa.Column("office", sa.Text),
            sa.Column("quote", sa.Text, nullable=False),
            sa.Column("start", sa.Integer, nullable=False),
            sa.Column("end", sa.Integer, nullable=False),
            sa.Column("layout", sa.String(16), nullable=False),
        ),
        "instruments": lambda: (
            _id(),
            _article(),
            sa.Column("key", sa.Text, nullable=False, index=True),
            sa.Column("title", sa.Text, nullable=False),
            sa.Column("kind", sa.String(16), nullable=False),
            sa.Column("action", sa.String(24), nullable=False),
            sa.Column("parties", sa.Text, nullable=False),
            sa.Column("date", sa.Date),
            sa.Column("enddate", sa.Date),
            sa.Column("precision", sa.String(8)),
            sa.Column("start", sa.Integer, nullable=False),
            sa.Column("end", sa.Integer, nullable=False),
            sa.Column("sentence", sa.Text, nullable=False),
        ),
        "events": lambda: (
            _id(),
            _article(),
            sa.Column("event", sa.String(16), nullable=False, index=True),
            sa.Column("mode", sa.String(24)),
            sa.Column("context", sa.String(24)),
            sa.Column("actor", sa.Text, nullable=False),
            sa.Column("recipient", sa.Text, nullable=False),
            sa.Column("people", sa.Text, nullable=False),
            sa.Column("date", sa.Date, index=True),
            sa.Column("enddate", sa.Date),
            sa.Column("precision", sa.String(8)),
            sa.Column("from_publication", sa.Boolean, nullable=False),
            sa.Column("place", sa.Text),
            sa.Column("place_code", sa.String(32)),
            sa.Column("negated", sa.Boolean, nullable=False),
            sa.Column("tense", sa.String(16), nullable=False),
        ),
        "evidence": lambda: (
            _id(),
            sa.Column(
                "event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False, index=True
            ),
            sa.Column("start", sa.Integer, nullable=False),
            sa.Column("end", sa.Integer, nullable=False),
            sa.Column("sentence", sa.Text, nullable=False),
        ),
    }
    for name, columns in tables.items():
        if missing(name):
            op.create_table(name, *columns())
