from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate

TRIGGER_MIGRATION = ("audit", "0005_append_only_triggers")
RECORD_MIGRATION = ("audit", "0009_content_integrity")


def _applied(connection, migration) -> bool:
    from django.db.migrations.recorder import MigrationRecorder

    return migration in MigrationRecorder(connection).applied_migrations()


def drop_record_guards_before_migrate(sender, using, **kwargs):
    """Before every migrate on SQLite: drop the record tables' triggers (record_guards.py).
    A table rebuild copies a table and renames the copy; triggers that name a table (the
    erasure grants, the judgments) or list a table's columns must not be in its way. They
    come back after the migrate (below). Not domain flow: schema upkeep."""
    from django.db import connections

    from . import record_guards

    connection = connections[using]
    if connection.vendor == "sqlite" and _applied(connection, RECORD_MIGRATION):
        record_guards.uninstall(connection)


def reinstall_append_only_triggers(sender, using, **kwargs):
    """After every migrate: put back triggers a table rebuild may have dropped (SQLite rebuilds
    a table to change a constraint, and its triggers go with the old table), and the record
    tables' triggers with the columns the tables have now. Idempotent; only once the
    migration that installs them is applied. Not domain flow: schema upkeep."""
    from django.db import connections

    from . import record_guards, triggers

    connection = connections[using]
    applied = _applied(connection, TRIGGER_MIGRATION)
    if applied and triggers.installed(connection) != triggers.EXPECTED[connection.vendor]:
        triggers.install(connection)
    if _applied(connection, RECORD_MIGRATION):
        record_guards.install(connection)


class AuditConfig(AppConfig):
    name = "klachtenregeling.audit"
    label = "audit"

    def ready(self):
        pre_migrate.connect(drop_record_guards_before_migrate, sender=self)
        post_migrate.connect(reinstall_append_only_triggers, sender=self)
