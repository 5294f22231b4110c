"""The regulation page, the question form and their staff pages in a real browser,
checked with axe-core (WCAG 2.1 AA) at desktop width and at 360 px."""

import pytest
from playwright.sync_api import expect

from klachtenregeling.questions.models import Question
from tests.e2e.accessibility import Scan, assert_accessible
from tests.e2e.login import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_r4_1_public_pages_pass_axe_and_the_question_form_works(
    new_page, live_server, org, published
):
    base = f"{live_server.url}/{org.slug}"
    page = new_page()
    scan = Scan()
    for path, title in [
        ("/", "Klachten over Interactie"),
        ("/klachtenregeling/", "Klachtenregeling"),
        ("/klachtenregeling/versies/", "Versies van de klachtenregeling"),
        ("/vraag/", "Heb je een vraag?"),
    ]:
        page.goto(base + path)
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        scan.check(page, path)
    scan.assert_clean()

    page = new_page()
    page.goto(f"{base}/klachtenregeling/")
    # The house style is applied through the stylesheet: the buttons use the primary colour.
    colour = page.get_by_role("button", name="Vraag versturen").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert colour == "rgb(27, 110, 58)"
    page.get_by_role("button", name="Vraag versturen").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.get_by_label("Je vraag")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "question form with errors")
    page.get_by_label("Je naam").fill("Joost Mulder")
    page.get_by_label("E-mailadres").fill("joost@example.org")
    page.get_by_label("Je vraag").fill("Geldt de regeling ook voor open trainingen?")
    page.get_by_label("Als mijn vraag een klacht blijkt te zijn").check()
    page.get_by_role("button", name="Vraag versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("We hebben je vraag ontvangen")
    assert Question.objects.get().consent_to_complaint


def test_r4_1_staff_pages_pass_axe(new_page, live_server, org, officer, org_admin, published):
    from klachtenregeling.questions import services
    from klachtenregeling.questions.rules import QuestionDraft

    question = services.question_submit(
        organisation=org,
        draft=QuestionDraft(
            "Eva de Graaf",
            "eva@example.org",
            "Waar blijft mijn certificaat?",
            consent_to_complaint=True,
        ),
    ).question
    pages = {
        officer: [
            "/werk/vragen/",
            f"/werk/vragen/{question.pk}/",
            "/werk/klachtenregeling/opdrachtbevestiging/",
        ],
        org_admin: [
            "/werk/klachtenregeling/",
            "/werk/klachtenregeling/artikel/procedure/",
            "/werk/huisstijl/",
        ],
    }
    scan = Scan()
    for user, paths in pages.items():
        page = new_page()
        log_in(page, live_server, user)
        for path in paths:
            scan.visit(page, live_server.url + path, path)
    scan.assert_clean()

    page = new_page()
    log_in(page, live_server, org_admin)
    page.goto(f"{live_server.url}/werk/klachtenregeling/artikel/procedure/")
    page.get_by_label("Tekst (Nederlands)").fill("1. Binnen vier weken. TODO")
    page.get_by_role("button", name="Opslaan en publiceren").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.get_by_label("Tekst (Nederlands)")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "article with errors")
