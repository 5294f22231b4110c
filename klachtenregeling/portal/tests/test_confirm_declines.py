"""Issue 17 item 3: the complainant's irreversible choices — not accepting the judgment
(R-4.3), declining a proposed solution (R-5.3) — take effect only after a confirmation
page that says what happens next; a declined proposal stays in the complainant's history."""

import pytest
from django.urls import reverse

from klachtenregeling.complaints.constants import Status
from klachtenregeling.handling import services
from klachtenregeling.handling.tests import steps
from klachtenregeling.portal import tokens

pytestmark = pytest.mark.django_db


def portal(name, complaint) -> str:
    return reverse(f"portal:{name}", args=[complaint.organisation.slug])


def enter(client, complaint):
    token = tokens.issue(complaint, purpose="test")
    assert client.get(portal("enter", complaint) + f"?t={token}").status_code == 302


@pytest.fixture
def judged(submit, officer, staff_member):
    complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    complaint = steps.classify(complaint, officer)
    complaint = steps.hear_both(complaint, officer)
    steps.judge(complaint, officer)
    return steps.fresh(complaint)


def test_r4_3_not_accepting_the_judgment_asks_to_confirm_and_says_what_happens(client, judged):
    judgment = judged.judgments.get()
    enter(client, judged)
    data = {"answer": "declined", "sha256": judgment.text_sha256, "comment": "Te weinig."}

    response = client.post(portal("answer-judgment", judged), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Je aanvaardt het oordeel niet" in page
    assert "De interne klachtenprocedure eindigt" in page
    assert judged.organisation.disputes_body_name in page  # where to go next
    assert "Te weinig." in page
    assert steps.fresh(judged).status == Status.JUDGED  # nothing happened yet

    response = client.post(portal("answer-judgment", judged), {**data, "confirm": "back"})
    assert response.status_code == 200
    assert "Te weinig." in response.content.decode()  # the comment is kept
    assert steps.fresh(judged).status == Status.JUDGED

    response = client.post(portal("answer-judgment", judged), {**data, "confirm": "decline"})
    assert response.status_code == 302
    assert steps.fresh(judged).status == Status.UNRESOLVED


def test_r5_7_accepting_needs_no_extra_step(client, judged):
    judgment = judged.judgments.get()
    enter(client, judged)
    response = client.post(
        portal("answer-judgment", judged), {"answer": "accepted", "sha256": judgment.text_sha256}
    )
    assert response.status_code == 302
    assert judgment.signatures.count() == 1


def test_r5_3_declining_a_proposal_asks_to_confirm_and_stays_in_the_history(
    client, submit, officer, staff_member
):
    complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    proposal = services.proposal_make(
        complaint=complaint, text="Een gratis vervolgtraining.", by=officer
    )
    enter(client, complaint)
    data = {"proposal": proposal.pk, "answer": "declined", "comment": "Liever geld terug."}

    response = client.post(portal("answer-proposal", complaint), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Je wijst de voorgestelde oplossing af" in page
    assert "Een gratis vervolgtraining." in page
    assert "De behandeling van je klacht gaat door" in page
    proposal.refresh_from_db()
    assert proposal.answer == ""

    response = client.post(portal("answer-proposal", complaint), {**data, "confirm": "decline"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.answer == "declined"
    page = client.get(portal("status", complaint)).content.decode()
    assert "Voorstellen die je hebt beantwoord" in page
    assert "Een gratis vervolgtraining." in page and "Liever geld terug." in page
