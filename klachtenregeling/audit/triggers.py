"""Append-only in the database itself (R-7.4, R-6.2): triggers refuse UPDATE and DELETE on the
dossier (audit_caseevent) and the access log (audit_accesslogentry), also for SQL typed by
hand — except DELETE of the rows of a complaint that has an ErasureGrant
(erasure.erase_dossier, R-8.5). On PostgreSQL TRUNCATE of a non-empty table is refused too.

Installed by migration audit/0005 and again after every `migrate` (apps.py): on SQLite a
later migration that rebuilds one of these tables (e.g. a new event type changes its check
constraint) drops its triggers with the old table, and they must come back. The SQL is
written out in full, so a DBA can read exactly what guards the tables.
"""

GUARDED_TABLES = ("audit_caseevent", "audit_accesslogentry")

POSTGRES_INSTALL = [
    """
    CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND EXISTS (
        SELECT 1 FROM audit_erasuregrant g WHERE g.complaint_id = OLD.complaint_id
      ) THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION '% on % refused: the dossier and its access log are append-only',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION audit_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      has_rows boolean;
    BEGIN
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I)', TG_TABLE_NAME) INTO has_rows;
      IF has_rows THEN
        RAISE EXCEPTION 'TRUNCATE on % refused: the dossier and its access log are append-only',
          TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NULL;
    END $$
    """,
    "DROP TRIGGER IF EXISTS audit_caseevent_append_only ON audit_caseevent",
    "CREATE TRIGGER audit_caseevent_append_only BEFORE UPDATE OR DELETE ON audit_caseevent "
    "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()",
    "DROP TRIGGER IF EXISTS audit_caseevent_no_truncate ON audit_caseevent",
    "CREATE TRIGGER audit_caseevent_no_truncate BEFORE TRUNCATE ON audit_caseevent "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate()",
    "DROP TRIGGER IF EXISTS audit_accesslogentry_append_only ON audit_accesslogentry",
    "CREATE TRIGGER audit_accesslogentry_append_only "
    "BEFORE UPDATE OR DELETE ON audit_accesslogentry "
    "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()",
    "DROP TRIGGER IF EXISTS audit_accesslogentry_no_truncate ON audit_accesslogentry",
    "CREATE TRIGGER audit_accesslogentry_no_truncate BEFORE TRUNCATE ON audit_accesslogentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate()",
]

POSTGRES_UNINSTALL = [
    "DROP TRIGGER IF EXISTS audit_caseevent_append_only ON audit_caseevent",
    "DROP TRIGGER IF EXISTS audit_caseevent_no_truncate ON audit_caseevent",
    "DROP TRIGGER IF EXISTS audit_accesslogentry_append_only ON audit_accesslogentry",
    "DROP TRIGGER IF EXISTS audit_accesslogentry_no_truncate ON audit_accesslogentry",
    "DROP FUNCTION IF EXISTS audit_refuse_change()",
    "DROP FUNCTION IF EXISTS audit_refuse_truncate()",
]

SQLITE_INSTALL = [
    """
    CREATE TRIGGER IF NOT EXISTS audit_caseevent_no_update BEFORE UPDATE ON audit_caseevent
    BEGIN
      SELECT RAISE(ABORT, 'UPDATE on audit_caseevent refused: the dossier is append-only');
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS audit_caseevent_no_delete BEFORE DELETE ON audit_caseevent
    WHEN NOT EXISTS (SELECT 1 FROM audit_erasuregrant g WHERE g.complaint_id = OLD.complaint_id)
    BEGIN
      SELECT RAISE(ABORT, 'DELETE on audit_caseevent refused: the dossier is append-only');
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS audit_accesslogentry_no_update
    BEFORE UPDATE ON audit_accesslogentry
    BEGIN
      SELECT RAISE(ABORT, 'UPDATE on audit_accesslogentry refused: the log is append-only');
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS audit_accesslogentry_no_delete
    BEFORE DELETE ON audit_accesslogentry
    WHEN NOT EXISTS (SELECT 1 FROM audit_erasuregrant g WHERE g.complaint_id = OLD.complaint_id)
    BEGIN
      SELECT RAISE(ABORT, 'DELETE on audit_accesslogentry refused: the log is append-only');
    END
    """,
]

SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS audit_caseevent_no_update",
    "DROP TRIGGER IF EXISTS audit_caseevent_no_delete",
    "DROP TRIGGER IF EXISTS audit_accesslogentry_no_update",
    "DROP TRIGGER IF EXISTS audit_accesslogentry_no_delete",
]

STATEMENTS = {
    "postgresql": (POSTGRES_INSTALL, POSTGRES_UNINSTALL),
    "sqlite": (SQLITE_INSTALL, SQLITE_UNINSTALL),
}


def _run(connection, statements) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(connection) -> None:
    _run(connection, STATEMENTS[connection.vendor][0])


def uninstall(connection) -> None:
    _run(connection, STATEMENTS[connection.vendor][1])


def installed(connection, tables=GUARDED_TABLES) -> set[str]:
    """Names of the triggers on `tables` (by default the dossier's and the access log's)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN "
                "(SELECT oid FROM pg_class WHERE relname = ANY(%s))",
                [list(tables)],
            )
            return {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'")
        return {name for name, table in cursor.fetchall() if table in tables}


EXPECTED = {
    "postgresql": {f"{t}_{n}" for t in GUARDED_TABLES for n in ("append_only", "no_truncate")},
    "sqlite": {f"{t}_{n}" for t in GUARDED_TABLES for n in ("no_update", "no_delete")},
}
