"""R-5.5 on the officer's dossier page: the extension form says what is wrong next to the
field and stores nothing; the page says how the term went (from the dossier's events);
a message that could not be delivered is shown at the top (issue: reliable delivery)."""

from datetime import date

import pytest
from django.urls import reverse

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.handling.tests import steps
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import DeliveryStatus
from klachtenregeling.notifications.tests.outage import fail_for_good


def detail(complaint) -> str:
    return reverse("complaints:detail", args=[complaint.reference])


def extend(client, complaint, new_deadline: str, reason: str, category: str = "hearing"):
    return client.post(
        reverse("complaints:extend-deadline", args=[complaint.reference]),
        {
            "extend-version": complaint.version,
            "extend-new_deadline": new_deadline,
            "extend-reason_category": category,
            "extend-reason": reason,
            "confirm": "send",  # after the preview of the letter
        },
    )


def term(response) -> str:
    page = response.content.decode()
    start = page.index("data-term-outcome=")
    return page[page.index(">", start) + 1 : page.index("</dd>", start)]


@pytest.mark.parametrize(
    ("new_deadline", "reason", "message"),
    [
        ("2026-03-20", "", "Geef de redenen voor de verlenging (minstens"),
        ("2026-03-01", "De trainer is ziek.", "De nieuwe datum kan niet in het verleden liggen."),
        ("2026-03-25", "De trainer is ziek.", "De nieuwe datum moet na de huidige termijn"),
        ("", "De trainer is ziek.", "Kies de nieuwe datum voor het oordeel."),
    ],
)
def test_r5_5_extension_form_says_what_is_wrong_and_stores_nothing(
    client, officer, submit, at, new_deadline, reason, message
):
    with at("2026-03-02 10:00"):
        complaint = steps.start(submit(), officer)  # deadline: 30 March
        client.force_login(officer)
        response = extend(client, complaint, new_deadline, reason)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'aria-describedby="id_extend-' in page  # the message is tied to its field
    stored = Complaint.objects.get(pk=complaint.pk)
    assert stored.deadline == stored.original_deadline == date(2026, 3, 30)
    assert not stored.extensions.exists()


def test_r5_5_extension_form_asks_for_the_kind_of_reason(client, officer, submit, at):
    with at("2026-03-02 10:00"):
        complaint = steps.start(submit(), officer)
        client.force_login(officer)
        for category in ("", "bored"):
            response = extend(client, complaint, "2026-04-20", "De trainer is ziek.", category)
            assert response.status_code == 400
            assert 'id="id_extend-reason_category_error"' in response.content.decode()
        assert not Complaint.objects.get(pk=complaint.pk).extensions.exists()
        response = extend(client, complaint, "2026-04-20", "De trainer is ziek.", "availability")
        assert response.status_code == 302
    [extension] = Complaint.objects.get(pk=complaint.pk).extensions.all()
    assert extension.reason_category == "availability"


def test_r5_5_the_dossier_says_how_the_term_went(client, officer, submit, at):
    with at("2026-03-02 10:00"):
        complaint = steps.start(submit(), officer)
        client.force_login(officer)
        assert term(client.get(detail(complaint))) == "nog niet beslist, termijn loopt"
    with at("2026-03-31 09:00"):
        assert term(client.get(detail(complaint))) == "nog niet beslist, termijn verstreken"
    with at("2026-03-20 10:00"):
        response = extend(client, complaint, "2026-04-20", "We wachten op een getuige.")
        assert response.status_code == 302
    with at("2026-04-10 10:00"):
        complaint = steps.hear_both(steps.fresh(complaint), officer)
        steps.judge(complaint, officer)
        assert term(client.get(detail(complaint))) == "beslist binnen een verlengde termijn"


def test_a_message_that_failed_for_good_is_shown_to_the_officer(
    client, smtp_server, officer, submit
):
    smtp_server.stop()
    complaint = submit(complainant_email="marieke@example.org")
    message = complaint.messages.get(kind=MessageKind.ACKNOWLEDGEMENT)
    fail_for_good(message)
    assert message.status == DeliveryStatus.FAILED
    client.force_login(officer)
    page = client.get(detail(complaint)).content.decode()
    alert = page[page.index('role="alert"') : page.index("</div>", page.index('role="alert"'))]
    assert "kon niet worden bezorgd" in alert
    assert "marieke@example.org" in alert
