"""WCAG 2.1 AA with axe-core on every public page and the officer's main pages, in Dutch
(the public pages in English too), at 1280 px and at 360 px (where no page may scroll sideways), and the complaint form with
the keyboard alone.

Each test shows one audience's pages in the states that matter (a form empty and with its
errors, the complainant's page at each stage of the procedure) and reports every
violation of every page at once, with its selectors (tests/e2e/accessibility.py). The front
page, the regulation (and its versions), the question form and the administrator's pages
are scanned the same way in test_regulation_pages.py, in the organisation's house style."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.handling.tests import steps
from klachtenregeling.portal import tokens
from klachtenregeling.questions import services as question_services
from klachtenregeling.questions.rules import QuestionDraft
from tests import samples
from tests.e2e.accessibility import Scan
from tests.e2e.login import log_in, password_step
from tests.e2e.test_complaint_journey import fill_complaint, form_url, submit_complaint_form

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def judged(submit, officer, staff_member):
    complaint = steps.hear_both(
        steps.start(submit(respondent_id=staff_member.pk), officer), officer
    )
    steps.judge(complaint, officer, recs=["Bel de groep bij vertraging.", "Plan een reserve in."])
    return steps.fresh(complaint)


@pytest.fixture
def unresolved(submit, officer, staff_member):
    return steps.unresolve(steps.start(submit(respondent_id=staff_member.pk), officer), officer)


@pytest.fixture
def resolved(submit, officer, staff_member):
    return steps.resolve(steps.start(submit(respondent_id=staff_member.pk), officer), officer)


@pytest.fixture
def overdue(submit, officer, subject):
    """Received two months ago and never judged: overdue on the dashboard."""
    with clock.frozen(clock.now() - timedelta(days=60)):
        complaint = submit(complainant_name="Joost Mulder", complainant_email="joost@example.org")
        complaint = steps.start(complaint, officer)
        complaint_services.complaint_set_subjects(
            complaint=complaint, subject_ids=[subject.pk], by=officer
        )
    return steps.fresh(complaint)


def open_link(page, live_server, complaint) -> None:
    token = tokens.issue(complaint, purpose="e2e")
    page.goto(f"{live_server.url}/{complaint.organisation.slug}/mijn-klacht/open/?t={token}")
    page.wait_for_url(f"**/{complaint.organisation.slug}/mijn-klacht/")


def test_public_pages_pass_axe_at_1280_and_360(
    page,
    live_server,
    tmp_path,
    org,
    published,
    staff_member,
    engagement,
    in_hearing,
    judged,
    unresolved,
    resolved,
):
    scan = Scan()
    base = f"{live_server.url}/{org.slug}"
    # The complaint form: empty, with its errors, and the receipt.
    scan.visit(page, form_url(live_server, org), "complaint form")
    submit_complaint_form(page)
    expect(page.locator(".error-summary")).to_be_focused()
    scan.check(page, "complaint form with errors")
    attachment = tmp_path / "verslag.pdf"
    attachment.write_bytes(samples.pdf())
    page.goto(form_url(live_server, org))
    fill_complaint(page, respondent=staff_member, attachment=attachment)
    submit_complaint_form(page)
    page.wait_for_url(f"**/{org.slug}/klacht/ontvangen/")
    scan.check(page, "receipt")

    # The complainant's page at each stage.
    for complaint, state in [
        (in_hearing, "in hearing, invited"),
        (judged, "judged: accept or decline"),
        (unresolved, "not resolved: the disputes body"),
        (resolved, "resolved"),
    ]:
        open_link(page, live_server, complaint)
        expect(page.locator("main .badge").first).to_have_text(complaint.get_status_display())
        scan.check(page, f"status page ({state})")
    page.goto(f"{base}/mijn-klacht/open/?t=not-a-token")
    expect(page.locator("h1")).to_be_visible()
    scan.check(page, "invalid link")

    # "Link kwijt?", its confirmation, and — asked too often — the 429 page.
    scan.visit(page, f"{base}/mijn-klacht/link-kwijt/", "lost link")
    for attempt in range(4):
        page.goto(f"{base}/mijn-klacht/link-kwijt/")
        page.get_by_label("Het e-mailadres waarmee je de klacht hebt ingediend").fill(
            in_hearing.complainant_email
        )
        page.get_by_role("button", name="Stuur me een nieuwe link").click()
        if attempt == 0:
            expect(page.locator("h1")).to_have_text("Kijk in je e-mail")
            scan.check(page, "lost link sent")
    expect(page.locator("h1")).to_have_text("Te veel verzoeken")
    scan.check(page, "429 too many requests")

    scan.visit(page, f"{base}/bestaat-niet/", "404 not found")
    scan.visit(page, f"{live_server.url}/inloggen/", "log-in")
    scan.assert_clean()


def test_public_pages_in_english_pass_axe_at_1280_and_360(
    page, live_server, org, published, in_hearing
):
    """The same pages after the language switch: English text, `lang="en"`, no violations."""
    scan = Scan()
    base = f"{live_server.url}/{org.slug}"
    page.goto(f"{base}/")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    for path, name in [
        ("/", "front page (en)"),
        ("/klachtenregeling/", "regulation (en)"),
        ("/klachtenregeling/versies/1/", "regulation version 1 (en)"),
        ("/klacht/", "complaint form (en)"),
        ("/vraag/", "question form (en)"),
        ("/mijn-klacht/link-kwijt/", "lost link (en)"),
    ]:
        assert page.goto(base + path).status == 200, path
        expect(page.locator("html")).to_have_attribute("lang", "en")
        scan.check(page, name)
    page.goto(base + "/klacht/")
    submit_complaint_form(page)
    expect(page.locator(".error-summary")).to_be_focused()
    scan.check(page, "complaint form with errors (en)")
    open_link(page, live_server, in_hearing)
    scan.check(page, "status page (en)")
    scan.assert_clean()


def test_staff_pages_pass_axe_at_1280_and_360(
    new_page,
    live_server,
    org,
    published,
    officer,
    second_officer,
    staff_member,
    subject,
    in_hearing,
    judged,
    overdue,
):
    from tests import two_factor

    question_services.question_submit(
        organisation=org,
        draft=QuestionDraft("Eva de Graaf", "eva@example.org", "Waar blijft mijn certificaat?"),
    )
    scan = Scan()

    # The two steps of the log-in: the code page, and the set-up for someone without an app.
    two_factor.device_for(officer)
    page = new_page()
    password_step(page, live_server, officer)
    page.wait_for_url(re.compile(r"/inloggen/code/"))
    scan.check(page, "two-step code")
    page = new_page()
    password_step(page, live_server, second_officer)
    page.wait_for_url(re.compile(r"/inloggen/tweestaps/"))
    scan.check(page, "two-step set-up")

    page = new_page()
    log_in(page, live_server, officer)
    work = f"{live_server.url}/werk"
    scan.visit(page, f"{work}/klachten/", "dashboard")
    expect(page.locator("#results tr.overdue")).to_have_count(1)
    scan.visit(page, f"{work}/klachten/?due=overdue&subject={subject.pk}", "dashboard, filtered")
    scan.visit(page, f"{work}/klachten/?q=bestaat-niet", "dashboard, nothing found")
    for complaint, state in [(in_hearing, "in hearing"), (judged, "judged")]:
        page.goto(f"{work}/klachten/{complaint.reference}/")
        page.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
        scan.check(page, f"dossier ({state}, procedure panel open)")
    scan.visit(page, f"{work}/klachten/registreren/", "register a complaint")
    page.get_by_role("button", name="Klacht registreren").click()
    expect(page.locator(".error-summary")).to_be_focused()
    scan.check(page, "register a complaint with errors")
    scan.visit(page, f"{work}/vragen/", "questions inbox")
    scan.visit(page, f"{work}/agenda/", "calendar")
    scan.visit(page, f"{work}/account/", "account")
    scan.visit(page, f"{work}/klachten/KL-2000-9999/", "404 for staff")

    page = new_page()
    log_in(page, live_server, staff_member)
    scan.visit(page, f"{work}/over-mij/", "complaints about me")
    scan.visit(page, f"{work}/over-mij/{in_hearing.reference}/", "complaint about me (hearing)")
    scan.visit(page, f"{work}/over-mij/{judged.reference}/", "complaint about me (judged)")
    scan.assert_clean()


def focused(page) -> dict:
    """What has the keyboard focus, and how its focus indicator looks."""
    return page.evaluate(
        """() => {
            const e = document.activeElement, style = getComputedStyle(e);
            return {
                tag: e.tagName.toLowerCase(), id: e.id, name: e.getAttribute('name') || '',
                value: e.value || '', text: (e.textContent || '').trim(),
                href: e.getAttribute('href') || '', type: e.getAttribute('type') || '',
                outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
                outlineColor: style.outlineColor,
                background: getComputedStyle(document.body).backgroundColor,
            };
        }"""
    )


def luminance(rgb: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(v) for v in re.findall(r"\d+", rgb)[:3])
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def assert_focus_visible(page, what: str) -> dict:
    """WCAG 2.4.7 and 1.4.11: a focus ring of at least 2 px, 3:1 against the page."""
    now = focused(page)
    assert now["outline"] not in ("none", "hidden"), (what, now)
    assert now["outlineWidth"] >= 2, (what, now)
    assert contrast(now["outlineColor"], now["background"]) >= 3, (what, now)
    return now


def tab(page, *, back: bool = False) -> dict:
    page.keyboard.press("Shift+Tab" if back else "Tab")
    return focused(page)


def test_keyboard_only_complaint_with_visible_focus_and_error_links(
    page, browser_problems, screenshot, live_server, org, officer, staff_member
):
    """WCAG 2.1.1, 2.4.3, 2.4.7, 3.3.1: the form is filed with the keyboard alone; each
    error in the summary is a link that brings the keyboard to its field."""
    page.goto(form_url(live_server, org))

    # The first Tab reaches the skip link; Enter skips the header.
    assert tab(page)["href"] == "#main"
    assert_focus_visible(page, "skip link")
    expect(page.locator(".skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    # Down the form in reading order: name, e-mail (mistyped), phone, "myself" (Space).
    assert tab(page)["id"] == "id_complainant_name"
    assert_focus_visible(page, "text field")
    page.keyboard.type("Marieke Jonker")
    assert tab(page)["id"] == "id_complainant_email"
    page.keyboard.type("marieke-at-example.org")
    assert tab(page)["id"] == "id_complainant_phone"
    now = tab(page)
    assert (now["name"], now["value"]) == ("representation", "self")
    page.keyboard.press("Space")
    expect(page.locator("#id_representation_0")).to_be_checked()
    assert tab(page)["id"] == "id_engagement_reference"  # "on behalf of" stays hidden
    assert tab(page)["id"] == "id_engagement_description"
    page.keyboard.type("Training Timemanagement, maart, Amersfoort")
    # The concerns and the description are left open; on to the button.
    while (now := tab(page))["tag"] != "button":
        assert now["tag"] in ("input", "select", "textarea"), now
    assert now["text"] == "Klacht versturen"
    assert_focus_visible(page, "button")
    page.keyboard.press("Enter")

    # The summary has the focus; its links lead to the fields.
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("a")).to_have_count(3)  # e-mail address, concerns, description
    screenshot(page, "keyboard-01-errors")
    link = tab(page)
    assert link["href"] == "#id_complainant_email", link
    assert_focus_visible(page, "error link")
    page.keyboard.press("Enter")
    expect(page.locator("#id_complainant_email")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("marieke@example.org")
    # Back up to the second error (Shift+Tab: past the name field and the last error).
    assert tab(page, back=True)["id"] == "id_complainant_name"
    assert tab(page, back=True)["href"] == "#id_description"
    assert tab(page, back=True)["href"] == "#id_concerns"
    page.keyboard.press("Enter")
    expect(page.locator("#id_concerns_0")).to_be_focused()  # the question's first choice
    page.keyboard.press("Space")
    assert tab(page)["id"] == "id_concerns_1"
    page.keyboard.press("Space")
    assert_focus_visible(page, "checkbox")
    while (now := tab(page))["id"] != "id_respondent_id":
        assert now["name"] == "concerns", now
    page.keyboard.type(staff_member.first_name)
    expect(page.locator("#id_respondent_id")).to_have_value(str(staff_member.pk))
    assert tab(page)["id"] == "id_description"
    page.keyboard.type("De trainer kwam een uur te laat.")
    while (now := tab(page))["tag"] != "button":
        pass
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(rf"/{org.slug}/klacht/ontvangen/"))  # (the #fragment stays)
    screenshot(page, "keyboard-02-receipt")
    complaint = Complaint.objects.get()
    assert complaint.complainant_email == "marieke@example.org"
    assert complaint.respondent == staff_member
    assert set(complaint.concerns.values_list("concern", flat=True)) == {
        "forming",
        "performance",
    }
