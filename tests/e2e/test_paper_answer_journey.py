"""Issue 16, items 3 and 4 in a browser: the officer records a complainant's answer that came
by letter (the scan of an older judgment is refused, the current one resolves nothing but
signs), and a complaint declared not admissible goes to the disputes body — each page
checked with axe."""

import pytest
from playwright.sync_api import expect

from klachtenregeling.complaints.constants import Status
from klachtenregeling.core import clock
from klachtenregeling.handling import selectors as handling_selectors
from klachtenregeling.handling import services as handling_services
from klachtenregeling.handling.constants import Signer
from klachtenregeling.handling.tests import steps
from tests import samples
from tests.e2e import accessibility
from tests.e2e.login import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_r5_7_officer_records_a_signed_judgment_that_came_by_post(
    page, live_server, officer, submit, tmp_path
):
    complaint = steps.classify(steps.start(submit(), officer), officer)
    complaint = steps.hear_both(complaint, officer)
    steps.judge(complaint, officer)
    steps.judge(steps.fresh(complaint), officer, reasoning="Herzien oordeel.")  # version 2
    scan = tmp_path / "getekend.pdf"
    scan.write_bytes(samples.pdf())

    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}/werk/klachten/{complaint.reference}/")
    # Issue 17 item 6: the step the procedure expects now is shown open.
    expect(
        page.locator(
            "details", has=page.get_by_text("Antwoord van de klager vastleggen (brief of telefoon)")
        )
    ).to_have_attribute("open", "")
    page.get_by_label("geaccepteerd (getekend oordeel ontvangen)").check()
    page.get_by_label("Versie van het oordeel op de getekende brief").fill("1")
    page.get_by_label("Wat de klager zei of voorstelde").fill("Per post teruggekomen.")
    page.get_by_label(
        "Scan van het getekende oordeel of de brief (PDF of afbeelding)"
    ).set_input_files(str(scan))
    page.get_by_role("button", name="Antwoord vastleggen").click()
    expect(page.locator("body")).to_contain_text("versie 2")
    expect(page.get_by_label("Wat de klager zei of voorstelde")).to_have_value(
        "Per post teruggekomen."
    )
    accessibility.assert_accessible(page, "dossier, paper answer refused")

    page.get_by_label("Versie van het oordeel op de getekende brief").fill("2")
    page.get_by_label(
        "Scan van het getekende oordeel of de brief (PDF of afbeelding)"
    ).set_input_files(str(scan))
    page.get_by_role("button", name="Antwoord vastleggen").click()
    expect(page.locator("body")).to_contain_text("Het antwoord van de klager is vastgelegd.")
    judgment = handling_selectors.current_judgment(complaint)
    assert judgment.signatures.filter(signer=Signer.COMPLAINANT).exists()


def test_r4_3_a_not_admissible_complaint_is_referred_from_the_dossier(
    page, live_server, officer, submit
):
    complaint = steps.classify(steps.start(submit(), officer), officer)
    handling_services.complaint_declare_not_admissible(
        complaint=complaint, reasons="Dit gaat over een andere organisatie.", by=officer
    )
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}/werk/klachten/{complaint.reference}/")
    # Issue 17 item 6: the step the procedure expects now is shown open.
    expect(
        page.locator(
            "details", has=page.get_by_text("Voorleggen aan de geschillencommissie vastleggen")
        )
    ).to_have_attribute("open", "")
    accessibility.assert_accessible(page, "dossier, not admissible, referral form")
    page.locator('[name="referral-referred_on"]').fill(clock.today().isoformat())
    page.get_by_role("button", name="Voorleggen vastleggen").click()
    expect(page.locator("body")).to_contain_text("Het voorleggen is vastgelegd.")
    assert steps.fresh(complaint).status == Status.REFERRED
