"""R-1.1, second sentence: the oral complaint's pages pass axe at 1280 and 360 px, for the
officer (list, record form with errors, record, a record by post with its letters and the
list "Te versturen per post") and for the complainant (confirm page)."""

from playwright.sync_api import expect

from klachtenregeling.core import clock
from klachtenregeling.oral import services as oral_services
from tests.e2e.accessibility import Scan
from tests.e2e.login import log_in


def test_r1_1_oral_pages_pass_axe(new_page, live_server, org, officer, draft):
    record, token = oral_services.oral_record_create(
        by=officer, told_on=clock.today(), how_told="phone", draft=draft()
    )
    scan = Scan()
    page = new_page()
    log_in(page, live_server, officer)
    work = f"{live_server.url}/werk/mondeling"
    scan.visit(page, f"{work}/", "oral complaints awaiting confirmation")
    scan.visit(page, f"{work}/vastleggen/", "record an oral complaint")
    page.get_by_role("button", name="Schriftelijke vastlegging ter bevestiging versturen").click()
    expect(page.locator(".error-summary")).to_be_visible()
    scan.check(page, "record an oral complaint with errors")
    scan.visit(page, f"{work}/{record.pk}/", "oral complaint")
    by_post, _token = oral_services.oral_record_create(
        by=officer,
        told_on=clock.today(),
        how_told="in_person",
        draft=draft(complainant_email="", address_foreign="Rue 1\n1000 Bruxelles\nBelgië"),
    )
    scan.visit(page, f"{work}/{by_post.pk}/", "oral complaint by post, its letters")
    scan.visit(page, f"{live_server.url}/werk/per-post/", "to be sent by post, oral letters")
    expect(page.locator("[data-post-list-oral] tbody tr")).to_have_count(1)
    page = new_page()
    scan.visit(page, f"{live_server.url}/{org.slug}/bevestigen/?t={token}", "confirm page")
    page.get_by_role("button", name="Mijn klacht bevestigen").click()
    expect(page.get_by_role("heading", name="Je klacht is bevestigd")).to_be_visible()
    scan.check(page, "confirmed")
    scan.visit(page, f"{live_server.url}/{org.slug}/bevestigen/?t={token}", "link used twice")
    scan.assert_clean()
