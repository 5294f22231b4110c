"""Nothing is half-stored: a failed file write leaves no complaint, a failed complaint no file."""

from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from klachtenregeling.audit.models import CaseEvent
from klachtenregeling.complaints.models import Attachment, Complaint, ReferenceCounter
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.notifications import messages
from klachtenregeling.notifications.models import OutboxMessage
from tests import samples


def stored_files() -> list[Path]:
    root = Path(default_storage.location)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def assert_nothing_stored():
    assert Complaint.objects.count() == 0
    assert Attachment.objects.count() == 0
    assert CaseEvent.objects.count() == 0
    assert OutboxMessage.objects.count() == 0
    assert not ReferenceCounter.objects.filter(last_number__gt=0).exists()


def test_a_failed_file_write_leaves_no_complaint(settings, tmp_path, submit, officer, upload):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the storage expects a directory")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": blocker / "private"},
        },
    }
    with pytest.raises(OSError):
        submit(files=[upload("factuur.pdf", samples.pdf())])
    assert_nothing_stored()


def test_a_failed_complaint_leaves_no_file(monkeypatch, submit, officer, upload):
    before = stored_files()

    def mail_server_template_broken(complaint):
        raise RuntimeError("rendering failed after the files were written")

    monkeypatch.setattr(messages, "acknowledgement", mail_server_template_broken)
    with pytest.raises(RuntimeError):
        submit(files=[upload("a.pdf", samples.pdf()), upload("b.png", samples.png())])
    assert_nothing_stored()
    assert stored_files() == before


def test_invalid_file_leaves_nothing(submit, officer, upload):
    before = stored_files()
    with pytest.raises(InvalidInput, match=r"page\.html"):
        submit(files=[upload("ok.pdf", samples.pdf()), upload("page.html", samples.html())])
    assert_nothing_stored()
    assert stored_files() == before
