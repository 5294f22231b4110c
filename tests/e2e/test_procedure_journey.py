"""The procedure of Art. 5 in a real browser: hear both sides, judge, sign, resolve.

The complaint is filed and taken into handling through the services; every step after
that is clicked on the real pages by the officer, the complainant (personal link) and
the person complained about. Buttons and fields are found by their Dutch accessible
names (locale/nl/LC_MESSAGES/django.po).
"""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.services import complaint_start_handling
from klachtenregeling.portal import tokens
from tests.e2e.login import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


class ComplainantPostRefused(AssertionError):
    """The complainant's page refused one of its own forms (see PORTAL_CSRF_BUG)."""


COMPLAINANT_ACCOUNT = "Klaagster belde: de training begon een uur te laat, zonder uitleg."
RESPONDENT_ACCOUNT = "De trainer schreef: de trein viel uit; de groep is niet ingelicht."
REASONING = "De training begon te laat en de groep is niet tijdig ingelicht."
RECOMMENDATIONS = ("Bel de groep bij vertraging.", "Plan een reservetrainer in.")


def open_as_complainant(new_page, live_server, complaint):
    """The complainant follows a fresh personal link, in a browser context of their own."""
    token = tokens.issue(complaint, purpose="e2e")
    page = new_page()
    page.goto(f"{live_server.url}/{complaint.organisation.slug}/mijn-klacht/open/?t={token}")
    page.wait_for_url(f"**/{complaint.organisation.slug}/mijn-klacht/")
    assert token not in page.url  # exchanged for a session, dropped from the address
    return page


def post_as_complainant(page, button: str) -> None:
    """Click a submit button on the complainant's page; the POST must not be refused."""
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name=button).click()
    response = posted.value
    if response.status == 403:
        raise ComplainantPostRefused(
            f"POST {response.url} -> 403 (Origin: {response.request.headers.get('origin')!r})"
        )
    assert response.status == 302, response.status


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


@pytest.fixture
def complaint_in_handling(submit, officer, staff_member):
    complaint = submit(respondent_id=staff_member.pk)
    return complaint_start_handling(complaint=complaint, by=officer)


def hear_both_sides_and_judge(page, screenshot, live_server, complaint, staff_member, prefix):
    """The officer informs the respondent, records both accounts and sends a judgment."""
    reference = complaint.reference
    page.goto(f"{live_server.url}/werk/klachten/{reference}/")
    expect(page.locator("h1")).to_contain_text(reference)
    expect(status_badge(page)).to_have_text("in behandeling")
    screenshot(page, f"{prefix}-01-dossier-in-handling")

    # inform the person complained about (the status stays "in handling").
    page.get_by_role(
        "button", name=f"{staff_member.display_name} over de klacht informeren"
    ).click()
    expect_message(page, "Degene over wie is geklaagd is geïnformeerd.")
    steps = page.locator("#procedure-heading ~ ol.steps")
    expect(steps).to_contain_text(f"{staff_member.display_name} geïnformeerd op")
    expect(status_badge(page)).to_have_text("in behandeling")  # the first account starts it
    screenshot(page, f"{prefix}-02-respondent-informed")

    # both sides are heard; the officer records their accounts.
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
        expect(page.locator("#procedure-heading ~ article.statement").last).to_contain_text(text)
    expect(page.locator("article.statement")).to_have_count(2)
    expect(status_badge(page)).to_have_text("hoor en wederhoor")
    screenshot(page, f"{prefix}-03-both-sides-heard")

    # the judgment, with two recommendations, as a PDF letter.
    step = details(page, "Oordeel schrijven")
    expect(step.locator(".message--warning")).to_have_count(0)  # both sides were heard
    step.get_by_label("deels gegrond").check()
    step.get_by_label("Motivering").fill(REASONING)
    step.get_by_label("Aanbevelingen").fill("\n".join(RECOMMENDATIONS))
    screenshot(page, f"{prefix}-04-judgment-form")
    step.get_by_role("button", name="Oordeel versturen (pdf-brief)").click()
    expect_message(page, "Het oordeel is verstuurd.")
    expect(status_badge(page)).to_have_text("oordeel verstuurd")
    expect(steps).to_contain_text("deels gegrond")
    screenshot(page, f"{prefix}-05-judgment-sent")


def test_r5_2_r5_6_r5_7_procedure_in_the_browser(
    new_page,
    browser_problems,
    screenshot,
    live_server,
    org,
    officer,
    staff_member,
    complaint_in_handling,
):
    complaint = complaint_in_handling
    reference = complaint.reference

    officer_page = new_page()
    log_in(officer_page, live_server, officer)
    hear_both_sides_and_judge(
        officer_page, screenshot, live_server, complaint, staff_member, "procedure"
    )

    # The complainant reads the judgment through the personal link and accepts it.
    page = open_as_complainant(new_page, live_server, complaint)
    expect(page.locator("h1")).to_have_text(f"Je klacht {reference}")
    expect(status_badge(page)).to_have_text("oordeel verstuurd")
    judgment = page.locator("article.judgment")
    expect(judgment).to_contain_text("deels gegrond")
    expect(judgment).to_contain_text(REASONING)
    expect(judgment.locator("ol li")).to_have_text(list(RECOMMENDATIONS))
    screenshot(page, "procedure-06-complainant-reads-judgment")
    post_as_complainant(page, "Ik aanvaard en onderteken")
    expect(page.get_by_role("button", name="Ik aanvaard en onderteken")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Jouw reactie: aanvaard")
    screenshot(page, "procedure-07-complainant-signed")

    # the officer signs the exact version.
    officer_page.reload()
    officer_page.get_by_role("button", name="Versie 1 van het oordeel ondertekenen").click()
    expect_message(officer_page, "Je hebt het oordeel ondertekend.")
    expect(officer_page.get_by_role("button", name=re.compile("ondertekenen$"))).to_have_count(0)
    expect(status_badge(officer_page)).to_have_text("oordeel verstuurd")  # one signer to go
    screenshot(officer_page, "procedure-08-officer-signed")

    # the person complained about signs, logged in.
    staff_page = new_page()
    log_in(staff_page, live_server, staff_member)
    staff_page.get_by_role("link", name="Klachten over mij").click()
    staff_page.get_by_role("link", name=reference).click()
    staff_page.wait_for_url(f"**/over-mij/{reference}/")
    expect(staff_page.locator("article.judgment")).to_contain_text(REASONING)
    screenshot(staff_page, "procedure-09-respondent-reads-judgment")
    staff_page.get_by_role("button", name="Oordeel ondertekenen").click()
    expect_message(staff_page, "Je hebt het oordeel ondertekend.")
    expect(staff_page.locator("main")).to_contain_text("Je hebt dit oordeel ondertekend.")
    expect(status_badge(staff_page)).to_have_text("opgelost")
    screenshot(staff_page, "procedure-10-respondent-signed")

    # Everyone signed: resolved, with the signed letter on the complainant's page.
    page = open_as_complainant(new_page, live_server, complaint)
    expect(status_badge(page)).to_have_text("opgelost")
    signed = page.get_by_role("link", name=re.compile(r"ondertekend\.pdf$"))
    expect(signed).to_have_text(f"{reference}-oordeel-v1-ondertekend.pdf")
    screenshot(page, "procedure-11-complainant-resolved")
    with page.expect_download() as download_info:
        signed.click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename == f"{reference}-oordeel-v1-ondertekend.pdf"
    with open(download.path(), "rb") as downloaded:  # noqa: PTH123 - Playwright returns a path
        pdf = PdfReader(io.BytesIO(downloaded.read()))
    text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert reference in text

    complaint = Complaint.objects.get(pk=complaint.pk)
    assert complaint.status == "resolved"
    assert browser_problems.dialogs == []


def test_r4_3_declined_judgment_shows_the_disputes_body(
    new_page,
    browser_problems,
    screenshot,
    live_server,
    org,
    officer,
    staff_member,
    complaint_in_handling,
):
    complaint = complaint_in_handling
    officer_page = new_page()
    log_in(officer_page, live_server, officer)
    hear_both_sides_and_judge(
        officer_page, screenshot, live_server, complaint, staff_member, "declined"
    )

    page = open_as_complainant(new_page, live_server, complaint)
    expect(page.get_by_role("heading", name=re.compile("^Naar "))).to_have_count(0)
    post_as_complainant(page, "Ik aanvaard het niet")
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
    screenshot(page, "declined-06-complainant-sees-disputes-body")

    # The officer sees the complaint as not resolved, with the referral step offered.
    officer_page.reload()
    expect(status_badge(officer_page)).to_have_text("niet opgelost")
    expect(
        officer_page.locator("summary", has_text="Voorleggen aan de geschillencommissie vastleggen")
    ).to_have_count(1)
    screenshot(officer_page, "declined-07-officer-sees-unresolved")
    assert browser_problems.dialogs == []
