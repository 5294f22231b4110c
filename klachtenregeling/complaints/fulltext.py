"""The officer's full-text search index on SQLite: an FTS5 table over the complaint's texts
(issue 19). PostgreSQL has its own (the stored `search_nl` vector of migration 0016).

`complaint_search` is an external-content FTS5 table: it stores only the index, keyed by
the complaint's rowid (`complaints_complaint.id`), and reads the texts from the complaint
when rebuilt. Triggers on `complaints_complaint` keep it in step on INSERT, UPDATE and
DELETE, whoever writes (the services, the data generator's executemany, the destruction's
raw deletes, R-8.5: a destroyed complaint leaves nothing in the index). They only write to
the index, never to the complaint, so the record guards (audit/record_guards.py) are not
involved.

Tokenizer `unicode61 remove_diacritics 2`: case-insensitive, diacritics folded ("cafe"
finds "café"), no stemming. Installed by migration complaints/0017 and again after every
`migrate` when a table rebuild dropped the triggers (apps.py); the index is then rebuilt
from the complaints, so it cannot have missed a change.
"""

TABLE = "complaint_search"
TRIGGERS = {"complaint_search_insert", "complaint_search_delete", "complaint_search_update"}

# Written out in full, so a DBA can read what keeps the index in step. The columns are the
# complaint's texts the officer searches; the same four as PostgreSQL's vector (0016).
CREATE_TABLE = """
    CREATE VIRTUAL TABLE IF NOT EXISTS complaint_search USING fts5(
      complainant_name, on_behalf_of, description, desired_outcome,
      content='complaints_complaint', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2'
    )
"""

# External content: an entry is removed by giving the index the values it was made from.
TRIGGER_STATEMENTS = [
    """
    CREATE TRIGGER IF NOT EXISTS complaint_search_insert AFTER INSERT ON complaints_complaint
    BEGIN
      INSERT INTO complaint_search
        (rowid, complainant_name, on_behalf_of, description, desired_outcome)
      VALUES (NEW.id, NEW.complainant_name, NEW.on_behalf_of, NEW.description,
        NEW.desired_outcome);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS complaint_search_delete AFTER DELETE ON complaints_complaint
    BEGIN
      INSERT INTO complaint_search
        (complaint_search, rowid, complainant_name, on_behalf_of, description, desired_outcome)
      VALUES ('delete', OLD.id, OLD.complainant_name, OLD.on_behalf_of, OLD.description,
        OLD.desired_outcome);
    END
    """,
    # Only when a text column is written (the workflow's saves name other columns).
    """
    CREATE TRIGGER IF NOT EXISTS complaint_search_update
    AFTER UPDATE OF complainant_name, on_behalf_of, description, desired_outcome
    ON complaints_complaint
    BEGIN
      INSERT INTO complaint_search
        (complaint_search, rowid, complainant_name, on_behalf_of, description, desired_outcome)
      VALUES ('delete', OLD.id, OLD.complainant_name, OLD.on_behalf_of, OLD.description,
        OLD.desired_outcome);
      INSERT INTO complaint_search
        (rowid, complainant_name, on_behalf_of, description, desired_outcome)
      VALUES (NEW.id, NEW.complainant_name, NEW.on_behalf_of, NEW.description,
        NEW.desired_outcome);
    END
    """,
]

# Refill the whole index from the complaints (after a load with the triggers off, or when a
# table rebuild dropped them).
REBUILD = "INSERT INTO complaint_search (complaint_search) VALUES ('rebuild')"

UNINSTALL = [
    "DROP TRIGGER IF EXISTS complaint_search_insert",
    "DROP TRIGGER IF EXISTS complaint_search_delete",
    "DROP TRIGGER IF EXISTS complaint_search_update",
    "DROP TABLE IF EXISTS complaint_search",
]

# Merge the index's segments into one. A deleted entry is at first only marked as deleted:
# its words stay in the older segment's blocks until that is merged (SQLite 3.44's
# secure-delete option would remove them at once).
OPTIMIZE = "INSERT INTO complaint_search (complaint_search) VALUES ('optimize')"

# The complaint ids whose texts hold every word of the MATCH expression (a parameter).
MATCHING_IDS = "SELECT rowid FROM complaint_search WHERE complaint_search MATCH %s"


def match_expression(words: list[str]) -> str:
    """Every word, each as a prefix ("jan" finds "Janssen"): `"jan"* "post"*`.

    Each word is an FTS5 string (double quotes doubled), so the user's input is never FTS5
    syntax: `AND`, `NEAR(`, `*`, `-` or a lone `"` are words to look for, not operators.
    """
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def _run(connection, statements) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(connection) -> None:
    """Create the table and its triggers if missing, then fill the index from the complaints."""
    _run(connection, [CREATE_TABLE, *TRIGGER_STATEMENTS, REBUILD])


def uninstall(connection) -> None:
    _run(connection, UNINSTALL)


def merge(connection) -> None:
    """Merge the index into one segment (SQLite): rewrites the whole index, 0.8 s at
    100,000 complaints; a prefix search then reads one list per word instead of one per
    segment. Nothing to do on PostgreSQL."""
    if connection.vendor == "sqlite":
        _run(connection, [OPTIMIZE])


def purge_deleted(connection) -> None:
    """After complaints are destroyed (R-8.5): their words leave the index's blocks too, not
    only its lookups (on PostgreSQL the vector is a column of the deleted row)."""
    merge(connection)


def installed_triggers(connection) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            ["complaints_complaint"],
        )
        return {row[0] for row in cursor.fetchall()} & TRIGGERS
