"""Browser fixtures: Debian's Chromium driven by Playwright's sync API against `live_server`.

`playwright install` cannot download browsers on these machines; scripts/ensure_chromium.sh
installs /usr/bin/chromium (scripts/test.sh runs it before the suite).
"""

import io
import os
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "e2e"
# The README's pictures: written only when asked (UPDATE_SCREENSHOTS=1), so that an ordinary
# test run leaves the committed files alone.
README_SCREENSHOTS = ROOT / "docs" / "screenshots"
UPDATE_SCREENSHOTS = os.environ.get("UPDATE_SCREENSHOTS") == "1"
TIMEOUT_MS = 5_000


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/ensure_chromium.sh` first.")
    # Sync Playwright keeps an event loop running in the test's thread; Django's ORM calls
    # made from the tests (factories, assertions on the database) would otherwise be refused.
    # Only while the browser runs: other tests keep Django's protection.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        # While Playwright's event loop runs in this thread, asgiref hands Django a separate
        # set of connections; close them here, or PostgreSQL refuses to drop the test DB.
        connections.close_all()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class BrowserProblems:
    """JavaScript dialogs (alert/confirm/prompt), uncaught errors and Content-Security-Policy
    violations (Chromium reports them on the console) seen by the pages of a test."""

    def __init__(self):
        self.dialogs: list[str] = []
        self.page_errors: list[str] = []
        self.csp_violations: list[str] = []

    def on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_page_error(self, error) -> None:
        self.page_errors.append(str(error))

    def on_console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.csp_violations.append(f"{message.location.get('url', '')}: {message.text}")


@pytest.fixture
def browser_problems():
    problems = BrowserProblems()
    yield problems
    # A script the application did not write ran (e.g. injected via a complaint's text),
    # the application's own JavaScript failed, or the page broke the Content-Security-Policy
    # (an inline script or style, a foreign resource): the test fails even if it asserted nothing.
    if problems.dialogs or problems.page_errors or problems.csp_violations:
        pytest.fail(
            f"dialogs: {problems.dialogs!r}; uncaught page errors: {problems.page_errors!r}; "
            f"CSP violations: {problems.csp_violations!r}"
        )


@pytest.fixture
def new_page(browser, browser_problems):
    """Open a page in a fresh browser context (own cookies: a separate person), Dutch by default."""
    contexts = []

    def _new_page():
        context = browser.new_context(
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
            accept_downloads=True,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("dialog", browser_problems.on_dialog)
        page.on("pageerror", browser_problems.on_page_error)
        page.on("console", browser_problems.on_console)
        return page

    yield _new_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def save_readme_screenshot(page, name: str) -> Path:
    """What the screen shows (not the whole page), top of the page, reduced to 256 colours."""
    from PIL import Image

    page.evaluate("document.activeElement && document.activeElement.blur(); scrollTo(0, 0)")
    image = Image.open(io.BytesIO(page.screenshot(full_page=False))).convert("RGB")
    README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = README_SCREENSHOTS / f"{name}.png"
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    return path


@pytest.fixture
def screenshot():
    """Save a full-page screenshot of a step: screenshot(page, "01-complaint-form") (a CI
    artifact); with readme="dossier" the step is also a picture in the README, rewritten
    under UPDATE_SCREENSHOTS=1 only."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def _screenshot(page, name: str, *, readme: str | None = None) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        if readme and UPDATE_SCREENSHOTS:
            save_readme_screenshot(page, readme)
        return path

    return _screenshot


def logo_png() -> bytes:
    """A small wordmark: white on the house green."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (120, 40), (27, 110, 58))
    font_file = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    font = (
        ImageFont.truetype(str(font_file), 17) if font_file.exists() else ImageFont.load_default()
    )
    ImageDraw.Draw(image).text((60, 20), "interactie", fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def published(org, officer, org_admin):
    """The organisation in its house style (logo, green and purple), its regulation published."""
    from klachtenregeling.branding import services as branding
    from klachtenregeling.regulation import services as regulation

    branding.branding_update(
        organisation=org,
        by=org_admin,
        primary_colour="#1b6e3a",
        accent_colour="#5a2d82",
        logo=io.BytesIO(logo_png()),
    )
    return regulation.regulation_publish(organisation=org).version


@pytest.fixture
def in_hearing(submit, officer, staff_member):
    """Informed, the complainant invited to give an account, the term extended once."""
    from datetime import timedelta

    from klachtenregeling.complaints import services as complaint_services
    from klachtenregeling.core import clock
    from klachtenregeling.handling import services as handling
    from klachtenregeling.handling.constants import Party
    from klachtenregeling.handling.tests import steps

    complaint = steps.notify(steps.start(submit(respondent_id=staff_member.pk), officer), officer)
    handling.hearing_invite(
        complaint=complaint,
        party=Party.COMPLAINANT,
        due_date=clock.today() + timedelta(days=7),
        by=officer,
    )
    complaint_services.complaint_extend_deadline(
        complaint=steps.fresh(complaint),
        new_deadline=complaint.deadline + timedelta(days=14),
        reason="We wachten op de verklaring van een getuige die op reis is.",
        reason_category="hearing",
        by=officer,
    )
    return steps.fresh(complaint)
