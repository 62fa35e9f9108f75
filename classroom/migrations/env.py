"""Alembic's environment: migrate the connection the app hands over, or (from the command
line, ``alembic -c classroom/alembic.ini ...``) the database ``DATABASE_URL`` names."""

from alembic import context

from classroom.database import make_engine
from classroom.tables import metadata


def _migrate(connection) -> None:
    # Batch mode lets later migrations alter SQLite tables (copy and move), which plain
    # ALTER TABLE cannot; it changes nothing on PostgreSQL.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _migrate(connection)
else:
    with make_engine().connect().execution_options(write=True) as own:
        _migrate(own)
        own.commit()
