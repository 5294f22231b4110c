"""Issue 17, item 1: a file that passed the checks is not lost by a form error. It is kept
for the same session (encrypted with a key only that session holds), listed as "al
toegevoegd: x.pdf — verwijderen", sent with the next submit, and removed when the form is
sent, when it is ticked off, or after 24 hours — on the public form and on the officer's
registration form (one mechanism: complaints/services/pending_uploads.py)."""

import re

from django.core.files.storage import default_storage

from klachtenregeling.complaints.models import Complaint, PendingUpload
from klachtenregeling.complaints.services.pending_uploads import pending_uploads_prune
from klachtenregeling.retention.files import read_plaintext
from tests import samples

from .test_public_form import FORM, errors_of, file, valid
from .test_register_and_appoint import REGISTER, form_data

KEPT = re.compile(r'name="kept_upload" value="([0-9a-f-]{36})"')


def _kept(response) -> list[str]:
    return KEPT.findall(response.content.decode())


def test_a_checked_file_survives_a_form_error_and_is_sent_with_the_complaint(client, org, officer):
    pdf = samples.pdf()
    response = client.post(FORM, valid(description="", attachments=[file("factuur.pdf", pdf)]))
    assert response.status_code == 200 and "description" in errors_of(response)
    html = response.content.decode()
    assert "al toegevoegd:" in html and "factuur.pdf" in html and "verwijderen" in html
    [kept] = _kept(response)
    row = PendingUpload.objects.get(pk=kept)
    on_disk = default_storage.open(row.file.name).read()
    assert pdf not in on_disk and pdf[:64] not in on_disk  # encrypted at rest

    response = client.post(FORM, valid(kept_upload=[kept]))
    assert response.status_code == 302
    attachment = Complaint.objects.get().attachments.get()
    assert attachment.filename == "factuur.pdf"
    assert read_plaintext(attachment) == pdf
    assert not PendingUpload.objects.exists()
    assert not default_storage.exists(row.file.name)


def test_a_kept_file_can_be_removed(client, org, officer):
    response = client.post(FORM, valid(description="", attachments=[file("a.pdf", samples.pdf())]))
    [kept] = _kept(response)
    response = client.post(FORM, valid(description="", kept_upload=[kept], remove_upload=[kept]))
    assert _kept(response) == []
    assert not PendingUpload.objects.exists()
    assert client.post(FORM, valid(kept_upload=[kept])).status_code == 302
    assert not Complaint.objects.get().attachments.exists()


def test_a_bad_file_is_named_at_once_and_not_kept_beside_a_good_one(client, org, officer):
    response = client.post(
        FORM,
        valid(
            description="",
            attachments=[file("pagina.html", samples.html()), file("goed.pdf", samples.pdf())],
        ),
    )
    errors = errors_of(response)
    assert "is geen PDF-, PNG-, JPEG-, DOCX-, TXT- of EML-bestand." in " ".join(
        errors["attachments"]
    )
    assert list(PendingUpload.objects.values_list("filename", flat=True)) == ["goed.pdf"]


def test_a_kept_file_belongs_to_its_session_only(client, org, officer):
    from django.test import Client

    response = client.post(FORM, valid(description="", attachments=[file("a.pdf", samples.pdf())]))
    [kept] = _kept(response)
    stranger = Client()
    assert stranger.post(FORM, valid(kept_upload=[kept])).status_code == 302
    assert not Complaint.objects.get().attachments.exists()
    assert PendingUpload.objects.filter(pk=kept).exists()  # still the first visitor's


def test_kept_files_are_removed_after_24_hours(client, org, officer, at):
    with at("2026-03-02 10:00"):
        response = client.post(
            FORM, valid(description="", attachments=[file("a.pdf", samples.pdf())])
        )
    [kept] = _kept(response)
    name = PendingUpload.objects.get().file.name
    with at("2026-03-03 09:59"):
        assert pending_uploads_prune() == 0
    with at("2026-03-03 10:01"):
        assert pending_uploads_prune() == 1
        assert client.post(FORM, valid(kept_upload=[kept])).status_code == 302
    assert not default_storage.exists(name)
    assert not Complaint.objects.get().attachments.exists()


def test_the_registration_form_keeps_the_original(client, officer, at):
    client.force_login(officer)
    data, original = form_data(concerns=[])
    with at("2026-03-09 10:00"):
        response = client.post(REGISTER, {**data, "original": file("brief.pdf", original)})
        assert "concerns" in errors_of(response)
        [kept] = _kept(response)
        assert "brief.pdf" in response.content.decode()
        data, _ = form_data()
        response = client.post(REGISTER, {**data, "kept_upload": [kept]})
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    [attachment] = complaint.attachments.all()
    assert (attachment.filename, read_plaintext(attachment)) == ("brief.pdf", original)
    assert not PendingUpload.objects.exists()
