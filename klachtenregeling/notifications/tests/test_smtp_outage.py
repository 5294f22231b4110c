"""Nothing is lost when the mail server is down: the app keeps working, messages queue in
the outbox, and once the server is back every message arrives exactly once.

Everything is real: the web pages, the database, django-tasks' database worker
(`db_worker`), the scheduler command and an SMTP server on loopback that is stopped
and started again."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.notifications.models import DeliveryStatus, OutboxMessage

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def test_r7_3_smtp_down_the_app_keeps_working_and_every_message_arrives_once(
    client, smtp_server, org, officer
):
    smtp_server.stop()

    # A complainant files a complaint through the web form: received, receipt shown.
    form_url = reverse("public:complaint-form", args=[org.slug])
    assert client.get(form_url).status_code == 200
    response = client.post(
        form_url,
        {
            "complainant_name": "Marieke Jonker",
            "complainant_email": "marieke@example.org",
            "representation": "self",
            "engagement_description": "Training Timemanagement, maart",
            "concerns": ["performance"],
            "description": "De training begon een uur te laat.",
            "submission_key": "form-key-outage",
        },
        follow=True,
    )
    assert response.status_code == 200
    complaint = Complaint.objects.get()
    assert complaint.reference in response.content.decode()  # the receipt page

    # The officer works on: takes it into handling, extends the term, invites the complainant.
    client.force_login(officer)
    detail = reverse("complaints:detail", args=[complaint.reference])
    assert (
        client.post(reverse("complaints:start-handling", args=[complaint.reference])).status_code
        == 302
    )
    complaint.refresh_from_db()
    response = client.post(
        reverse("complaints:extend-deadline", args=[complaint.reference]),
        {
            "extend-version": complaint.version,
            "extend-new_deadline": (complaint.deadline + timedelta(days=14)).isoformat(),
            "extend-reason_category": "availability",
            "extend-reason": "De trainer is twee weken afwezig.",
            "confirm": "send",  # after the preview of the letter
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.get(detail).status_code == 200

    run_worker()  # every delivery fails and is rescheduled
    messages = list(OutboxMessage.objects.order_by("pk"))
    assert len(messages) >= 3  # acknowledgement, officer's notice, extension letter
    assert {m.status for m in messages} == {DeliveryStatus.PENDING}
    assert all(m.attempts == 1 and m.last_error for m in messages)
    assert smtp_server.messages == []

    smtp_server.start()
    latest_retry = max(m.next_attempt_at for m in messages)
    with clock.frozen(latest_retry + timedelta(seconds=1)):
        call_command("scheduler", "--once", verbosity=0)
        call_command("scheduler", "--once", verbosity=0)
    # The retry tasks fall due later; when the worker runs them, they find the messages sent.
    DBTaskResult.objects.update(run_after=clock.now() - timedelta(seconds=1))
    run_worker()

    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    delivered = Counter(m["Message-ID"] for m in smtp_server.messages)
    assert sorted(delivered) == sorted(m.message_id for m in messages)
    assert set(delivered.values()) == {1}  # exactly once each
