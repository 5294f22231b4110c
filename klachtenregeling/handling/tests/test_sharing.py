"""Issue 17, item 8: the person complained about sees the complaint's attachments that the
officer shares with them — a choice per attachment, each choice a row of its own (logged),
each download in the access log (R-6.2)."""

import io

import pytest
from django.urls import reverse

from klachtenregeling.audit.constants import AccessKind, ActorRole
from klachtenregeling.audit.models import AccessLogEntry
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.core.errors import NotPermitted
from klachtenregeling.handling import services
from klachtenregeling.handling.models import AttachmentShare
from klachtenregeling.handling.tests import steps
from tests import samples


@pytest.fixture
def complaint(submit, officer, staff_member):
    complaint = submit(
        respondent_id=staff_member.pk,
        files=[
            ("factuur.pdf", io.BytesIO(samples.pdf())),
            ("foto.png", io.BytesIO(samples.png())),
        ],
    )
    return steps.notify(steps.start(complaint, officer), officer)


def _detail(client, complaint) -> str:
    url = reverse("handling:about-me-detail", args=[complaint.reference])
    return client.get(url).content.decode()


def test_the_officer_shares_one_attachment_and_the_respondent_sees_only_that(
    client, complaint, officer, staff_member
):
    invoice = complaint.attachments.get(filename="factuur.pdf")
    photo = complaint.attachments.get(filename="foto.png")
    client.force_login(officer)
    response = client.post(
        reverse("handling:share", args=[complaint.reference]),
        {"attachment": str(invoice.pk), "share": "1"},
    )
    assert response.status_code == 302
    dossier = client.get(reverse("complaints:detail", args=[complaint.reference])).content
    assert "gedeeld met degene over wie is geklaagd" in dossier.decode()

    client.force_login(staff_member)
    page = _detail(client, complaint)
    assert "factuur.pdf" in page and "foto.png" not in page
    url = reverse("handling:respondent-file", args=[complaint.reference, invoice.pk])
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == samples.pdf()
    assert AccessLogEntry.objects.filter(
        kind=AccessKind.ATTACHMENT, actor_role=ActorRole.RESPONDENT, object_id=str(invoice.pk)
    ).exists()
    not_shared = reverse("handling:respondent-file", args=[complaint.reference, photo.pk])
    assert client.get(not_shared).status_code == 404


def test_stopping_to_share_is_logged_and_takes_effect(client, complaint, officer, staff_member):
    invoice = complaint.attachments.get(filename="factuur.pdf")
    services.attachment_share_with_respondent(
        complaint=complaint, attachment_id=invoice.pk, shared=True, by=officer
    )
    services.attachment_share_with_respondent(
        complaint=complaint, attachment_id=invoice.pk, shared=False, by=officer
    )
    assert list(AttachmentShare.objects.values_list("shared", "by")) == [
        (True, officer.pk),
        (False, officer.pk),
    ]
    client.force_login(staff_member)
    assert "factuur.pdf" not in _detail(client, complaint)
    url = reverse("handling:respondent-file", args=[complaint.reference, invoice.pk])
    assert client.get(url).status_code == 404


def test_only_the_handling_officer_shares(complaint, officer, staff_member, second_officer):
    invoice = complaint.attachments.get(filename="factuur.pdf")
    with pytest.raises(NotPermitted):
        services.attachment_share_with_respondent(
            complaint=complaint, attachment_id=invoice.pk, shared=True, by=second_officer
        )
    internal = complaint_services.complaint_add_attachment(
        complaint=complaint, name="notitie.pdf", stream=io.BytesIO(samples.pdf()), by=officer
    )
    services.attachment_share_with_respondent(
        complaint=complaint, attachment_id=internal.pk, shared=True, by=officer
    )  # the officer's own document may be shared
    assert AttachmentShare.objects.count() == 1
