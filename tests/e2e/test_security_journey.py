"""Art. 6 in a real browser: two-step log-in from scratch, and the pages — the back-office
/beheer/ included — work under the strict Content-Security-Policy.

Every browser test fails on a CSP violation (tests/e2e/conftest.py: BrowserProblems).
"""

import re
from base64 import b32decode
from binascii import hexlify

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests import two_factor
from tests.e2e.login import log_in, password_step

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_officer_sets_up_two_step_log_in_and_logs_in_with_the_app(
    page, screenshot, live_server, officer
):
    password_step(page, live_server, officer)
    page.wait_for_url(re.compile(r"/inloggen/tweestaps/"))
    # Nothing but the set-up and log-out is offered until it is done.
    expect(page.get_by_role("link", name="Mijn klachten")).to_have_count(0)
    qr = page.locator("figure.qr svg.qr-code")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] >= 100
    secret = page.locator("[data-totp-secret]").inner_text().replace(" ", "")
    key = hexlify(b32decode(secret + "=" * (-len(secret) % 8))).decode()
    screenshot(page, "30-two-factor-setup")

    page.locator("#id_code").fill(two_factor.key_code(key))
    page.get_by_role("button", name="Bevestigen").click()
    codes = page.locator("[data-recovery-codes] code")
    expect(codes).to_have_count(10)
    screenshot(page, "31-recovery-codes")
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    page.wait_for_url("**/werk/klachten/")
    assert TOTPDevice.objects.get(user=officer).key == key

    # Next time: password, then the code from the app.
    page.get_by_role("button", name=re.compile(r"^Uitloggen")).click()
    password_step(page, live_server, officer)
    page.wait_for_url(re.compile(r"/inloggen/code/"))
    screenshot(page, "32-two-factor-code")
    page.locator("#id_code").fill(two_factor.code_for(TOTPDevice.objects.get(user=officer)))
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url("**/werk/klachten/")


def test_the_back_office_works_under_the_content_security_policy(
    page, browser_problems, screenshot, live_server, platform_admin, officer
):
    org_admin = platform_admin  # Django's admin is the platform's superusers' only
    log_in(page, live_server, org_admin)
    page.goto(f"{live_server.url}/beheer/")
    expect(page.locator("#site-name")).to_be_visible()
    page.goto(f"{live_server.url}/beheer/accounts/user/")
    page.locator("#result_list a", has_text=officer.username).click()
    expect(page.locator("#user_form")).to_be_visible()
    screenshot(page, "33-beheer-user")
    page.goto(
        f"{live_server.url}/beheer/organisations/organisation/{org_admin.organisation_id}/change/"
    )
    name = page.locator("#id_name")
    name.fill("Interactie B.V.")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    org_admin.organisation.refresh_from_db()
    assert org_admin.organisation.name == "Interactie B.V."
    assert browser_problems.csp_violations == []


def test_an_injected_inline_handler_is_blocked_and_reported(
    page, browser_problems, live_server, org
):
    """The control for the CSP check of every browser test: a violation is seen."""
    page.goto(f"{live_server.url}/{org.slug}/klacht/")
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text) as seen:
        page.evaluate(
            "document.body.insertAdjacentHTML('beforeend',"
            ' \'<img src="/missing.png" onerror="alert(1)">\')'
        )
    assert "inline event handler" in seen.value.text
    assert browser_problems.dialogs == []  # the handler never ran
    assert browser_problems.csp_violations
    browser_problems.csp_violations.clear()
