"""R-8.5: the old legal-hold flag becomes a referral hold row when migrating."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from klachtenregeling.retention.constants import HoldKind
from klachtenregeling.retention.models import Hold


@pytest.mark.django_db(transaction=True)
def test_r8_5_migrating_turns_every_legal_hold_flag_into_a_referral_hold(submit):
    held, free = submit(), submit()
    executor = MigrationExecutor(connection)
    executor.migrate([("retention", "0001_initial")])
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE complaints_complaint SET legal_hold = %s WHERE id = %s", [True, held.pk]
            )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
    [hold] = Hold.objects.all()
    assert (hold.complaint_id, hold.kind, hold.lifted_at) == (held.pk, HoldKind.REFERRAL, None)
    assert not Hold.objects.filter(complaint=free).exists()
