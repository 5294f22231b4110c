import base64
import json

import pytest

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints.constants import Channel
from klachtenregeling.complaints.models import Complaint
from tests import samples

URL = "/api/v1/complaints"


def body(**overrides) -> dict:
    values = {
        "organisation": "interactie",
        "complainant": {"name": "Linda Mulder", "email": "linda@example.org"},
        "engagement_description": "Teamtraining, oktober",
        "concerns": ["performance"],
        "description": "De tweede dag is zonder overleg geschrapt.",
    }
    values.update(overrides)
    return values


def post(client, data, **headers):
    return client.post(URL, data=json.dumps(data), content_type="application/json", **headers)


def test_r1_1_complaint_filed_through_the_api(client, org, officer):
    response = post(client, body())
    assert response.status_code == 201
    data = response.json()
    complaint = Complaint.objects.get(reference=data["reference"])
    assert complaint.channel == Channel.API
    assert complaint.assigned_officer == officer
    assert data["deadline"] == complaint.deadline.isoformat()
    assert data["free_of_charge"] is True
    assert data["disputes_body"] == "De Geschillencommissie"
    assert complaint.events.filter(type=EventType.SUBMITTED).exists()


def test_r1_2_r1_3_r2_1_same_validation_as_the_form(client, org, officer):
    response = post(
        client,
        body(
            complainant={"name": "", "email": "geen-adres"},
            concerns=[],
            is_representative=True,
            on_behalf_of="",
            engagement_description="",
        ),
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert {
        "complainant.name",
        "complainant.email",
        "concerns",
        "on_behalf_of",
        "engagement_description",
    } <= set(errors)
    assert Complaint.objects.count() == 0


def test_unknown_concern_is_a_schema_error_in_the_same_shape(client, org, officer):
    response = post(client, body(concerns=["weather"]))
    assert response.status_code == 422
    assert "concerns.0" in response.json()["errors"]


def test_unknown_engagement_number_is_refused(client, org, officer, engagement):
    response = post(client, body(engagement_reference="OPD-0000-000", engagement_description=""))
    assert response.status_code == 422
    assert "engagement_reference" in response.json()["errors"]
    ok = post(client, body(engagement_reference=engagement.reference, engagement_description=""))
    assert ok.status_code == 201
    assert Complaint.objects.get().engagement == engagement


def test_unknown_organisation_is_404(client, org, officer):
    assert post(client, body(organisation="bestaat-niet")).status_code == 404


def test_attachments_base64_checked_by_content(client, org, officer):
    good = {"filename": "factuur.pdf", "content_base64": base64.b64encode(samples.pdf()).decode()}
    bad = {"filename": "x.pdf", "content_base64": base64.b64encode(samples.html()).decode()}
    broken = {"filename": "y.pdf", "content_base64": "not base64!"}
    assert post(client, body(attachments=[bad])).status_code == 422
    assert post(client, body(attachments=[broken])).status_code == 422
    assert Complaint.objects.count() == 0
    response = post(client, body(attachments=[good]))
    assert response.status_code == 201
    assert Complaint.objects.get().attachments.get().content_type == "application/pdf"


def test_html_is_stored_as_text(client, org, officer):
    response = post(client, body(description="<script>alert(1)</script> te laat"))
    assert response.status_code == 201
    assert Complaint.objects.get().description == "<script>alert(1)</script> te laat"


def test_idempotency_key_makes_retries_safe(client, org, officer):
    first = post(client, body(), HTTP_IDEMPOTENCY_KEY="retry-7")
    second = post(client, body(), HTTP_IDEMPOTENCY_KEY="retry-7")
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["reference"] == second.json()["reference"]
    assert Complaint.objects.count() == 1


def test_submissions_are_rate_limited_per_ip(client, org, officer, settings):
    statuses = [post(client, body()).status_code for _ in range(21)]
    assert statuses[:20] == [201] * 20
    assert statuses[20] == 429
    assert Complaint.objects.count() == 20
    other_ip = post(client, body(), REMOTE_ADDR="10.1.2.3")
    assert other_ip.status_code == 201


def test_form_options_list_concerns_and_staff_of_that_organisation_only(
    client, org, officer, staff_member, other_officer
):
    data = client.get("/api/v1/organisations/interactie/form-options").json()
    assert [c["value"] for c in data["concerns"]] == [
        "forming",
        "performance",
        "quality",
        "invoice",
        "conduct",
    ]
    staff_ids = {int(s["value"]) for s in data["staff"]}
    assert staff_ids == {officer.pk, staff_member.pk}
    assert data["term_days"] == 28


@pytest.mark.parametrize(
    "path", ["/api/v1/complaints", "/api/v1/organisations/{slug}/form-options"]
)
def test_openapi_document_describes_the_api(client, path):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert path in document["paths"]
    if path == "/api/v1/complaints":
        operation = document["paths"][path]["post"]
        assert {"201", "422", "429"} <= set(operation["responses"])


def test_path_traversal_file_name_is_refused(client, org, officer):
    evil = {
        "filename": "../../etc/passwd",
        "content_base64": base64.b64encode(samples.txt()).decode(),
    }
    response = post(client, body(attachments=[evil]))
    assert response.status_code == 422
    assert "attachments" in response.json()["errors"]
    assert Complaint.objects.count() == 0


def test_idempotency_key_reused_for_other_content_is_refused(client, org, officer):
    first = post(client, body(), HTTP_IDEMPOTENCY_KEY="1")
    other = post(client, body(description="Een heel andere klacht."), HTTP_IDEMPOTENCY_KEY="1")
    assert first.status_code == 201
    assert other.status_code == 422
    assert "Idempotency-Key" in other.json()["errors"]
    assert first.json()["reference"] not in other.content.decode()
    assert Complaint.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"description": "a\ud800b"}, "description"),
        ({"engagement_description": "x\udfffy"}, "engagement_description"),
        (
            {"complainant": {"name": "Linda\ud800", "email": "linda@example.org"}},
            "complainant.name",
        ),
        (
            {"complainant": {"name": "Linda\nMulder", "email": "linda@example.org"}},
            "complainant.name",
        ),
    ],
)
def test_r1_1_a_lone_surrogate_or_a_line_break_in_a_name_is_refused_with_a_message(
    client, org, officer, overrides, field
):
    response = post(client, body(**overrides))
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert Complaint.objects.count() == 0


@pytest.mark.parametrize("filename", ["factuur\u202efdp.exe", "scan\ud800.pdf", "a\nb.pdf"])
def test_r1_1_a_file_name_with_a_direction_override_surrogate_or_break_is_refused(
    client, org, officer, filename
):
    attachment = {"filename": filename, "content_base64": base64.b64encode(samples.pdf()).decode()}
    response = post(client, body(attachments=[attachment]))
    assert response.status_code == 422
    assert "attachments" in response.json()["errors"]
    assert Complaint.objects.count() == 0
