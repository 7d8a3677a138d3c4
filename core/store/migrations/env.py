"""Alembic environment: Laoke runs migrations itself (core.store.migrate), on a connection it hands over."""

from alembic import context

from core.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that safely.
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
