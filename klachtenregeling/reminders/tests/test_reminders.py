"""R-7.1 reminders, the daily overdue digest and the admin's alert; R-5.2 statement reminders.

Each runs through the real scheduler command (`--once`, as cron would), which also
delivers the outbox to a real SMTP server on loopback.
"""

import threading
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.handling import services as handling
from klachtenregeling.handling.constants import Party
from klachtenregeling.handling.tests import steps
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.reminders.constants import ReminderKind
from klachtenregeling.reminders.models import SentReminder
from klachtenregeling.reminders.services import reminders_send_due


def scheduler():
    call_command("scheduler", "--once", verbosity=0)


def outbox(kind) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(kind=kind).order_by("pk"))


@pytest.fixture
def complaint(at, submit, officer, staff_member):
    with at("2026-03-02 10:00"):  # deadline Monday 30 March 2026
        return steps.start(
            submit(respondent_id=staff_member.pk, description="Vertrouwelijk verhaal."), officer
        )


def test_r7_1_officer_reminded_five_days_before_the_deadline_once(
    at, smtp_server, complaint, officer
):
    with at("2026-03-24 08:00"):
        scheduler()
        assert outbox(MessageKind.DEADLINE_REMINDER) == []  # six days before: not yet
    with at("2026-03-25 08:00"):
        scheduler()
        scheduler()  # twice the same morning: nothing twice
    with at("2026-03-26 08:00"):
        scheduler()  # the next day: still the same occasion
    [message] = outbox(MessageKind.DEADLINE_REMINDER)
    assert message.complaint_id == complaint.pk
    assert message.to_email == officer.email
    [mail] = [m for m in smtp_server.to(officer.email) if "30 maart" in m["Subject"]]
    assert mail["Subject"] == f"Klacht {complaint.reference}: oordeel uiterlijk 30 maart 2026"
    assert "over 5 dagen" in smtp_server.text(mail)
    assert "Vertrouwelijk" not in smtp_server.text(mail)  # reference only
    # The dossier shows it went out.
    queued = complaint.events.filter(type=EventType.MESSAGE_QUEUED)
    assert MessageKind.DEADLINE_REMINDER in [e.data["kind"] for e in queued]


def test_r7_1_reminder_days_is_a_setting(at, org, complaint):
    org.reminder_days = 10
    org.save()
    with at("2026-03-19 08:00"):
        scheduler()
        assert outbox(MessageKind.DEADLINE_REMINDER) == []
    with at("2026-03-20 08:00"):
        scheduler()
    assert len(outbox(MessageKind.DEADLINE_REMINDER)) == 1


def test_r7_1_an_extended_deadline_is_a_new_occasion(at, complaint, officer):
    with at("2026-03-25 08:00"):
        scheduler()
        complaint_services.complaint_extend_deadline(
            complaint=complaint,
            new_deadline=date(2026, 4, 13),
            reason="De trainer is op vakantie; we horen hem na terugkomst.",
            by=officer,
        )
        scheduler()
    with at("2026-04-08 08:00"):
        scheduler()
    reminders = outbox(MessageKind.DEADLINE_REMINDER)
    assert len(reminders) == 2
    assert "13 april" in reminders[1].subject


def test_r7_1_no_reminder_once_the_judgment_was_sent(at, complaint, officer):
    with at("2026-03-20 09:00"):
        steps.judge(steps.hear_both(complaint, officer), officer)
    with at("2026-03-25 08:00"):
        scheduler()
    with at("2026-04-01 08:00"):
        scheduler()
    assert outbox(MessageKind.DEADLINE_REMINDER) == []
    assert outbox(MessageKind.OVERDUE_DIGEST) == []
    assert outbox(MessageKind.DEADLINE_PASSED) == []


def test_r7_1_nothing_is_sent_at_night(at, complaint):
    with at("2026-03-25 03:00"):
        scheduler()
    assert not SentReminder.objects.exists()
    with at("2026-03-25 07:00"):
        scheduler()
    assert SentReminder.objects.filter(kind=ReminderKind.DEADLINE).count() == 1


def test_r7_1_daily_digest_of_overdue_complaints(at, smtp_server, submit, officer, complaint):
    with at("2026-03-03 10:00"):
        second = steps.start(submit(complainant_name="Joop Zoomer"), officer)  # deadline 31 March
    with at("2026-03-31 08:00"):
        scheduler()
        scheduler()
    with at("2026-04-01 08:00"):
        scheduler()
    digests = outbox(MessageKind.OVERDUE_DIGEST)
    assert len(digests) == 2  # one a day
    first, latest = digests
    assert complaint.reference in first.body_text
    assert second.reference not in first.body_text  # not overdue yet on 31 March
    assert complaint.reference in latest.body_text and second.reference in latest.body_text
    assert "Joop" not in latest.body_text and "Zoomer" not in latest.subject
    assert "2 dagen over" in latest.body_text  # deadline 30 March, on 1 April
    assert "1 dag over" in latest.body_text  # deadline 31 March
    mails = [m for m in smtp_server.to(officer.email) if "termijn" in m["Subject"]]
    assert len(mails) == 2


def test_r7_1_admin_alerted_once_when_the_term_passes(
    at, smtp_server, complaint, officer, org_admin
):
    with at("2026-03-30 18:00"):
        scheduler()  # the deadline day itself: on time
        assert outbox(MessageKind.DEADLINE_PASSED) == []
    with at("2026-03-31 08:00"):
        scheduler()
    with at("2026-04-01 08:00"):
        scheduler()
    [alert] = outbox(MessageKind.DEADLINE_PASSED)
    assert alert.to_email == org_admin.email
    assert complaint.reference in alert.subject
    assert "Vertrouwelijk" not in alert.body_text  # no content for the admin
    assert complaint.complainant_name not in alert.body_text
    assert officer.display_name in alert.body_text
    [event] = complaint.events.filter(type=EventType.DEADLINE_PASSED)
    assert event.data == {"deadline": "2026-03-30", "status": "in_handling", "alerted": 1}
    assert not event.visible_to_complainant
    # Too late to extend now (article 5): the complaint stays late, and no second alert.
    with at("2026-04-01 09:00"), pytest.raises(InvalidInput):
        complaint_services.complaint_extend_deadline(
            complaint=complaint,
            new_deadline=date(2026, 4, 10),
            reason="Een getuige moet nog gehoord worden.",
            by=officer,
        )
    with at("2026-04-11 08:00"):
        scheduler()
    assert len(outbox(MessageKind.DEADLINE_PASSED)) == 1


def test_r7_1_an_extended_term_that_passes_alerts_again(
    at, smtp_server, complaint, officer, org_admin
):
    with at("2026-03-30 09:00"):  # on the deadline day: in time
        complaint_services.complaint_extend_deadline(
            complaint=complaint,
            new_deadline=date(2026, 4, 10),
            reason="Een getuige moet nog gehoord worden.",
            by=officer,
        )
    with at("2026-03-31 08:00"):
        scheduler()
    assert outbox(MessageKind.DEADLINE_PASSED) == []
    with at("2026-04-11 08:00"):
        scheduler()
    [alert] = outbox(MessageKind.DEADLINE_PASSED)
    assert alert.to_email == org_admin.email


def test_r5_4_admin_who_is_the_respondent_gets_no_alert(at, submit, officer, org_admin):
    org_admin.is_employee = True  # an administrator who also works as a trainer
    org_admin.save()
    with at("2026-03-02 10:00"):
        about_admin = steps.start(submit(respondent_id=org_admin.pk), officer)
    with at("2026-03-31 08:00"):
        scheduler()
    assert outbox(MessageKind.DEADLINE_PASSED) == []
    assert about_admin.events.filter(type=EventType.DEADLINE_PASSED).get().data["alerted"] == 0


def test_r2_2_r5_2_parties_reminded_before_their_account_is_due(
    at, smtp_server, complaint, officer, staff_member
):
    with at("2026-03-05 10:00"):
        complaint = steps.notify(complaint, officer)
        for party in (Party.COMPLAINANT, Party.RESPONDENT):
            handling.hearing_invite(
                complaint=complaint, party=party, due_date=date(2026, 3, 12), by=officer
            )
    with at("2026-03-09 08:00"):
        scheduler()
        assert outbox(MessageKind.STATEMENT_REMINDER) == []  # three days before: not yet
    with at("2026-03-10 08:00"):
        scheduler()
        scheduler()
    reminders = outbox(MessageKind.STATEMENT_REMINDER)
    assert {(m.recipient_role, m.to_email) for m in reminders} == {
        ("complainant", complaint.complainant_email),
        ("respondent", staff_member.email),
    }
    [mail] = [
        m for m in smtp_server.to(complaint.complainant_email) if "herinnering" in m["Subject"]
    ]
    assert "/mijn-klacht/open/?t=" in smtp_server.text(mail)  # a fresh personal link


def test_r5_2_no_reminder_after_the_account_was_given(at, complaint, officer):
    with at("2026-03-05 10:00"):
        handling.hearing_invite(
            complaint=complaint, party=Party.COMPLAINANT, due_date=date(2026, 3, 12), by=officer
        )
        handling.statement_give_as_complainant(
            complaint=complaint, text="Mijn verhaal.", link=steps.link_for(complaint)
        )
    with at("2026-03-11 08:00"):
        scheduler()
    assert outbox(MessageKind.STATEMENT_REMINDER) == []


@pytest.mark.django_db(transaction=True)
def test_r7_1_two_schedulers_at_once_send_each_reminder_once(at, submit, officer, org_admin):
    with at("2026-03-02 10:00"):
        for _ in range(3):
            steps.start(submit(), officer)
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait()
            with at("2026-03-31 08:00"):
                reminders_send_due()
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(outbox(MessageKind.DEADLINE_PASSED)) == 3  # one per complaint
    assert len(outbox(MessageKind.OVERDUE_DIGEST)) == 1
    assert SentReminder.objects.count() == 4


def test_r7_1_no_flood_of_alerts_about_terms_that_passed_long_ago(at, complaint, org_admin):
    with at("2026-05-15 08:00"):  # first run, long after the deadline of 30 March
        scheduler()
    assert outbox(MessageKind.DEADLINE_PASSED) == []
    [digest] = outbox(MessageKind.OVERDUE_DIGEST)  # the officer still hears of it daily
    assert complaint.reference in digest.body_text


def test_r7_1_after_a_hand_over_the_new_officer_is_reminded_too(
    at, complaint, officer, second_officer
):
    with at("2026-03-25 08:00"):
        scheduler()
        complaint_services.complaint_assign_officer(
            complaint=complaint,
            officer=second_officer,
            by=officer,
            expected_officer_id=officer.pk,
        )
        scheduler()
        scheduler()
    assert [m.to_email for m in outbox(MessageKind.DEADLINE_REMINDER)] == [
        officer.email,
        second_officer.email,
    ]


def test_issue_14_admin_digest_names_a_new_breach_once(
    at, smtp_server, submit, officer, org_admin, settings
):
    """The term passes → the daily compliance check marks the complaint breached → the
    administrator's digest names it (reference and article title, no content), once."""
    from klachtenregeling.compliance.tests.test_selectors import read_by

    settings.LANGUAGE_CODE = "en"  # staff messages in the site's language: compared in English

    with at("2026-03-02 10:00"):  # deadline Monday 30 March 2026
        complaint = submit(description="Vertrouwelijk verhaal.")
        read_by(officer, complaint)
        complaint = steps.start(complaint, officer)
        scheduler()  # everything in order: no digest
    assert outbox(MessageKind.COMPLIANCE_DIGEST) == []
    with at("2026-03-31 08:00"):
        scheduler()
        scheduler()  # a second round the same day sends nothing more
    [digest] = outbox(MessageKind.COMPLIANCE_DIGEST)
    assert digest.to_email == org_admin.email
    assert f"- {complaint.reference}: Article 5: a judgment within the term" in digest.body_text
    assert "Vertrouwelijk" not in digest.body_text  # no content for the admin
    assert complaint.complainant_name not in digest.body_text
    assert "R-5.5" not in digest.body_text  # the article, not the internal id
    [sent] = SentReminder.objects.filter(kind=ReminderKind.COMPLIANCE_DIGEST)
    assert sent.data["complaints"] == [complaint.pk]
    with at("2026-04-01 08:00"):
        scheduler()  # still breached, but not new: no second digest
    assert len(outbox(MessageKind.COMPLIANCE_DIGEST)) == 1
