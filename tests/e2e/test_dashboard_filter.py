"""The officer's list filters as they type (htmx, through the valid data-hx-* attributes): the
results are swapped in place, the address follows the filter, the page is not reloaded."""

import pytest
from playwright.sync_api import expect

from tests.e2e.login import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_complaint_list_filters_while_typing(page, live_server, officer, submit):
    wanted = submit(complainant_name="Wilma Verhoeven")
    other = submit(complainant_name="Karel de Bruin")
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}/werk/klachten/")
    results = page.locator("#results")
    expect(results).to_contain_text(wanted.reference)
    expect(results).to_contain_text(other.reference)
    page.evaluate("window.notReloaded = true")

    with page.expect_request(lambda r: "q=Verhoeven" in r.url) as request:
        page.locator("#id_q").press_sequentially("Verhoeven")

    assert request.value.headers.get("hx-request") == "true"
    expect(results).not_to_contain_text(other.reference)
    expect(results).to_contain_text(wanted.reference)
    expect(page).to_have_url(f"{live_server.url}/werk/klachten/?q=Verhoeven&status=&subject=&due=")
    assert page.evaluate("window.notReloaded") is True
