"""Issue 17, items 2 and 3, in the browser at 1280 and 360 px: the officer sees the
judgment letters as they will be sent (page images, recipients) and sends only from that
page, or goes back with the text kept; the complainant's "no" to a judgment or a proposal
is asked once more on a page that says what happens next."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from klachtenregeling.complaints.constants import Status
from klachtenregeling.handling import services
from klachtenregeling.handling.tests import steps
from klachtenregeling.portal import tokens
from tests.e2e import accessibility
from tests.e2e.login import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = [1280, 360]
REASONING = "De zaal was niet op tijd open en de trainer heeft de groep niet ingelicht."


@pytest.fixture
def heard(submit, officer, staff_member):
    complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    complaint = steps.classify(complaint, officer)
    return steps.hear_both(complaint, officer)


def check_page(page, name: str, width: int) -> None:
    accessibility.assert_accessible(page, f"{name} at {width} px")
    accessibility.assert_fits(page, name, width)


def open_portal(page, live_server, complaint) -> None:
    token = tokens.issue(complaint, purpose="test")
    slug = complaint.organisation.slug
    page.goto(f"{live_server.url}{reverse('portal:enter', args=[slug])}?t={token}")
    page.wait_for_url(f"**/{slug}/mijn-klacht/")


@pytest.mark.parametrize("width", WIDTHS)
def test_r5_6_the_judgment_is_sent_from_its_preview(
    page, live_server, heard, officer, staff_member, width
):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}{reverse('complaints:detail', args=[heard.reference])}")
    step = page.locator("details", has=page.get_by_text("Oordeel schrijven"))
    step.get_by_label("deels gegrond").check()
    step.get_by_label("Motivering").fill(REASONING)
    step.get_by_role("button", name="Bekijk de brief").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bekijk het oordeel voordat je het verstuurt"
    )
    expect(page.locator("img.letter-page")).not_to_have_count(0)
    expect(page.locator("main")).to_contain_text(heard.complainant_email)
    expect(page.locator("main")).to_contain_text(staff_member.email)
    check_page(page, "judgment preview", width)
    assert not heard.judgments.exists()

    page.get_by_role("button", name="Terug: tekst aanpassen").click()
    step = page.locator("details[open]", has=page.get_by_text("Oordeel schrijven"))
    expect(step.get_by_label("Motivering")).to_have_value(REASONING)
    step.get_by_role("button", name="Bekijk de brief").click()
    page.get_by_role("button", name="Verstuur het oordeel").click()
    expect(page.locator(".messages")).to_contain_text("Het oordeel is verstuurd.")
    assert steps.fresh(heard).status == Status.JUDGED


@pytest.mark.parametrize("width", WIDTHS)
def test_r4_3_not_accepting_the_judgment_is_confirmed_first(
    page, live_server, heard, officer, width
):
    steps.judge(heard, officer)
    page.set_viewport_size({"width": width, "height": 900})
    open_portal(page, live_server, heard)
    page.get_by_role("button", name="Ik aanvaard het niet").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Je aanvaardt het oordeel niet")
    expect(page.locator("main")).to_contain_text("De interne klachtenprocedure eindigt")
    expect(page.locator("main")).to_contain_text(heard.organisation.disputes_body_name)
    check_page(page, "confirm not accepting the judgment", width)
    assert steps.fresh(heard).status == Status.JUDGED

    page.get_by_role("button", name="Ja, ik aanvaard het oordeel niet").click()
    page.wait_for_url(f"**/{heard.organisation.slug}/mijn-klacht/")
    expect(page.locator("main")).to_contain_text("niet opgelost")
    assert steps.fresh(heard).status == Status.UNRESOLVED


@pytest.mark.parametrize("width", WIDTHS)
def test_r5_3_declining_a_proposal_is_confirmed_and_stays_visible(
    page, live_server, submit, officer, staff_member, width
):
    complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    services.proposal_make(complaint=complaint, text="Een gratis vervolgtraining.", by=officer)
    page.set_viewport_size({"width": width, "height": 900})
    open_portal(page, live_server, complaint)
    page.get_by_label("Toelichting (niet verplicht)").first.fill("Liever geld terug.")
    page.get_by_role("button", name="Afwijzen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Je wijst de voorgestelde oplossing af"
    )
    expect(page.locator("main")).to_contain_text("De behandeling van je klacht gaat door")
    check_page(page, "confirm declining a proposal", width)

    page.get_by_role("button", name="Ja, ik wijs dit voorstel af").click()
    history = page.locator("section", has=page.get_by_text("Voorstellen die je hebt beantwoord"))
    expect(history).to_contain_text("Een gratis vervolgtraining.")
    expect(history).to_contain_text("Liever geld terug.")
