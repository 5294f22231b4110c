from datetime import UTC, date, datetime

import pytest

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints import services
from klachtenregeling.complaints.constants import AttachmentKind, Channel
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core.errors import InvalidInput, NotPermitted
from klachtenregeling.notifications.constants import MessageKind
from tests import samples


def register(by, draft, upload, **overrides):
    values = {
        "by": by,
        "draft": draft(),
        "channel": Channel.LETTER,
        "received_on": date(2026, 3, 2),
        "original": upload("brief.pdf", samples.pdf()),
    }
    values.update(overrides)
    return services.complaint_register(**values).complaint


def test_r1_1_officer_registers_a_letter_with_the_original_kept(officer, draft, upload, at):
    with at("2026-03-05 14:00"):
        complaint = register(officer, draft, upload)
    assert complaint.channel == Channel.LETTER
    [original] = complaint.attachments.all()
    assert (original.kind, original.filename) == (AttachmentKind.ORIGINAL, "brief.pdf")
    registered = complaint.events.get(type=EventType.REGISTERED)
    assert registered.actor == officer
    assert registered.data["channel"] == "letter"


def test_r1_1_email_complaint_keeps_the_eml(officer, draft, upload, at):
    with at("2026-03-05 14:00"):
        complaint = register(
            officer,
            draft,
            upload,
            channel=Channel.EMAIL,
            original=upload("klacht.eml", samples.eml()),
        )
    assert complaint.attachments.get().content_type == "message/rfc822"


def test_r5_5_term_runs_from_the_date_received_not_registered(officer, draft, upload, at):
    with at("2026-03-05 14:00"):
        complaint = register(officer, draft, upload, received_on=date(2026, 3, 2))
    assert complaint.deadline == date(2026, 3, 30)
    # Received at the start of that day in Amsterdam (23:00 UTC the evening before).
    assert complaint.received_at == datetime(2026, 3, 1, 23, 0, tzinfo=UTC)
    assert complaint.reference.startswith("KL-2026-")


def test_r1_1_registering_without_the_original_is_refused(officer, draft, upload, at):
    with at("2026-03-05 14:00"), pytest.raises(InvalidInput) as refused:
        register(officer, draft, upload, original=None)
    assert "original" in refused.value.errors
    assert Complaint.objects.count() == 0


@pytest.mark.parametrize("received_on", [date(2026, 3, 6), None])
def test_r1_1_date_of_receipt_must_be_known_and_not_in_the_future(
    officer, draft, upload, at, received_on
):
    with at("2026-03-05 14:00"), pytest.raises(InvalidInput) as refused:
        register(officer, draft, upload, received_on=received_on)
    assert "received_on" in refused.value.errors


def test_r1_1_web_channel_cannot_be_registered_by_hand(officer, draft, upload, at):
    with at("2026-03-05 14:00"), pytest.raises(InvalidInput) as refused:
        register(officer, draft, upload, channel=Channel.WEB)
    assert "channel" in refused.value.errors


def test_only_officers_register_complaints(staff_member, org_admin, draft, upload, at):
    for user in (staff_member, org_admin):
        with at("2026-03-05 14:00"), pytest.raises(NotPermitted):
            register(user, draft, upload)


def test_r5_1_registering_officer_handles_the_complaint(officer, second_officer, draft, upload, at):
    with at("2026-03-05 14:00"):
        complaint = register(second_officer, draft, upload)
    assert complaint.assigned_officer == second_officer
    # No notice to themselves; the complainant is acknowledged.
    kinds = list(complaint.messages.values_list("kind", flat=True))
    assert kinds == [MessageKind.ACKNOWLEDGEMENT]


def test_r5_4_officer_registering_complaint_about_themselves_hands_it_on(
    officer, second_officer, draft, upload, at
):
    with at("2026-03-05 14:00"):
        complaint = register(second_officer, lambda: draft(respondent_id=second_officer.pk), upload)
    assert complaint.assigned_officer == officer


def test_registration_with_subjects_r8_1(officer, subject, draft, upload, at):
    with at("2026-03-05 14:00"):
        complaint = register(officer, lambda: draft(subject_ids=(subject.pk,)), upload)
    assert list(complaint.subjects.all()) == [subject]


def test_r1_1_a_registered_letter_shows_its_day_of_receipt_without_a_time(
    client, officer, draft, upload, at, submit
):
    from django.urls import reverse
    from django.utils import translation

    with at("2026-03-05 14:00"):
        letter = register(officer, draft, upload)
        web = submit()
    client.force_login(officer)
    with translation.override("nl"):
        page = client.get(reverse("complaints:detail", args=[letter.reference])).content.decode()
        web_page = client.get(reverse("complaints:detail", args=[web.reference])).content.decode()
    assert "<dd>2 maart 2026 (brief)</dd>" in page  # nobody entered a time: none shown
    assert "<dd>5 maart 2026 14:00 (webformulier)</dd>" in web_page  # a web complaint's time
