"""The suggestion in the dossier's subjects box (R-8.1): handling officer only."""

from django.urls import reverse
from django.utils import translation

from klachtenregeling.audit.constants import EventType
from klachtenregeling.core import clock
from klachtenregeling.suggestions import services

from .conftest import INVOICE_TEXT, add_history


def dutch(text: str) -> bytes:
    """The page's words as a Dutch reader sees them (the staff pages are Dutch by default)."""
    with translation.override("nl"):
        return translation.gettext(text).encode()


USE = dutch("Use these subjects")
TOO_FEW = dutch("Too few earlier complaints to suggest subjects yet.")


def detail(complaint) -> str:
    return reverse("complaints:detail", args=[complaint.reference])


def test_r8_1_suggestion_and_choice_recorded_in_dossier(client, org, officer, history, submit):
    services.subject_model_train(organisation=org)
    complaint = submit(description=INVOICE_TEXT)
    client.force_login(officer)
    page = client.get(detail(complaint))
    assert page.status_code == 200
    invoices = history["Facturering"]
    assert USE in page.content
    assert f'<input type="hidden" name="subjects" value="{invoices.pk}">'.encode() in page.content
    client.get(detail(complaint))  # opened again: still one suggestion in the dossier
    suggested = complaint.events.filter(type=EventType.SUBJECTS_SUGGESTED)
    assert suggested.count() == 1
    assert [s["id"] for s in suggested.get().data["suggestions"]] == [invoices.pk]
    recorded = dutch("Subjects suggested from earlier complaints: %(subjects)s").decode()
    assert (recorded % {"subjects": "Facturering"}).encode() in page.content

    # "Use these subjects" posts the suggestion to the ordinary set-subjects address.
    response = client.post(
        reverse("complaints:set-subjects", args=[complaint.reference]),
        {"subjects": [invoices.pk]},
    )
    assert response.status_code == 302
    assert list(complaint.subjects.all()) == [invoices]
    change = complaint.events.get(type=EventType.SUBJECTS_CHANGED)
    assert change.data == {
        "added": [{"id": invoices.pk, "name": "Facturering"}],
        "removed": [],
        "suggested": [{"id": invoices.pk, "name": "Facturering"}],
        "suggestion_followed": True,
    }
    assert USE not in client.get(detail(complaint)).content  # classified: no suggestion


def test_r8_1_suggestion_shown_to_the_handling_officer_only(
    client, org, officer, second_officer, history, submit
):
    services.subject_model_train(organisation=org)
    complaint = submit(description=INVOICE_TEXT)
    client.force_login(second_officer)
    assert client.get(detail(complaint)).status_code == 404
    assert not complaint.events.filter(type=EventType.SUBJECTS_SUGGESTED).exists()

    complaint.status, complaint.closed_at = "closed", clock.now()
    complaint.save()
    client.force_login(officer)  # may still read the closed complaint, no longer handle it
    page = client.get(detail(complaint))
    assert page.status_code == 200
    assert USE not in page.content
    assert not complaint.events.filter(type=EventType.SUBJECTS_SUGGESTED).exists()


def test_r8_1_no_suggestion_below_minimum_examples_says_so(client, org, officer, submit):
    add_history(org, 12)
    services.subject_model_train(organisation=org)
    complaint = submit(description=INVOICE_TEXT)
    client.force_login(officer)
    page = client.get(detail(complaint))
    assert TOO_FEW in page.content
    assert USE not in page.content
    assert page.context["subject_suggestion"] == {"subjects": [], "too_few": True}
