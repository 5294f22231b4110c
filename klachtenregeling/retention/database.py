"""Deleted rows do not linger in the SQLite file (R-8.5).

`secure_delete` makes SQLite overwrite deleted content with zeros; after a destruction the
WAL is checkpointed and truncated (erasure.py), so the old pages leave the -wal file too.
On PostgreSQL deleted tuples stay in the table files until VACUUM and in old WAL segments
and backups until those expire (README); file contents are covered by crypto-shredding.
"""


def on_connection_created(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")


def checkpoint(connection) -> None:
    """After a destruction: move the WAL into the database file and empty it (SQLite)."""
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
