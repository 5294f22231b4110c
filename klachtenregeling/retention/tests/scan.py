"""Looking for a marker everywhere the system keeps data: every text, JSON and binary
column of every table (found through the database's own catalogue) and every stored file."""

from pathlib import Path

from django.conf import settings
from django.db import connection

POSTGRES_TYPES = ("text", "character varying", "character", "json", "jsonb", "bytea", "tsvector")


def _sqlite_columns(cursor) -> list[tuple[str, str, str]]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    columns = []
    for (table,) in cursor.fetchall():
        cursor.execute(f'PRAGMA table_info("{table}")')
        # SQLite stores any value in any column: every column is looked at.
        columns += [(table, row[1], (row[2] or "").lower()) for row in cursor.fetchall()]
    return columns


def _postgres_columns(cursor) -> list[tuple[str, str, str]]:
    cursor.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND data_type = ANY(%s)",
        [list(POSTGRES_TYPES)],
    )
    return list(cursor.fetchall())


def database_hits(markers: list[str]) -> list[tuple[str, str, str]]:
    """(table, column, marker) for every column that holds a marker anywhere in a value."""
    hits = []
    with connection.cursor() as cursor:
        sqlite = connection.vendor == "sqlite"
        columns = _sqlite_columns(cursor) if sqlite else _postgres_columns(cursor)
        for table, column, data_type in columns:
            name, col = connection.ops.quote_name(table), connection.ops.quote_name(column)
            if sqlite:
                where = f"instr(lower(CAST({col} AS TEXT)), %s) > 0"
            elif data_type == "bytea":
                where = f"position(%s::bytea in {col}) > 0"
            else:
                where = f"{col}::text ILIKE %s"
            # Table and column names come from the database's own catalogue, quoted.
            sql = f"SELECT COUNT(*) FROM {name} WHERE {where}"  # noqa: S608  # nosec B608
            for marker in markers:
                if sqlite:
                    params = [marker.lower()]
                elif data_type == "bytea":
                    params = [marker.encode()]
                else:
                    params = [f"%{marker}%"]
                cursor.execute(sql, params)
                if cursor.fetchone()[0]:
                    hits.append((table, column, marker))
    return hits


def media_root() -> Path:
    return Path(settings.STORAGES["default"]["OPTIONS"]["location"])


def file_hits(markers: list[str]) -> list[tuple[str, str]]:
    """(path, marker) for every stored file whose name or content holds a marker."""
    hits = []
    root = media_root()
    if not root.exists():
        return hits
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        content = path.read_bytes().lower()
        for marker in markers:
            if marker.lower() in str(path).lower() or marker.lower().encode() in content:
                hits.append((str(path.relative_to(root)), marker))
    return hits
