from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints.constants import Channel
from klachtenregeling.complaints.models import Complaint
from tests import samples
from tests.factories import UserFactory

from .test_public_form import staff_list_reads

REGISTER = reverse("complaints:register")


def form_data(**overrides):
    original = samples.pdf()
    data = {
        "channel": "letter",
        "received_on": "2026-03-02",
        "complainant_name": "Bakkerij Van Dam",
        "complainant_email": "info@vandam.example",
        "language": "nl",
        "representation": "self",
        "engagement_description": "Workshop Feedback",
        "concerns": ["forming"],
        "description": "Brief over de offerte.",
        "submission_key": "registratie-1",
    }
    data.update(overrides)
    return data, original


def post_register(client, **overrides):
    import io

    data, original = form_data(**overrides)
    file = io.BytesIO(original)
    file.name = "brief.pdf"
    data.setdefault("original", file)
    return client.post(REGISTER, data)


def test_r1_1_officer_registers_a_letter(client, officer, at):
    client.force_login(officer)
    with at("2026-03-05 11:00"):
        response = post_register(client)
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("complaints:detail", args=[complaint.reference])
    assert complaint.channel == Channel.LETTER
    assert str(complaint.deadline) == "2026-03-30"
    assert complaint.attachments.get().filename == "brief.pdf"


def test_r1_1_registration_errors_are_shown_and_nothing_stored(client, officer, at):
    client.force_login(officer)
    with at("2026-03-05 11:00"):
        response = post_register(client, received_on="2026-03-09", concerns=[], original="")
    assert response.status_code == 200
    form = response.context["form"]
    assert {"received_on", "concerns", "original"} <= set(form.errors)
    assert Complaint.objects.count() == 0


def test_r5_4_registering_a_complaint_about_yourself_sends_it_on(
    client, officer, second_officer, at
):
    client.force_login(officer)
    with at("2026-03-05 11:00"):
        response = post_register(client, respondent_id=officer.pk)
    assert response["Location"] == reverse("complaints:dashboard")
    assert Complaint.objects.get().assigned_officer == second_officer


def test_only_officers_may_register(client, staff_member):
    client.force_login(staff_member)
    assert client.get(REGISTER).status_code == 404


def test_r5_4_admin_appoints_an_officer_without_seeing_content(
    client, org, officer, org_admin, submit
):
    complaint = submit(respondent_id=officer.pk, description="Geheime inhoud over Amber.")
    client.force_login(org_admin)
    page = client.get(reverse("complaints:unassigned"))
    assert complaint.reference.encode() in page.content
    assert b"Geheime inhoud" not in page.content
    assert complaint.complainant_name.encode() not in page.content
    newcomer = UserFactory(organisation=org, officer=True)
    response = client.post(
        reverse("complaints:appoint", args=[complaint.reference]), {"officer": newcomer.pk}
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.assigned_officer == newcomer
    assert complaint.events.filter(type=EventType.OFFICER_ASSIGNED).count() == 1


def test_r5_4_admin_cannot_appoint_the_officer_complained_about(client, officer, org_admin, submit):
    complaint = submit(respondent_id=officer.pk)
    client.force_login(org_admin)
    client.post(reverse("complaints:appoint", args=[complaint.reference]), {"officer": officer.pk})
    complaint.refresh_from_db()
    assert complaint.assigned_officer is None


def test_appoint_pages_are_for_admins_of_the_organisation(client, officer, other_org, submit):
    foreign_admin = UserFactory(organisation=other_org, admin=True)
    complaint = submit(respondent_id=officer.pk)
    client.force_login(foreign_admin)
    assert complaint.reference.encode() not in client.get(reverse("complaints:unassigned")).content
    response = client.post(
        reverse("complaints:appoint", args=[complaint.reference]), {"officer": 1}
    )
    assert response.status_code == 404
    client.force_login(officer)
    assert client.get(reverse("complaints:unassigned")).status_code == 404


def test_r5_4_admin_who_is_the_respondent_cannot_appoint(client, officer, org_admin, submit):
    org_admin.is_employee = True  # the admin also works as a trainer
    org_admin.save()
    complaint = submit(respondent_id=org_admin.pk)
    complaint.assigned_officer = None  # as if no officer could take it
    complaint.save()
    client.force_login(org_admin)
    assert complaint.reference.encode() not in client.get(reverse("complaints:unassigned")).content
    response = client.post(
        reverse("complaints:appoint", args=[complaint.reference]), {"officer": officer.pk}
    )
    assert response.status_code == 404
    complaint.refresh_from_db()
    assert complaint.assigned_officer is None


def test_admin_cannot_reassign_a_complaint_that_has_an_officer(
    client, officer, second_officer, org_admin, submit
):
    complaint = submit()
    client.force_login(org_admin)
    response = client.post(
        reverse("complaints:appoint", args=[complaint.reference]), {"officer": second_officer.pk}
    )
    assert response.status_code == 404  # and existence is not confirmed
    complaint.refresh_from_db()
    assert complaint.assigned_officer == officer


def test_double_submit_of_the_registration_form_files_one_complaint(client, officer, at):
    client.force_login(officer)
    with at("2026-03-05 11:00"):
        post_register(client)
        post_register(client)
    assert Complaint.objects.count() == 1


def test_issue_19_the_registration_form_reads_the_staff_list_once(client, officer, staff_member):
    client.force_login(officer)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("complaints:register"))
    assert staff_list_reads(captured) == 1
    assert f'<option value="{staff_member.pk}">' in response.content.decode()
