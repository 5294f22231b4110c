"""The complaint's journey in a real browser: the client files it, the officer opens the dossier.

Elements are found by id, name and attributes, never by visible UI text (the Dutch
translation is still being written); text assertions are on data: references, names,
addresses, dates.
"""

import re
from datetime import timedelta

import pytest
from django.utils import formats, timezone, translation
from playwright.sync_api import expect

from klachtenregeling.complaints.constants import Concern
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.notifications.delivery import deliver_due
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.retention.files import read_plaintext
from tests import samples
from tests.e2e.login import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NAME = "Marieke Jonker"
EMAIL = "marieke@example.org"
SCRIPT = "<script>alert(1)</script>"
DESCRIPTION = f"De trainer kwam een uur te laat en zei daarna {SCRIPT} tegen de groep."
CONCERNS = (Concern.PERFORMANCE, Concern.CONDUCT)


def form_url(live_server, org) -> str:
    return f"{live_server.url}/{org.slug}/klacht/"


def fill_complaint(page, *, respondent, attachment, description: str = DESCRIPTION) -> None:
    """Fill the public complaint form as a client would (page already on the form)."""
    form = page.locator("form[data-complaint-form]")
    form.locator("#id_complainant_name").fill(NAME)
    form.locator("#id_complainant_email").fill(EMAIL)
    form.locator('input[name="representation"][value="self"]').check()
    form.locator("#id_engagement_reference").fill("OPD-2026-001")
    for concern in CONCERNS:
        form.locator(f'input[name="concerns"][value="{concern.value}"]').check()
    form.locator("#id_respondent_id").select_option(value=str(respondent.pk))
    form.locator("#id_description").fill(description)
    form.locator("#id_attachments").set_input_files(str(attachment))


def submit_complaint_form(page) -> None:
    page.locator("form[data-complaint-form] button[type=submit]").click()


def file_complaint(page, live_server, org, *, respondent, attachment) -> None:
    page.goto(form_url(live_server, org))
    fill_complaint(page, respondent=respondent, attachment=attachment)
    submit_complaint_form(page)
    page.wait_for_url(f"**/{org.slug}/klacht/ontvangen/")


@pytest.fixture
def pdf_file(tmp_path):
    path = tmp_path / "verslag-training.pdf"
    path.write_bytes(samples.pdf())
    return path


def test_client_files_complaint_with_attachment_and_gets_receipt(
    page,
    browser_problems,
    screenshot,
    live_server,
    smtp_server,
    org,
    officer,
    staff_member,
    engagement,
    pdf_file,
):
    page.goto(form_url(live_server, org))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    fill_complaint(page, respondent=staff_member, attachment=pdf_file)
    screenshot(page, "01-complaint-form")

    submit_complaint_form(page)
    page.wait_for_url(f"**/{org.slug}/klacht/ontvangen/")

    # What was stored is what the client entered.
    complaint = Complaint.objects.get()
    received_on = timezone.localtime(complaint.received_at).date()
    reference = f"KL-{received_on.year}-0001"
    assert complaint.reference == reference
    assert complaint.organisation == org
    assert complaint.complainant_name == NAME
    assert complaint.complainant_email == EMAIL
    assert not complaint.is_representative
    assert complaint.engagement == engagement
    assert complaint.respondent == staff_member
    assert complaint.description == DESCRIPTION
    assert set(complaint.concerns.values_list("concern", flat=True)) == {c.value for c in CONCERNS}
    assert complaint.assigned_officer == officer
    # the judgment is due 28 days after the day of receipt.
    assert complaint.deadline == received_on + timedelta(days=org.term_days)
    (attachment,) = complaint.attachments.all()
    assert attachment.filename == pdf_file.name
    assert read_plaintext(attachment) == samples.pdf()

    # The receipt shows the reference, the deadline (in Dutch) and the client's address.
    expect(page.locator(".receipt-reference")).to_have_text(reference)
    with translation.override("nl"):
        deadline = formats.date_format(complaint.deadline, "l j F Y")
    main = page.locator("main")
    expect(main).to_contain_text(deadline)
    expect(main).to_contain_text(EMAIL)
    expect(main).not_to_contain_text("alert(1)")  # the complaint's text is not echoed here
    screenshot(page, "02-receipt")

    # The worker's job: deliver what the outbox holds, over real SMTP.
    assert smtp_server.messages == []
    delivered = deliver_due()
    assert delivered == OutboxMessage.objects.count() >= 2
    (acknowledgement,) = smtp_server.to(EMAIL)
    assert acknowledgement["X-Envelope-To"] == EMAIL
    assert reference in acknowledgement["Subject"]
    text = smtp_server.text(acknowledgement)
    assert reference in text
    assert deadline in text
    assert org.disputes_body_name == "De Geschillencommissie"
    assert "De Geschillencommissie" in text
    assert "De Geschillencommissie" in smtp_server.html(acknowledgement)
    (to_officer,) = smtp_server.to(officer.email)
    assert reference in to_officer["Subject"]
    # The complaint's own text stays in the dossier: it is in no e-mail.
    assert all("alert(1)" not in m.as_string() for m in smtp_server.messages)

    assert browser_problems.dialogs == []


def test_officer_sees_new_complaint_on_dashboard_and_opens_dossier(
    new_page,
    browser_problems,
    screenshot,
    live_server,
    org,
    officer,
    staff_member,
    engagement,
    pdf_file,
):
    client_page = new_page()
    file_complaint(client_page, live_server, org, respondent=staff_member, attachment=pdf_file)
    reference = Complaint.objects.get().reference

    page = new_page()  # the officer, in a browser context of their own
    log_in(page, live_server, officer)  # password, then the code from the app
    page.wait_for_url("**/werk/klachten/")

    dossier_link = f'a[href="/werk/klachten/{reference}/"]'
    link = page.locator(f"#results {dossier_link}")
    expect(link).to_have_text(reference)
    row = page.locator("#results tbody tr", has=page.locator(dossier_link))
    expect(row).to_contain_text(NAME)
    screenshot(page, "04-dashboard")

    link.click()
    page.wait_for_url(f"**/werk/klachten/{reference}/")
    expect(page.locator("h1")).to_contain_text(reference)
    # The description is shown as text: the <script> is visible, escaped, and never runs.
    expect(page.locator("main p.prose").first).to_have_text(DESCRIPTION)
    expect(page.locator("main script")).to_have_count(0)
    main = page.locator("main")
    expect(main).to_contain_text(EMAIL)
    expect(main).to_contain_text(engagement.reference)
    expect(main).to_contain_text(staff_member.display_name)
    screenshot(page, "05-dossier")

    attachment_link = page.locator(f'main a[href^="/werk/klachten/{reference}/bijlagen/"]')
    expect(attachment_link).to_have_text(pdf_file.name)
    with page.expect_download() as download_info:
        attachment_link.click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename == pdf_file.name
    with open(download.path(), "rb") as downloaded:  # noqa: PTH123 - Playwright returns a path
        assert downloaded.read() == pdf_file.read_bytes()

    assert browser_problems.dialogs == []


def test_form_errors_are_shown_next_to_fields_and_nothing_is_stored(
    page, browser_problems, screenshot, live_server, org, officer
):
    page.goto(form_url(live_server, org))
    form = page.locator("form[data-complaint-form]")
    form.locator("#id_complainant_name").fill(NAME)
    form.locator("#id_complainant_email").fill("marieke-at-example.org")
    form.locator("#id_engagement_description").fill("Training Timemanagement, maart")
    form.locator("#id_description").fill("De training begon een uur te laat.")
    submit_complaint_form(page)

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # app.js moves focus to the summary
    expect(summary.locator("li")).to_have_count(2)  # exactly the two mistakes
    expect(summary.locator('a[href="#id_complainant_email"]')).to_have_count(1)
    expect(summary.locator('a[href="#id_concerns"]')).to_have_count(1)

    email_errors = page.locator("#id_complainant_email_error")
    expect(email_errors).to_have_class("errorlist")
    expect(email_errors).to_be_visible()
    email_input = page.locator("#id_complainant_email")
    expect(email_input).to_have_attribute("aria-invalid", "true")
    expect(email_input).to_have_attribute("aria-describedby", _contains_id(email_errors))
    expect(email_input).to_have_value("marieke-at-example.org")  # kept for correction

    concern_errors = page.locator("#id_concerns_error")
    expect(concern_errors).to_have_class("errorlist")
    expect(concern_errors).to_be_visible()
    concerns_fieldset = page.locator("fieldset", has=page.locator('input[name="concerns"]'))
    expect(concerns_fieldset).to_have_attribute("aria-describedby", _contains_id(concern_errors))

    # Fields without errors are not marked.
    expect(page.locator("#id_complainant_name")).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_complainant_name")).to_have_value(NAME)
    screenshot(page, "06-form-errors")

    assert not Complaint.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert browser_problems.dialogs == []


def _contains_id(locator):
    """A pattern matching an aria-describedby list that names the element's id."""
    element_id = locator.get_attribute("id")
    return re.compile(rf"(^|\s){re.escape(element_id)}(\s|$)")


def test_language_switch_to_english(page, screenshot, live_server, org):
    page.goto(form_url(live_server, org))
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.locator('form.language-switch button[value="en"]').click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url == form_url(live_server, org)  # back on the same page
    expect(page.locator("#id_complainant_name")).to_be_visible()
    expect(page.locator('form.language-switch button[value="nl"]')).to_be_visible()
    expect(page.locator('form.language-switch button[value="en"]')).to_have_count(0)
    screenshot(page, "07-language-en")

    # The choice sticks for the next page.
    page.goto(f"{live_server.url}/inloggen/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
