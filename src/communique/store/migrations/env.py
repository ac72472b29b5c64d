"""Alembic's environment for communique: the connection is always the store's, never a URL.

communique runs the revisions itself (see the package docstring), inside a transaction it has
begun and locked, so nothing here begins or commits one.
"""

from alembic import context

from communique.errors import StoreError
from communique.store.migrations import include_name
from communique.store.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise StoreError("E406")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters most columns only by copying the table
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
