"""Append-only in the database (R-7.4, R-6.2) and the one erasure path (R-8.5)."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import RequestFactory

from klachtenregeling.audit import access, triggers
from klachtenregeling.audit.erasure import erase_dossier
from klachtenregeling.audit.models import AccessLogEntry, AppendOnlyError, CaseEvent, ErasureGrant
from klachtenregeling.core import clock
from klachtenregeling.core.errors import DomainError, InvalidInput
from klachtenregeling.handling import services as handling_services
from klachtenregeling.handling.tests import steps
from klachtenregeling.retention.constants import HoldKind
from klachtenregeling.retention.models import Hold

from .tampering import sql

TABLES = ["audit_caseevent", "audit_accesslogentry"]


def refused_by_database(statement, params=()):
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        sql(statement, params)
    return str(error.value)


@pytest.fixture
def read(officer):
    """Record one read of a complaint by the officer (a row in the access log)."""

    def _read(complaint):
        request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.10")
        request.user = officer
        return access.dossier_read(request, complaint)

    return _read


@pytest.fixture
def withdrawn(submit, officer, read):
    """A finished complaint with a dossier and an access log."""

    def _withdrawn(**overrides):
        complaint = steps.classify(submit(**overrides), officer)
        read(complaint)
        handling_services.complaint_withdraw_on_behalf(
            complaint=complaint, reason="Klager belde: opgelost.", by=officer
        )
        complaint.refresh_from_db()
        return complaint

    return _withdrawn


def test_r7_4_the_triggers_are_installed(db):
    assert triggers.installed(connection) == triggers.EXPECTED[connection.vendor]


@pytest.mark.parametrize("table", TABLES)
def test_r7_4_r6_2_plain_sql_cannot_change_rows(submit, read, table):
    complaint = submit()
    read(complaint)
    message = refused_by_database(
        f"UPDATE {table} SET at = at WHERE complaint_id = %s",  # noqa: S608 - test constants
        [complaint.pk],
    )
    assert "append-only" in message
    assert CaseEvent.objects.filter(complaint=complaint).exists()


@pytest.mark.parametrize("table", TABLES)
def test_r7_4_r6_2_plain_sql_cannot_delete_rows(submit, read, table):
    complaint = submit()
    read(complaint)
    before = (CaseEvent.objects.count(), AccessLogEntry.objects.count())
    message = refused_by_database(
        f"DELETE FROM {table} WHERE complaint_id = %s",  # noqa: S608 - test constants
        [complaint.pk],
    )
    assert "append-only" in message
    assert (CaseEvent.objects.count(), AccessLogEntry.objects.count()) == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no TRUNCATE")
@pytest.mark.parametrize("table", TABLES)
def test_r7_4_truncate_of_the_dossier_is_refused_on_postgresql(submit, read, table):
    read(submit())
    sql("SET CONSTRAINTS ALL IMMEDIATE")  # else: "pending trigger events" of this test's inserts
    assert "append-only" in refused_by_database(f"TRUNCATE {table} CASCADE")


def test_r7_4_the_orm_refuses_too(submit, read):
    entry = read(submit())
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().update(kind="dossier.viewed")
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.erase_for_complaint(
            ErasureGrant(complaint_id=entry.complaint_id, reason="x")  # never stored
        )


def test_r8_5_erasure_removes_all_events_and_reads_of_one_complaint_and_none_of_another(
    withdrawn,
):
    erased, kept = withdrawn(), withdrawn(complainant_email="ander@example.org")
    events_before = CaseEvent.objects.filter(complaint=erased).count()
    kept_events = list(CaseEvent.objects.filter(complaint=kept).values_list("pk", "sha256"))
    kept_reads = list(AccessLogEntry.objects.filter(complaint=kept).values_list("pk", flat=True))

    result = erase_dossier(erased, reason="Besproken in de jaarlijkse bespreking 2027 (R-8.4).")

    assert (result.events, result.reads) == (events_before, 1)
    assert not CaseEvent.objects.filter(complaint=erased).exists()
    assert not AccessLogEntry.objects.filter(complaint=erased).exists()
    assert list(CaseEvent.objects.filter(complaint=kept).values_list("pk", "sha256")) == kept_events
    assert list(AccessLogEntry.objects.filter(complaint=kept).values_list("pk", flat=True)) == (
        kept_reads
    )
    assert not ErasureGrant.objects.exists()  # the grant does not outlive the erasure
    # And the other complaint is still guarded by the database.
    refused_by_database("DELETE FROM audit_caseevent WHERE complaint_id = %s", [kept.pk])


def test_r8_5_an_open_complaint_cannot_be_erased(submit):
    complaint = submit()
    with pytest.raises(DomainError):
        erase_dossier(complaint, reason="Te vroeg.")
    assert CaseEvent.objects.filter(complaint=complaint).exists()
    assert not ErasureGrant.objects.exists()


def test_r8_5_a_complaint_under_a_hold_cannot_be_erased(withdrawn):
    complaint = withdrawn()
    Hold.objects.create(
        complaint=complaint, kind=HoldKind.MANUAL, reason="Rechtszaak.", set_at=clock.now()
    )
    with pytest.raises(DomainError):
        erase_dossier(complaint, reason="Geschil loopt.")
    assert CaseEvent.objects.filter(complaint=complaint).exists()


def test_r8_5_erasure_needs_a_reason(withdrawn):
    with pytest.raises(InvalidInput):
        erase_dossier(withdrawn(), reason="  ")
