from datetime import date

import pytest

from klachtenregeling.accounts import policies
from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints import selectors, services
from klachtenregeling.complaints.constants import Channel, Concern, Status
from klachtenregeling.complaints.models import Attachment, Complaint
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.retention.files import read_plaintext
from tests import samples
from tests.factories import UserFactory


def event_types(complaint) -> list[str]:
    return list(complaint.events.order_by("seq").values_list("type", flat=True))


def test_r1_1_web_complaint_is_registered_in_writing_with_its_channel(submit, officer):
    complaint = submit()
    assert complaint.channel == Channel.WEB
    assert complaint.status == Status.RECEIVED
    submitted = complaint.events.get(type=EventType.SUBMITTED)
    assert submitted.visible_to_complainant
    assert submitted.data["channel"] == "web"
    assert submitted.data["reference"] == complaint.reference


def test_r1_2_concerns_are_stored_one_row_each(submit, officer):
    complaint = submit(concerns=(Concern.INVOICE, Concern.FORMING, Concern.INVOICE))
    assert sorted(complaint.concerns.values_list("concern", flat=True)) == ["forming", "invoice"]
    assert complaint.events.get(type=EventType.SUBMITTED).data["concerns"] == ["forming", "invoice"]


def test_r1_2_complaint_without_concern_is_refused_and_nothing_stored(submit, officer):
    with pytest.raises(InvalidInput) as refused:
        submit(concerns=())
    assert "concerns" in refused.value.errors
    assert Complaint.objects.count() == 0


def test_r1_3_representative_states_on_whose_behalf(submit, officer):
    complaint = submit(is_representative=True, on_behalf_of="Zorggroep Noord")
    assert complaint.is_representative
    assert complaint.on_behalf_of == "Zorggroep Noord"
    with pytest.raises(InvalidInput) as refused:
        submit(is_representative=True, on_behalf_of="")
    assert "on_behalf_of" in refused.value.errors


def test_r2_1_complaint_is_linked_to_the_engagement_by_its_number(submit, officer, engagement):
    complaint = submit(engagement_reference="opd-2026-001 ", engagement_description="")
    assert complaint.engagement == engagement
    assert complaint.events.get(type=EventType.SUBMITTED).data["engagement_id"] == engagement.pk


def test_r2_1_unknown_engagement_number_is_refused(submit, officer, engagement):
    with pytest.raises(InvalidInput) as refused:
        submit(engagement_reference="OPD-9999-999", engagement_description="")
    assert "engagement_reference" in refused.value.errors
    assert Complaint.objects.count() == 0


def test_r2_1_engagement_of_another_organisation_is_unknown(submit, officer, other_org):
    from tests.factories import EngagementFactory

    EngagementFactory(organisation=other_org, reference="OPD-OTHER-1")
    with pytest.raises(InvalidInput):
        submit(engagement_reference="OPD-OTHER-1", engagement_description="")


def test_r2_1_described_engagement_when_unknown_to_the_system(submit, officer):
    complaint = submit(engagement_description="Open training, maart, Amersfoort")
    assert complaint.engagement is None
    assert complaint.engagement_description == "Open training, maart, Amersfoort"


def test_r5_1_complaint_is_routed_to_the_default_officer(submit, officer, second_officer):
    complaint = submit()
    assert complaint.assigned_officer == officer
    routed = complaint.events.get(type=EventType.ROUTED)
    assert routed.data == {
        "officer_id": officer.pk,
        "officer": officer.display_name,
        "reason": "default_officer",
    }


def test_r5_1_without_default_the_first_officer_handles_it(org, submit, officer, second_officer):
    org.default_officer = None
    org.save()
    assert submit().assigned_officer == officer


def test_r5_4_complaint_about_officer_goes_to_other_officer(submit, officer, second_officer):
    complaint = submit(respondent_id=officer.pk)
    assert complaint.assigned_officer == second_officer
    assert complaint.events.get(type=EventType.ROUTED).data["reason"] == "respondent_is_officer"
    # The officer complained about can neither see nor find it.
    assert not policies.can(officer, policies.COMPLAINT_VIEW, complaint)
    assert complaint not in selectors.complaint_list_for_officer(
        officer, selectors.DashboardFilter()
    )
    assert complaint in selectors.complaint_list_for_officer(
        second_officer, selectors.DashboardFilter()
    )


def test_r5_4_with_no_other_officer_the_admin_is_alerted(submit, officer, org_admin):
    complaint = submit(respondent_id=officer.pk)
    assert complaint.assigned_officer is None
    assert complaint.events.get(type=EventType.ROUTING_FAILED).data["reason"] == "no_other_officer"
    alert = OutboxMessage.objects.get(kind=MessageKind.OFFICER_NEEDED)
    assert alert.to_email == org_admin.email
    assert complaint.reference in alert.subject
    assert complaint.description not in alert.body_text  # the admin sees no content
    assert list(selectors.unassigned_for_admin(org_admin)) == [complaint]


def test_r5_4_admin_appoints_a_new_officer(submit, officer, org_admin, org):
    complaint = submit(respondent_id=officer.pk)
    newcomer = UserFactory(organisation=org, officer=True)
    services.complaint_assign_officer(
        complaint=complaint, officer=newcomer, by=org_admin, expected_officer_id=None
    )
    complaint.refresh_from_db()
    assert complaint.assigned_officer == newcomer
    assigned = complaint.events.get(type=EventType.OFFICER_ASSIGNED)
    assert (assigned.actor, assigned.data["reason"]) == (org_admin, "appointed")


def test_r5_5_deadline_is_set_at_registration(org, submit, officer, at):
    with at("2026-03-02 10:00"):
        complaint = submit()
    assert complaint.deadline == complaint.original_deadline == date(2026, 3, 30)
    org.term_days = 42
    org.save()
    with at("2026-03-02 10:00"):
        assert submit().deadline == date(2026, 4, 13)
    data = complaint.events.get(type=EventType.SUBMITTED).data
    assert (data["deadline"], data["term_days"]) == ("2026-03-30", 28)


def test_references_count_per_organisation_and_year(
    org, other_org, submit, officer, other_officer, at
):
    with at("2026-12-31 23:00"):
        first, second = submit(), submit()
        elsewhere = submit(organisation=other_org)
    with at("2027-01-01 00:30"):
        new_year = submit()
    assert [first.reference, second.reference] == ["KL-2026-0001", "KL-2026-0002"]
    assert elsewhere.reference == "KL-2026-0001"
    assert new_year.reference == "KL-2027-0001"


def test_r7_4_dossier_records_every_step_in_order(submit, officer, upload):
    complaint = submit(files=[upload("factuur.pdf", samples.pdf())])
    assert event_types(complaint) == [
        EventType.SUBMITTED,
        EventType.ATTACHMENT_ADDED,
        EventType.ROUTED,
        EventType.MESSAGE_QUEUED,  # to the officer
        EventType.MESSAGE_QUEUED,  # the acknowledgement to the complainant
    ]
    seqs = list(complaint.events.values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1))


def test_acknowledgement_and_officer_notice_are_queued_in_the_same_transaction(submit, officer):
    complaint = submit()
    kinds = sorted(complaint.messages.values_list("kind", "to_email"))
    assert kinds == [
        (MessageKind.ACKNOWLEDGEMENT, "marieke@example.org"),
        (MessageKind.NEW_COMPLAINT, officer.email),
    ]


def test_attachments_are_stored_under_random_names_with_hash(submit, officer, upload):
    complaint = submit(files=[upload("scan.png", samples.png()), upload("mail.eml", samples.eml())])
    stored = {a.filename: a for a in complaint.attachments.all()}
    assert stored["scan.png"].content_type == "image/png"
    assert stored["mail.eml"].content_type == "message/rfc822"
    for attachment in stored.values():
        assert attachment.filename not in attachment.file.name
        assert len(attachment.sha256) == 64
        assert read_plaintext(attachment)[:4] in (b"\x89PNG", b"From")


def test_same_submission_key_returns_the_first_complaint(org, officer, draft):
    first = services.complaint_submit(organisation=org, draft=draft(), submission_key="k-1")
    again = services.complaint_submit(organisation=org, draft=draft(), submission_key="k-1")
    assert first.created and not again.created
    assert again.complaint == first.complaint
    assert Complaint.objects.count() == 1


def test_respondent_must_be_staff_of_the_organisation(submit, officer, other_officer):
    with pytest.raises(InvalidInput) as refused:
        submit(respondent_id=other_officer.pk)
    assert "respondent_id" in refused.value.errors


def test_all_errors_are_reported_at_once(submit, officer, upload):
    with pytest.raises(InvalidInput) as refused:
        submit(
            complainant_email="nope",
            concerns=(),
            files=[upload("evil.html", samples.html())],
        )
    assert {"complainant_email", "concerns", "attachments"} <= set(refused.value.errors)
    assert Complaint.objects.count() == 0
    assert Attachment.objects.count() == 0


def test_reference_counter_lagging_behind_existing_references_recovers(org, submit, officer):
    """An import, a restore or bulk-loaded data can leave the counter behind the stored
    references: the next complaint gets the next free number, not a 500 (issue 19)."""
    from klachtenregeling.complaints.models import ReferenceCounter

    first, _second, third = submit(), submit(), submit()
    counter = ReferenceCounter.objects.get(organisation=org, year=first.year)
    counter.last_number = 1
    counter.save(update_fields=["last_number"])
    assert submit().number == third.number + 1
    counter.refresh_from_db()
    assert counter.last_number == third.number + 1
    # Set back to nothing at all: still the next free number, never a taken one.
    ReferenceCounter.objects.filter(pk=counter.pk).update(last_number=0)
    assert submit().number == third.number + 2
    numbers = list(
        Complaint.objects.filter(organisation=org, year=first.year).values_list("number", flat=True)
    )
    assert len(numbers) == len(set(numbers)) == 5
