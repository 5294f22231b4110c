"""Issue 17, item 5: the officer's dashboard shows the open complaints by default and the
ended ones under their own tab, with outcome and end date instead of days; at 360 px the
table keeps reference, status and deadline without scrolling sideways (the page nor the
table), and both tabs pass axe at 1280 and 360 px."""

import pytest
from playwright.sync_api import expect

from klachtenregeling.handling import services as handling_services
from klachtenregeling.handling.tests import steps
from tests.e2e import accessibility
from tests.e2e.login import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _table_fits(page) -> bool:
    """The table is not wider than its frame (no scroll bar inside the page either)."""
    return page.evaluate(
        "() => [...document.querySelectorAll('#results .table-wrap')]"
        ".every(w => w.scrollWidth <= w.clientWidth + 1)"
    )


@pytest.mark.parametrize("width", [1280, 360])
def test_open_and_ended_complaints_on_their_own_tabs(page, live_server, officer, submit, width):
    running = submit(complainant_name="Wilma Verhoeven")
    ended = steps.classify(submit(complainant_name="Karel de Bruin"), officer)
    handling_services.complaint_withdraw_on_behalf(
        complaint=ended, reason="Klager belde: opgelost.", by=officer
    )
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}/werk/klachten/")
    results = page.locator("#results")
    expect(results).to_contain_text(running.reference)
    expect(results).not_to_contain_text(ended.reference)
    headers = results.locator("thead th:visible")
    if width == 360:
        expect(headers).to_have_text(["Kenmerk", "Status", "Uiterste datum"])
        assert _table_fits(page)
    accessibility.assert_fits(page, "dashboard (open)", width)
    accessibility.assert_accessible(page, f"dashboard (open) at {width} px")

    page.get_by_role("link", name="Afgerond (1)").click()
    expect(page.get_by_role("link", name="Afgerond (1)")).to_have_attribute("aria-current", "page")
    expect(results).to_contain_text(ended.reference)
    expect(results).not_to_contain_text(running.reference)
    row = results.locator("tbody tr").first
    expect(row).to_contain_text("Ingetrokken")
    expect(row).not_to_contain_text("dagen")
    if width == 360:
        expect(headers).to_have_text(["Kenmerk", "Uitkomst", "Afgerond op"])
        assert _table_fits(page)
    accessibility.assert_fits(page, "dashboard (ended)", width)
    accessibility.assert_accessible(page, f"dashboard (ended) at {width} px")
