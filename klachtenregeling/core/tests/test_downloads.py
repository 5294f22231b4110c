"""Every file the application serves is a download: never shown inline, never sniffed, never
cached (attachments, letters for respondent and complainant, the case file, the access log)."""

import pytest
from django.urls import reverse

from klachtenregeling.handling.tests import steps
from klachtenregeling.portal import tokens
from tests import samples


@pytest.fixture
def referred(submit, officer, staff_member, upload):
    """A complaint with an uploaded attachment, a judgment letter and a referral."""
    complaint = submit(respondent_id=staff_member.pk, files=[upload("foto.png", samples.png())])
    complaint = steps.start(complaint, officer)
    complaint = steps.refer(steps.unresolve(complaint, officer), officer)
    return complaint


def _letter(complaint):
    return complaint.attachments.filter(kind="letter").first()


def _officer_attachment(client, complaint, officer, **_):
    client.force_login(officer)
    upload = complaint.attachments.exclude(kind__in=("letter", "respondent_letter")).first()
    return client.get(reverse("complaints:attachment", args=[complaint.reference, upload.pk]))


def _respondent_letter(client, complaint, staff_member, **_):
    client.force_login(staff_member)
    theirs = complaint.attachments.get(kind="respondent_letter")
    url = reverse("handling:respondent-letter", args=[complaint.reference, theirs.pk])
    return client.get(url)


def _complainant_letter(client, complaint, **_):
    slug = complaint.organisation.slug
    client.get(reverse("portal:enter", args=[slug]) + "?t=" + tokens.issue(complaint, purpose="t"))
    return client.get(reverse("portal:letter", args=[slug, _letter(complaint).pk]))


def _case_file(client, complaint, officer, **_):
    client.force_login(officer)
    return client.post(reverse("handling:case-file", args=[complaint.reference]))


def _access_log(client, complaint, org_admin, **_):
    client.force_login(org_admin)
    return client.post(reverse("audit:access-log-export"), {"reference": complaint.reference})


DOWNLOADS = [_officer_attachment, _respondent_letter, _complainant_letter, _case_file, _access_log]


def test_downloads_are_attachments_not_sniffed_and_not_cached(
    client, referred, officer, staff_member, org_admin
):
    # One complaint for all five (making a referral with its PDF letters takes a while).
    for download in DOWNLOADS:
        response = download(
            client, referred, officer=officer, staff_member=staff_member, org_admin=org_admin
        )
        name = download.__name__.strip("_")
        assert response.status_code == 200, name
        assert response["Content-Disposition"].startswith("attachment; filename="), name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Cache-Control"] == "private, no-store", name
