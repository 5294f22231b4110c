"""R-8.5: destroying a complaint leaves nothing that names or describes it."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from klachtenregeling.audit.models import CaseEvent
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import Status
from klachtenregeling.complaints.models import Attachment, Complaint
from klachtenregeling.core import clock
from klachtenregeling.core.errors import DomainError
from klachtenregeling.handling import services
from klachtenregeling.handling.constants import Answer, RulingOutcome
from klachtenregeling.handling.tests import steps
from klachtenregeling.improvements.models import Recommendation
from klachtenregeling.portal.tasks import resend_links
from klachtenregeling.reports.models import ComplaintStatistic
from klachtenregeling.retention import services as retention_services
from klachtenregeling.retention.erasure import complaint_destroy
from klachtenregeling.retention.models import ComplaintKey, DestructionRecord
from tests import samples

from .scan import database_hits, file_hits

RECOMMENDATION_TEXT = ("improvements_recommendation", "text")


def txt(marker: str) -> tuple[str, io.BytesIO]:
    return (
        f"{marker}-bijlage.txt",
        io.BytesIO(f"Verslag van {marker} over de training.\n".encode()),
    )


def file_complaint(submit, respondent, subject, officer, marker: str):
    """A complaint with the marker in every text, the name, the e-mail address and a file."""
    complaint = submit(
        complainant_name=f"Marieke {marker}",
        complainant_email=f"{marker}@example.org",
        description=f"De training van {marker} begon een uur te laat.",
        desired_outcome=f"Excuses aan {marker}.",
        is_representative=True,
        on_behalf_of=f"Bedrijf {marker}",
        engagement_description=f"Training {marker}, maart",
        respondent_id=respondent.pk,
        files=[txt(marker)],
    )
    complaint = steps.start(complaint, officer)
    complaint_services.complaint_set_subjects(
        complaint=complaint, subject_ids=[subject.pk], by=officer
    )
    complaint_services.complaint_add_note(complaint=complaint, text=f"Notitie {marker}", by=officer)
    name, stream = txt(marker + "doc")
    complaint_services.complaint_add_attachment(
        complaint=complaint, name=name, stream=stream, by=officer
    )
    complaint = steps.fresh(complaint)
    complaint_services.complaint_extend_deadline(
        complaint=complaint,
        new_deadline=complaint.deadline + timedelta(days=14),
        reason=f"De trainer {marker} is ziek.",
        by=officer,
    )
    complaint = steps.notify(steps.fresh(complaint), officer)
    services.hearing_invite(
        complaint=complaint,
        party="complainant",
        due_date=clock.today() + timedelta(days=7),
        by=officer,
    )
    services.statement_give_as_complainant(
        complaint=complaint, text=f"Mijn kant, {marker}.", link=steps.link_for(complaint)
    )
    services.statement_give_as_staff(
        complaint=complaint, text=f"Kant van de trainer over {marker}.", by=respondent
    )
    services.update_add(complaint=complaint, text=f"Stand van zaken {marker}.", by=officer)
    proposal = services.proposal_make(
        complaint=complaint, text=f"Voorstel {marker}.", by=respondent
    )
    services.proposal_answer(
        proposal_id=proposal.pk,
        complaint=complaint,
        answer=Answer.DECLINED,
        comment=f"Nee, {marker}.",
        link=steps.link_for(complaint),
    )
    # A task whose arguments name the complaint (a lost personal link asked for again).
    resend_links.enqueue(complaint.organisation_id, f"{marker}@example.org", complaint.reference)
    return steps.fresh(complaint)


def judge(complaint, officer, marker):
    return steps.judge(
        complaint, officer, reasoning=f"Oordeel over {marker}.", recs=[f"Bel {marker} terug."]
    )


def referred_and_ruled(complaint, officer, marker):
    steps.decline(complaint, judge(complaint, officer, marker), comment=f"Oneens, {marker}.")
    services.referral_record(
        complaint=steps.fresh(complaint),
        referred_on=clock.today(),
        body_reference=f"GC-{marker}",
        by=officer,
    )
    services.ruling_record(
        complaint=steps.fresh(complaint),
        ruling_on=clock.today(),
        outcome=RulingOutcome.PARTLY_UPHELD,
        text=f"Uitspraak over {marker}.",
        root_cause=f"Oorzaak {marker}.",
        cause_id=steps.cause_for(complaint, officer),
        satisfaction="unknown",
        by=officer,
        document=(f"uitspraak-{marker}.txt", io.BytesIO(f"Uitspraak {marker}".encode())),
    )
    return steps.fresh(complaint)


def resolved_and_closed(complaint, officer, marker):
    judgment = judge(complaint, officer, marker)
    steps.accept(complaint, judgment)
    for signer in (officer, complaint.respondent):
        services.judgment_sign(complaint=complaint, shown_sha256=judgment.text_sha256, by=signer)
    complaint = steps.fresh(complaint)
    if complaint.status != Status.CLOSED:
        services.complaint_close(
            complaint=complaint,
            root_cause=f"Oorzaak {marker}.",
            cause_id=steps.cause_for(complaint, officer),
            satisfaction="satisfied",
            by=officer,
        )
    return steps.fresh(complaint)


def withdrawn(complaint, marker):
    services.complaint_withdraw_by_complainant(
        complaint=complaint, reason=f"Ingetrokken door {marker}.", link=steps.link_for(complaint)
    )
    return steps.fresh(complaint)


def statistics_rows() -> list[tuple]:
    return sorted(
        (s.pk, s.outcome, s.received_on, s.ended_on, tuple(s.subjects.values_list("pk", flat=True)))
        for s in ComplaintStatistic.objects.all()
    )


@pytest.fixture
def ended(submit, staff_member, subject, officer):
    """Three ended complaints (ruling, resolved and closed, withdrawn) and their markers."""
    markers = ["zqxref", "zqxres", "zqxwdr"]
    referred = referred_and_ruled(
        file_complaint(submit, staff_member, subject, officer, markers[0]), officer, markers[0]
    )
    closed = resolved_and_closed(
        file_complaint(submit, staff_member, subject, officer, markers[1]), officer, markers[1]
    )
    gone = withdrawn(file_complaint(submit, staff_member, subject, officer, markers[2]), markers[2])
    return [referred, closed, gone], markers


@pytest.mark.django_db(transaction=True)
def test_r8_5_nothing_remains_after_destruction(ended, submit, staff_member, subject, officer):
    complaints, markers = ended
    held_marker = "zqxheld"
    held = withdrawn(
        file_complaint(submit, staff_member, subject, officer, held_marker), held_marker
    )
    retention_services.hold_set(complaint=held, reason="Rechtszaak loopt.", by=officer)
    assert all(c.status in (Status.CLOSED, Status.WITHDRAWN) for c in complaints)
    # The scan finds what is there: every marker, in the database and in the files' names.
    assert {m for _, _, m in database_hits([*markers, held_marker])} == {*markers, held_marker}
    statistics_before = statistics_rows()
    recommendations = Recommendation.objects.count()

    for complaint in complaints:
        complaint_destroy(complaint=complaint)
    with pytest.raises(DomainError):
        complaint_destroy(complaint=held)

    # One thing is kept on purpose: a recommendation made from a judgment is an action of the
    # organisation, written as an instruction; it stays, no longer linked to the judgment.
    # (The markers were put in the recommendations to show that this is the only place.)
    hits = database_hits(markers)
    assert [hit for hit in hits if hit[:2] != RECOMMENDATION_TEXT] == []
    assert not Recommendation.objects.filter(judgment__isnull=False).exists()
    assert file_hits(markers) == []
    assert not Complaint.objects.filter(pk__in=[c.pk for c in complaints]).exists()
    assert not ComplaintKey.objects.filter(complaint_id__in=[c.pk for c in complaints]).exists()
    # What remains: the statistics, unchanged, and a record per complaint.
    assert statistics_rows() == statistics_before
    assert Recommendation.objects.count() == recommendations
    records = DestructionRecord.objects.order_by("pk")
    assert [r.reference for r in records] == [c.reference for c in complaints]
    for record in records:
        assert len(record.dossier_sha256) == 64 and record.dossier_events > 0
        assert record.received_on and record.ended_on and record.destroyed_at
    # The held complaint is all there: its dossier verifies, its files read back.
    assert {m for _, _, m in database_hits([held_marker])} == {held_marker}
    assert CaseEvent.objects.filter(complaint=held).exists()
    call_command("verify_dossier", stdout=io.StringIO())
    from klachtenregeling.retention.files import read_plaintext

    for attachment in Attachment.objects.filter(complaint=held, filename__endswith=".txt"):
        assert held_marker.encode() in read_plaintext(attachment)


def test_r8_5_the_dossier_hash_is_kept_in_the_record(ended, django_capture_on_commit_callbacks):
    complaint = ended[0][1]
    last = CaseEvent.objects.filter(complaint=complaint).order_by("-seq").first()
    with django_capture_on_commit_callbacks(execute=True):
        destroyed = complaint_destroy(complaint=complaint)
    assert destroyed.record.dossier_sha256 == last.sha256
    assert destroyed.record.dossier_events == last.seq
    assert destroyed.files >= 3  # the complainant's file, the officer's, and the letters


def test_r8_5_a_complaint_not_ended_is_not_destroyed(submit, officer):
    complaint = steps.start(submit(), officer)
    with pytest.raises(DomainError):
        complaint_destroy(complaint=complaint)
    assert Complaint.objects.filter(pk=complaint.pk).exists()


def test_r8_5_a_complaint_under_a_hold_by_hand_survives_until_lifted(
    submit, officer, django_capture_on_commit_callbacks
):
    complaint = withdrawn(steps.start(submit(), officer), "zqxx")
    hold = retention_services.hold_set(complaint=complaint, reason="Verzoek klager.", by=officer)
    with pytest.raises(DomainError):
        complaint_destroy(complaint=complaint)
    retention_services.hold_lift(hold=hold, reason="Verzoek ingetrokken.", by=officer)
    with django_capture_on_commit_callbacks(execute=True):
        complaint_destroy(complaint=complaint)
    assert not Complaint.objects.filter(pk=complaint.pk).exists()


def test_r8_5_sqlite_overwrites_deleted_content(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 1


def test_r8_5_a_file_of_a_destroyed_complaint_cannot_be_read_from_a_copy(
    submit, officer, django_capture_on_commit_callbacks
):
    complaint = submit(files=[("a.pdf", io.BytesIO(samples.pdf()))])
    attachment = complaint.attachments.get()
    with attachment.file.storage.open(attachment.file.name, "rb") as handle:
        backup = handle.read()  # a copy in a backup
    assert samples.pdf() not in backup
    complaint = withdrawn(steps.start(complaint, officer), "zqxcopy")
    with django_capture_on_commit_callbacks(execute=True):
        complaint_destroy(complaint=complaint)
    assert not attachment.file.storage.exists(attachment.file.name)
    from klachtenregeling.retention import crypto, keys

    with pytest.raises(crypto.DecryptionError):
        keys.data_key(complaint.pk)


def test_r8_5_a_batch_is_destroyed_together_and_a_held_one_is_left(
    ended, officer, django_capture_on_commit_callbacks
):
    """The destruction list's batches: one call, a fixed number of statements for the whole
    batch (not some fifty per complaint), each complaint checked under its lock."""
    from django.test.utils import CaptureQueriesContext

    from klachtenregeling.retention.erasure import complaints_destroy

    complaints, _ = ended
    held = complaints[2]
    retention_services.hold_set(complaint=held, reason="Rechtszaak loopt.", by=officer)
    gone = [c.pk for c in complaints[:2]]
    with (
        translation.override("en"),
        django_capture_on_commit_callbacks(execute=True),
        CaptureQueriesContext(connection) as queries,
    ):
        batch = complaints_destroy([c.pk for c in complaints] + [987654])
    assert sorted(batch.destroyed) == sorted(gone)
    assert set(batch.refused) == {held.pk, 987654}
    assert batch.refused[held.pk] == "The complaint is under a hold: it cannot be destroyed."
    assert batch.refused[987654] == "The complaint no longer exists."
    assert len(queries) < 70
    assert not Complaint.objects.filter(pk__in=gone).exists()
    assert not CaseEvent.objects.filter(complaint_id__in=gone).exists()
    assert CaseEvent.objects.filter(complaint=held).exists()
    assert sorted(DestructionRecord.objects.values_list("reference", flat=True)) == sorted(
        c.reference for c in complaints[:2]
    )
    assert all(d.files >= 3 and d.events > 0 for d in batch.destroyed.values())
