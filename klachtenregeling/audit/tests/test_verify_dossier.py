"""`manage.py verify_dossier` finds a dossier changed behind the application's back (R-7.4)."""

import io

import pytest
from django.core.management import CommandError, call_command

from klachtenregeling.audit import events
from klachtenregeling.audit.models import CaseEvent

from .tampering import sql, triggers_off


def verify(*args) -> str:
    out = io.StringIO()
    call_command("verify_dossier", *args, stdout=out)
    return out.getvalue()


def refused(*args) -> tuple[str, CommandError]:
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("verify_dossier", *args, stdout=out)
    return out.getvalue(), error.value


@pytest.fixture
def dossiers(submit, officer, other_org, other_officer):
    complaint = submit()
    events.note_added(complaint, by=officer, text="Eerste notitie.")
    events.note_added(complaint, by=officer, text="Tweede notitie.")
    untouched = submit(complainant_email="ander@example.org")
    elsewhere = submit(organisation=other_org)
    return complaint, untouched, elsewhere


def event(complaint, seq) -> CaseEvent:
    return CaseEvent.objects.get(complaint=complaint, seq=seq)


def test_r7_4_intact_dossiers_pass(dossiers):
    output = verify()
    assert "3 dossiers" in output and "every chain is intact" in output


def test_r7_4_a_changed_event_is_named_by_complaint_and_seq(dossiers):
    complaint, untouched, _ = dossiers
    note = CaseEvent.objects.filter(complaint=complaint, type="complaint.note_added").first()
    with triggers_off():
        sql(
            "UPDATE audit_caseevent SET data = %s WHERE id = %s",
            ['{"text": "Iets heel anders."}', note.pk],
        )
    output, error = refused()
    assert error.returncode == 1
    assert f"{complaint.reference} (interactie): broken: event seq {note.seq} was changed" in output
    assert (
        untouched.reference not in output.split("broken")[0]
        or untouched.reference in str(error) is False
    )
    assert complaint.reference in str(error)
    assert untouched.reference not in str(error)


def test_r7_4_a_removed_event_is_found(dossiers):
    complaint, _, _ = dossiers
    with triggers_off():
        sql("DELETE FROM audit_caseevent WHERE complaint_id = %s AND seq = 2", [complaint.pk])
    output, error = refused("--reference", complaint.reference)
    assert error.returncode == 1
    assert "event seq 2 is missing" in output


def test_r7_4_a_rewritten_and_renumbered_history_is_found(dossiers):
    complaint, _, _ = dossiers
    last = CaseEvent.objects.filter(complaint=complaint).order_by("-seq").first()
    with triggers_off():
        sql("DELETE FROM audit_caseevent WHERE complaint_id = %s AND seq = 2", [complaint.pk])
        # One row at a time, lowest first: PostgreSQL checks the unique
        # (complaint, seq) per row, so one UPDATE could collide midway.
        for seq in range(3, last.seq + 1):
            sql(
                "UPDATE audit_caseevent SET seq = %s WHERE complaint_id = %s AND seq = %s",
                [seq - 1, complaint.pk, seq],
            )
    output, _ = refused("--reference", complaint.reference)
    assert "event seq 2 does not follow the one before it" in output
    assert last.seq > 2


def test_r7_4_only_the_chosen_organisation_is_checked(dossiers):
    complaint, _, elsewhere = dossiers
    with triggers_off():
        sql(
            "UPDATE audit_caseevent SET actor_role = 'admin' WHERE id = %s",
            [event(complaint, 1).pk],
        )
    assert "1 dossiers" in verify("--organisation", elsewhere.organisation.slug)
    _, error = refused("--organisation", complaint.organisation.slug)
    assert error.returncode == 1


def test_r7_4_heads_prints_the_last_hash_of_each_chain(dossiers):
    complaint, _, _ = dossiers
    last = CaseEvent.objects.filter(complaint=complaint).order_by("-seq").first()
    output = verify("--heads", "--reference", complaint.reference)
    assert f"{complaint.reference} (interactie): seq {last.seq} {last.sha256}" in output


def test_an_unknown_reference_is_an_error(db):
    _, error = refused("--reference", "KL-2026-9999")
    assert "No complaint matches" in str(error)
