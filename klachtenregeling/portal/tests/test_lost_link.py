"""R-7.3 "lost my link": a new personal link to the address on file, revealing nothing."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from klachtenregeling.complaints.constants import Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.notifications import delivery
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.portal.services import links_resend


def url(org) -> str:
    return reverse("portal:lost-link", args=[org.slug])


def run_worker():
    """What `manage.py db_worker` does: the lookup runs in the background (R-7.3)."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def resent() -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(kind=MessageKind.LINK_RESENT).order_by("pk"))


def main_text(response) -> str:
    """The page without its per-request CSRF token."""
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", text)


@pytest.mark.django_db(transaction=True)
def test_r7_3_new_link_goes_to_the_address_on_file_and_opens_the_page(
    client, smtp_server, org, submit, officer
):
    complaint = submit(complainant_email="marieke@example.org")
    response = client.post(url(org), {"email": "  Marieke@Example.ORG "})
    assert response.status_code == 200
    assert "Kijk in je e-mail" in response.content.decode()
    assert resent() == []  # nothing done while the visitor waits
    run_worker()
    [message] = resent()
    assert message.to_email == "marieke@example.org"  # the address on file
    assert message.complaint_id == complaint.pk
    delivery.deliver_due()
    [mail] = [m for m in smtp_server.to("marieke@example.org") if "nieuwe" in m["Subject"]]
    assert complaint.reference in mail["Subject"]
    link = re.search(r"http://testserver(/\S+/open/\?t=\S+)", smtp_server.text(mail)).group(1)
    opened = client.get(link)
    assert opened.status_code == 302
    page = client.get(opened["Location"])
    assert page.status_code == 200
    assert complaint.reference in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_r7_3_the_answer_is_the_same_whether_or_not_a_complaint_exists(client, org, submit):
    submit(complainant_email="marieke@example.org")
    known = client.post(url(org), {"email": "marieke@example.org"})
    unknown = client.post(url(org), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert main_text(known) == main_text(unknown)
    assert resent() == []  # the page answered before anything was looked up
    run_worker()
    assert len(resent()) == 1


def test_r7_3_with_a_reference_only_that_complaint(org, submit):
    first = submit(complainant_email="marieke@example.org")
    second = submit(complainant_email="marieke@example.org")
    assert links_resend(organisation=org, email="marieke@example.org", reference="") == 2
    assert (
        links_resend(
            organisation=org, email="marieke@example.org", reference=second.reference.lower()
        )
        == 1
    )
    assert resent()[-1].complaint_id == second.pk
    # A reference that is not this address's: nothing, and nothing said.
    other = submit(complainant_email="someone@example.org")
    assert (
        links_resend(organisation=org, email="marieke@example.org", reference=other.reference) == 0
    )
    assert first.pk != second.pk


def test_r6_1_never_a_link_to_a_complaint_of_another_organisation(org, other_org, submit):
    submit(organisation=other_org, complainant_email="marieke@example.org")
    assert links_resend(organisation=org, email="marieke@example.org") == 0


def test_r7_3_finished_complaints_only_for_a_year(org, submit):
    complaint = submit(complainant_email="marieke@example.org")
    Complaint.objects.filter(pk=complaint.pk).update(
        status=Status.WITHDRAWN, closed_at=clock.now() - timedelta(days=200)
    )
    assert links_resend(organisation=org, email="marieke@example.org") == 1
    Complaint.objects.filter(pk=complaint.pk).update(closed_at=clock.now() - timedelta(days=400))
    assert links_resend(organisation=org, email="marieke@example.org") == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": ""}, "Dit veld is verplicht"),
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in"),
        (
            {"email": "a@example.org", "reference": "12345"},
            "Een kenmerk ziet eruit als KL-2026-0042",
        ),
    ],
)
def test_bad_input_gets_a_clear_message(client, org, data, message):
    response = client.post(url(org), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert resent() == []


@pytest.mark.django_db(transaction=True)
def test_lost_link_form_is_rate_limited_per_address(client, org, submit):
    submit(complainant_email="marieke@example.org")
    for _ in range(3):
        assert client.post(url(org), {"email": "marieke@example.org"}).status_code == 200
    response = client.post(url(org), {"email": "MARIEKE@example.org"})
    assert response.status_code == 429
    run_worker()
    assert len(resent()) == 3


def test_invalid_link_page_offers_a_new_link(client, org):
    response = client.get(reverse("portal:enter", args=[org.slug]) + "?t=niet-geldig")
    assert response.status_code == 404
    assert url(org) in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_r6_1_the_address_asked_for_is_not_kept_in_the_task_queue(client, org, submit, officer):
    """The lost-link lookup carries the address typed in as its argument; the scheduler's
    housekeeping removes finished task results after a day (failed ones after a week)."""
    submit(complainant_email="marieke@example.org")
    client.post(url(org), {"email": "marieke@example.org"})
    client.post(url(org), {"email": "iemand@example.org"})
    run_worker()
    results = DBTaskResult.objects.filter(task_path__endswith="resend_links")
    assert results.count() == 2
    assert "marieke@example.org" in str(results.values_list("args_kwargs", flat=True))
    old, recent = list(results.order_by("enqueued_at"))
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    DBTaskResult.objects.filter(pk=old.pk).update(finished_at=two_days_ago)
    call_command("scheduler", "--once", verbosity=0)
    assert list(results.values_list("pk", flat=True)) == [recent.pk]
