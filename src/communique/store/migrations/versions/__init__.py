"""The revisions, one per schema version, oldest first (Alembic skips this file)."""
