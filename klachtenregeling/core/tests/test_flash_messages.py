"""Issue 17, item 7: a flash message shows on the page it belongs to."""

from django.urls import reverse

from klachtenregeling.handling.tests import steps


def test_a_refusal_sent_back_to_a_form_address_shows_on_the_page_above_it(client, submit, officer):
    """The dossier was shown at a step's own address (the step was sent back with an error);
    a refusal from another button there goes to the dossier, not to the step's address
    (POST only: the message would turn up on some later page)."""
    complaint = steps.start(submit(), officer)  # already in handling: starting again is refused
    client.force_login(officer)
    step = reverse("handling:record-ruling", args=[complaint.reference])
    dossier = reverse("complaints:detail", args=[complaint.reference])
    response = client.post(
        reverse("complaints:start-handling", args=[complaint.reference]),
        HTTP_REFERER=f"http://testserver{step}",
    )
    assert response.status_code == 302 and response["Location"] == dossier
    page = client.get(dossier).content.decode()
    assert 'class="messages"' in page and "message--error" in page


def test_a_refusal_goes_back_to_a_page_as_it_was(client, submit, officer):
    complaint = steps.start(submit(), officer)
    client.force_login(officer)
    dossier = reverse("complaints:detail", args=[complaint.reference])
    response = client.post(
        reverse("complaints:start-handling", args=[complaint.reference]),
        HTTP_REFERER=f"http://testserver{dossier}?tab=1",
    )
    assert response["Location"] == f"http://testserver{dossier}?tab=1"
