"""The whole journey in a real browser, with real mail: from the published regulation to a
signed resolution (R-4.1, R-7.3, R-5.2, R-5.6, R-5.7), and a declined judgment that leads
to the disputes body (R-4.3).

Everything is real: Chromium against `live_server`, an SMTP server on loopback, and the
background worker (`manage.py db_worker --batch`) that delivers the outbox between steps.
The complainant follows the personal links in the mails they receive (SITE_URL points at
the live server); the person complained about follows the link in theirs and logs in.
Buttons and fields are found by their Dutch accessible names
(locale/nl/LC_MESSAGES/django.po). Each step is a screenshot in artifacts/e2e/; the main
pages are the README's pictures (docs/screenshots/, rewritten with UPDATE_SCREENSHOTS=1).
"""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.services import complaint_start_handling
from klachtenregeling.core import clock
from klachtenregeling.organisations import services as list_services
from tests import samples
from tests.e2e.login import log_in
from tests.e2e.test_complaint_journey import EMAIL, NAME, fill_complaint, submit_complaint_form
from tests.factories import EngagementFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


class ComplainantPostRefused(AssertionError):
    """The complainant's page refused one of its own forms (a CSRF or Origin check)."""


COMPLAINANT_ACCOUNT = "Klaagster belde: de training begon een uur te laat, zonder uitleg."
RESPONDENT_ACCOUNT = "De trainer schreef: de trein viel uit; de groep is niet ingelicht."
REASONING = "De training begon te laat en de groep is niet tijdig ingelicht."
RECOMMENDATIONS = ("Bel de groep bij vertraging.", "Plan een reservetrainer in.")
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def site(settings, live_server):
    """Links in mails point at the live server, as they point at SITE_URL in production."""
    settings.SITE_URL = live_server.url
    return live_server.url


class Mail:
    """The mail that reaches the SMTP server, delivered by the real background worker."""

    def __init__(self, smtp_server, site_url: str):
        self.smtp_server = smtp_server
        self.site_url = site_url

    def deliver(self) -> None:
        """What `manage.py db_worker` does beside the web server: empty the outbox."""
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    def latest(self, address: str, *, subject: str):
        """The newest mail to `address` whose subject contains `subject`."""
        found = [m for m in self.smtp_server.to(address) if subject in m["Subject"]]
        assert found, (address, subject, [m["Subject"] for m in self.smtp_server.to(address)])
        return found[-1]

    def link(self, address: str, *, subject: str) -> str:
        """The one link into this site in the newest such mail (text and HTML part agree)."""
        mail = self.latest(address, subject=subject)
        links = set(re.findall(rf"{re.escape(self.site_url)}/\S+", self.smtp_server.text(mail)))
        assert len(links) == 1, links
        (url,) = links
        assert f'href="{url}"' in self.smtp_server.html(mail)
        return url


@pytest.fixture
def mail(smtp_server, site):
    return Mail(smtp_server, site)


def post_and_check(page, button: str) -> None:
    """Click a submit button on the complainant's page; the POST must not be refused."""
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name=button).click()
    response = posted.value
    if response.status == 403:
        raise ComplainantPostRefused(
            f"POST {response.url} -> 403 (Origin: {response.request.headers.get('origin')!r})"
        )
    assert response.status == 302, response.status


def follow_mail_link(new_page, url: str, org):
    """The complainant opens the personal link from a mail, in a browser of their own."""
    page = new_page()
    page.goto(url)
    page.wait_for_url(f"**/{org.slug}/mijn-klacht/")
    assert url.split("?t=")[1] not in page.url  # exchanged for a session, dropped from the address
    return page


def expect_message(page, text: str) -> None:
    expect(page.locator(".messages")).to_contain_text(text)


def status_badge(page):
    return page.locator("main .badge").first


def details(page, summary: str):
    """A folded <details> step of the officer's panel, opened."""
    section = page.locator("details", has=page.locator("summary", has_text=summary))
    if section.get_attribute("open") is None:
        section.locator("summary").click()
    expect(section).to_have_attribute("open", "")
    return section


def pdf_text(download) -> str:
    assert download.failure() is None
    with open(download.path(), "rb") as downloaded:  # noqa: PTH123 - Playwright returns a path
        content = downloaded.read()
    assert content.startswith(b"%PDF-")
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(content)).pages)


def inform_respondent(page, staff_member) -> None:
    """R-5.2: the officer informs the person complained about (the status stays)."""
    page.get_by_role(
        "button", name=f"{staff_member.display_name} over de klacht informeren"
    ).click()
    expect_message(page, "Degene over wie is geklaagd is geïnformeerd.")
    steps = page.locator("#procedure-heading ~ ol.steps")
    expect(steps).to_contain_text(f"{staff_member.display_name} geïnformeerd op")
    expect(status_badge(page)).to_have_text("in behandeling")  # the first account starts it


def invite(page, party: str) -> None:
    """R-5.2: invite a side to give their account (by the date the form proposes)."""
    step = details(page, "Uitnodigen om te reageren")
    step.get_by_label("Partij").select_option(label=party)
    step.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator("#procedure-heading ~ ol.steps")).to_contain_text(
        f"{party} uitgenodigd, reageren vóór"
    )


def record_accounts(page) -> None:
    """R-5.2: the officer records both accounts, given by phone."""
    for party, text in (
        ("klager", COMPLAINANT_ACCOUNT),
        ("degene over wie is geklaagd", RESPONDENT_ACCOUNT),
    ):
        step = details(page, "Een telefonische of schriftelijke reactie vastleggen")
        step.get_by_label("Partij").select_option(label=party)
        step.get_by_label("Gegeven").select_option(
            label="telefonisch, vastgelegd door de klachtenfunctionaris"
        )
        step.get_by_label("Reactie").fill(text)
        step.get_by_role("button", name="Toevoegen aan het dossier").click()
        expect_message(page, "De reactie is aan het dossier toegevoegd.")
        expect(page.locator("#procedure-heading ~ div.statement").last).to_contain_text(text)


@pytest.fixture(autouse=True)
def subjects(org, officer):
    """R-8.1: the organisation's list of subjects (managed on werk/registratie/)."""
    for name in ("Planning", "Trainer"):
        list_services.subject_add(organisation=org, name=name, by=officer)


def register_subject(page) -> None:
    """R-8.1: the officer registers the complaint's subject in the Subjects box; until then
    the judgment step says so (with a link to the box)."""
    step = details(page, "Oordeel schrijven")
    expect(step.locator('[data-hint="subjects-first"] a[href="#subjects"]')).to_have_count(1)
    box = page.locator("#subjects")
    box.get_by_label("Planning").check()
    box.get_by_role("button", name="Onderwerpen opslaan").click()
    expect_message(page, "Onderwerpen opgeslagen.")


def send_judgment(page, screenshot, prefix: str) -> None:
    """R-5.6: the judgment, with two recommendations, as a PDF letter (R-8.1: the subject
    is registered first)."""
    register_subject(page)
    expect(page.locator("div.statement")).to_have_count(2)
    expect(status_badge(page)).to_have_text("hoor en wederhoor")
    step = details(page, "Oordeel schrijven")
    expect(step.locator(".message--warning")).to_have_count(0)  # both sides were heard
    step.get_by_label("deels gegrond").check()
    step.get_by_label("Motivering").fill(REASONING)
    step.get_by_label("Aanbevelingen").fill("\n".join(RECOMMENDATIONS))
    screenshot(page, f"{prefix}-judgment-form")
    step.get_by_role("button", name="Bekijk de brief").click()
    # Issue 17 item 2: the letters as they will be sent, with who receives them.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bekijk het oordeel voordat je het verstuurt"
    )
    expect(page.locator("img.letter-page").first).to_be_visible()
    screenshot(page, f"{prefix}-judgment-preview")
    page.get_by_role("button", name="Verstuur het oordeel").click()
    expect_message(page, "Het oordeel is verstuurd.")
    expect(status_badge(page)).to_have_text("oordeel verstuurd")
    expect(page.locator("#procedure-heading ~ ol.steps")).to_contain_text("deels gegrond")
    screenshot(page, f"{prefix}-judgment-sent")


DESCRIPTION = (
    "De training Timemanagement op 12 maart begon een uur te laat. De trainer liet niets "
    "weten en de groep heeft in de gang gewacht. Het middagprogramma is daardoor ingekort."
)


@pytest.fixture
def engagement(org):
    """The training the complaint is about, by its number on the order confirmation."""
    return EngagementFactory(
        organisation=org,
        reference="OPD-2026-001",
        title="Training Timemanagement, maart 2026",
        client__name="Gemeente Amersfoort",
    )


@pytest.fixture
def people(officer, staff_member):
    """Full names that stay the same from run to run (the README's pictures); set before the
    regulation, which names the officer, is published."""
    for user, last_name in ((officer, "de Vries"), (staff_member, "Bakker")):
        user.last_name = last_name
        user.save(update_fields=["last_name"])


@pytest.fixture
def other_work(submit, officer):
    """The officer's other complaints: one long overdue, one new (the dashboard has rows)."""
    with clock.frozen(clock.now() - timedelta(days=40)):
        overdue = submit(complainant_name="Joost Mulder", complainant_email="joost@example.org")
        complaint_start_handling(complaint=overdue, by=officer)
    return [overdue, submit(complainant_name="Eva de Graaf", complainant_email="eva@example.org")]


def test_journey_from_the_regulation_to_a_signed_resolution(
    new_page,
    browser_problems,
    screenshot,
    tmp_path,
    mail,
    live_server,
    org,
    people,
    published,
    officer,
    staff_member,
    engagement,
    other_work,
):
    # (a) The client reads the regulation, downloads it, and files a complaint.
    client = new_page()
    client.goto(f"{live_server.url}/{org.slug}/")
    expect(client.get_by_role("heading", level=1)).to_have_text(f"Klachten over {org.name}")
    screenshot(client, "journey-01-front-page", readme="front-page")
    client.get_by_role("link", name="Lees de klachtenregeling").click()
    expect(client.get_by_role("heading", level=1)).to_have_text("Klachtenregeling")
    expect(client.locator("main")).to_contain_text(org.disputes_body_name)
    screenshot(client, "journey-02-regulation", readme="regulation")
    with client.expect_download() as download_info:
        client.locator(".version-meta").get_by_role("link", name="Downloaden (pdf)").click()
    text = pdf_text(download_info.value)
    assert org.name in text
    assert f"Versie {published.number}, gepubliceerd op" in text
    assert org.disputes_body_name in text

    client.get_by_role("link", name="klachtformulier").click()
    expect(client.get_by_role("heading", level=1)).to_have_text("Klacht indienen")
    attachment = tmp_path / "verslag-training.pdf"
    attachment.write_bytes(samples.pdf())
    fill_complaint(client, respondent=staff_member, attachment=attachment, description=DESCRIPTION)
    screenshot(client, "journey-03-complaint-form", readme="complaint-form")
    submit_complaint_form(client)
    client.wait_for_url(f"**/{org.slug}/klacht/ontvangen/")
    reference = client.locator(".receipt-reference").inner_text()
    complaint = Complaint.objects.get(reference=reference)
    assert complaint.attachments.get().filename == attachment.name
    screenshot(client, "journey-04-receipt")

    # The acknowledgement arrives; its personal link opens the complainant's page.
    mail.deliver()
    acknowledgement = mail.latest(EMAIL, subject=reference)
    assert reference in mail.smtp_server.text(acknowledgement)
    complainant = follow_mail_link(new_page, mail.link(EMAIL, subject=reference), org)
    expect(complainant.locator("h1")).to_have_text(f"Je klacht {reference}")
    expect(status_badge(complainant)).to_have_text("ontvangen")
    screenshot(complainant, "journey-05-status-from-the-mail")

    # (b) The officer logs in (password and app code), takes it up, informs, invites both.
    officer_page = new_page()
    log_in(officer_page, live_server, officer)
    officer_page.wait_for_url("**/werk/klachten/")
    expect(officer_page.locator("#results tr.overdue")).to_have_count(1)  # the other work
    row = officer_page.locator("#results tbody tr", has_text=reference)
    expect(row).to_contain_text(NAME)
    screenshot(officer_page, "journey-06-dashboard", readme="dashboard")
    row.get_by_role("link", name=reference).click()
    officer_page.get_by_role("button", name="In behandeling nemen").click()
    expect(status_badge(officer_page)).to_have_text("in behandeling")
    inform_respondent(officer_page, staff_member)
    invite(officer_page, "klager")
    invite(officer_page, "degene over wie is geklaagd")
    screenshot(officer_page, "journey-07-both-invited")

    # The person complained about follows the link in their mail, logs in, gives an account.
    mail.deliver()
    respondent = new_page()
    log_in(
        respondent, live_server, staff_member, via=mail.link(staff_member.email, subject=reference)
    )
    expect(respondent.locator("main")).to_contain_text("We vragen je om uiterlijk")
    respondent.get_by_label("Jouw reactie").fill(RESPONDENT_ACCOUNT)
    respondent.get_by_role("button", name="Mijn reactie geven").click()
    expect(respondent.locator("div.statement")).to_contain_text(RESPONDENT_ACCOUNT)
    screenshot(respondent, "journey-08-respondent-gave-account")

    # The complainant follows the link in the invitation and gives theirs.
    complainant = follow_mail_link(new_page, mail.link(EMAIL, subject=reference), org)
    expect(status_badge(complainant)).to_have_text("hoor en wederhoor")
    complainant.get_by_role("link", name="Geef je reactie").click()
    complainant.get_by_role("textbox", name="Jouw reactie").fill(COMPLAINANT_ACCOUNT)
    post_and_check(complainant, "Mijn reactie versturen")
    expect(complainant.locator(".messages")).to_contain_text("Dank je")
    expect(complainant.locator("div.statement")).to_contain_text(COMPLAINANT_ACCOUNT)
    screenshot(complainant, "journey-09-complainant-gave-account", readme="status-page")
    complainant.set_viewport_size(PHONE)
    assert complainant.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(complainant, "journey-09-complainant-on-a-phone", readme="status-page-phone")
    complainant.set_viewport_size(DESKTOP)

    # Both accounts are in the dossier: the officer sends the judgment.
    officer_page.reload()
    statements = officer_page.locator("div.statement")
    expect(statements.filter(has_text=RESPONDENT_ACCOUNT)).to_contain_text("ingelogd")
    expect(statements.filter(has_text=COMPLAINANT_ACCOUNT)).to_contain_text(
        "via de persoonlijke link"
    )
    screenshot(officer_page, "journey-10-dossier", readme="dossier")
    send_judgment(officer_page, screenshot, "journey-11")

    # The complainant reads it through the link in the judgment mail, accepts and signs.
    mail.deliver()
    judgment_mail = mail.latest(EMAIL, subject=reference)
    assert any(part.get_filename() for part in judgment_mail.iter_attachments())  # the letter
    complainant = follow_mail_link(new_page, mail.link(EMAIL, subject=reference), org)
    expect(status_badge(complainant)).to_have_text("oordeel verstuurd")
    judgment = complainant.locator("article.judgment")
    expect(judgment).to_contain_text("deels gegrond")
    expect(judgment).to_contain_text(REASONING)
    expect(judgment.locator("ol li")).to_have_text(list(RECOMMENDATIONS))
    screenshot(complainant, "journey-12-complainant-reads-judgment")
    post_and_check(complainant, "Ik aanvaard en onderteken")
    expect(complainant.get_by_role("button", name="Ik aanvaard en onderteken")).to_have_count(0)
    expect(complainant.locator("main")).to_contain_text("Jouw reactie: aanvaard")

    # the officer signs the exact version, then the person complained about.
    officer_page.reload()
    officer_page.get_by_role("button", name="Versie 1 van het oordeel ondertekenen").click()
    expect_message(officer_page, "Je hebt het oordeel ondertekend.")
    expect(status_badge(officer_page)).to_have_text("oordeel verstuurd")  # one signer to go
    respondent.reload()
    respondent.get_by_role("button", name="Oordeel ondertekenen").click()
    expect_message(respondent, "Je hebt het oordeel ondertekend.")
    expect(status_badge(respondent)).to_have_text("opgelost")
    screenshot(respondent, "journey-13-respondent-signed")

    # Resolved: the complainant sees it and downloads the signed judgment.
    mail.deliver()
    assert mail.latest(EMAIL, subject=reference) is not judgment_mail  # the signed letter
    complainant.reload()
    expect(status_badge(complainant)).to_have_text("opgelost")
    signed = complainant.get_by_role("link", name=re.compile(r"ondertekend\.pdf$"))
    expect(signed).to_have_text(f"{reference}-oordeel-v1-ondertekend.pdf")
    screenshot(complainant, "journey-14-complainant-resolved")
    with complainant.expect_download() as download_info:
        signed.click()
    text = pdf_text(download_info.value)
    assert reference in text
    for signer in (NAME, officer.display_name, staff_member.display_name):
        assert signer in text, signer
    judgment = Complaint.objects.get(pk=complaint.pk).judgments.get()
    assert judgment.text_sha256 in text.replace("\n", "")
    assert Complaint.objects.get(pk=complaint.pk).status == "resolved"
    assert browser_problems.dialogs == []


@pytest.fixture
def complaint_in_handling(submit, officer, staff_member):
    complaint = submit(respondent_id=staff_member.pk)
    return complaint_start_handling(complaint=complaint, by=officer)


def test_r4_3_declined_judgment_shows_the_disputes_body(
    new_page,
    browser_problems,
    screenshot,
    mail,
    live_server,
    org,
    officer,
    staff_member,
    complaint_in_handling,
):
    """A second complaint: accounts given by phone, recorded by the officer; the complainant
    declines through the link in the judgment mail and is told where to go (R-4.3)."""
    org.disputes_body_name = "Stichting Geschillen Opleidingen"
    org.disputes_body_address = "Postbus 1234, 3500 AB Utrecht"
    org.disputes_body_url = "https://geschillen-opleidingen.example.nl"
    org.save()
    complaint = complaint_in_handling
    officer_page = new_page()
    log_in(officer_page, live_server, officer)
    officer_page.goto(f"{live_server.url}/werk/klachten/{complaint.reference}/")
    inform_respondent(officer_page, staff_member)
    record_accounts(officer_page)
    send_judgment(officer_page, screenshot, "declined")

    mail.deliver()
    page = follow_mail_link(
        new_page, mail.link(complaint.complainant_email, subject=complaint.reference), org
    )
    expect(page.get_by_role("heading", name=re.compile("^Naar "))).to_have_count(0)
    page.get_by_role("button", name="Ik aanvaard het niet").click()
    # Issue 17 item 3: an irreversible "no" is asked once more, saying what happens next.
    expect(page.get_by_role("heading", level=1)).to_have_text("Je aanvaardt het oordeel niet")
    expect(page.locator("main")).to_contain_text("De interne klachtenprocedure eindigt")
    expect(page.locator("main")).to_contain_text(org.disputes_body_name)
    screenshot(page, "declined-complainant-confirms")
    post_and_check(page, "Ja, ik aanvaard het oordeel niet")
    expect(status_badge(page)).to_have_text("niet opgelost")
    expect(page.locator("main")).to_contain_text("Jouw reactie: afgewezen")
    section = page.locator(
        "section", has=page.get_by_role("heading", name="Naar " + org.disputes_body_name)
    )
    expect(section).to_contain_text(
        f"Je klacht is niet opgelost. Je kunt haar voorleggen aan {org.disputes_body_name}"
    )
    expect(section).to_contain_text(org.disputes_body_address)
    expect(section.get_by_role("link", name=org.disputes_body_url)).to_have_attribute(
        "href", org.disputes_body_url
    )
    screenshot(page, "declined-complainant-sees-disputes-body")

    # The mail that follows says the same.
    mail.deliver()
    text = mail.smtp_server.text(
        mail.latest(complaint.complainant_email, subject=complaint.reference)
    )
    assert org.disputes_body_name in text
    assert org.disputes_body_address in text

    # The officer sees the complaint as not resolved, with the referral step offered.
    officer_page.reload()
    expect(status_badge(officer_page)).to_have_text("niet opgelost")
    expect(
        officer_page.locator("summary", has_text="Voorleggen aan de geschillencommissie vastleggen")
    ).to_have_count(1)
    screenshot(officer_page, "declined-officer-sees-unresolved")
    assert browser_problems.dialogs == []
