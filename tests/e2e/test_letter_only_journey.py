"""Issue 16: a complainant without e-mail, from registration to a closing letter, in a real
browser. The officer registers a letter (a wrong postcode first: refused, nothing typed is
lost), prints the acknowledgement from "Te versturen per post" (the window-envelope address
and the short link on it) and marks it posted; the complainant types the short link from
the letter, sees their page and withdraws the complaint there; the closing letter (the
message "withdrawn" as a letter) waits in the list, is printed and marked posted, and the
dossier shows both dates. (The endings "no answer" and the answer on paper have their own
page tests: handling/tests/views/test_paper_answer_pages.py.)
"""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.notifications.models import DeliveryStatus, OutboxMessage
from tests import samples
from tests.e2e.login import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NAME = "Hendrik Post"
SHORT_LINK = re.compile(r"https?://\S+/k/[2-9a-z]{12}")


@pytest.fixture
def site(settings, live_server):
    settings.SITE_URL = live_server.url
    return live_server.url


def pdf_text(download) -> str:
    assert download.failure() is None
    with open(download.path(), "rb") as downloaded:  # noqa: PTH123 - Playwright returns a path
        content = downloaded.read()
    assert content.startswith(b"%PDF-")
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(content)).pages)


def print_and_post(page, site, reference: str, subject: str) -> str:
    """The officer downloads the letter from the list and marks it posted; returns its text."""
    page.goto(f"{site}/werk/per-post/")
    row = page.locator("[data-post-list] tr", has_text=subject)
    expect(row).to_contain_text(reference)
    with page.expect_download() as download:
        row.get_by_role("link", name="Brief (PDF)").click()
    text = pdf_text(download.value)
    row.get_by_role("button", name="Markeer als verstuurd").click()
    expect(page.locator(".messages")).to_contain_text(
        f"Brief voor {reference} gemarkeerd als verstuurd"
    )
    expect(page.locator("[data-post-list] tr", has_text=subject)).to_have_count(0)
    return text


def test_letter_only_complainant_from_registration_to_a_closing_letter(
    new_page, screenshot, tmp_path, site, live_server, org, officer
):
    page = new_page()
    log_in(page, live_server, officer)
    page.goto(f"{site}/werk/klachten/registreren/")
    page.get_by_label("brief", exact=True).check()
    original = tmp_path / "brief.pdf"
    original.write_bytes(samples.pdf())
    page.get_by_label("Het origineel").set_input_files(str(original))
    page.get_by_label("Naam van de klager").fill(NAME)
    page.get_by_label("Straat").fill("Kerkstraat")
    page.get_by_label("Huisnummer").fill("12-2")
    page.get_by_label("Postcode").fill("12345")
    page.get_by_label("Plaats").fill("Zwolle")
    page.get_by_label("Beschrijf de opdracht").fill("Training Excel, maart, Zwolle")
    page.get_by_label("de uitvoering van de opdracht").check()
    page.locator("#id_description").fill("De training begon een uur te laat.")
    page.get_by_role("button", name="Klacht registreren").click()
    # Bad input: an invalid postcode is refused with a Dutch message; nothing typed is lost.
    expect(page.locator("main")).to_contain_text("Vul een Nederlandse postcode in")
    expect(page.get_by_label("Straat")).to_have_value("Kerkstraat")
    expect(page.locator("#id_description")).to_have_value("De training begon een uur te laat.")
    assert Complaint.objects.count() == 0
    page.get_by_label("Postcode").fill("8011 ab")
    page.get_by_label("Het origineel").set_input_files(str(original))
    page.get_by_role("button", name="Klacht registreren").click()
    expect(page.locator(".messages")).to_contain_text("is geregistreerd")
    complaint = Complaint.objects.get()
    assert complaint.by_post and complaint.address_postcode == "8011 AB"
    screenshot(page, "letter-only-01-registered")

    # The acknowledgement as a letter: printed, posted, the date in the dossier.
    page.goto(f"{site}/werk/per-post/")
    screenshot(page, "letter-only-02-to-post", readme="letters-to-post")
    letter = print_and_post(page, site, complaint.reference, "Ontvangstbevestiging")
    assert NAME in letter and "Kerkstraat 12-2" in letter and "8011 AB ZWOLLE" in letter
    [short_link] = set(SHORT_LINK.findall(letter))

    # The complainant types the short link from the letter: their page, as for e-mail.
    client = new_page()
    client.goto(short_link)
    client.wait_for_url(f"**/{org.slug}/mijn-klacht/")
    expect(client.locator("main")).to_contain_text(complaint.reference)
    screenshot(client, "letter-only-03-complainant-page")
    client.locator("#withdraw summary").click()
    client.get_by_label("Ja, ik trek mijn klacht in.").check()
    client.get_by_role("button", name="Klacht intrekken").click()
    expect(client.locator("main .badge").first).to_have_text("ingetrokken")

    # The closing letter waits in the list; printed and posted like the first.
    closing = print_and_post(page, site, complaint.reference, "ingetrokken")
    assert NAME in closing and "8011 AB ZWOLLE" in closing
    posted = OutboxMessage.objects.filter(complaint=complaint, status=DeliveryStatus.POSTED)
    assert posted.count() == 2
    # Nothing to the complainant went (or waits to go) by e-mail.
    to_complainant = OutboxMessage.objects.filter(complaint=complaint, recipient_role="complainant")
    assert not to_complainant.exclude(status=DeliveryStatus.POSTED)
    page.goto(f"{site}/werk/klachten/{complaint.reference}/")
    expect(page.locator("main")).to_contain_text("Brief verstuurd op")
    screenshot(page, "letter-only-04-dossier")
