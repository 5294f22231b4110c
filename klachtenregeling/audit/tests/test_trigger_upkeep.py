"""The append-only triggers are there after migrating, and come back after a table rebuild."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from klachtenregeling.audit import chain, record_guards, triggers
from klachtenregeling.audit.models import CaseEvent

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="only SQLite rebuilds tables")
def test_r7_4_triggers_come_back_after_a_later_migration_rebuilds_the_table():
    # What a migration that changes the event types' check constraint does on SQLite.
    with connection.schema_editor() as editor:
        editor._remake_table(CaseEvent)
    assert not triggers.installed(connection) & {"audit_caseevent_no_update"}
    call_command("migrate", verbosity=0)
    assert triggers.installed(connection) == triggers.EXPECTED["sqlite"]


def test_r7_4_migrating_fills_the_chain_of_events_from_before_it(submit, officer):
    complaint = submit()
    written = list(CaseEvent.objects.filter(complaint=complaint).values_list("seq", "sha256"))
    executor = MigrationExecutor(connection)
    executor.migrate([("audit", "0003_hash_chain_access_log_erasure")])
    try:
        # Events as they were before the chain existed.
        with connection.cursor() as cursor:
            cursor.execute("UPDATE audit_caseevent SET prev_sha256 = '', sha256 = ''")
        assert triggers.installed(connection) == set()
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
    # Going back past 0009 drops the chain version: 0004 refills the chain with the version 1
    # formula, as for events from before 0009 (their hashes: see the test below).
    refilled = list(CaseEvent.objects.filter(complaint=complaint).values_list("seq", "sha256"))
    assert [seq for seq, _ in refilled] == [seq for seq, _ in written]
    assert chain.first_break(CaseEvent.objects.filter(complaint=complaint).order_by("seq")) is None
    assert triggers.installed(connection) == triggers.EXPECTED[connection.vendor]
    assert record_guards.installed(connection) == record_guards.EXPECTED[connection.vendor]
