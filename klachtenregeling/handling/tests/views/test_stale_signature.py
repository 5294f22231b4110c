"""R-5.7: a signature or answer given on a judgment text that was revised in the meantime is
refused, and the page says why and shows the current text (with a form for it), for each
of the three signers (issue 15)."""

import pytest
from django.urls import reverse

from klachtenregeling.handling.constants import Signer, Verdict
from klachtenregeling.handling.models import Signature

from .. import steps
from .test_procedure_pages import enter_portal, prefixed

CHANGED = "Het oordeel is gewijzigd nadat je de pagina opende"
REVISED = "Herzien: de zaal ging te laat open."


@pytest.fixture
def revised(complaint, officer):
    """Judged, accepted by the complainant, then revised: (first, second) judgment."""
    complaint = steps.hear_both(complaint, officer)
    first = steps.judge(complaint, officer)
    steps.accept(complaint, first)
    second = steps.judge(complaint, officer, verdict=Verdict.WELL_FOUNDED, reasoning=REVISED)
    return first, second


def _says_why_and_shows_the_current_text(response, second):
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="judgment-changed"' in page
    assert CHANGED in page
    assert REVISED in page  # the current text
    assert second.text_sha256 in page
    return page


def test_r5_7_officer_signing_a_revised_judgment_is_told_and_shown_the_current_one(
    client, complaint, officer, revised
):
    first, second = revised
    steps.accept(complaint, second)
    client.force_login(officer)
    url = reverse("handling:sign", args=[complaint.reference])

    response = client.post(url, prefixed("sign", {"sha256": first.text_sha256}))

    page = _says_why_and_shows_the_current_text(response, second)
    assert f'name="sign-sha256" value="{second.text_sha256}"' in page
    assert not Signature.objects.filter(signer=Signer.OFFICER).exists()
    # The form on the page signs the current text.
    response = client.post(url, prefixed("sign", {"sha256": second.text_sha256}))
    assert response.status_code == 302
    assert Signature.objects.get(signer=Signer.OFFICER).judgment == second


def test_r5_7_respondent_signing_a_revised_judgment_is_told_and_shown_the_current_one(
    client, complaint, respondent, revised
):
    first, second = revised
    steps.accept(complaint, second)
    client.force_login(respondent)
    url = reverse("handling:respondent-sign", args=[complaint.reference])

    response = client.post(url, {"sha256": first.text_sha256})

    page = _says_why_and_shows_the_current_text(response, second)
    assert f'name="sha256" value="{second.text_sha256}"' in page
    assert not Signature.objects.filter(signer=Signer.RESPONDENT).exists()
    assert client.post(url, {"sha256": second.text_sha256}).status_code == 302
    assert Signature.objects.get(signer=Signer.RESPONDENT).judgment == second


def test_r5_7_complainant_answering_a_revised_judgment_is_told_and_shown_the_current_one(
    client, complaint, revised
):
    first, second = revised
    enter_portal(client, complaint)
    url = reverse("portal:answer-judgment", args=[complaint.organisation.slug])

    response = client.post(url, {"answer": "accepted", "sha256": first.text_sha256})

    page = _says_why_and_shows_the_current_text(response, second)
    assert f'name="sha256" value="{second.text_sha256}"' in page
    assert not second.answers.exists()
    response = client.post(url, {"answer": "accepted", "sha256": second.text_sha256})
    assert response.status_code == 302
    assert second.answers.get().answer == "accepted"
