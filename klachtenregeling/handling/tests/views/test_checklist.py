"""Issue 17 item 6: the dossier's "Behandeling" is the place to act. The one or two steps
the procedure expects now come first, unfolded; the checklist links to their forms; the
officer's registration form speaks about the complainant, not as them."""

from datetime import timedelta

import pytest
from django.urls import reverse

from klachtenregeling.core import clock
from klachtenregeling.notifications.models import OutboxMessage

from .. import steps

pytestmark = pytest.mark.django_db


def dossier(client, complaint) -> str:
    return client.get(reverse("complaints:detail", args=[complaint.reference])).content.decode()


def test_r5_2_informing_the_person_complained_about_comes_first(
    client, submit, officer, staff_member
):
    complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    client.force_login(officer)
    page = dossier(client, complaint)
    expected = page.index("Nu aan de beurt")
    assert expected < page.index('id="step-notify"') < page.index('id="step-invite"')
    assert 'href="#step-notify"' in page  # the checklist links to the step
    # Not folded away: the button is a form of its own, not inside a <details>.
    notify = page[page.index('id="step-notify"') - 200 : page.index('id="step-notify"')]
    assert "<details" not in notify


def test_r5_2_once_informed_hearing_both_sides_is_expected_and_open(
    client, submit, officer, staff_member
):
    complaint = steps.notify(steps.start(submit(respondent_id=staff_member.pk), officer), officer)
    client.force_login(officer)
    page = dossier(client, complaint)
    assert page.index("Nu aan de beurt") < page.index('id="step-invite"')
    assert '<details id="step-invite" open' in page
    assert '<details id="step-recorded-statement" open' in page
    assert '<details id="step-update" open' not in page
    assert (
        page.index('id="step-invite"')
        < page.index("Andere stappen")
        < page.index('id="step-waiver"')
    )


def test_r5_6_after_hearing_the_judgment_is_expected(client, submit, officer, staff_member):
    complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    complaint = steps.hear_both(steps.classify(complaint, officer), officer)
    client.force_login(officer)
    page = dossier(client, complaint)
    assert '<details id="step-judgment" open' in page
    assert 'href="#step-judgment"' not in page or page.index("Nu aan de beurt") < page.index(
        'id="step-judgment"'
    )


def test_r1_1_the_registration_form_uses_officer_wording(client, officer):
    client.force_login(officer)
    page = client.get(reverse("complaints:register")).content.decode()
    assert "De klager is zelf de opdrachtgever" in page
    assert "Ik ben zelf de opdrachtgever" not in page


def test_r5_2_both_parties_are_invited_in_one_submission_with_a_personal_text(
    client, submit, officer, staff_member
):
    complaint = steps.notify(steps.start(submit(respondent_id=staff_member.pk), officer), officer)
    client.force_login(officer)
    version = steps.fresh(complaint).version
    response = client.post(
        reverse("handling:invite", args=[complaint.reference]),
        {
            "invite-version": version,
            "invite-party": "both",
            "invite-due_date": (clock.today() + timedelta(days=7)).isoformat(),
            "invite-note": "Graag ook de mail van 3 maart erbij.",
        },
    )
    assert response.status_code == 302
    assert sorted(complaint.invitations.values_list("party", flat=True)) == [
        "complainant",
        "respondent",
    ]
    assert steps.fresh(complaint).version == version + 1  # one step, saved once
    bodies = [
        m.body_text
        for m in OutboxMessage.objects.filter(complaint=complaint, kind="hearing_invitation")
    ]
    assert len(bodies) == 2
    assert all("Graag ook de mail van 3 maart erbij." in body for body in bodies)
