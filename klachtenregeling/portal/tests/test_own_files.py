"""Issue 17, item 8: the complainant sees what they wrote and their own files on their
page, downloads them (logged, R-6.2), and adds files while the complaint runs; the
officer's own documents are not theirs to see."""

import io

from django.urls import reverse

from klachtenregeling.audit.constants import AccessKind, EventType
from klachtenregeling.audit.models import AccessLogEntry
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.handling import services as handling_services
from klachtenregeling.handling.tests import steps
from tests import samples

from .test_status_page import open_page


def _file(name: str, content: bytes) -> io.BytesIO:
    handle = io.BytesIO(content)
    handle.name = name
    return handle


def test_the_complainant_sees_their_text_and_files_not_the_officers(client, submit, officer):
    complaint = submit(
        description="De trainer kwam een uur te laat.",
        files=[("factuur.pdf", io.BytesIO(samples.pdf()))],
    )
    internal = complaint_services.complaint_add_attachment(
        complaint=complaint, name="intern-verslag.pdf", stream=io.BytesIO(samples.pdf()), by=officer
    )
    page = open_page(client, complaint).content.decode()
    assert "Wat je schreef" in page and "De trainer kwam een uur te laat." in page
    assert "factuur.pdf" in page
    assert "intern-verslag.pdf" not in page
    own = complaint.attachments.get(filename="factuur.pdf")
    slug = complaint.organisation.slug
    response = client.get(reverse("portal:file", args=[slug, own.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == samples.pdf()
    assert AccessLogEntry.objects.filter(kind=AccessKind.ATTACHMENT, object_id=str(own.pk)).exists()
    assert client.get(reverse("portal:file", args=[slug, internal.pk])).status_code == 404


def test_the_complainant_adds_files_to_a_running_complaint(client, submit, officer):
    complaint = submit()
    open_page(client, complaint)
    slug = complaint.organisation.slug
    url = reverse("portal:add-files", args=[slug])

    refused = client.post(url, {"attachments": [_file("pagina.html", samples.html())]})
    assert refused.status_code == 400
    assert "is geen PDF-, PNG-, JPEG-, DOCX-, TXT- of EML-bestand." in refused.content.decode()
    assert not complaint.attachments.exists()

    response = client.post(url, {"attachments": [_file("foto.png", samples.png())]})
    assert response.status_code == 302
    [added] = complaint.attachments.all()
    assert (added.filename, added.uploaded_by) == ("foto.png", None)
    event = complaint.events.get(type=EventType.ATTACHMENT_ADDED)
    assert event.visible_to_complainant and event.data["filename"] == "foto.png"
    page = client.get(reverse("portal:status", args=[slug])).content.decode()
    assert "Toegevoegd aan je klacht: foto.png." in page
    assert "foto.png" in page.split('id="files-heading"')[1]


def test_no_files_are_added_to_an_ended_complaint(client, submit, officer):
    complaint = steps.classify(submit(), officer)
    open_page(client, complaint)
    handling_services.complaint_withdraw_on_behalf(
        complaint=complaint, reason="Klager belde.", by=officer
    )
    slug = complaint.organisation.slug
    page = client.get(reverse("portal:status", args=[slug])).content.decode()
    assert "Toevoegen aan mijn klacht" not in page
    response = client.post(
        reverse("portal:add-files", args=[slug]), {"attachments": [_file("a.pdf", samples.pdf())]}
    )
    assert response.status_code in (400, 404)
    assert not complaint.attachments.exists()


def test_a_good_file_beside_a_bad_one_is_kept_for_the_next_submit(client, submit, officer):
    """Issue 17, item 1: the one form on the page takes only files; a refused one does not
    cost the good one beside it ("al toegevoegd: … — verwijderen")."""
    import re

    from klachtenregeling.complaints.models import PendingUpload

    complaint = submit()
    open_page(client, complaint)
    url = reverse("portal:add-files", args=[complaint.organisation.slug])
    refused = client.post(
        url,
        {"attachments": [_file("pagina.html", samples.html()), _file("foto.png", samples.png())]},
    )
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "is geen PDF-, PNG-, JPEG-, DOCX-, TXT- of EML-bestand." in html
    assert "al toegevoegd:" in html and "foto.png" in html and "verwijderen" in html
    [kept] = re.findall(r'name="kept_upload" value="([0-9a-f-]{36})"', html)
    assert not complaint.attachments.exists()

    assert client.post(url, {"kept_upload": [kept]}).status_code == 302
    [added] = complaint.attachments.all()
    assert added.filename == "foto.png"
    assert not PendingUpload.objects.exists()
