import io

import pytest
from django.urls import reverse

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints.constants import Status
from tests import samples


def detail(complaint) -> str:
    return reverse("complaints:detail", args=[complaint.reference])


def test_r7_4_dossier_shows_all_events_in_order(client, officer, submit, upload):
    complaint = submit(files=[upload("factuur.pdf", samples.pdf())])
    client.force_login(officer)
    response = client.get(detail(complaint))
    assert response.status_code == 200
    events = list(response.context["events"])
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[0].type == EventType.SUBMITTED
    assert b"factuur.pdf" in response.content
    assert complaint.description.encode() in response.content


def test_complaint_text_is_escaped_never_executed(client, officer, submit):
    complaint = submit(description="<script>alert('x')</script>", complainant_name="<b>Bold</b>")
    client.force_login(officer)
    content = client.get(detail(complaint)).content
    assert b"<script>alert" not in content
    assert b"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content
    assert b"&lt;b&gt;Bold&lt;/b&gt;" in content


def test_r5_4_officer_complained_about_gets_not_found(client, officer, second_officer, submit):
    complaint = submit(respondent_id=officer.pk)
    client.force_login(officer)
    assert client.get(detail(complaint)).status_code == 404
    client.force_login(second_officer)
    assert client.get(detail(complaint)).status_code == 200


@pytest.mark.parametrize("role", ["second_officer", "staff_member", "board_member", "org_admin"])
def test_r6_1_only_the_assigned_officer_sees_the_dossier(client, request, officer, submit, role):
    complaint = submit()
    client.force_login(request.getfixturevalue(role))
    response = client.get(detail(complaint))
    assert response.status_code == 404
    assert complaint.description.encode() not in response.content


def test_other_organisation_same_reference_is_not_found(
    client, officer, other_officer, submit, other_org
):
    mine = submit()
    theirs = submit(organisation=other_org)
    assert mine.reference == theirs.reference  # numbering is per organisation
    client.force_login(other_officer)
    response = client.get(detail(mine))
    assert response.context["complaint"] == theirs


def test_attachment_download_is_permission_checked_and_safe(
    client, officer, second_officer, submit, upload
):
    complaint = submit(files=[upload("scan.png", samples.png())])
    attachment = complaint.attachments.get()
    url = reverse("complaints:attachment", args=[complaint.reference, attachment.pk])
    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == samples.png()
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    client.force_login(second_officer)
    assert client.get(url).status_code == 404


def test_start_handling_from_the_dossier(client, officer, submit):
    complaint = submit()
    client.force_login(officer)
    response = client.post(reverse("complaints:start-handling", args=[complaint.reference]))
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Status.IN_HANDLING
    again = client.post(
        reverse("complaints:start-handling", args=[complaint.reference]),
        HTTP_REFERER="http://testserver" + detail(complaint),
    )
    assert again.status_code == 302  # refused with a message, nothing changed
    assert complaint.events.filter(type=EventType.HANDLING_STARTED).count() == 1


def test_note_and_document_from_the_dossier(client, officer, submit):
    complaint = submit()
    client.force_login(officer)
    client.post(reverse("complaints:add-note", args=[complaint.reference]), {"text": "Gebeld."})
    bad = client.post(
        reverse("complaints:add-attachment", args=[complaint.reference]),
        {"file": io.BytesIO(samples.html())},
    )
    assert bad.status_code == 400
    file = io.BytesIO(samples.txt())
    file.name = "verslag.txt"
    client.post(reverse("complaints:add-attachment", args=[complaint.reference]), {"file": file})
    assert complaint.events.get(type=EventType.NOTE_ADDED).data["text"] == "Gebeld."
    assert list(complaint.attachments.values_list("filename", flat=True)) == ["verslag.txt"]


def test_hand_over_from_the_dossier(client, officer, second_officer, submit):
    complaint = submit()
    client.force_login(officer)
    url = reverse("complaints:hand-over", args=[complaint.reference])
    response = client.post(url, {"officer": second_officer.pk, "expected_officer": officer.pk})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.assigned_officer == second_officer


def test_r8_1_subjects_from_the_dossier(client, officer, subject, submit):
    complaint = submit()
    client.force_login(officer)
    client.post(
        reverse("complaints:set-subjects", args=[complaint.reference]), {"subjects": [subject.pk]}
    )
    assert list(complaint.subjects.all()) == [subject]


def test_actions_by_another_officer_are_not_found(client, officer, second_officer, submit):
    complaint = submit()
    client.force_login(second_officer)
    for name in ("start-handling", "add-note", "set-subjects", "hand-over", "add-attachment"):
        response = client.post(reverse(f"complaints:{name}", args=[complaint.reference]), {})
        assert response.status_code == 404, name
    assert complaint.events.filter(type=EventType.NOTE_ADDED).count() == 0
