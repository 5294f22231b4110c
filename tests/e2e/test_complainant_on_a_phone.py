"""R-7.3 on a phone (360 px wide): the complainant's page and "lost my link" work without
sideways scrolling, and the complainant gives their account from the page."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.portal import tokens
from tests.e2e import accessibility

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(browser, browser_problems):
    context = browser.new_context(
        locale="nl-NL", timezone_id="Europe/Amsterdam", viewport=PHONE, is_mobile=True
    )
    context.set_default_timeout(5_000)
    page = context.new_page()
    page.on("dialog", browser_problems.on_dialog)
    page.on("pageerror", browser_problems.on_page_error)
    page.on("console", browser_problems.on_console)  # CSP violations
    yield page
    context.close()


def assert_fits(page) -> None:
    accessibility.assert_fits(page, page.url, PHONE["width"])


@pytest.fixture
def complaint(in_hearing):
    return in_hearing


def test_r7_3_complainant_page_works_on_a_phone(phone, screenshot, live_server, complaint):
    token = tokens.issue(complaint, purpose="e2e")
    phone.goto(f"{live_server.url}/{complaint.organisation.slug}/mijn-klacht/open/?t={token}")
    phone.wait_for_url(f"**/{complaint.organisation.slug}/mijn-klacht/")
    expect(phone.locator("h1")).to_have_text(f"Je klacht {complaint.reference}")
    expect(phone.locator("main")).to_contain_text("getuige die op reis is")
    assert_fits(phone)
    screenshot(phone, "phone-01-complainant-page")

    phone.get_by_role("link", name="Geef je reactie").click()
    phone.get_by_role("textbox", name="Jouw reactie").fill(
        "Ik heb de trainer twee keer gemaild, zonder antwoord."
    )
    phone.get_by_role("button", name="Mijn reactie versturen").click()
    expect(phone.locator(".messages")).to_contain_text("Dank je")
    expect(phone.locator("div.statement")).to_contain_text("twee keer gemaild")
    assert_fits(phone)
    screenshot(phone, "phone-02-account-given")


def test_r7_3_lost_link_on_a_phone(phone, screenshot, live_server, complaint):
    phone.goto(f"{live_server.url}/{complaint.organisation.slug}/mijn-klacht/link-kwijt/")
    expect(phone.locator("h1")).to_have_text("Link kwijt?")
    assert_fits(phone)
    phone.get_by_label("Het e-mailadres waarmee je de klacht hebt ingediend").fill(
        complaint.complainant_email
    )
    phone.get_by_role("button", name="Stuur me een nieuwe link").click()
    expect(phone.locator("h1")).to_have_text("Kijk in je e-mail")
    assert_fits(phone)
    screenshot(phone, "phone-03-lost-link-sent")
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    assert OutboxMessage.objects.filter(kind=MessageKind.LINK_RESENT, complaint=complaint).exists()
