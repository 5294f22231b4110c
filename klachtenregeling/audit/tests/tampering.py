"""What an attacker with database rights does: switch the append-only triggers off, change
rows with plain SQL, switch them on again (inside the test's transaction). The record tables' triggers
(record_guards.py) go off and on with them."""

from contextlib import contextmanager

from django.db import connection

from klachtenregeling.audit import record_guards, triggers

TABLES = (*triggers.GUARDED_TABLES, *record_guards.RECORD_TABLES)


@contextmanager
def triggers_off():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign-key checks of rows inserted in this transaction would
            # otherwise block ALTER TABLE ("pending trigger events").
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in TABLES:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        else:
            triggers.uninstall(connection)
            record_guards.uninstall(connection)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                for table in TABLES:
                    cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
            else:
                triggers.install(connection)
                record_guards.install(connection)


def sql(statement: str, params=()) -> int:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount
