"""Content integrity (R-7.4): the rows the dossier records are append-only in the database,
and the chain seals their content, so a change made with plain SQL — triggers on or off —
is refused or named by `manage.py verify_dossier`."""

import io
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from uuid import UUID

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction

from klachtenregeling.audit import chain, content, record_guards
from klachtenregeling.audit.constants import EventType
from klachtenregeling.audit.models import CaseEvent, ErasureGrant
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.models import Attachment
from klachtenregeling.core import clock
from klachtenregeling.handling import services
from klachtenregeling.handling.constants import Answer, Party, RulingOutcome, Via
from klachtenregeling.handling.models import Statement
from klachtenregeling.handling.tests import steps
from klachtenregeling.regulation.models import RegulationVersion
from klachtenregeling.retention import crypto, keys
from tests import samples
from tests.factories import EngagementFactory

from .tampering import sql, triggers_off


class Rollback(Exception):
    pass


@pytest.fixture
def record(submit, officer, staff_member, org, other_org):
    """Three complaints whose records hold a row of every kind: {kind: (complaint, id)}."""
    # A: extended, a proposal answered, both heard, judged, accepted and signed by all.
    a = steps.start(submit(respondent_id=staff_member.pk), officer)
    extension = complaint_services.complaint_extend_deadline(
        complaint=a,
        new_deadline=a.deadline + timedelta(days=14),
        reason="De trainer is op vakantie.",
        by=officer,
    )
    proposal = services.proposal_make(complaint=steps.fresh(a), text="Een gratis les.", by=officer)
    services.proposal_answer(
        proposal_id=proposal.pk,
        complaint=steps.fresh(a),
        answer=Answer.ACCEPTED,
        comment="Prima.",
        link=steps.link_for(a),
    )
    a = steps.resolve(steps.fresh(a), officer)
    judgment = a.judgments.get()
    # B: declined, referred, and the disputes body's ruling recorded.
    b = steps.refer(
        steps.unresolve(steps.start(submit(respondent_id=staff_member.pk), officer), officer),
        officer,
    )
    services.ruling_record(
        complaint=b,
        ruling_on=clock.today(),
        outcome=RulingOutcome.PARTLY_UPHELD,
        text="Deels gegrond.",
        cause_id=steps.cause_for(b, officer),
        root_cause="Planning.",
        by=officer,
        document=("uitspraak.pdf", io.BytesIO(samples.pdf())),
    )
    # C: one side not heard.
    c = steps.start(submit(respondent_id=staff_member.pk), officer)
    waiver = services.hearing_waive(
        complaint=c, party=Party.RESPONDENT, reason="Uit dienst.", by=officer
    )
    # Afterwards: rows a complaint could point at instead (every foreign key is changed to another row).
    EngagementFactory(organisation=org)
    RegulationVersion.objects.create(
        organisation=org,
        number=99,  # not the one the complaints were received under
        published_at=clock.now(),
        term_days=42,
        parameters={},
        articles={},
        text="",
        sha256="0" * 64,
    )
    return {
        "complaint": (a, a.pk),
        "statement": (a, a.statements.first().pk),
        "waiver": (c, waiver.pk),
        "proposal": (a, proposal.pk),
        "proposal_answer": (a, proposal.pk),
        "judgment": (a, judgment.pk),
        "judgment_answer": (a, judgment.answers.get().pk),
        "signature": (a, judgment.signatures.first().pk),
        "extension": (a, extension.pk),
        "referral": (b, b.referral.pk),
        "ruling": (b, b.referral.pk),
        "attachment": (a, str(extension.letter_id)),
    }


def table_of(kind: str) -> str:
    return content.model_of(kind)._meta.db_table


def column_of(kind: str, field: str) -> str:
    return content.model_of(kind)._meta.get_field(field.removesuffix("_id")).column


def other_value(kind: str, field: str, value):
    """A different value of the same type that the table's own constraints accept."""
    model_field = content.model_of(kind)._meta.get_field(field.removesuffix("_id"))
    if model_field.choices and not model_field.is_relation:
        return next(choice for choice, _ in model_field.flatchoices if choice and choice != value)
    if model_field.is_relation:  # another existing row (PostgreSQL checks it at once here)
        other = model_field.related_model._base_manager.exclude(pk=value).first()
        assert other is not None, (kind, field)
        return other.pk.hex if isinstance(other.pk, UUID) else other.pk
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1000
    if isinstance(value, datetime | date):
        return value + timedelta(days=1)
    if isinstance(value, list):
        return json.dumps([*value, "Ook dit."])
    if not value:
        return "x"
    return value[:-1] + ("y" if value.endswith("x") else "x")  # the same length


def update_sql(kind: str, field: str) -> str:
    return f'UPDATE {table_of(kind)} SET "{column_of(kind, field)}" = %s WHERE id = %s'  # noqa: S608 - test constants


def delete_sql(kind: str) -> str:
    return f"DELETE FROM {table_of(kind)} WHERE id = %s"  # noqa: S608 - test constants


def db_id(pk):
    """An attachment's id as both databases take it in SQL (SQLite stores hex)."""
    return UUID(pk).hex if isinstance(pk, str) else pk


def sealed_columns():
    return [(kind, field) for kind, spec in content.KINDS.items() for field in spec.fields]


def current(kind, pk, field):
    return content.stored_rows(kind, [pk])[str(pk)][field]


def verify() -> str:
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("verify_dossier", stdout=out)
    assert error.value.returncode == 1
    return out.getvalue()


def test_r7_4_record_triggers_are_installed(db):
    assert record_guards.installed(connection) == record_guards.EXPECTED[connection.vendor]


def test_r7_4_a_new_record_verifies(record):
    out = io.StringIO()
    call_command("verify_dossier", stdout=out)
    assert "every chain is intact" in out.getvalue()
    events = CaseEvent.objects.filter(complaint=record["complaint"][0])
    assert {event.chain_version for event in events} == {chain.VERSION}
    assert {kind for event in events for kind, _, _ in content.event_seals(event)} >= {
        "complaint",
        "statement",
        "proposal",
        "proposal_answer",
        "judgment",
        "judgment_answer",
        "signature",
        "extension",
        "attachment",
    }


def test_r7_4_the_database_refuses_changing_any_recorded_column(record):
    """Every sealed column of every record table, with plain SQL and the triggers on."""
    refused = []
    for kind, field in sealed_columns():
        _, pk = record[kind]
        new = other_value(kind, field, current(kind, pk, field))
        with pytest.raises(IntegrityError) as error, transaction.atomic():
            sql(update_sql(kind, field), [new, db_id(pk)])
        assert "append-only" in str(error.value), (kind, field)
        refused.append((kind, field))
    assert len(refused) == len(sealed_columns())


@pytest.mark.parametrize(
    ("column", "value"),
    [("version", 99), ("root_cause", "Anders."), ("compliance_verdicts", "R-1.1:m")],
)
def test_r7_4_the_columns_the_services_change_may_change(record, column, value):
    """The complaint's workflow columns change (through the services); the proposal's
    answer and the referral's ruling did in the fixture, once."""
    statement = f'UPDATE complaints_complaint SET "{column}" = %s WHERE id = %s'  # noqa: S608
    assert sql(statement, [value, record["complaint"][1]]) == 1


def test_r7_4_an_answer_or_ruling_once_recorded_is_part_of_the_record(record):
    for kind, column in (("proposal", "answer_comment"), ("referral", "ruling_text")):
        with pytest.raises(IntegrityError), transaction.atomic():
            sql(update_sql(kind, column), ["Anders.", record[kind][1]])


@pytest.mark.parametrize("kind", ["complaint", "statement", "judgment", "signature", "attachment"])
def test_r7_4_the_database_refuses_deleting_a_record_row_without_an_erasure_grant(record, kind):
    complaint, pk = record[kind]
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        sql(delete_sql(kind), [db_id(pk)])
    assert "append-only" in str(error.value)
    # Under a grant for its complaint (destruction, R-8.5) the row may go.
    # (Rolled back: the rows pointing at it are not deleted here.)
    with pytest.raises(Rollback), transaction.atomic():
        ErasureGrant.objects.create(complaint=complaint, reason="test", created_at=clock.now())
        assert sql(delete_sql(kind), [db_id(pk)]) == 1
        raise Rollback


def test_r7_4_with_the_triggers_off_every_changed_column_is_named_by_the_verifier(record):
    """Every sealed column of every record table changed with plain SQL, the triggers
    dropped: verify_dossier names the row (and fails). A column the table's own check
    constraints tie to another cannot be changed alone (the database refuses it anyway);
    those are listed."""
    tied = set()
    for kind, field in sealed_columns():
        _, pk = record[kind]
        new = other_value(kind, field, current(kind, pk, field))
        with pytest.raises(Rollback), transaction.atomic(), triggers_off():
            try:
                with transaction.atomic():
                    sql(update_sql(kind, field), [new, db_id(pk)])
            except IntegrityError:
                tied.add((kind, field))
                raise Rollback from None
            output = verify()
            assert output.count("broken") == 1, (kind, field, output)
            assert f"the {kind} row {pk} differs" in output, (kind, field, output)
            raise Rollback
    # A representative names their client; every signer already signed this judgment.
    assert tied == {("complaint", "is_representative"), ("signature", "signer")}


def test_r7_4_a_deleted_record_row_is_named_by_the_verifier(record):
    _, pk = record["statement"]
    with triggers_off():
        sql("UPDATE handling_statement SET corrects_id = NULL WHERE corrects_id = %s", [pk])
        sql("DELETE FROM handling_statement WHERE id = %s", [pk])
    assert f"the statement row {pk} sealed by event seq" in verify()


def test_r7_4_a_changed_stored_file_is_named_by_the_verifier(record):
    complaint, pk = record["attachment"]
    attachment = Attachment.objects.get(pk=pk)
    key = keys.data_key_for_writing(complaint.pk)
    other = crypto.EncryptingReader(key, io.BytesIO(b"%PDF-1.4 another letter")).read()
    Path(attachment.file.path).write_bytes(other)  # the file, not the row: no trigger
    assert f"the stored file of attachment {pk} differs" in verify()


def test_r7_4_the_organisation_is_part_of_a_new_events_digest(record, other_org):
    complaint, _ = record["complaint"]
    with triggers_off():
        sql(
            "UPDATE audit_caseevent SET organisation_id = %s WHERE complaint_id = %s AND seq = 1",
            [other_org.pk, complaint.pk],
        )
    assert "event seq 1 was changed after it was written" in verify()


def test_r7_4_events_of_chain_version_1_still_verify(submit, officer):
    """Events written before migration 0009 keep their formula (no organisation, no v)."""
    complaint = submit()
    last = CaseEvent.objects.filter(complaint=complaint).order_by("-seq").first()
    at = clock.now()
    sha = chain.digest(
        prev_sha256=last.sha256,
        complaint_id=complaint.pk,
        seq=last.seq + 1,
        type=EventType.NOTE_ADDED,
        at=at,
        actor_id=None,
        actor_role="system",
        visible_to_complainant=False,
        data={"text": "Van vroeger."},
    )
    CaseEvent.objects.create(
        organisation_id=complaint.organisation_id,
        complaint=complaint,
        seq=last.seq + 1,
        type=EventType.NOTE_ADDED,
        at=at,
        actor_role="system",
        data={"text": "Van vroeger."},
        prev_sha256=last.sha256,
        sha256=sha,
        chain_version=1,
    )
    out = io.StringIO()
    call_command("verify_dossier", stdout=out)
    assert "every chain is intact" in out.getvalue()


def test_r7_4_the_migration_seals_rows_recorded_before_it(submit, officer):
    """Migration 0009 (content.seal_existing) appends one content.sealed event per complaint
    for rows no event seals yet — here a statement stored as before 0009 — and nothing when
    run again."""
    complaint = steps.start(submit(), officer)
    statement = Statement.objects.create(
        complaint=complaint,
        party=Party.COMPLAINANT,
        text="Zoals het vroeger werd bewaard.",
        via=Via.PERSONAL_LINK,
        given_at=clock.now(),
    )
    assert content.seal_existing(apps) == 1
    sealing = CaseEvent.objects.filter(complaint=complaint).order_by("-seq").first()
    assert sealing.type == EventType.CONTENT_SEALED
    assert sealing.data["rows"] == [
        {
            "kind": "statement",
            "id": str(statement.pk),
            "sha256": content.seal("statement", statement.pk),
        }
    ]
    assert content.seal_existing(apps) == 0
    out = io.StringIO()
    call_command("verify_dossier", stdout=out)
    assert "every chain is intact" in out.getvalue()
    with pytest.raises(IntegrityError), transaction.atomic():
        sql("UPDATE handling_statement SET text = 'anders' WHERE id = %s", [statement.pk])
    with triggers_off():
        sql("UPDATE handling_statement SET text = 'anders' WHERE id = %s", [statement.pk])
    assert f"the statement row {statement.pk} differs from what event seq {sealing.seq}" in verify()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_r7_4_replica_role_skips_the_triggers_but_not_the_verifier(record):
    """session_replication_role = replica (superuser) fires no triggers: the change goes
    through, and the verifier still names it (README, Security)."""
    _, pk = record["judgment"]
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("UPDATE handling_judgment SET reasoning = 'Anders.' WHERE id = %s", [pk])
        cursor.execute("SET LOCAL session_replication_role = origin")
    assert f"the judgment row {pk} differs" in verify()
