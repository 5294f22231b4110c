"""The access log (R-6.2): every read of a dossier, an attachment, a statement or a letter is
recorded; the officer sees who read; the administrator exports it without content."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils.html import escape

from klachtenregeling.audit.constants import AccessKind, ActorRole
from klachtenregeling.audit.models import AccessLogEntry
from klachtenregeling.audit.selectors import RECENT
from klachtenregeling.handling.tests import steps
from klachtenregeling.portal import tokens
from tests import samples

DESCRIPTION = "De trainer was onvriendelijk tegen de groep."


def detail(complaint) -> str:
    return reverse("complaints:detail", args=[complaint.reference])


def portal(name, complaint, *args) -> str:
    return reverse(f"portal:{name}", args=[complaint.organisation.slug, *args])


def enter_portal(client, complaint):
    link = tokens.issue(complaint, purpose="test")
    assert client.get(portal("enter", complaint) + f"?t={link}").status_code == 302
    return tokens.find(link)


def only_entry(**filters) -> AccessLogEntry:
    (entry,) = AccessLogEntry.objects.filter(**filters)
    return entry


@pytest.fixture
def judged(submit, officer, staff_member):
    """A complaint about a staff member, heard and judged: there is a judgment letter (PDF)."""
    complaint = steps.start(submit(respondent_id=staff_member.pk, description=DESCRIPTION), officer)
    complaint = steps.hear_both(complaint, officer)
    steps.judge(complaint, officer)
    return steps.fresh(complaint)


def letter_of(complaint):
    return complaint.attachments.filter(kind="letter").first()


# --- what is recorded ----------------------------------------------------------------------


def test_r6_2_the_officer_opening_the_dossier_is_recorded(client, officer, submit):
    complaint = submit()
    client.force_login(officer)
    assert client.get(detail(complaint), REMOTE_ADDR="198.51.100.7").status_code == 200
    entry = only_entry(complaint=complaint)
    assert entry.kind == AccessKind.DOSSIER
    assert (entry.actor, entry.actor_role) == (officer, ActorRole.OFFICER)
    assert entry.ip_address == "198.51.100.7"
    assert entry.organisation_id == complaint.organisation_id
    assert entry.link_id is None and entry.object_id == ""


def test_r6_2_an_attachment_download_is_recorded_with_the_attachment(
    client, officer, submit, upload
):
    complaint = submit(files=[upload("factuur.pdf", samples.pdf())])
    attachment = complaint.attachments.get()
    client.force_login(officer)
    response = client.get(
        reverse("complaints:attachment", args=[complaint.reference, attachment.pk])
    )
    assert response.status_code == 200
    entry = only_entry(complaint=complaint, kind=AccessKind.ATTACHMENT)
    assert entry.object_id == str(attachment.pk)
    assert entry.actor == officer


def test_r6_2_the_respondent_reading_their_complaint_and_its_letter_is_recorded(
    client, judged, staff_member
):
    client.force_login(staff_member)
    assert (
        client.get(reverse("handling:about-me-detail", args=[judged.reference])).status_code == 200
    )
    letter = judged.attachments.get(kind="respondent_letter")  # their own letter
    url = reverse("handling:respondent-letter", args=[judged.reference, letter.pk])
    assert client.get(url).status_code == 200
    reads = AccessLogEntry.objects.filter(complaint=judged, actor=staff_member).order_by("at", "pk")
    assert [(r.kind, r.actor_role, r.object_id) for r in reads] == [
        (AccessKind.DOSSIER_AS_RESPONDENT, ActorRole.RESPONDENT, ""),
        (AccessKind.LETTER, ActorRole.RESPONDENT, str(letter.pk)),
    ]


def test_r6_2_the_complainant_reading_through_the_personal_link_is_recorded(client, judged):
    link = enter_portal(client, judged)
    assert client.get(portal("status", judged)).status_code == 200
    letter = letter_of(judged)
    assert client.get(portal("letter", judged, letter.pk)).status_code == 200
    reads = AccessLogEntry.objects.filter(complaint=judged, actor_role=ActorRole.COMPLAINANT)
    assert {(r.kind, r.actor_id, r.link_id, r.object_id) for r in reads} == {
        (AccessKind.STATUS_PAGE, None, link.pk, ""),
        (AccessKind.LETTER, None, link.pk, str(letter.pk)),
    }


def test_r4_3_r6_2_the_case_file_download_is_recorded(client, officer, staff_member, submit):
    complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    complaint = steps.refer(steps.unresolve(complaint, officer), officer)
    client.force_login(officer)
    response = client.post(reverse("handling:case-file", args=[complaint.reference]))
    assert response.status_code == 200
    entry = only_entry(complaint=complaint, kind=AccessKind.CASE_FILE)
    assert (entry.actor, entry.actor_role) == (officer, ActorRole.OFFICER)


def test_r6_2_a_refused_read_is_not_recorded_as_a_read(client, second_officer, submit):
    complaint = submit()
    client.force_login(second_officer)
    assert client.get(detail(complaint)).status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_r6_2_the_address_behind_a_trusted_proxy_is_recorded(client, officer, submit, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    complaint = submit()
    client.force_login(officer)
    client.get(
        detail(complaint), HTTP_X_FORWARDED_FOR="203.0.113.5, 10.0.0.2", REMOTE_ADDR="10.0.0.9"
    )
    assert only_entry(complaint=complaint).ip_address == "10.0.0.2"


# --- the officer sees who read -------------------------------------------------------------


def test_r6_2_officer_sees_who_read_the_dossier_newest_first(client, officer, staff_member, judged):
    client.force_login(staff_member)
    client.get(reverse("handling:about-me-detail", args=[judged.reference]))
    client.force_login(officer)
    page = client.get(detail(judged))
    reads = page.context["reads"]
    assert [e.kind for e in reads.entries][:2] == [
        AccessKind.DOSSIER,
        AccessKind.DOSSIER_AS_RESPONDENT,
    ]
    html = page.content.decode()
    assert "Wie heeft deze klacht ingezien" in html
    assert escape(staff_member.display_name) in html.split("Wie heeft deze klacht ingezien")[1]


def test_r6_2_the_dossier_shows_the_latest_reads_and_links_to_all(client, officer, submit):
    complaint = submit()
    client.force_login(officer)
    for _ in range(RECENT + 2):
        client.get(detail(complaint))
    page = client.get(detail(complaint))
    assert len(page.context["reads"].entries) == RECENT
    assert page.context["reads"].total == RECENT + 3
    all_url = reverse("audit:reads", args=[complaint.reference])
    assert all_url in page.content.decode()
    listing = client.get(all_url)
    assert listing.status_code == 200
    assert len(listing.context["page"].object_list) == RECENT + 3
    assert (
        not AccessLogEntry.objects.filter(complaint=complaint)
        .exclude(kind=AccessKind.DOSSIER)
        .exists()
    )  # the list of reads is not itself a read of the dossier


@pytest.mark.parametrize("role", ["second_officer", "staff_member", "org_admin"])
def test_r6_1_only_the_officer_sees_the_list_of_reads(client, request, officer, submit, role):
    complaint = submit()
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("audit:reads", args=[complaint.reference])).status_code == 404


def test_the_list_of_reads_needs_a_log_in(client, officer, submit):
    response = client.get(reverse("audit:reads", args=[submit().reference]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# --- the administrator's export ------------------------------------------------------------


def export(client, reference):
    return client.post(reverse("audit:access-log-export"), {"reference": reference})


def test_r6_2_admin_exports_the_access_log_of_one_complaint_without_content(
    client, officer, org_admin, submit
):
    complaint = submit(description=DESCRIPTION)
    client.force_login(officer)
    client.get(detail(complaint), REMOTE_ADDR="198.51.100.7")
    client.force_login(org_admin)
    assert reverse("audit:access-log-export") in client.get(reverse("staff-home")).content.decode()
    response = export(client, complaint.reference.lower())
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="inzagelog-{complaint.reference}.csv"'
    )
    assert response["Cache-Control"] == "private, no-store"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["kenmerk", "wie", "rol", "wat", "object", "wanneer", "IP-adres"]
    assert rows[1][:4] == [
        complaint.reference,
        officer.display_name,
        "klachtenfunctionaris",
        "heeft het dossier geopend",
    ]
    assert rows[1][6] == "198.51.100.7"
    # The export itself is the last line: it is recorded as well.
    assert rows[-1][1:4] == [
        org_admin.display_name,
        "beheerder",
        "heeft het inzagelog geëxporteerd",
    ]
    assert (
        AccessLogEntry.objects.filter(kind=AccessKind.ACCESS_LOG_EXPORT, actor=org_admin).count()
        == 1
    )
    # No content of the complaint.
    assert DESCRIPTION not in text
    assert complaint.complainant_name not in text
    assert complaint.complainant_email not in text


def test_r5_4_r6_2_an_admin_cannot_export_the_log_of_a_complaint_about_themselves(
    client, officer, org_admin, submit
):
    org_admin.is_employee = True  # also works for the organisation: a complaint can be about them
    org_admin.save()
    complaint = submit(respondent_id=org_admin.pk)
    client.force_login(org_admin)
    response = export(client, complaint.reference)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Er is geen klacht met dit kenmerk" in response.content.decode()
    assert not AccessLogEntry.objects.exists()


def test_r6_1_an_admin_cannot_export_the_log_of_another_organisation(
    client, org_admin, other_org, other_officer, submit
):
    theirs = submit(organisation=other_org)
    client.force_login(org_admin)
    response = export(client, theirs.reference)  # no complaint of that number in their own
    assert response["Content-Type"].startswith("text/html")
    assert "Er is geen klacht met dit kenmerk" in response.content.decode()
    assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize("role", ["officer", "staff_member", "board_member"])
def test_r6_1_only_admins_reach_the_export(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("audit:access-log-export")).status_code == 404


def test_the_export_needs_a_log_in(client, db):
    response = client.get(reverse("audit:access-log-export"))
    assert response["Location"].startswith(reverse("login"))


def test_csv_cells_that_look_like_formulas_are_neutralised(client, officer, org_admin, submit):
    officer.first_name, officer.last_name = "=HYPERLINK(1)", ""
    officer.save()
    complaint = submit()
    client.force_login(officer)
    client.get(detail(complaint))
    client.force_login(org_admin)
    rows = list(
        csv.reader(io.StringIO(export(client, complaint.reference).content.decode("utf-8-sig")))
    )
    assert rows[1][1] == "'=HYPERLINK(1)"


# --- a page shown again with a form's errors is a read as well -----------------------------


def test_r6_2_the_dossier_shown_again_with_a_form_error_is_recorded(client, officer, submit):
    complaint = steps.start(submit(description=DESCRIPTION), officer)
    client.force_login(officer)
    response = client.post(reverse("complaints:add-note", args=[complaint.reference]), {})
    assert response.status_code == 400
    assert DESCRIPTION in response.content.decode()  # the dossier is on the page
    assert only_entry(complaint=complaint).kind == AccessKind.DOSSIER


def test_r6_2_the_respondents_page_shown_again_with_a_form_error_is_recorded(
    client, officer, submit, staff_member
):
    complaint = steps.notify(
        steps.start(submit(respondent_id=staff_member.pk, description=DESCRIPTION), officer),
        officer,
    )
    client.force_login(staff_member)
    url = reverse("handling:respondent-statement", args=[complaint.reference])
    assert client.post(url, {"text": ""}).status_code == 400
    entry = only_entry(complaint=complaint)
    assert (entry.kind, entry.actor) == (AccessKind.DOSSIER_AS_RESPONDENT, staff_member)


def test_r6_2_the_complainants_page_shown_again_with_a_form_error_is_recorded(
    client, officer, submit
):
    complaint = steps.start(submit(), officer)
    link = enter_portal(client, complaint)
    assert client.post(portal("statement", complaint), {"text": ""}).status_code == 400
    entry = only_entry(complaint=complaint)
    assert (entry.kind, entry.link_id) == (AccessKind.STATUS_PAGE, link.pk)


def test_r6_1_the_export_names_the_person_complained_about_by_role_only(
    client, officer, org_admin, submit, staff_member
):
    complaint = steps.notify(steps.start(submit(respondent_id=staff_member.pk), officer), officer)
    client.force_login(staff_member)
    assert (
        client.get(reverse("handling:about-me-detail", args=[complaint.reference])).status_code
        == 200
    )
    client.force_login(org_admin)
    text = export(client, complaint.reference).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][1] == "degene over wie is geklaagd"
    assert staff_member.display_name not in text
    assert staff_member.last_name not in text


def test_the_case_file_download_leaves_no_message_for_a_later_page(
    client, officer, staff_member, submit
):
    """Issue 17, item 7: a flash message shows on the page it belongs to; a download has
    no page, so "Dossier gemaakt." must not turn up on the next page the officer opens."""
    complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    complaint = steps.refer(steps.unresolve(complaint, officer), officer)
    client.force_login(officer)
    assert client.post(reverse("handling:case-file", args=[complaint.reference])).status_code == 200
    page = client.get(detail(complaint)).content.decode()
    assert 'class="messages"' not in page
