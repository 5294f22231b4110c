"""Malformed input from URLs and query strings is answered, never a server error.

These run on SQLite and PostgreSQL; PostgreSQL refuses NUL bytes in text, SQLite not.
"""

import io

import pytest
from django.urls import reverse

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core.upload_handlers import BoundedTemporaryFileUploadHandler

DASHBOARD = reverse("complaints:dashboard")


def public_form(org, **overrides) -> dict:
    data = {
        "complainant_name": "Naam",
        "complainant_email": "a@example.org",
        "representation": "self",
        "engagement_description": "Training",
        "concerns": ["quality"],
        "description": "Een klacht.",
        "submission_key": "sleutel",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    "params",
    [
        {"subject": "²"},
        {"subject": "99999999999999999999999"},
        {"subject": "-1"},
        {"status": "gesloten'; DROP TABLE x"},
        {"q": "naam\x00met nul"},
        {"q": "x" * 5000},
        {"page": "999999999999999999999"},
        {"overdue": "\x00"},
    ],
)
def test_malformed_dashboard_parameters_are_ignored(client, officer, submit, params):
    complaint = submit()
    client.force_login(officer)
    response = client.get(DASHBOARD, params)
    assert response.status_code == 200
    if not {"q", "overdue"} & set(params):  # these two legitimately filter
        assert complaint.reference.encode() in response.content


@pytest.mark.parametrize(
    "path",
    [
        "/werk/klachten/KL-2026-%00/",
        "/werk/klachten/x%00y/",
        "/werk/klachten/KL-2026-0001%00/notities/",
        "/werk/klachten/../../etc/passwd",
    ],
)
def test_malformed_references_are_not_found(client, officer, path):
    client.force_login(officer)
    assert client.get(path).status_code == 404


def test_nul_in_api_organisation_is_a_validation_error(client, org, officer):
    response = client.post(
        "/api/v1/complaints",
        data='{"organisation": "inter\\u0000actie", "complainant": {"name": "a", "email": "a@b.nl"},'
        ' "concerns": ["quality"], "description": "x", "engagement_description": "y"}',
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "organisation" in response.json()["errors"]
    assert Complaint.objects.count() == 0


def test_nul_in_api_path_is_refused_as_not_a_short_name(client, org):
    """The path's short name has a pattern in the OpenAPI document: a NUL is a documented 422
    in the common error shape, never a 500."""
    response = client.get("/api/v1/organisations/inter%00actie/form-options")
    assert response.status_code == 422
    assert "errors" in response.json()


def test_nul_in_the_complaint_text_is_refused(client, org, officer):
    response = client.post(
        reverse("public:complaint-form", args=[org.slug]),
        public_form(org, description="tekst met \x00 erin"),
    )
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert Complaint.objects.count() == 0


def test_an_oversized_upload_is_kept_on_disk_only_up_to_the_limit(settings):
    settings.MAX_ATTACHMENT_BYTES = 1000
    handler = BoundedTemporaryFileUploadHandler()
    handler.new_file("attachments", "groot.txt", "text/plain", 10_000)
    for start in range(0, 10_000, 2048):
        handler.receive_data_chunk(b"a" * 2048, start)
    uploaded = handler.file_complete(10_240)
    uploaded.seek(0)
    assert len(uploaded.read()) == uploaded.size == 1001  # one byte over: refused by the check


def test_an_oversized_upload_is_refused_through_the_form(client, org, officer, settings):
    settings.MAX_ATTACHMENT_BYTES = 1024 * 1024
    big = io.BytesIO(b"a" * (3 * 1024 * 1024))  # over FILE_UPLOAD_MAX_MEMORY_SIZE: to disk
    big.name = "groot.txt"
    response = client.post(
        reverse("public:complaint-form", args=[org.slug]), public_form(org, attachments=[big])
    )
    assert "is groter dan 1 MB" in " ".join(response.context["form"].errors["attachments"])
    assert Complaint.objects.count() == 0
