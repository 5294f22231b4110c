"""Log in through the real pages in the browser: password, then (for officers, administrators,
superusers and anyone with an app) the code from the authenticator app."""

import re

from playwright.sync_api import expect

from tests import two_factor

PASSWORD = "correct horse battery"  # tests.factories.UserFactory


def password_step(page, live_server, user, *, password: str = PASSWORD) -> None:
    """The first step alone: user name and password on the log-in page."""
    page.goto(f"{live_server.url}/inloggen/")
    fill_password(page, user, password)


def fill_password(page, user, password: str = PASSWORD) -> None:
    form = page.locator("main form[method=post]")
    form.locator("#id_username").fill(user.username)
    form.locator("#id_password").fill(password)
    form.locator("button[type=submit]").click()


def log_in(page, live_server, user, *, password: str = PASSWORD, via: str | None = None) -> None:
    """Sign `user` in as a person would; their app is set up beforehand when they need one.

    `via`: an address that needs a log-in (a link from an e-mail); it leads to the log-in
    page, and after the log-in back to that address."""
    device = two_factor.device_for(user)
    page.goto(via or f"{live_server.url}/inloggen/")
    if via:
        page.wait_for_url(re.compile(r"/inloggen/\?next="))
    fill_password(page, user, password)
    if device is not None:
        page.wait_for_url(re.compile(r"/inloggen/code/"))
        code_form = page.locator("main form[method=post]").first
        code_form.locator("#id_code").fill(two_factor.code_for(device))
        code_form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.get_by_role("button", name=re.compile(r"^Uitloggen"))).to_be_visible()
    if via:
        page.wait_for_url(via)
