"""Issue 15: the security log. A signed-in staff member refused a complaint URL (its page, a
step, a letter, an attachment) still gets "not found", and the refusal is recorded: who,
when, which path, nothing of the complaint. The administrator reads and exports it; past
the threshold within an hour the administrators get one e-mail, without reference numbers."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import DatabaseError
from django.urls import reverse

from klachtenregeling.audit.models import AppendOnlyError, RefusedAccess
from klachtenregeling.core import clock
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from tests.factories import UserFactory

from .test_access_log import enter_portal, portal

DESCRIPTION = "De trainer was onvriendelijk tegen de groep."


def detail(complaint) -> str:
    return reverse("complaints:detail", args=[complaint.reference])


def alerts():
    return OutboxMessage.objects.filter(kind=MessageKind.REFUSED_ACCESS)


@pytest.fixture
def threshold(settings):
    settings.REFUSED_ACCESS_ALERT_THRESHOLD = 3
    return 3


def test_a_refused_complaint_url_is_recorded_without_query_or_content(
    client, submit, second_officer, org
):
    complaint = submit(description=DESCRIPTION)
    client.force_login(second_officer)

    response = client.get(detail(complaint) + "?tab=brieven")

    assert response.status_code == 404  # the "not found" page still renders
    assert "<html" in response.content.decode()
    (entry,) = RefusedAccess.objects.all()
    assert (entry.user, entry.organisation, entry.path) == (second_officer, org, detail(complaint))
    assert entry.at is not None and not entry.alerted


def test_a_refused_letter_or_attachment_is_recorded_too(client, submit, staff_member, upload):
    complaint = submit(files=[upload("bewijs.pdf", b"%PDF-1.4\n%%EOF\n")])
    attachment = complaint.attachments.first()
    client.force_login(staff_member)
    url = reverse("complaints:attachment", args=[complaint.reference, attachment.pk])

    assert client.get(url).status_code == 404

    assert list(RefusedAccess.objects.values_list("path", flat=True)) == [url]


def test_allowed_pages_anonymous_visitors_complainants_and_other_refusals_are_not_recorded(
    client, submit, officer, staff_member
):
    complaint = submit()
    client.force_login(officer)
    assert client.get(detail(complaint)).status_code == 200
    # Not a complaint URL: a staff member on the administrator's page.
    client.force_login(staff_member)
    assert client.get(reverse("audit:access-log-export")).status_code == 404
    client.logout()
    assert client.get(detail(complaint)).status_code == 302  # to the log-in
    enter_portal(client, complaint)
    assert client.get(portal("status", complaint)).status_code == 200
    assert not RefusedAccess.objects.exists()


def test_the_log_is_append_only(client, submit, second_officer):
    client.force_login(second_officer)
    client.get(detail(submit()))
    entry = RefusedAccess.objects.get()
    with pytest.raises(AppendOnlyError):
        RefusedAccess.objects.update(path="/")
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_past_the_threshold_within_an_hour_the_admins_get_one_alert_without_references(
    client, submit, second_officer, org_admin, org, threshold, at
):
    other_admin = UserFactory(organisation=org, admin=True, username="gert")
    complaints = [submit() for _ in range(threshold + 3)]
    client.force_login(second_officer)
    with at("2026-12-05 10:00"):
        for complaint in complaints[:threshold]:
            assert client.get(detail(complaint)).status_code == 404
    assert not alerts().exists()  # at the threshold, not past it

    with at("2026-12-05 10:30"):
        client.get(detail(complaints[threshold]))  # one more: past it
        client.get(detail(complaints[threshold + 1]))  # once per user per hour

    messages = list(alerts())
    assert sorted(m.to_email for m in messages) == sorted([org_admin.email, other_admin.email])
    assert RefusedAccess.objects.filter(alerted=True).count() == 1
    for message in messages:
        assert message.complaint is None
        text = message.subject + message.body_text + message.body_html
        assert second_officer.display_name in message.body_text
        assert f"{threshold + 1} " in message.body_text
        assert reverse("audit:refusals") in message.body_text
        for complaint in complaints:
            assert complaint.reference not in text
        assert DESCRIPTION not in text

    # More than an hour after the alert, passing the threshold again alerts again.
    with at("2026-12-05 11:45"):
        for complaint in complaints[: threshold + 1]:
            client.get(detail(complaint))
    assert alerts().count() == 4


def test_the_alert_does_not_go_to_the_admin_who_was_refused(client, submit, org_admin, threshold):
    client.force_login(org_admin)
    for _ in range(threshold + 1):
        assert client.get(detail(submit())).status_code == 404
    assert RefusedAccess.objects.filter(user=org_admin).count() == threshold + 1
    assert not alerts().exists()


# --- the administrator's page --------------------------------------------------------------


def test_admin_reads_the_log_newest_first_and_filters_by_user(
    client, submit, second_officer, staff_member, org_admin, at
):
    first, second = submit(), submit()
    with at("2026-12-05 09:00"):
        client.force_login(second_officer)
        client.get(detail(first))
    with at("2026-12-05 09:05"):
        client.force_login(staff_member)
        client.get(detail(second))
    client.force_login(org_admin)
    assert reverse("audit:refusals") in client.get(reverse("staff-home")).content.decode()

    page = client.get(reverse("audit:refusals")).content.decode()
    assert page.index(detail(second)) < page.index(detail(first))  # newest first
    assert "5 december 2026 09:05" in page

    page = client.get(reverse("audit:refusals"), {"user": second_officer.pk}).content.decode()
    assert detail(first) in page and detail(second) not in page


def test_admin_exports_the_log_as_csv_with_neutralised_cells(client, submit, org, org_admin, at):
    sneaky = UserFactory(organisation=org, username="=cmd", first_name="=HYPERLINK")
    complaint = submit()
    with at("2026-12-05 09:00"):
        client.force_login(sneaky)
        client.get(detail(complaint) + "?x=1")
    client.force_login(org_admin)

    response = client.get(reverse("audit:refusals-export"), {"user": sneaky.pk})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["wanneer", "wie", "gebruikersnaam", "adres", "melding verstuurd"]
    assert rows[1][0] == "2026-12-05T09:00:00+01:00"
    assert rows[1][1].startswith("'=HYPERLINK")
    assert rows[1][2:] == ["'=cmd", detail(complaint), ""]


@pytest.mark.parametrize("role", ["officer", "staff_member", "board_member"])
def test_only_the_admin_sees_the_log(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("audit:refusals")).status_code == 404
    assert client.get(reverse("audit:refusals-export")).status_code == 404


def test_the_admin_sees_only_their_own_organisation(
    client, submit, org_admin, other_officer, other_org, second_officer
):
    client.force_login(second_officer)
    client.get(detail(submit()))
    elsewhere = UserFactory(organisation=other_org, admin=True, username="odin")
    client.force_login(elsewhere)
    page = client.get(reverse("audit:refusals")).content.decode()
    assert second_officer.display_name not in page
    csv_text = client.get(reverse("audit:refusals-export")).content.decode("utf-8-sig")
    assert len(csv_text.strip().splitlines()) == 1


def test_refusals_an_hour_apart_do_not_add_up(client, submit, second_officer, threshold, at):
    client.force_login(second_officer)
    start = clock.now()
    for i in range(threshold * 2):
        with at(
            (start + timedelta(minutes=25 * i))
            .astimezone(clock.AMSTERDAM)
            .strftime("%Y-%m-%d %H:%M")
        ):
            client.get(detail(submit()))
    assert not alerts().exists()


def test_a_refused_step_is_recorded_too(client, submit, second_officer):
    complaint = submit()
    client.force_login(second_officer)
    url = reverse("complaints:add-note", args=[complaint.reference])

    assert client.post(url, {"text": "Even kijken."}).status_code == 404

    assert list(RefusedAccess.objects.values_list("path", flat=True)) == [url]


def test_when_recording_fails_the_not_found_page_still_renders(
    client, submit, second_officer, monkeypatch
):
    def broken(**kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(RefusedAccess.objects, "create", broken)
    client.force_login(second_officer)

    response = client.get(detail(submit()))

    assert response.status_code == 404
    assert "<html" in response.content.decode()
    assert not RefusedAccess.objects.exists()
