from django.apps import AppConfig
from django.db.models.signals import post_migrate

TRIGGER_MIGRATION = ("audit", "0005_append_only_triggers")


def reinstall_append_only_triggers(sender, using, **kwargs):
    """After every migrate: put back triggers a table rebuild may have dropped (SQLite rebuilds
    a table to change a constraint, and its triggers go with the old table). Idempotent;
    only once the migration that installs them is applied. Not domain flow: schema upkeep."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from . import triggers

    connection = connections[using]
    applied = TRIGGER_MIGRATION in MigrationRecorder(connection).applied_migrations()
    if applied and triggers.installed(connection) != triggers.EXPECTED[connection.vendor]:
        triggers.install(connection)


class AuditConfig(AppConfig):
    name = "klachtenregeling.audit"
    label = "audit"

    def ready(self):
        post_migrate.connect(reinstall_append_only_triggers, sender=self)
