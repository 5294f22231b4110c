"""R-1.3: every message and page addressed to a representative names the client."""

from datetime import date

from django.urls import reverse

from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.handling.tests import steps
from klachtenregeling.notifications.compose import compose
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage

CLIENT = "Stichting De Brug"


def _messages(complaint, kind=None):
    """The complaint's messages as sent: the worker composes a new complaint's (issue 19)."""
    stored = OutboxMessage.objects.filter(complaint=complaint)
    return [compose(m.pk) for m in (stored.filter(kind=kind) if kind else stored)]


def test_r1_3_mails_to_a_representative_name_the_client(at, submit, officer):
    with at("2026-03-02 10:00"):
        complaint = steps.start(submit(is_representative=True, on_behalf_of=CLIENT), officer)
        complaint_services.complaint_extend_deadline(
            complaint=steps.fresh(complaint),
            new_deadline=date(2026, 4, 13),
            reason="We wachten op een getuige.",
            by=officer,
        )
    for kind in (MessageKind.ACKNOWLEDGEMENT, MessageKind.DEADLINE_EXTENDED):
        [message] = _messages(complaint, kind)
        assert message.body_text.startswith(f"Betreft: je klacht namens {CLIENT}\n\n"), kind
        assert f"<p><strong>Betreft: je klacht namens {CLIENT}</strong></p>" in message.body_html
    # Staff are not addressed as the representative.
    staff = [m for m in _messages(complaint) if m.to_email != complaint.complainant_email]
    assert staff
    for message in staff:
        assert "Betreft: je klacht namens" not in message.body_text


def test_r1_3_a_complainant_for_themselves_gets_no_such_line(at, submit, officer):
    complaint = submit()
    [message] = _messages(complaint, MessageKind.ACKNOWLEDGEMENT)
    assert complaint.reference in message.body_text
    assert "namens" not in message.body_text


def test_r1_3_the_receipt_and_the_status_page_name_the_client(client, org, officer):
    from klachtenregeling.complaints.tests.views.test_public_form import FORM, valid
    from klachtenregeling.portal import tokens

    response = client.post(
        FORM, valid(representation="representative", on_behalf_of=CLIENT), follow=True
    )
    assert f"<dt>Namens</dt><dd>{CLIENT}</dd>" in response.content.decode()
    complaint = OutboxMessage.objects.get(kind=MessageKind.ACKNOWLEDGEMENT).complaint
    token = tokens.issue(complaint, purpose="test")
    entered = client.get(reverse("portal:enter", args=[org.slug]) + f"?t={token}", follow=True)
    assert f"<dt>Namens</dt><dd>{CLIENT}</dd>" in entered.content.decode()
