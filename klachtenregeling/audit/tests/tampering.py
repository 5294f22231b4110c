"""What an attacker with database rights does: switch the append-only triggers off, change
rows with plain SQL, switch them on again (inside the test's transaction)."""

from contextlib import contextmanager

from django.db import connection

from klachtenregeling.audit import triggers


@contextmanager
def triggers_off():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign-key checks of rows inserted in this transaction would
            # otherwise block ALTER TABLE ("pending trigger events").
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in triggers.GUARDED_TABLES:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        else:
            triggers.uninstall(connection)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                for table in triggers.GUARDED_TABLES:
                    cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
            else:
                triggers.install(connection)


def sql(statement: str, params=()) -> int:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount
