"""R-5.2 inform the person complained about and hear both sides; R-5.4 who may be respondent."""

from datetime import timedelta

import pytest

from klachtenregeling.accounts import policies
from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.audit.tests.sealing import sealed
from klachtenregeling.complaints.constants import Status
from klachtenregeling.core import clock
from klachtenregeling.core.append_only import AppendOnlyError
from klachtenregeling.core.errors import InvalidInput, NotPermitted, TransitionRefused
from klachtenregeling.handling import services
from klachtenregeling.handling.constants import Party, Via
from klachtenregeling.handling.models import Statement
from klachtenregeling.notifications.constants import MessageKind

from .. import steps
from ..steps import unchanged


def test_r5_2_officer_informs_the_respondent(complaint, officer, respondent, second_officer):
    assert not policies.can(respondent, policies.COMPLAINT_VIEW_AS_RESPONDENT, complaint)
    mark = steps.mark(complaint)
    version = complaint.version

    services.respondent_notify(complaint=complaint, by=officer)

    complaint = steps.fresh(complaint)
    assert complaint.respondent_notified_at is not None
    assert complaint.status == Status.IN_HANDLING
    assert complaint.version == version + 1
    [event] = steps.events_since(complaint, mark, EventType.RESPONDENT_NOTIFIED)
    assert (event.actor, event.actor_role) == (officer, ActorRole.OFFICER)
    assert event.data == {"respondent_id": respondent.pk}
    assert not event.visible_to_complainant
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.RESPONDENT_NOTIFIED, ActorRole.RESPONDENT, respondent.email)
    }
    assert messages[0].reply_to == officer.email  # replies go to the officer
    steps.assert_subjects_name_only_the_reference(messages, complaint, respondent, officer)
    # Now, and only now, the respondent sees it; other staff never do.
    assert policies.can(respondent, policies.COMPLAINT_VIEW_AS_RESPONDENT, complaint)
    assert policies.can(respondent, policies.COMPLAINT_RESPOND, complaint)
    assert not policies.can(respondent, policies.COMPLAINT_VIEW, complaint)
    assert not policies.can(second_officer, policies.COMPLAINT_VIEW_AS_RESPONDENT, complaint)
    assert not policies.can(second_officer, policies.COMPLAINT_VIEW, complaint)


def test_r5_2_respondent_is_informed_once(complaint, officer):
    complaint = steps.notify(complaint, officer)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        services.respondent_notify(complaint=complaint, by=officer)


def test_r5_2_no_respondent_to_inform_on_a_general_complaint(general_complaint, officer):
    with unchanged(general_complaint), pytest.raises(TransitionRefused):
        services.respondent_notify(complaint=general_complaint, by=officer)


def test_r6_1_another_staff_member_cannot_inform_or_see(complaint, officer, second_officer):
    complaint = steps.notify(complaint, officer)
    with unchanged(complaint), pytest.raises(NotPermitted):
        services.respondent_notify(complaint=complaint, by=second_officer)
    assert not policies.can(second_officer, policies.COMPLAINT_VIEW_AS_RESPONDENT, complaint)


def test_r5_2_officer_invites_both_parties(complaint, officer, respondent):
    complaint = steps.notify(complaint, officer)
    due = clock.today() + timedelta(days=14)
    mark = steps.mark(complaint)

    services.hearing_invite(complaint=complaint, party=Party.COMPLAINANT, due_date=due, by=officer)
    services.hearing_invite(complaint=complaint, party=Party.RESPONDENT, due_date=due, by=officer)

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.HEARING
    first, second = steps.events_since(complaint, mark, EventType.HEARING_INVITED)
    assert first.data["status_from"] == Status.IN_HANDLING
    assert first.data["status_to"] == Status.HEARING
    assert first.data["party"] == Party.COMPLAINANT
    assert first.data["due_date"] == due.isoformat()
    assert first.visible_to_complainant
    assert "status_from" not in second.data  # already hearing: no status change
    assert second.data["party"] == Party.RESPONDENT
    assert not second.visible_to_complainant
    assert [i.party for i in complaint.invitations.all()] == [Party.COMPLAINANT, Party.RESPONDENT]
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.HEARING_INVITATION, ActorRole.COMPLAINANT, complaint.complainant_email),
        (MessageKind.HEARING_INVITATION, ActorRole.RESPONDENT, respondent.email),
    }
    steps.assert_subjects_name_only_the_reference(messages, complaint, respondent, officer)


def test_r5_2_respondent_is_invited_only_after_being_informed(complaint, officer):
    due = clock.today() + timedelta(days=14)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        services.hearing_invite(
            complaint=complaint, party=Party.RESPONDENT, due_date=due, by=officer
        )


@pytest.mark.parametrize(("days", "allowed"), [(-1, False), (0, True), (90, True), (91, False)])
def test_r5_2_invitation_due_date_from_today_within_ninety_days(complaint, officer, days, allowed):
    due = clock.today() + timedelta(days=days)
    if allowed:
        services.hearing_invite(
            complaint=complaint, party=Party.COMPLAINANT, due_date=due, by=officer
        )
        assert steps.fresh(complaint).status == Status.HEARING
    else:
        with unchanged(complaint), pytest.raises(InvalidInput):
            services.hearing_invite(
                complaint=complaint, party=Party.COMPLAINANT, due_date=due, by=officer
            )


def test_r5_2_complainant_gives_their_account_through_the_link(complaint, officer):
    mark = steps.mark(complaint)

    statement = services.statement_give_as_complainant(
        complaint=complaint, text="  Het begon een uur te laat.  ", link=steps.link_for(complaint)
    )

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.HEARING
    assert (statement.party, statement.via, statement.text) == (
        Party.COMPLAINANT,
        Via.PERSONAL_LINK,
        "Het begon een uur te laat.",
    )
    assert statement.recorded_by is None
    [event] = steps.events_since(complaint, mark, EventType.STATEMENT_GIVEN)
    assert event.actor is None
    assert event.actor_role == ActorRole.COMPLAINANT
    assert event.visible_to_complainant
    assert event.data == {
        "status_from": Status.IN_HANDLING,
        "status_to": Status.HEARING,
        "statement_id": statement.pk,
        "party": Party.COMPLAINANT,
        "via": Via.PERSONAL_LINK,
        "corrects_id": None,
        "length": len("Het begon een uur te laat."),
        **sealed("statement", statement.pk),
    }
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.STATEMENT_RECEIVED, ActorRole.OFFICER, officer.email)
    }
    steps.assert_subjects_name_only_the_reference(messages, complaint, officer)


def test_r2_2_r5_2_respondent_gives_their_account_logged_in(complaint, officer, respondent):
    complaint = steps.notify(complaint, officer)
    mark = steps.mark(complaint)

    # Whatever the form says, a respondent speaks for themself, logged in.
    statement = services.statement_give_as_staff(
        complaint=complaint, text="Ik stond in de file.", by=respondent, party=Party.COMPLAINANT
    )

    assert (statement.party, statement.via, statement.recorded_by) == (
        Party.RESPONDENT,
        Via.LOG_IN,
        respondent,
    )
    [event] = steps.events_since(complaint, mark, EventType.STATEMENT_GIVEN)
    assert (event.actor, event.actor_role) == (respondent, ActorRole.RESPONDENT)
    assert event.data["status_to"] == Status.HEARING
    assert not event.visible_to_complainant
    assert steps.sent(steps.messages_since(complaint, mark)) == {
        (MessageKind.STATEMENT_RECEIVED, ActorRole.OFFICER, officer.email)
    }


def test_r5_2_respondent_not_yet_informed_cannot_give_an_account(complaint, respondent):
    with unchanged(complaint), pytest.raises(NotPermitted):
        services.statement_give_as_staff(complaint=complaint, text="Alvast.", by=respondent)


def test_r6_1_another_staff_member_cannot_give_an_account(complaint, officer, second_officer):
    complaint = steps.notify(complaint, officer)
    with unchanged(complaint), pytest.raises(NotPermitted):
        services.statement_give_as_staff(complaint=complaint, text="x", by=second_officer)


def test_r5_2_officer_records_an_account_given_by_phone(complaint, officer):
    mark = steps.mark(complaint)

    statement = services.statement_give_as_staff(
        complaint=complaint,
        text="Telefonisch: de trainer was ziek.",
        by=officer,
        party=Party.RESPONDENT,
        via=Via.PHONE,
    )

    assert (statement.party, statement.via, statement.recorded_by) == (
        Party.RESPONDENT,
        Via.PHONE,
        officer,
    )
    [event] = steps.events_since(complaint, mark, EventType.STATEMENT_GIVEN)
    assert (event.actor, event.actor_role) == (officer, ActorRole.OFFICER)
    assert (event.data["via"], event.data["status_to"]) == (Via.PHONE, Status.HEARING)
    assert steps.messages_since(complaint, mark) == []  # the officer needs no notice of it


@pytest.mark.parametrize("via", [Via.LOG_IN, Via.PERSONAL_LINK, "fax"])
def test_r5_2_officer_says_how_an_account_was_given(complaint, officer, via):
    with unchanged(complaint), pytest.raises(InvalidInput):
        services.statement_give_as_staff(
            complaint=complaint, text="x", by=officer, party=Party.COMPLAINANT, via=via
        )


def test_r5_2_no_respondent_account_on_a_general_complaint(general_complaint, officer):
    with unchanged(general_complaint), pytest.raises(InvalidInput):
        services.statement_give_as_staff(
            complaint=general_complaint, text="x", by=officer, party=Party.RESPONDENT, via=Via.PHONE
        )


@pytest.mark.parametrize("text", ["", "   ", "x" * 10_001, "nul\x00byte"])
def test_r5_2_an_account_has_text_within_limits(complaint, text):
    with unchanged(complaint), pytest.raises(InvalidInput):
        services.statement_give_as_complainant(
            complaint=complaint, text=text, link=steps.link_for(complaint)
        )


def test_r7_4_statements_are_immutable_a_correction_is_a_new_row(complaint, officer):
    link = steps.link_for(complaint)
    original = services.statement_give_as_complainant(
        complaint=complaint, text="Het was een uur.", link=link
    )
    original.text = "Het was twee uur."
    with pytest.raises(AppendOnlyError):
        original.save()
    with pytest.raises(AppendOnlyError):
        original.delete()
    with pytest.raises(AppendOnlyError):
        Statement.objects.filter(pk=original.pk).update(text="weg")
    with pytest.raises(AppendOnlyError):
        Statement.objects.filter(pk=original.pk).delete()
    mark = steps.mark(complaint)

    correction = services.statement_give_as_complainant(
        complaint=complaint, text="Het was twee uur.", link=link, corrects_id=original.pk
    )

    assert Statement.objects.get(pk=original.pk).text == "Het was een uur."
    assert correction.corrects_id == original.pk
    assert list(original.corrections.all()) == [correction]
    [event] = steps.events_since(complaint, mark, EventType.STATEMENT_GIVEN)
    assert event.data["corrects_id"] == original.pk
    assert "status_from" not in event.data


def test_r7_4_a_correction_corrects_a_statement_of_the_same_party(complaint, officer, respondent):
    complaint = steps.notify(complaint, officer)
    theirs = services.statement_give_as_staff(complaint=complaint, text="Mijn kant.", by=respondent)
    with unchanged(complaint), pytest.raises(InvalidInput):
        services.statement_give_as_complainant(
            complaint=complaint, text="x", link=steps.link_for(complaint), corrects_id=theirs.pk
        )


def test_r5_6_officer_records_why_a_side_was_not_heard(complaint, officer):
    mark = steps.mark(complaint)

    waiver = services.hearing_waive(
        complaint=complaint, party=Party.RESPONDENT, reason="Uit dienst, onbereikbaar.", by=officer
    )

    assert steps.fresh(complaint).status == Status.HEARING
    [event] = steps.events_since(complaint, mark, EventType.HEARING_WAIVED)
    assert event.data == {
        "status_from": Status.IN_HANDLING,
        "status_to": Status.HEARING,
        "waiver_id": waiver.pk,
        "party": Party.RESPONDENT,
        "reason": "Uit dienst, onbereikbaar.",
        **sealed("waiver", waiver.pk),
    }
    assert steps.messages_since(complaint, mark) == []
    with pytest.raises(AppendOnlyError):
        waiver.delete()


def test_r5_6_a_waiver_needs_a_reason(complaint, officer):
    with unchanged(complaint), pytest.raises(InvalidInput):
        services.hearing_waive(complaint=complaint, party=Party.RESPONDENT, reason=" ", by=officer)


def test_r5_4_respondent_set_refuses_the_handling_officer(complaint, officer, second_officer):
    with unchanged(complaint), pytest.raises(NotPermitted):
        services.respondent_set(complaint=complaint, respondent=officer, by=officer)
    mark = steps.mark(complaint)

    services.respondent_set(complaint=complaint, respondent=second_officer, by=officer)

    complaint = steps.fresh(complaint)
    assert complaint.respondent == second_officer
    [event] = steps.events_since(complaint, mark, EventType.RESPONDENT_SET)
    assert event.data["respondent_id"] == second_officer.pk


def test_r5_4_respondent_set_only_staff_of_the_organisation(complaint, officer, other_officer):
    with unchanged(complaint), pytest.raises(InvalidInput):
        services.respondent_set(complaint=complaint, respondent=other_officer, by=officer)


def test_r5_2_respondent_cannot_be_changed_once_informed(complaint, officer, second_officer):
    complaint = steps.notify(complaint, officer)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        services.respondent_set(complaint=complaint, respondent=second_officer, by=officer)


def test_r5_2_respondent_cannot_change_once_their_account_is_in_the_dossier(
    complaint, officer, second_officer
):
    """The hearing of one person never counts as the hearing of another."""
    services.statement_give_as_staff(
        complaint=complaint,
        text="Telefonisch: ik was er niet bij.",
        party=Party.RESPONDENT,
        via=Via.PHONE,
        by=officer,
    )
    with unchanged(complaint), pytest.raises(TransitionRefused):
        services.respondent_set(complaint=complaint, respondent=second_officer, by=officer)
