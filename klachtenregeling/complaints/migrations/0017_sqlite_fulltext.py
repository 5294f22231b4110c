"""SQLite only: the FTS5 index of the officer's search (complaints/fulltext.py, issue 19),
filled from the complaints there are and kept in step by triggers. On PostgreSQL a no-op:
it searches the stored vector of 0016."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from klachtenregeling.complaints import fulltext

        fulltext.install(schema_editor.connection)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from klachtenregeling.complaints import fulltext

        fulltext.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("complaints", "0016_search_column")]
    operations = [migrations.RunPython(create, drop)]
