"""Issue 17 item 2: a letter is looked at before it goes out. The judgment (R-5.6), the
extension (R-5.5) and the not-admissible letter show the PDF as it will be sent, as page
images in the page, with who receives it; only the "send" button of that page sends, and
"back" returns to the form with everything typed still in it."""

from datetime import timedelta

import pytest
from django.urls import reverse

from klachtenregeling.complaints.constants import Status
from klachtenregeling.notifications.models import OutboxMessage

from .. import steps

pytestmark = pytest.mark.django_db

REASONING = "De zaal was niet op tijd open; de trainer heeft niet gebeld."


def step(name, complaint) -> str:
    return reverse(f"handling:{name}", args=[complaint.reference])


@pytest.fixture
def heard(submit, officer, staff_member):
    """Both sides heard, the subject registered: ready for the judgment."""
    complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    complaint = steps.classify(complaint, officer)
    return steps.hear_both(complaint, officer)


def judgment_post(complaint, **extra) -> dict:
    return {
        "judgment-version": complaint.version,
        "judgment-verdict": "partly_well_founded",
        "judgment-reasoning": REASONING,
        "judgment-recommendations": "Zaal eerder openen",
        **extra,
    }


def test_r5_6_judgment_is_previewed_for_each_party_and_nothing_is_sent(
    client, heard, officer, staff_member
):
    client.force_login(officer)
    outbox = OutboxMessage.objects.count()
    response = client.post(step("judge", heard), judgment_post(heard))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Bekijk het oordeel voordat je het verstuurt" in page
    # Both letters, with who receives them and how.
    assert heard.complainant_name in page and heard.complainant_email in page
    assert staff_member.display_name in page and staff_member.email in page
    assert page.count('class="letter-page" src="data:image/png;base64,') >= 2
    # The same input goes again with "send"; the text is carried unchanged.
    assert 'name="judgment-reasoning" value="' + REASONING + '"' in page
    assert 'name="confirm" value="send"' in page and 'name="confirm" value="change"' in page
    # The inline page images are allowed for this response only.
    assert "data:" in response["Content-Security-Policy"]
    # Nothing happened yet.
    assert not heard.judgments.exists()
    assert steps.fresh(heard).status == Status.HEARING
    assert OutboxMessage.objects.count() == outbox


def test_r5_6_the_judgment_goes_out_only_from_the_preview_send_button(client, heard, officer):
    client.force_login(officer)
    response = client.post(step("judge", heard), judgment_post(heard, confirm="send"))
    assert response.status_code == 302
    assert steps.fresh(heard).status == Status.JUDGED
    assert heard.judgments.get().reasoning == REASONING


def test_back_from_the_preview_keeps_what_was_typed_and_opens_the_form(client, heard, officer):
    client.force_login(officer)
    response = client.post(step("judge", heard), judgment_post(heard, confirm="change"))
    assert response.status_code == 200
    page = response.content.decode()
    assert REASONING in page  # in the textarea again
    assert '<details id="step-judgment" open' in page  # unfolded, not hidden
    assert not heard.judgments.exists()


def test_r5_6_a_refused_judgment_shows_the_reason_at_the_form_not_a_preview(
    client, submit, officer, staff_member
):
    complaint = steps.classify(steps.start(submit(respondent_id=staff_member.pk), officer), officer)
    client.force_login(officer)
    response = client.post(step("judge", complaint), judgment_post(complaint))
    assert response.status_code == 400
    assert "letter-page" not in response.content.decode()


def test_r5_5_extension_letter_is_previewed_before_the_term_changes(client, heard, officer):
    client.force_login(officer)
    new_deadline = heard.deadline + timedelta(days=14)
    data = {
        "extend-version": heard.version,
        "extend-new_deadline": new_deadline.isoformat(),
        "extend-reason_category": "availability",
        "extend-reason": "De trainer is twee weken afwezig.",
    }
    url = reverse("complaints:extend-deadline", args=[heard.reference])
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bekijk de brief voordat je de termijn verlengt" in page
    assert heard.complainant_email in page and "letter-page" in page
    assert steps.fresh(heard).deadline == heard.deadline
    assert not heard.extensions.exists()

    response = client.post(url, {**data, "confirm": "send"})
    assert response.status_code == 302
    assert steps.fresh(heard).deadline == new_deadline


def test_not_admissible_letter_is_previewed_before_the_complaint_ends(client, submit, officer):
    complaint = steps.classify(steps.start(submit(), officer), officer)
    client.force_login(officer)
    data = {
        "not-admissible-version": complaint.version,
        "not-admissible-reason": "Dit gaat over een factuur, niet over een klacht.",
        "not-admissible-satisfaction": "unknown",
        "not-admissible-cause": "0",  # "unknown" is an answer
    }
    response = client.post(step("not-admissible", complaint), data)
    assert response.status_code == 200, response.content.decode()[:3000]
    page = response.content.decode()
    assert "niet-ontvankelijk" in page and "letter-page" in page
    assert complaint.complainant_email in page
    assert steps.fresh(complaint).status == Status.IN_HANDLING

    response = client.post(step("not-admissible", complaint), {**data, "confirm": "send"})
    assert response.status_code == 302
    assert steps.fresh(complaint).status == Status.NOT_ADMISSIBLE
