"""Issue 17 in a real browser: the administrator's own settings pages (axe 0 violations at
1280 and 360 px), a term change confirmed after seeing the changed sentence (R-4.1), and
the path of a new user: invited by e-mail → chooses a password with the link → logs in."""

import re

import pytest
from playwright.sync_api import expect

from klachtenregeling.accounts.models import User
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.regulation import selectors as regulation
from tests.e2e.accessibility import Scan
from tests.e2e.login import log_in
from tests.factories import ClientFactory, EngagementFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_invite_then_set_password_then_log_in(
    new_page, screenshot, live_server, org, org_admin, officer, published
):
    scan = Scan()
    page = new_page()
    log_in(page, live_server, org_admin)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Instellingen"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Instellingen")
    scan.check(page, "settings index")
    page.get_by_role("link", name="Gebruikers en rollen").click()
    scan.check(page, "users")
    page.get_by_role("link", name="Gebruiker uitnodigen").click()
    scan.check(page, "invite (empty)")

    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Achternaam").fill("Visser")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Voornaam")).to_have_value("Noor")  # nothing typed is lost
    scan.check(page, "invite (errors)")
    page.get_by_label("E-mailadres").fill("noor@example.nl")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator(".messages")).to_contain_text("Noor Visser is uitgenodigd")
    screenshot(page, "40-users-and-roles")

    invitee = User.objects.get(email="noor@example.nl")
    page.get_by_role("link", name="Noor Visser").click()
    scan.check(page, "user")
    page.goto(f"{live_server.url}/werk/instellingen/logboek/")
    expect(page.locator("table")).to_contain_text("Nodigde een gebruiker uit: Noor Visser")
    scan.check(page, "organisation log")

    mail = OutboxMessage.objects.get(kind=MessageKind.STAFF_INVITATION)
    link = re.search(r"https?://\S+/wachtwoord-instellen/\S+/", mail.body_text).group(0)
    path = "/" + link.split("/", 3)[3]

    newcomer = new_page()
    newcomer.goto(live_server.url + path)
    expect(newcomer.get_by_role("heading", level=1)).to_have_text("Kies een wachtwoord")
    scan.check(newcomer, "choose a password")
    newcomer.locator("#id_new_password1").fill("lang-en-geheim-42")
    newcomer.locator("#id_new_password2").fill("lang-en-geheim-42")
    newcomer.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(newcomer.get_by_role("heading", level=1)).to_have_text("Wachtwoord opgeslagen")
    scan.check(newcomer, "password saved")
    newcomer.get_by_role("link", name="Inloggen").last.click()
    newcomer.locator("#id_username").fill(invitee.username)
    newcomer.locator("#id_password").fill("lang-en-geheim-42")
    newcomer.locator("main form button[type=submit]").click()
    newcomer.wait_for_url(f"{live_server.url}/werk/")
    expect(newcomer.get_by_role("heading", level=1)).to_contain_text("Noor Visser")

    # The link works once.
    other = new_page()
    other.goto(live_server.url + path)
    expect(other.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet meer")
    scan.check(other, "used link")
    other.get_by_role("link", name="Vraag een nieuwe link aan").click()
    scan.check(other, "forgot password")
    scan.assert_clean()


def test_r4_1_term_change_is_confirmed_after_seeing_the_changed_sentence(
    page, screenshot, live_server, org, org_admin, officer, published
):
    scan = Scan()
    log_in(page, live_server, org_admin)
    page.goto(f"{live_server.url}/werk/instellingen/organisatie/")
    scan.check(page, "organisation settings")
    page.get_by_label("Termijn voor een oordeel (dagen)").fill("21")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Controleer de wijziging van de klachtenregeling"
    )
    expect(page.locator(".sentence-changes ins").first).to_contain_text("21")
    expect(page.locator(".notice")).to_contain_text("Dit geldt voor nieuwe klachten.")
    scan.check(page, "regulation change preview")
    screenshot(page, "41-settings-change-preview")
    assert regulation.current_version(org).number == published.number  # nothing saved yet
    page.get_by_role("button", name=f"Opslaan en versie {published.number + 1} publiceren").click()
    expect(page.locator(".messages")).to_contain_text(
        f"Versie {published.number + 1} van de klachtenregeling is nu gepubliceerd"
    )
    assert regulation.current_version(org).term_days == 21
    engagement = EngagementFactory(organisation=org, client=ClientFactory(organisation=org))
    for path in (
        "/werk/instellingen/api-sleutels/",
        "/werk/instellingen/api-sleutels/nieuw/",
        "/werk/instellingen/opdrachten/",
        "/werk/instellingen/opdrachten/nieuw/",
        f"/werk/instellingen/opdrachten/{engagement.pk}/",
    ):
        scan.visit(page, live_server.url + path, path)
    scan.assert_clean()
