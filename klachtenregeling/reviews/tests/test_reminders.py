"""R-8.4: the officers and the administrator are reminded of the yearly review (once per
occasion) more than 11 months after the last one; after 12 months it is red on their start
pages and in the daily digest. Through the real scheduler."""

import re
from datetime import date

from django.core.management import call_command

from klachtenregeling.handling import services as handling
from klachtenregeling.handling.tests import steps
from klachtenregeling.improvements.tests.browsers import browser
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.reminders.constants import ReminderKind
from klachtenregeling.reminders.models import SentReminder


def scheduler():
    call_command("scheduler", "--once", verbosity=0)


def outbox(kind) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(kind=kind).order_by("pk"))


def test_r8_4_reminder_after_11_months_once_per_occasion(
    at, smtp_server, record, officer, second_officer, org_admin, staff_member
):
    record(date(2025, 3, 10))
    with at("2026-02-10 08:00"):  # exactly 11 months: not yet
        scheduler()
    assert outbox(MessageKind.REVIEW_DUE) == []
    with at("2026-02-11 08:00"):
        scheduler()
        scheduler()  # twice the same morning: nothing twice
    with at("2026-02-20 08:00"):
        scheduler()  # later: the same occasion
    reminders = outbox(MessageKind.REVIEW_DUE)
    assert sorted(m.to_email for m in reminders) == sorted(
        [officer.email, second_officer.email, org_admin.email]
    )
    assert staff_member.email not in [m.to_email for m in reminders]
    assert "10 maart 2026" in reminders[0].subject  # due a year after the last review
    assert SentReminder.objects.filter(kind=ReminderKind.REVIEW_DUE).count() == 3
    assert len(smtp_server.to(org_admin.email)) == 1
    # A new review is a new occasion, eleven months after it.
    record(date(2026, 3, 1))
    with at("2027-02-02 08:00"):
        scheduler()
    assert len(outbox(MessageKind.REVIEW_DUE)) == 6


def test_r8_4_without_a_review_counted_from_the_first_ended_complaint(
    at, submit, officer, org_admin
):
    with at("2026-03-02 10:00"):
        complaint = steps.classify(steps.start(submit(), officer), officer)
        handling.complaint_withdraw_on_behalf(
            complaint=complaint, reason="Telefonisch ingetrokken.", by=officer
        )
    with at("2027-02-02 08:00"):  # ended 2 March 2026 + 11 months = 2 February: not yet
        scheduler()
    assert outbox(MessageKind.REVIEW_DUE) == []
    with at("2027-02-03 08:00"):
        scheduler()
    assert len(outbox(MessageKind.REVIEW_DUE)) == 2  # the officer and the administrator


def test_r8_4_overdue_after_12_months_red_on_start_pages_and_in_the_digest(
    at, record, officer, org_admin
):
    record(date(2025, 3, 10))
    with at("2026-03-10 08:00"):  # a year to the day: due, not yet red
        dashboard = browser(officer).get("/werk/klachten/").content.decode()
        scheduler()
    assert "is due by 10 March 2026" in dashboard and "badge--overdue" not in dashboard
    assert outbox(MessageKind.OVERDUE_DIGEST) == []
    with at("2026-03-11 08:00"):
        dashboard = browser(officer).get("/werk/klachten/").content.decode()
        admin_home = browser(org_admin).get("/werk/").content.decode()
        scheduler()
    for page in (dashboard, admin_home):
        notice = re.search(r'<p class="notice overdue">.*?</p>', page, re.S).group(0)
        assert "overdue" in notice and "10 March 2025" in notice
    digests = outbox(MessageKind.OVERDUE_DIGEST)
    assert sorted(m.to_email for m in digests) == sorted([officer.email, org_admin.email])
    assert all("10 maart 2025" in m.body_text for m in digests)
