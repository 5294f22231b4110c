"""R-8.3: the periodic report in a real browser: the charts load as images under the
site's Content-Security-Policy, the page passes axe, and a finalised report opens."""

import pytest

from klachtenregeling.demo.report_history import add_report_history
from tests.e2e.accessibility import assert_accessible
from tests.e2e.login import log_in
from tests.factories import SubjectFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_r8_3_report_page_charts_load_without_csp_violations(
    page, live_server, org, officer, screenshot
):
    for name in ("Trainer", "Facturatie", "Planning en organisatie"):
        SubjectFactory(organisation=org, name=name)
    add_report_history(org)
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}/werk/verslagen/?kind=year&year=2025")
    charts = page.locator("img.report-chart")
    assert charts.count() == 4
    for index in range(charts.count()):
        charts.nth(index).scroll_into_view_if_needed()
        width = charts.nth(index).evaluate("img => img.decode().then(() => img.naturalWidth)")
        assert width and width > 0
    assert_accessible(page, "report")
    screenshot(page, "r8-3-report")
    page.locator("#id_introduction").fill("Een rustig jaar.")
    page.locator("#id_recommendations").fill("Plan trainers eerder in.")
    page.locator("form[action$='/vaststellen/'] button[type=submit]").click()
    page.wait_for_url("**/vastgesteld/*/")
    assert page.locator("img.report-chart").count() == 4
    assert_accessible(page, "finalised report")
