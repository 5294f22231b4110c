"""The triage inbox: register as a complaint, handle as a question, discard; R-5.4; upload."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints.constants import AttachmentKind, Channel
from klachtenregeling.core import clock
from klachtenregeling.inbound.constants import MailStatus
from klachtenregeling.inbound.models import InboundMail
from klachtenregeling.questions.models import Question

from .conftest import corpus_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(import_raw, mailbox, officer):
    return import_raw(corpus_bytes("pdf_and_docx.eml")).mail


def test_r1_1_register_keeps_the_eml_as_original_and_the_arrival_date(client, officer, waiting):
    client.force_login(officer)
    page = client.get(reverse("inbound:register", args=[waiting.pk]))
    assert page.status_code == 200
    assert "José Muñoz" in page.content.decode()
    form = page.context["form"]
    response = client.post(
        reverse("inbound:register", args=[waiting.pk]),
        {
            **{k: v for k, v in form.initial.items() if isinstance(v, str)},
            "complainant_name": "José Muñoz",
            "complainant_email": "jose.munoz@example.com",
            "representation": "self",
            "concerns": ["invoice"],
            "engagement_description": "Advies februari",
            "description": waiting.text,
            "language": "nl",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    waiting.refresh_from_db()
    complaint = waiting.complaint
    assert waiting.status == MailStatus.REGISTERED
    assert complaint.channel == Channel.EMAIL
    assert clock.local_date(complaint.received_at).isoformat() == "2026-03-05"
    original = complaint.attachments.get(kind=AttachmentKind.ORIGINAL)
    assert original.filename.endswith(".eml")
    supporting = sorted(
        complaint.attachments.filter(kind=AttachmentKind.SUPPORTING).values_list(
            "filename", flat=True
        )
    )
    assert supporting == ["factuur-2026-02.pdf", "tijdlijn.docx"]
    assert complaint.events.filter(type=EventType.REGISTERED).exists()
    # The message is now the complaint's original: no longer in the shared inbox.
    again = client.post(reverse("inbound:register", args=[waiting.pk]), {})
    assert again.status_code == 404
    assert complaint.organisation.complaints.count() == 1


def test_handle_as_a_question(client, officer, waiting):
    client.force_login(officer)
    response = client.post(reverse("inbound:question", args=[waiting.pk]))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == MailStatus.QUESTION
    question = Question.objects.get()
    assert (question.email, waiting.question_id) == ("jose.munoz@example.com", question.pk)


def test_discard_needs_a_reason_and_keeps_it(client, officer, waiting):
    client.force_login(officer)
    refused = client.post(reverse("inbound:discard", args=[waiting.pk]), {"reason": " "})
    assert refused.status_code == 400
    assert "reason" in refused.context["discard_form"].errors
    client.post(reverse("inbound:discard", args=[waiting.pk]), {"reason": "Spam"})
    waiting.refresh_from_db()
    assert (waiting.status, waiting.discard_reason, waiting.handled_by) == (
        MailStatus.DISCARDED,
        "Spam",
        officer,
    )
    assert waiting not in InboundMail.objects.filter(status=MailStatus.TRIAGE)


def test_r5_4_mail_naming_an_officer_is_not_shown_to_that_officer(
    client, officer, second_officer, import_raw, mailbox
):
    raw = (
        f"From: boos@example.net\nTo: klachten@interactie.nl\nSubject: Klacht\n"
        f"Message-ID: <r54@example.net>\n\nIk klaag over {officer.display_name}, die mij "
        f"onbeleefd behandelde.\n"
    ).encode()
    mail = import_raw(raw).mail
    assert list(mail.named_officers.all()) == [officer]
    client.force_login(officer)
    assert mail not in client.get(reverse("inbound:inbox")).context["page"].object_list
    assert client.get(reverse("inbound:detail", args=[mail.pk])).status_code == 404
    client.force_login(second_officer)
    assert mail in client.get(reverse("inbound:inbox")).context["page"].object_list
    assert client.get(reverse("inbound:detail", args=[mail.pk])).status_code == 200


def test_upload_of_a_saved_eml_is_the_same_path(client, officer, mailbox):
    client.force_login(officer)
    upload = SimpleUploadedFile("klacht.eml", corpus_bytes("windows_1252.eml"), "message/rfc822")
    response = client.post(reverse("inbound:upload"), {"eml": upload})
    mail = InboundMail.objects.get()
    assert response.url == reverse("inbound:detail", args=[mail.pk])
    page = client.get(response.url).content.decode()
    assert "Factuur coördinatie" in page


def test_the_admin_saves_the_mailbox_and_sees_failed_mail(client, org_admin, import_raw):
    client.force_login(org_admin)
    response = client.post(
        reverse("inbound:mailbox"),
        {
            "address": "klachten@interactie.nl",
            "host": "imap.interactie.nl",
            "port": "993",
            "security": "ssl",
            "username": "klachten@interactie.nl",
            "auth_method": "password",
            "secret": "s3cret",
            "folder": "INBOX",
            "move_to": "Verwerkt",
            "enabled": "on",
        },
    )
    assert response.status_code == 302
    failed = import_raw(corpus_bytes("unreadable.eml")).mail
    page = client.get(reverse("inbound:mailbox")).content.decode()
    assert "s3cret" not in page
    assert failed.error in page


def test_registering_an_email_keeps_an_added_file_and_the_text_across_an_error(
    client, officer, waiting
):
    """Issue 17, item 1: a file added to the registration survives a missing field."""
    import re

    from klachtenregeling.complaints.models import PendingUpload
    from tests import samples

    client.force_login(officer)
    url = reverse("inbound:register", args=[waiting.pk])
    initial = client.get(url).context["form"].initial
    data = {
        **{k: v for k, v in initial.items() if isinstance(v, str)},
        "complainant_name": "José Muñoz",
        "complainant_email": "jose.munoz@example.com",
        "representation": "self",
        "engagement_description": "Advies februari",
        "description": "De factuur klopt niet.",
        "language": "nl",
    }
    refused = client.post(
        url,
        {
            **data,
            "attachments": [
                SimpleUploadedFile("notitie.pdf", samples.pdf(), content_type="application/pdf")
            ],
        },
    )
    assert refused.status_code == 400 and "concerns" in refused.context["form"].errors
    html = refused.content.decode()
    assert "De factuur klopt niet." in html
    assert "al toegevoegd:" in html and "notitie.pdf" in html and "verwijderen" in html
    [kept] = re.findall(r'name="kept_upload" value="([0-9a-f-]{36})"', html)

    response = client.post(url, {**data, "concerns": ["invoice"], "kept_upload": [kept]})
    assert response.status_code == 302, response.context["form"].errors
    waiting.refresh_from_db()
    assert waiting.complaint.attachments.filter(filename="notitie.pdf").exists()
    assert not PendingUpload.objects.exists()
