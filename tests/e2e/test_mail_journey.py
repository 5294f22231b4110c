"""The journey by e-mail in a real browser and a real mailbox: the complainant answers the
acknowledgement from their mail program, the answer arrives in the organisation's IMAP
mailbox (Dovecot on loopback), the scheduled fetch threads it into the dossier, and the
officer reads it there (issue 18)."""

from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.inbound.models import Mailbox
from klachtenregeling.notifications.delivery import deliver_due
from tests.dovecot import Dovecot
from tests.e2e.login import log_in
from tests.e2e.test_complaint_journey import EMAIL, NAME, file_complaint

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANSWER = "Aanvulling: de trainer kwam pas om 10.15 uur, en de handouts ontbraken."


@pytest.fixture
def dovecot():
    server = Dovecot().start()
    yield server
    server.stop()


@pytest.fixture
def pdf_file(tmp_path):
    from tests import samples

    path = tmp_path / "verslag-training.pdf"
    path.write_bytes(samples.pdf())
    return path


def test_complainant_replies_by_mail_and_officer_sees_it_in_the_dossier(
    new_page,
    browser_problems,
    screenshot,
    live_server,
    smtp_server,
    dovecot,
    org,
    officer,
    staff_member,
    engagement,
    pdf_file,
):
    Mailbox.objects.create(
        organisation=org,
        address="klachten@interactie.nl",
        host=dovecot.host,
        port=dovecot.port,
        security="none",
        username=dovecot.user,
        secret=dovecot.password,
    )
    file_complaint(new_page(), live_server, org, respondent=staff_member, attachment=pdf_file)
    reference = Complaint.objects.get().reference
    deliver_due()
    (acknowledgement,) = smtp_server.to(EMAIL)
    assert acknowledgement["Reply-To"].startswith(f"klachten+{reference}.")

    # The complainant presses "reply" in their mail program.
    reply = EmailMessage()
    reply["From"] = f"{NAME} <{EMAIL}>"
    reply["To"] = acknowledgement["Reply-To"]
    reply["Subject"] = f"Re: {acknowledgement['Subject']}"
    reply["Date"] = format_datetime(timezone.now())
    reply["Message-ID"] = "<antwoord-1@example.org>"
    reply["In-Reply-To"] = acknowledgement["Message-ID"]
    reply["References"] = acknowledgement["Message-ID"]
    reply.set_content(f"{ANSWER}\n\n> {smtp_server.text(acknowledgement).splitlines()[0]}\n")
    dovecot.append(reply.as_bytes())

    call_command("fetch_mail")  # what the scheduled task runs every minute
    assert dovecot.count("INBOX") == 0
    deliver_due()
    assert any("dossier" in m["Subject"] for m in smtp_server.to(officer.email))

    page = new_page()
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}/werk/klachten/{reference}/")
    timeline = page.locator("#dossier-heading + ol.timeline")
    expect(timeline).to_contain_text(EMAIL)
    expect(timeline.locator(".note", has_text="de trainer kwam pas om 10.15 uur")).to_have_count(1)
    screenshot(page, "mail-reply-in-dossier")
    assert browser_problems.dialogs == []
