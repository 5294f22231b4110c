"""Issue 17, item 1, in the browser at 1280 and 360 px: a client attaches a PDF, forgets
the description and submits; the page with the errors lists the file as already added (the
file field itself is empty, as browsers make it); the client completes the form and
submits: the complaint arrives with its evidence. A second file is ticked off with
"verwijderen" and does not arrive. The officer's registration form keeps its original the
same way."""

import re

import pytest
from playwright.sync_api import expect

from klachtenregeling.complaints.models import Complaint, PendingUpload
from klachtenregeling.retention.files import read_plaintext
from tests import samples
from tests.e2e import accessibility
from tests.e2e.login import log_in
from tests.e2e.test_complaint_journey import fill_complaint, form_url, submit_complaint_form

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 360])
def test_attachments_survive_a_form_error(
    page, live_server, org, engagement, staff_member, tmp_path, width
):
    evidence = tmp_path / "verslag-training.pdf"
    evidence.write_bytes(samples.pdf())
    extra = tmp_path / "foto.png"
    extra.write_bytes(samples.png())
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(form_url(live_server, org))
    fill_complaint(page, respondent=staff_member, attachment=evidence, description="")
    page.locator("#id_attachments").set_input_files([str(evidence), str(extra)])
    submit_complaint_form(page)

    kept = page.locator("ul.kept-uploads li")
    expect(kept).to_have_count(2)
    expect(kept.first).to_contain_text("al toegevoegd: verslag-training.pdf")
    expect(kept.nth(1)).to_contain_text("foto.png")
    expect(page.locator(".field--error #id_description")).to_be_visible()
    accessibility.assert_accessible(page, f"complaint form with kept files at {width} px")
    accessibility.assert_fits(page, "complaint form with kept files", max(width, 360))

    page.locator("#id_description").fill("De training begon een uur te laat.")
    kept.nth(1).get_by_label("verwijderen").check()
    submit_complaint_form(page)
    page.wait_for_url(f"**/{org.slug}/klacht/ontvangen/")

    [attachment] = Complaint.objects.get().attachments.all()
    assert attachment.filename == "verslag-training.pdf"
    assert read_plaintext(attachment) == samples.pdf()
    assert not PendingUpload.objects.exists()


def test_the_registration_form_keeps_the_original(page, live_server, officer, tmp_path):
    original = tmp_path / "brief.pdf"
    original.write_bytes(samples.pdf())
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}/werk/klachten/registreren/")
    form = page.locator("form[data-complaint-form]")
    form.locator('input[name="channel"][value="letter"]').check()
    form.locator("#id_original").set_input_files(str(original))
    form.locator("#id_complainant_name").fill("Bakkerij Van Dam")
    form.locator("button[type=submit]").click()

    expect(page.locator("ul.kept-uploads")).to_contain_text("al toegevoegd: brief.pdf")
    form = page.locator("form[data-complaint-form]")
    form.locator("#id_complainant_email").fill("info@vandam.example")
    form.locator("#id_engagement_description").fill("Workshop Feedback")
    form.locator('input[name="concerns"][value="forming"]').check()
    form.locator("#id_description").fill("Brief over de offerte.")
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/werk/klachten/KL-\d{4}-\d+/$"))
    [attachment] = Complaint.objects.get().attachments.all()
    assert attachment.filename == "brief.pdf"
