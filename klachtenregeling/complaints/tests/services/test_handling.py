import io

import pytest

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints import services
from klachtenregeling.complaints.constants import Status
from klachtenregeling.core.errors import (
    InvalidInput,
    NotPermitted,
    StaleObject,
    TransitionRefused,
)
from tests import samples
from tests.factories import SubjectFactory


def test_officer_takes_complaint_into_handling(submit, officer):
    complaint = submit()
    services.complaint_start_handling(complaint=complaint, by=officer)
    complaint.refresh_from_db()
    assert complaint.status == Status.IN_HANDLING
    event = complaint.events.get(type=EventType.HANDLING_STARTED)
    assert event.data == {"status_from": "received", "status_to": "in_handling"}
    assert event.visible_to_complainant


def test_taking_into_handling_twice_is_refused_and_changes_nothing(submit, officer):
    complaint = submit()
    services.complaint_start_handling(complaint=complaint, by=officer)
    events_before = complaint.events.count()
    with pytest.raises(TransitionRefused):
        services.complaint_start_handling(complaint=complaint, by=officer)
    assert complaint.events.count() == events_before


def test_other_officer_cannot_act_on_a_complaint_not_theirs(submit, officer, second_officer):
    complaint = submit()
    with pytest.raises(NotPermitted):
        services.complaint_start_handling(complaint=complaint, by=second_officer)
    with pytest.raises(NotPermitted):
        services.complaint_add_note(complaint=complaint, text="x", by=second_officer)


def test_r5_4_officer_complained_about_cannot_act_even_if_assigned(submit, officer, second_officer):
    complaint = submit(respondent_id=officer.pk)
    complaint.assigned_officer = officer  # as if someone forced it; the policy still refuses
    complaint.save()
    with pytest.raises(NotPermitted):
        services.complaint_add_note(complaint=complaint, text="mijn kant", by=officer)


def test_r8_1_r8_2_officer_registers_one_or_more_subjects(org, submit, officer):
    invoices, planning = SubjectFactory(organisation=org), SubjectFactory(organisation=org)
    complaint = submit()
    services.complaint_set_subjects(
        complaint=complaint, subject_ids=[invoices.pk, planning.pk], by=officer
    )
    assert set(complaint.subjects.all()) == {invoices, planning}
    services.complaint_set_subjects(complaint=complaint, subject_ids=[planning.pk], by=officer)
    changes = complaint.events.filter(type=EventType.SUBJECTS_CHANGED).order_by("seq")
    assert [len(e.data["added"]) for e in changes] == [2, 0]
    assert changes.last().data["removed"] == [{"id": invoices.pk, "name": invoices.name}]


def test_r8_1_subject_of_another_organisation_is_refused(submit, officer, other_org):
    foreign = SubjectFactory(organisation=other_org)
    complaint = submit()
    with pytest.raises(InvalidInput):
        services.complaint_set_subjects(complaint=complaint, subject_ids=[foreign.pk], by=officer)
    assert complaint.subjects.count() == 0


def test_r7_4_notes_are_internal_dossier_entries(submit, officer):
    complaint = submit()
    services.complaint_add_note(complaint=complaint, text="  Gebeld met de trainer.  ", by=officer)
    note = complaint.events.get(type=EventType.NOTE_ADDED)
    assert note.data == {"text": "Gebeld met de trainer."}
    assert not note.visible_to_complainant
    with pytest.raises(InvalidInput):
        services.complaint_add_note(complaint=complaint, text="   ", by=officer)


def test_officer_adds_a_document(submit, officer):
    complaint = submit()
    attachment = services.complaint_add_attachment(
        complaint=complaint, name="verslag.txt", stream=io.BytesIO(samples.txt()), by=officer
    )
    assert attachment.uploaded_by == officer
    assert complaint.events.get(type=EventType.ATTACHMENT_ADDED).data["filename"] == "verslag.txt"


def test_hand_over_to_another_officer(submit, officer, second_officer):
    complaint = submit()
    services.complaint_assign_officer(
        complaint=complaint, officer=second_officer, by=officer, expected_officer_id=officer.pk
    )
    complaint.refresh_from_db()
    assert complaint.assigned_officer == second_officer
    assert complaint.events.get(type=EventType.OFFICER_ASSIGNED).data["reason"] == "handed_over"
    with pytest.raises(NotPermitted):  # the old officer no longer has it
        services.complaint_add_note(complaint=complaint, text="x", by=officer)


def test_r5_4_cannot_hand_over_to_the_officer_complained_about(submit, officer, second_officer):
    complaint = submit(respondent_id=second_officer.pk)
    with pytest.raises(NotPermitted):
        services.complaint_assign_officer(
            complaint=complaint, officer=second_officer, by=officer, expected_officer_id=officer.pk
        )
    complaint.refresh_from_db()
    assert complaint.assigned_officer == officer


def test_stale_hand_over_is_refused(submit, officer, second_officer):
    complaint = submit()
    with pytest.raises(StaleObject):
        services.complaint_assign_officer(
            complaint=complaint, officer=second_officer, by=officer, expected_officer_id=None
        )


def test_r8_1_subject_taken_out_of_use_is_kept_but_not_added_anew(org, submit, officer):
    old = SubjectFactory(organisation=org, is_active=True)
    retired = SubjectFactory(organisation=org, is_active=False)
    complaint = submit()
    with pytest.raises(InvalidInput):
        services.complaint_set_subjects(complaint=complaint, subject_ids=[retired.pk], by=officer)
    services.complaint_set_subjects(complaint=complaint, subject_ids=[old.pk], by=officer)
    old.is_active = False
    old.save()
    services.complaint_set_subjects(complaint=complaint, subject_ids=[old.pk], by=officer)
    assert list(complaint.subjects.all()) == [old]


def test_r7_4_taking_into_handling_and_handing_over_raise_the_version(
    submit, officer, second_officer
):
    complaint = submit()
    version = complaint.version
    complaint = services.complaint_start_handling(complaint=complaint, by=officer)
    assert complaint.version == version + 1  # a form loaded before is now stale
    complaint = services.complaint_assign_officer(
        complaint=complaint, officer=second_officer, by=officer, expected_officer_id=officer.pk
    )
    complaint.refresh_from_db()
    assert complaint.version == version + 2
