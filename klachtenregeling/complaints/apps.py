from django.apps import AppConfig
from django.db.models.signals import post_migrate

FULLTEXT_MIGRATION = ("complaints", "0017_sqlite_fulltext")


def reinstall_fulltext_triggers(sender, using, **kwargs):
    """After every migrate on SQLite: a migration that rebuilds complaints_complaint (to
    change a column or a constraint) drops the search index's triggers with the old table;
    put them back and rebuild the index from the complaints (fulltext.py). Not domain flow:
    schema upkeep."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from . import fulltext

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    if FULLTEXT_MIGRATION not in MigrationRecorder(connection).applied_migrations():
        return
    if fulltext.installed_triggers(connection) != fulltext.TRIGGERS:
        fulltext.install(connection)


class ComplaintsConfig(AppConfig):
    name = "klachtenregeling.complaints"
    label = "complaints"

    def ready(self):
        post_migrate.connect(reinstall_fulltext_triggers, sender=self)
