"""Append-only at the database level (R-7.4, R-6.2): triggers per database vendor that refuse
UPDATE and DELETE on the dossier and the access log, except under an erasure grant
(audit/triggers.py holds the SQL; apps.py re-installs it after every migrate)."""

from django.db import migrations


def install(apps, schema_editor):
    from klachtenregeling.audit import triggers

    triggers.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from klachtenregeling.audit import triggers

    triggers.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_fill_hash_chain")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
