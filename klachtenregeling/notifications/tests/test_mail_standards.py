"""The headers and the text part of outgoing mail (README, "Standards: E-mail"), as received
by a real SMTP server on loopback. (The smtp_server fixture also parses every message
strictly: tests/mail_standards.py.)"""

import pytest
from django.core.management import call_command

from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.handling import services as handling
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.flowed import WIDTH

pytestmark = pytest.mark.django_db(transaction=True)

PROPOSAL = (
    "We bieden u een gratis herhaling van de training aan, op een datum die u zelf kiest, "
    "met een andere trainer. Daarnaast betalen wij de reiskosten van de eerste dag terug, "
    "omdat de training toen een uur te laat begon."
)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def received(smtp_server, complaint) -> dict:
    """The mails of `complaint` as received, by kind (found by their Message-ID)."""
    by_id = {str(mail["Message-ID"]): mail for mail in smtp_server.messages}
    return {m.kind: by_id[m.message_id] for m in complaint.messages.all() if m.message_id in by_id}


def test_sender_and_message_id_are_on_the_domain_of_default_from_email(
    smtp_server, settings, submit, officer
):
    settings.DEFAULT_FROM_EMAIL = "Klachten <klachten@Interactie-Training.nl>"
    complaint = submit()
    run_worker()
    [mail] = smtp_server.to(complaint.complainant_email)
    assert mail["From"] == "Interactie <klachten@Interactie-Training.nl>"
    message_id = str(mail["Message-ID"])
    assert message_id.startswith("<outbox-") and message_id.endswith("@interactie-training.nl>")
    assert "@klachtenregeling>" not in message_id  # what it was: not a domain


@pytest.mark.parametrize(
    ("moment", "date"),
    [
        ("2026-01-15 10:00", "Thu, 15 Jan 2026 10:00:00 +0100"),  # winter time
        ("2026-07-15 10:00", "Wed, 15 Jul 2026 10:00:00 +0200"),  # summer time
    ],
)
def test_date_is_amsterdam_time_with_its_real_offset(
    smtp_server, at, submit, officer, moment, date
):
    with at(moment):
        complaint = submit()
        run_worker()
    [mail] = smtp_server.to(complaint.complainant_email)
    assert mail["Date"] == date  # not "-0000", which says "zone unknown"


def test_text_part_is_format_flowed_with_lines_of_at_most_78_characters(
    smtp_server, settings, submit, officer
):
    settings.SITE_URL = "https://klachten.interactie-training.nl"
    complaint = submit(language="en")
    run_worker()
    [mail] = smtp_server.to(complaint.complainant_email)
    body = mail.get_body(preferencelist=("plain",))
    assert body.get_content_type() == "text/plain"
    assert body.get_param("format") == "flowed"
    lines = body.get_content().splitlines()
    [link] = [line for line in lines if line.startswith(settings.SITE_URL)]
    # Only a link longer than 78 characters may make a longer line: it is never broken.
    assert all(len(line) <= WIDTH for line in lines if line != link)
    assert any(line.endswith(" ") for line in lines)  # paragraphs were broken softly
    # What the reader's client shows is the text the application wrote.
    stored = complaint.messages.get(kind=MessageKind.ACKNOWLEDGEMENT).body_text
    assert smtp_server.text(mail) == stored.replace("\r\n", "\n")
    assert "free of charge" in smtp_server.text(mail)


def test_auto_submitted_on_automatic_mail_not_on_a_proposal_written_by_hand(
    smtp_server, settings, submit, officer
):
    complaint = submit(language="en")
    complaint_services.complaint_start_handling(complaint=complaint, by=officer)
    complaint.refresh_from_db()
    handling.proposal_make(complaint=complaint, text=PROPOSAL, by=officer)
    run_worker()
    mails = received(smtp_server, complaint)

    # Sent by the system on its own: the acknowledgement, the officer's notice.
    assert mails[MessageKind.ACKNOWLEDGEMENT]["Auto-Submitted"] == "auto-generated"
    assert mails[MessageKind.NEW_COMPLAINT]["Auto-Submitted"] == "auto-generated"
    # The officer's own words to the complainant: no Auto-Submitted (RFC 3834), so that an
    # out-of-office reply reaches the officer.
    proposal = mails[MessageKind.PROPOSAL]
    assert proposal["Auto-Submitted"] is None
    assert PROPOSAL in smtp_server.text(proposal)  # whole again after unflowing
    lines = proposal.get_body(("plain",)).get_content().splitlines()
    assert all(len(line) <= WIDTH or line.startswith(settings.SITE_URL) for line in lines)
