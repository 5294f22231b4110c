"""R-8.5 for oral complaints: the record goes with its complaint; an unconfirmed one with the
destruction list whose period covers its closing day."""

from datetime import date
from types import SimpleNamespace

from klachtenregeling.complaints.constants import Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.oral import services
from klachtenregeling.oral.models import OralComplaintRecord
from klachtenregeling.retention import erasure


def test_r8_5_oral_record_goes_with_its_complaint(officer, draft, at):
    with at("2026-03-02 11:00"):
        created, token = services.oral_record_create(
            by=officer, told_on=date(2026, 3, 2), how_told="phone", draft=draft()
        )
        complaint = services.oral_record_confirm(token=token, text="")
    Complaint.objects.filter(pk=complaint.pk).update(
        status=Status.WITHDRAWN, closed_at=complaint.received_at
    )
    erasure.complaint_destroy(complaint=Complaint.objects.get(pk=complaint.pk))
    assert not OralComplaintRecord.objects.filter(pk=created.pk).exists()
    assert not OutboxMessage.objects.filter(to_email=created.complainant_email).exists()


def test_r8_5_unconfirmed_oral_record_goes_with_the_list_covering_its_closing(
    officer, draft, at, org
):
    with at("2026-03-02 11:00"):
        created, _token = services.oral_record_create(
            by=officer, told_on=date(2026, 3, 2), how_told="phone", draft=draft()
        )
    with at("2026-03-20 11:00"):
        services.oral_record_close(by=officer, record_id=created.pk)
    outside = SimpleNamespace(
        organisation_id=org.pk, period_start=date(2026, 1, 1), period_end=date(2026, 2, 28)
    )
    erasure._delete_oral_records([], outside)
    assert OralComplaintRecord.objects.filter(pk=created.pk).exists()
    covering = SimpleNamespace(
        organisation_id=org.pk, period_start=date(2026, 3, 1), period_end=date(2026, 3, 31)
    )
    erasure._delete_oral_records([], covering)
    assert not OralComplaintRecord.objects.filter(pk=created.pk).exists()
    assert not OutboxMessage.objects.filter(to_email=created.complainant_email).exists()
