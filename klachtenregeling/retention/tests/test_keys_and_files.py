"""R-8.5: the key-encryption key (start-up check, rotation), encrypting files stored before
encryption, and reading files back (streamed; a changed file gives a clear page and an alert)."""

import base64
import io
import os
import secrets
import subprocess  # nosec B404 - our own settings module, fixed arguments
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from klachtenregeling.complaints.models import Attachment
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.retention import checks, crypto, keys
from klachtenregeling.retention.files import read_plaintext
from klachtenregeling.retention.models import ComplaintKey
from tests import samples


def new_kek() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


@pytest.mark.parametrize(
    "value, message",
    [
        ("", "KLACHTEN_KEK is not set"),
        ("not base64!", "not valid base64"),
        (base64.b64encode(b"short").decode(), "must be 32 bytes"),
    ],
)
def test_r8_5_a_missing_or_malformed_kek_fails_the_system_check(settings, value, message):
    settings.KLACHTEN_KEK = value
    [error] = checks.kek_configured()
    assert error.id == "retention.E001" and message in error.msg


def test_r8_5_a_valid_kek_passes_the_system_check():
    assert checks.kek_configured() == []


@pytest.mark.parametrize("kek", ["", "bad"])
def test_r8_5_production_settings_refuse_to_start_without_a_valid_kek(kek):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgres://u@127.0.0.1:5432/x",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "DEBUG": "",
        "KLACHTEN_KEK": kek,
    }
    result = subprocess.run(  # nosec B603
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "KLACHTEN_KEK" in result.stderr


def test_r8_5_no_file_is_written_without_a_kek(settings, submit, upload):
    settings.KLACHTEN_KEK = ""
    with pytest.raises(Exception, match="KLACHTEN_KEK"):
        submit(files=[upload("a.pdf", samples.pdf())])
    assert not Attachment.objects.exists()


def test_r8_5_files_are_stored_encrypted_with_the_digest_of_the_plaintext(submit, upload):
    complaint = submit(files=[upload("a.pdf", samples.pdf())])
    attachment = complaint.attachments.get()
    with attachment.file.storage.open(attachment.file.name, "rb") as handle:
        stored = handle.read()
    assert crypto.is_encrypted(stored) and samples.pdf() not in stored
    assert read_plaintext(attachment) == samples.pdf()
    import hashlib

    assert attachment.sha256 == hashlib.sha256(samples.pdf()).hexdigest()
    assert attachment.size == len(samples.pdf())


def test_r8_5_rotating_the_kek_rewraps_every_key_and_files_still_read(settings, submit, upload):
    complaint = submit(files=[upload("a.pdf", samples.pdf())])
    old = settings.KLACHTEN_KEK
    settings.KLACHTEN_KEK, settings.KLACHTEN_KEK_PREVIOUS = new_kek(), old
    # During the rotation both keys work.
    assert read_plaintext(complaint.attachments.get()) == samples.pdf()
    out = io.StringIO()
    call_command("rotate_kek", stdout=out)
    assert "1 complaint keys re-wrapped" in out.getvalue()
    settings.KLACHTEN_KEK_PREVIOUS = ""
    row = ComplaintKey.objects.get(complaint=complaint)
    assert row.kek_id == keys.current_kek().kek_id
    assert read_plaintext(complaint.attachments.get()) == samples.pdf()
    # Again: nothing left to do.
    settings.KLACHTEN_KEK_PREVIOUS = old
    out = io.StringIO()
    call_command("rotate_kek", stdout=out)
    assert "0 complaint keys re-wrapped, 1 already" in out.getvalue()


def test_r8_5_rotation_needs_the_previous_kek(settings):
    from django.core.management.base import CommandError

    settings.KLACHTEN_KEK_PREVIOUS = ""
    with pytest.raises(CommandError, match="KLACHTEN_KEK_PREVIOUS"):
        call_command("rotate_kek")


def test_r8_5_encrypt_files_encrypts_old_plain_files_once(
    submit, upload, django_capture_on_commit_callbacks
):
    complaint = submit(files=[upload("a.pdf", samples.pdf())])
    attachment = complaint.attachments.get()
    # As stored before encryption existed: the plain bytes.
    storage = attachment.file.storage
    plain_name = storage.save("complaints/old-plain.pdf", ContentFile(samples.pdf()))
    Attachment.objects.filter(pk=attachment.pk).update(file=plain_name)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("encrypt_files", stdout=(out := io.StringIO()))
    assert "1 encrypted" in out.getvalue()
    attachment.refresh_from_db()
    assert not storage.exists(plain_name)
    assert read_plaintext(attachment) == samples.pdf()
    call_command("encrypt_files", stdout=(out := io.StringIO()))
    assert "0 encrypted" in out.getvalue()


@pytest.fixture
def with_file(submit, officer, org_admin, upload):
    from klachtenregeling.handling.tests import steps

    content = os.urandom(3 * crypto.CHUNK_SIZE + 5)  # several chunks
    complaint = submit(files=[upload("verslag.txt", b"Verslag\n" + content.hex().encode())])
    return steps.start(complaint, officer)


def test_r8_5_the_officer_downloads_the_decrypted_file_streamed(client, with_file, officer):
    attachment = with_file.attachments.get()
    client.force_login(officer)
    response = client.get(
        reverse("complaints:attachment", args=[with_file.reference, attachment.pk])
    )
    assert response.status_code == 200 and response.streaming
    body = b"".join(response.streaming_content)
    assert body == read_plaintext(attachment)
    assert int(response["Content-Length"]) == attachment.size == len(body)


def test_r8_5_a_changed_file_gives_a_clear_page_and_alerts_the_administrator(
    client, with_file, officer, org_admin
):
    attachment = with_file.attachments.get()
    with Path(attachment.file.path).open(
        "r+b"
    ) as handle:  # a byte changed on the server, late in the file
        handle.seek(crypto.HEADER_BYTES + 2 * crypto.CHUNK_SIZE + 100)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 1]))
    client.force_login(officer)
    url = reverse("complaints:attachment", args=[with_file.reference, attachment.pk])
    response = client.get(url)
    assert response.status_code == 409
    html = response.content.decode()
    assert "administrator" in html.lower() or "beheerder" in html.lower()
    [alert] = OutboxMessage.objects.filter(kind=MessageKind.FILE_UNREADABLE)
    assert alert.to_email == org_admin.email
    assert with_file.reference in alert.subject
    assert attachment.filename not in alert.body_text
    # Opened again within the hour: the page again, no second alert.
    assert client.get(url).status_code == 409
    assert OutboxMessage.objects.filter(kind=MessageKind.FILE_UNREADABLE).count() == 1


def test_r8_5_a_wrong_kek_gives_the_same_clear_page(settings, client, with_file, officer):
    attachment = with_file.attachments.get()
    settings.KLACHTEN_KEK = new_kek()
    client.force_login(officer)
    response = client.get(
        reverse("complaints:attachment", args=[with_file.reference, attachment.pk])
    )
    assert response.status_code == 409
