"""Outgoing mail through the outbox and the real worker, to a real SMTP server on loopback."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command

from klachtenregeling.audit.constants import EventType
from klachtenregeling.core import clock
from klachtenregeling.notifications import delivery
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import DeliveryStatus, OutboxMessage
from klachtenregeling.notifications.tests.outage import fail_for_good

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker():
    """What `manage.py db_worker` does in production, until the queue is empty."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def test_r4_2_r6_3_acknowledgement_states_deadline_free_of_charge_and_disputes_body(
    smtp_server, submit, officer
):
    complaint = submit(language="en")
    run_worker()
    [mail] = smtp_server.to(complaint.complainant_email)
    text = smtp_server.text(mail)
    assert mail["Subject"] == f"Acknowledgement of your complaint {complaint.reference}"
    assert complaint.reference in text
    assert complaint.deadline.strftime("%-d %B %Y") in text  # judgment by this date
    assert "free of charge" in text
    assert "De Geschillencommissie, Postbus 90600, 2509 LP Den Haag" in text
    assert "https://www.degeschillencommissie.nl" in smtp_server.html(mail)
    assert mail["Reply-To"] == officer.email  # the handling officer
    assert "€" not in text  # no fee anywhere


def test_r7_3_acknowledgement_carries_the_personal_link_to_the_complainants_page(
    smtp_server, client, settings, submit, officer
):
    settings.SITE_URL = "https://klachten.example.nl"
    complaint = submit()
    run_worker()
    [mail] = smtp_server.to(complaint.complainant_email)
    prefix = f"https://klachten.example.nl/{complaint.organisation.slug}/mijn-klacht/open/?t="
    [url] = re.findall(rf"{re.escape(prefix)}\S+", smtp_server.text(mail))
    assert f'href="{url}"' in smtp_server.html(mail)
    assert url.split("?t=")[1] not in mail["Subject"]
    response = client.get(url.removeprefix("https://klachten.example.nl"), follow=True)
    assert response.status_code == 200
    assert complaint.reference in response.content.decode()


def test_r4_2_disputes_body_comes_from_the_organisation_settings(smtp_server, org, submit, officer):
    org.disputes_body_name = "Stichting Geschillencommissies voor Consumentenzaken"
    org.disputes_body_address = "Bordewijklaan 46, 2591 XR Den Haag"
    org.save()
    complaint = submit(language="en")
    run_worker()
    text = smtp_server.text(smtp_server.to(complaint.complainant_email)[0])
    assert "Stichting Geschillencommissies voor Consumentenzaken, Bordewijklaan 46" in text


def test_officer_notice_names_only_the_reference(smtp_server, submit, officer):
    complaint = submit(description="Zeer vertrouwelijk verhaal over de trainer.")
    run_worker()
    [notice] = smtp_server.to(officer.email)
    assert complaint.reference in notice["Subject"]
    assert complaint.complainant_name not in notice["Subject"]
    assert "vertrouwelijk verhaal" not in smtp_server.text(notice)
    assert f"/werk/klachten/{complaint.reference}/" in smtp_server.text(notice)


def test_delivered_messages_are_recorded_in_the_dossier(smtp_server, submit, officer):
    complaint = submit()
    run_worker()
    assert set(complaint.messages.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    sent = complaint.events.filter(type=EventType.MESSAGE_SENT)
    assert sorted(e.data["kind"] for e in sent) == [
        MessageKind.ACKNOWLEDGEMENT,
        MessageKind.NEW_COMPLAINT,
    ]
    assert len(smtp_server.messages) == 2


def test_smtp_down_complaint_is_kept_and_message_retried_later(smtp_server, submit, officer):
    smtp_server.stop()
    complaint = submit()
    run_worker()
    message = complaint.messages.get(kind=MessageKind.ACKNOWLEDGEMENT)
    assert message.status == DeliveryStatus.PENDING
    assert message.attempts == 1
    assert "Connection refused" in message.last_error or "Errno" in message.last_error
    assert message.next_attempt_at > clock.now()

    smtp_server.start()
    with clock.frozen(message.next_attempt_at + timedelta(seconds=1)):
        call_command("scheduler", "--once", verbosity=0)  # what runs beside the worker
        call_command("scheduler", "--once", verbosity=0)
        run_worker()  # the retry tasks find the messages already sent
    assert complaint.messages.filter(status=DeliveryStatus.SENT).count() == 2
    assert len(smtp_server.to(complaint.complainant_email)) == 1  # exactly once


def test_message_fails_for_good_after_the_last_attempt(smtp_server, submit, officer):
    smtp_server.stop()
    complaint = submit()
    message = complaint.messages.get(kind=MessageKind.ACKNOWLEDGEMENT)
    fail_for_good(message)
    assert message.status == DeliveryStatus.FAILED
    assert message.attempts == delivery.MAX_ATTEMPTS
    failed = complaint.events.get(type=EventType.MESSAGE_FAILED)
    assert failed.data["message_id"] == message.pk


def test_a_claimed_message_is_not_sent_twice(smtp_server, submit, officer):
    complaint = submit()
    message = complaint.messages.get(kind=MessageKind.ACKNOWLEDGEMENT)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=DeliveryStatus.SENDING, lease_until=clock.now() + timedelta(minutes=5)
    )
    assert delivery.deliver(message.pk) == "skipped"
    assert smtp_server.to(complaint.complainant_email) == []


def test_r5_4_acknowledgement_never_points_to_the_officer_complained_about(
    smtp_server, org, submit, officer, second_officer
):
    org.contact_email = officer.email  # the regulation names the officer's own address
    org.save()
    complaint = submit(respondent_id=officer.pk, language="en")
    run_worker()
    [mail] = smtp_server.to(complaint.complainant_email)
    assert mail["Reply-To"] == second_officer.email
    assert officer.email not in smtp_server.text(mail)
    assert smtp_server.to(officer.email) == []


def test_r5_4_complaint_about_the_only_officer_and_admin_goes_to_the_board(
    smtp_server, org, submit, officer, board_member
):
    officer.is_org_admin = True  # a small organisation: the only officer is also the admin
    officer.save()
    org.contact_email = officer.email
    org.save()
    complaint = submit(respondent_id=officer.pk, language="en")
    run_worker()
    [mail] = smtp_server.to(complaint.complainant_email)
    assert mail["Reply-To"] is None  # no reply address that the officer would read
    assert smtp_server.to(officer.email) == []
    [alert] = smtp_server.to(board_member.email)
    assert complaint.reference in alert["Subject"]
    assert complaint.description not in smtp_server.text(alert)
    assert complaint.events.get(type=EventType.ROUTING_FAILED).data["reason"] == "no_other_officer"


def test_r7_3_a_new_complaints_mails_are_composed_by_the_worker_once(
    smtp_server, client, settings, submit, officer
):
    """Issue 19: the submission stores the intent; the worker renders the mails and issues
    the personal link before the first attempt, and a retry sends the same text."""
    from klachtenregeling.portal.models import ComplainantLink

    smtp_server.stop()
    complaint = submit()
    stored = {m.kind: m for m in complaint.messages.all()}
    assert sorted(stored) == [MessageKind.ACKNOWLEDGEMENT, MessageKind.NEW_COMPLAINT]
    assert all(not m.composed and m.body_text == m.subject == "" for m in stored.values())
    assert stored[MessageKind.NEW_COMPLAINT].intent == {"officer": officer.pk}
    assert not ComplainantLink.objects.filter(complaint=complaint).exists()

    run_worker()  # the mail server is down: composed, not sent
    first = {m.kind: m.body_text for m in complaint.messages.all()}
    assert all(m.composed and m.attempts == 1 for m in complaint.messages.all())
    assert ComplainantLink.objects.filter(complaint=complaint).count() == 1
    assert officer.get_full_name() in first[MessageKind.NEW_COMPLAINT]

    smtp_server.start()
    with clock.frozen(clock.now() + timedelta(minutes=2)):
        assert delivery.deliver_due() == 2  # the retries
    [mail] = smtp_server.to(complaint.complainant_email)
    assert smtp_server.text(mail) == first[MessageKind.ACKNOWLEDGEMENT].replace("\r\n", "\n")
    assert ComplainantLink.objects.filter(complaint=complaint).count() == 1  # the same link
    [url] = re.findall(r"https?://\S+/mijn-klacht/open/\?t=\S+", smtp_server.text(mail))
    response = client.get(url.removeprefix(settings.SITE_URL), follow=True)
    assert complaint.reference in response.content.decode()


def test_r7_3_links_revoked_while_the_acknowledgement_waited_are_not_issued_again(
    smtp_server, settings, submit, officer
):
    """The officer revokes the complaint's links (e.g. a wrong address) before the worker
    composed the acknowledgement: it then carries the page to ask for a new link instead."""
    from klachtenregeling.handling.services import links_revoke
    from klachtenregeling.portal.models import ComplainantLink

    complaint = submit()
    links_revoke(complaint=complaint, by=officer)
    run_worker()
    [mail] = smtp_server.to(complaint.complainant_email)
    text = smtp_server.text(mail)
    assert f"/{complaint.organisation.slug}/mijn-klacht/link-kwijt/" in text
    assert "?t=" not in text
    assert not ComplainantLink.objects.filter(complaint=complaint).exists()
