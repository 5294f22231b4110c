"""R-5.3 proposed solutions and the complainant's answer; R-7.2 updates on the case."""

import pytest

from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.audit.tests.sealing import sealed
from klachtenregeling.complaints.constants import Status
from klachtenregeling.core.errors import InvalidInput, NotPermitted, TransitionRefused
from klachtenregeling.handling import services
from klachtenregeling.handling.constants import Answer
from klachtenregeling.notifications.constants import MessageKind

from .. import steps
from ..steps import unchanged


def test_r5_3_respondent_proposes_a_solution(complaint, officer, respondent):
    complaint = steps.notify(complaint, officer)
    mark = steps.mark(complaint)
    version = complaint.version

    proposal = services.proposal_make(
        complaint=complaint, text="Een gratis herhaling van de training.", by=respondent
    )

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.IN_HANDLING  # a proposal keeps the status
    assert complaint.version == version + 1
    assert (proposal.proposed_by, proposal.proposed_role, proposal.answer) == (
        respondent,
        ActorRole.RESPONDENT,
        "",
    )
    [event] = steps.events_since(complaint, mark, EventType.PROPOSAL_MADE)
    assert (event.actor, event.actor_role) == (respondent, ActorRole.RESPONDENT)
    assert event.data == {"proposal_id": proposal.pk, **sealed("proposal", proposal.pk)}
    assert event.visible_to_complainant
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.PROPOSAL, ActorRole.COMPLAINANT, complaint.complainant_email)
    }
    steps.assert_subjects_name_only_the_reference(messages, complaint, respondent, officer)


@pytest.mark.parametrize("answer", [Answer.ACCEPTED, Answer.DECLINED])
def test_r5_3_complainant_answers_a_proposal_once(complaint, officer, answer):
    proposal = services.proposal_make(
        complaint=complaint, text="Korting op de factuur.", by=officer
    )
    link = steps.link_for(complaint)
    mark = steps.mark(complaint)

    services.proposal_answer(
        proposal_id=proposal.pk, complaint=complaint, answer=answer, comment=" Prima. ", link=link
    )

    proposal.refresh_from_db()
    assert (proposal.answer, proposal.answer_comment) == (answer, "Prima.")
    assert proposal.answered_at is not None
    complaint = steps.fresh(complaint)
    assert complaint.status == Status.IN_HANDLING
    [event] = steps.events_since(complaint, mark, EventType.PROPOSAL_ANSWERED)
    assert event.actor is None
    assert event.actor_role == ActorRole.COMPLAINANT
    assert event.data == {
        "proposal_id": proposal.pk,
        "answer": answer,
        **sealed("proposal_answer", proposal.pk),
    }
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.PROPOSAL_ANSWERED, ActorRole.OFFICER, officer.email)
    }
    steps.assert_subjects_name_only_the_reference(messages, complaint, officer)
    # Answering twice is refused, also with the other answer.
    for again in Answer.values:
        with unchanged(complaint), pytest.raises(TransitionRefused):
            services.proposal_answer(
                proposal_id=proposal.pk, complaint=complaint, answer=again, comment="", link=link
            )
    assert steps.fresh(complaint).proposals.get().answer == answer


def test_r5_3_answer_must_be_accept_or_decline(complaint, officer):
    proposal = services.proposal_make(complaint=complaint, text="Korting.", by=officer)
    with unchanged(complaint), pytest.raises(InvalidInput):
        services.proposal_answer(
            proposal_id=proposal.pk,
            complaint=complaint,
            answer="maybe",
            comment="",
            link=steps.link_for(complaint),
        )


def test_r5_3_a_proposal_of_another_complaint_cannot_be_answered(complaint, submit, officer):
    other = steps.start(submit(), officer)
    foreign = services.proposal_make(complaint=other, text="Korting.", by=officer)
    with unchanged(complaint), unchanged(other), pytest.raises(InvalidInput):
        services.proposal_answer(
            proposal_id=foreign.pk,
            complaint=complaint,
            answer=Answer.ACCEPTED,
            comment="",
            link=steps.link_for(complaint),
        )


def test_r5_3_the_link_of_another_complaint_does_not_answer(complaint, submit, officer):
    other = steps.start(submit(), officer)
    proposal = services.proposal_make(complaint=complaint, text="Korting.", by=officer)
    with unchanged(complaint), pytest.raises(NotPermitted):
        services.proposal_answer(
            proposal_id=proposal.pk,
            complaint=complaint,
            answer=Answer.ACCEPTED,
            comment="",
            link=steps.link_for(other),
        )


def test_r5_3_no_proposal_from_a_respondent_not_yet_informed(complaint, respondent):
    with unchanged(complaint), pytest.raises(NotPermitted):
        services.proposal_make(complaint=complaint, text="Korting.", by=respondent)


def test_r5_3_no_proposals_after_the_judgment(complaint, officer):
    complaint = steps.hear_both(complaint, officer)
    proposal = services.proposal_make(complaint=complaint, text="Korting.", by=officer)
    steps.judge(complaint, officer)
    complaint = steps.fresh(complaint)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        services.proposal_make(complaint=complaint, text="Nog meer korting.", by=officer)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        services.proposal_answer(
            proposal_id=proposal.pk,
            complaint=complaint,
            answer=Answer.ACCEPTED,
            comment="",
            link=steps.link_for(complaint),
        )


def test_r7_2_respondent_keeps_the_officer_informed(complaint, officer, respondent):
    complaint = steps.notify(complaint, officer)
    mark = steps.mark(complaint)

    services.update_add(complaint=complaint, text="Ik heb de klant gebeld.", by=respondent)

    [event] = steps.events_since(complaint, mark)
    assert event.type == EventType.UPDATE_ADDED
    assert (event.actor, event.actor_role) == (respondent, ActorRole.RESPONDENT)
    assert event.data == {"text": "Ik heb de klant gebeld."}
    assert not event.visible_to_complainant
    assert steps.messages_since(complaint, mark) == []
