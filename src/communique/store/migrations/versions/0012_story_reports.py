"""Schema 12: a story tells its reports apart by their article, not by their article's doc.

Two articles can share a doc: a file edited and read again is a new article under its old
name, and two folders each hold an ``index.html``. Stories keyed their members by doc, so two
such articles reporting one sentence alike made two stories of one id, and the second article
could not be stored. Stories are now keyed by article id, which changes the ids of every
story: they are merged again here from the stored events.

Revision ID: 0012
Revises: 0011
"""

from alembic import op
from sqlalchemy.orm import Session

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Merge every stored event into its story again, under the new ids."""
    from communique.store import derived

    derived.rebuild_stories(Session(bind=op.get_bind()))
