import pytest
from django.db.models import ProtectedError

from klachtenregeling.audit.constants import EventType
from klachtenregeling.audit.models import AppendOnlyError, CaseEvent


def test_r7_4_case_events_cannot_be_changed_or_deleted(submit, officer):
    complaint = submit()
    event = complaint.events.first()
    event.data = {"rewritten": True}
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        CaseEvent.objects.filter(complaint=complaint).update(data={})
    with pytest.raises(AppendOnlyError):
        CaseEvent.objects.filter(complaint=complaint).delete()
    assert complaint.events.first().data["reference"] == complaint.reference


def test_r7_4_a_complaint_with_a_dossier_cannot_be_deleted_by_accident(submit, officer):
    complaint = submit()
    with pytest.raises(ProtectedError):
        complaint.delete()


def test_r7_4_r8_1_subjects_given_at_registration_are_in_the_dossier(
    officer, subject, draft, upload, at
):
    from datetime import date

    from klachtenregeling.complaints import services
    from tests import samples

    with at("2026-03-05 14:00"):
        complaint = services.complaint_register(
            by=officer,
            draft=draft(subject_ids=(subject.pk,)),
            channel="letter",
            received_on=date(2026, 3, 2),
            original=upload("brief.pdf", samples.pdf()),
        ).complaint
    registered = complaint.events.get(type=EventType.REGISTERED)
    assert registered.data["subjects"] == [{"id": subject.pk, "name": subject.name}]
