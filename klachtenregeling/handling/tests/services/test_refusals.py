"""Refused steps change nothing: expired and revoked links, stale forms, final complaints."""

import io
from datetime import timedelta

import pytest

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import Satisfaction, Status
from klachtenregeling.core import clock
from klachtenregeling.core.errors import DomainError, NotPermitted, StaleObject
from klachtenregeling.handling import selectors, services
from klachtenregeling.handling.constants import Answer, Party, RulingOutcome, Verdict, Via
from klachtenregeling.portal import tokens
from tests import samples

from .. import steps
from ..steps import unchanged

# Every step the complainant takes through their personal link.
COMPLAINANT_STEPS = {
    "statement": lambda c, link, extra: services.statement_give_as_complainant(
        complaint=c, text="Mijn kant.", link=link
    ),
    "proposal_answer": lambda c, link, extra: services.proposal_answer(
        proposal_id=extra["proposal"].pk, complaint=c, answer=Answer.ACCEPTED, comment="", link=link
    ),
    "withdraw": lambda c, link, extra: services.complaint_withdraw_by_complainant(
        complaint=c, reason="", link=link
    ),
}


@pytest.fixture
def with_proposal(complaint, officer):
    proposal = services.proposal_make(complaint=complaint, text="Korting.", by=officer)
    return steps.fresh(complaint), {"proposal": proposal}


@pytest.mark.parametrize("step", COMPLAINANT_STEPS)
def test_r7_3_an_expired_link_is_refused(with_proposal, step):
    complaint, extra = with_proposal
    link = steps.link_for(complaint)
    with steps.later(91), unchanged(complaint), pytest.raises(NotPermitted):
        COMPLAINANT_STEPS[step](complaint, link, extra)
    # The same link still works before it expires (the refusal was the expiry).
    with steps.later(89):
        COMPLAINANT_STEPS[step](complaint, link, extra)


@pytest.mark.parametrize("step", COMPLAINANT_STEPS)
def test_r7_3_a_revoked_link_is_refused(with_proposal, officer, step):
    complaint, extra = with_proposal
    token = tokens.issue(complaint, purpose="test")
    link = tokens.find(token)
    mark = steps.mark(complaint)
    count = services.links_revoke(complaint=complaint, by=officer)
    assert count >= 1
    [event] = steps.events_since(complaint, mark)
    assert (event.type, event.data) == (EventType.LINKS_REVOKED, {"count": count})
    assert tokens.find(token) is None
    link.refresh_from_db()
    with unchanged(complaint), pytest.raises(NotPermitted):
        COMPLAINANT_STEPS[step](complaint, link, extra)
    with unchanged(complaint), pytest.raises(NotPermitted):
        COMPLAINANT_STEPS[step](complaint, None, extra)  # what find() gives for it


def test_r7_3_an_expired_link_cannot_answer_the_judgment(complaint, officer):
    complaint = steps.hear_both(complaint, officer)
    judgment = steps.judge(complaint, officer)
    link = steps.link_for(complaint)
    complaint = steps.fresh(complaint)
    with steps.later(91), unchanged(complaint), pytest.raises(NotPermitted):
        services.judgment_answer(
            complaint=complaint,
            answer=Answer.ACCEPTED,
            shown_sha256=judgment.text_sha256,
            link=link,
        )
    assert judgment.signatures.count() == 0


def test_r7_3_a_link_only_opens_its_own_complaint(complaint, submit, officer):
    other = steps.start(submit(), officer)
    with unchanged(complaint), pytest.raises(NotPermitted):
        services.statement_give_as_complainant(
            complaint=complaint, text="x", link=steps.link_for(other)
        )


# Steps with an `expected_version`; each: the stage where it would succeed, and the call.
def _ruling(c, officer, version):
    return services.ruling_record(
        complaint=c,
        ruling_on=clock.today(),
        outcome=RulingOutcome.SETTLED,
        text="Geschikt.",
        cause_id=steps.cause_for(c, officer),
        by=officer,
        expected_version=version,
    )


VERSIONED = {
    "respondent_set": (
        "in_handling",
        lambda c, o, v: services.respondent_set(
            complaint=c, respondent=None, by=o, expected_version=v
        ),
    ),
    "respondent_notify": (
        "in_handling",
        lambda c, o, v: services.respondent_notify(complaint=c, by=o, expected_version=v),
    ),
    "hearing_invite": (
        "in_handling",
        lambda c, o, v: services.hearing_invite(
            complaint=c,
            party=Party.COMPLAINANT,
            due_date=clock.today() + timedelta(days=7),
            by=o,
            expected_version=v,
        ),
    ),
    "hearing_waive": (
        "in_handling",
        lambda c, o, v: services.hearing_waive(
            complaint=c, party=Party.COMPLAINANT, reason="Geen reactie.", by=o, expected_version=v
        ),
    ),
    "judgment_issue": (
        "heard",
        lambda c, o, v: services.judgment_issue(
            complaint=c,
            verdict=Verdict.UNFOUNDED,
            reasoning="Ongegrond.",
            recommendations=[],
            by=o,
            expected_version=v,
        ),
    ),
    "referral_record": (
        "unresolved",
        lambda c, o, v: services.referral_record(
            complaint=c, referred_on=clock.today(), body_reference="", by=o, expected_version=v
        ),
    ),
    "ruling_record": ("referred", _ruling),
    "complaint_close": (
        "unresolved",
        lambda c, o, v: services.complaint_close(
            complaint=c,
            cause_id=steps.cause_for(c, o),
            satisfaction=Satisfaction.PARTLY,
            by=o,
            expected_version=v,
        ),
    ),
    "complaint_withdraw_on_behalf": (
        "in_handling",
        lambda c, o, v: services.complaint_withdraw_on_behalf(
            complaint=c, reason="Per brief.", by=o, expected_version=v
        ),
    ),
    "complaint_declare_not_admissible": (
        "in_handling",
        lambda c, o, v: services.complaint_declare_not_admissible(
            complaint=c, reasons="Geen klacht.", by=o, expected_version=v
        ),
    ),
}


def bring_to(complaint, officer, stage):
    complaint = steps.classify(complaint, officer)  # registered with a subject
    if stage == "heard":
        return steps.hear_both(complaint, officer)
    if stage == "unresolved":
        return steps.unresolve(complaint, officer)
    if stage == "referred":
        return steps.refer(steps.unresolve(complaint, officer), officer)
    return complaint


@pytest.mark.parametrize("name", VERSIONED)
def test_r7_4_a_stale_form_is_refused_and_changes_nothing(complaint, officer, name):
    stage, call = VERSIONED[name]
    complaint = steps.fresh(bring_to(complaint, officer, stage))
    for stale in (complaint.version - 1, complaint.version + 1):
        with unchanged(complaint), pytest.raises(StaleObject):
            call(complaint, officer, stale)
    call(complaint, officer, complaint.version)  # the current version goes through
    assert steps.fresh(complaint).version > complaint.version


def every_step(complaint, officer, respondent, other_staff):
    """Each service once, with input that would be valid on an open complaint."""
    judgment = selectors.current_judgment(complaint)
    sha = judgment.text_sha256 if judgment else "0" * 64
    proposal = complaint.proposals.first()
    due = clock.today() + timedelta(days=7)
    return {
        "complaint_start_handling": lambda: complaint_services.complaint_start_handling(
            complaint=complaint, by=officer
        ),
        "complaint_add_note": lambda: complaint_services.complaint_add_note(
            complaint=complaint, text="Notitie.", by=officer
        ),
        "complaint_add_attachment": lambda: complaint_services.complaint_add_attachment(
            complaint=complaint, name="verslag.txt", stream=io.BytesIO(samples.txt()), by=officer
        ),
        "complaint_set_subjects": lambda: complaint_services.complaint_set_subjects(
            complaint=complaint, subject_ids=[], by=officer
        ),
        "complaint_assign_officer": lambda: complaint_services.complaint_assign_officer(
            complaint=complaint,
            officer=other_staff,
            by=officer,
            expected_officer_id=complaint.assigned_officer_id,
        ),
        "respondent_set": lambda: services.respondent_set(
            complaint=complaint, respondent=None, by=officer
        ),
        "respondent_notify": lambda: services.respondent_notify(complaint=complaint, by=officer),
        "hearing_invite": lambda: services.hearing_invite(
            complaint=complaint, party=Party.COMPLAINANT, due_date=due, by=officer
        ),
        "hearing_waive": lambda: services.hearing_waive(
            complaint=complaint, party=Party.COMPLAINANT, reason="x", by=officer
        ),
        "statement_as_officer": lambda: services.statement_give_as_staff(
            complaint=complaint, text="x", by=officer, party=Party.COMPLAINANT, via=Via.PHONE
        ),
        "statement_as_respondent": lambda: services.statement_give_as_staff(
            complaint=complaint, text="x", by=respondent
        ),
        "statement_as_complainant": lambda: services.statement_give_as_complainant(
            complaint=complaint, text="x", link=steps.link_for(complaint)
        ),
        "update_add": lambda: services.update_add(complaint=complaint, text="x", by=officer),
        "proposal_make": lambda: services.proposal_make(complaint=complaint, text="x", by=officer),
        "proposal_answer": lambda: services.proposal_answer(
            proposal_id=proposal.pk if proposal else 0,
            complaint=complaint,
            answer=Answer.ACCEPTED,
            comment="",
            link=steps.link_for(complaint),
        ),
        "judgment_issue": lambda: services.judgment_issue(
            complaint=complaint,
            verdict=Verdict.UNFOUNDED,
            reasoning="x",
            recommendations=[],
            by=officer,
        ),
        "judgment_answer": lambda: services.judgment_answer(
            complaint=complaint,
            answer=Answer.ACCEPTED,
            shown_sha256=sha,
            link=steps.link_for(complaint),
        ),
        "judgment_sign_officer": lambda: services.judgment_sign(
            complaint=complaint, shown_sha256=sha, by=officer
        ),
        "judgment_sign_respondent": lambda: services.judgment_sign(
            complaint=complaint, shown_sha256=sha, by=respondent
        ),
        "referral_record": lambda: services.referral_record(
            complaint=complaint, referred_on=clock.today(), body_reference="", by=officer
        ),
        "ruling_record": lambda: _ruling(complaint, officer, None),
        "case_file_export": lambda: services.case_file_export(complaint=complaint, by=officer),
        "complaint_close": lambda: services.complaint_close(
            complaint=complaint, cause_id=None, satisfaction=Satisfaction.UNKNOWN, by=officer
        ),
        "withdraw_by_complainant": lambda: services.complaint_withdraw_by_complainant(
            complaint=complaint, reason="", link=steps.link_for(complaint)
        ),
        "withdraw_on_behalf": lambda: services.complaint_withdraw_on_behalf(
            complaint=complaint, reason="x", by=officer
        ),
        "declare_not_admissible": lambda: services.complaint_declare_not_admissible(
            complaint=complaint, reasons="x", by=officer
        ),
        "links_revoke": lambda: services.links_revoke(complaint=complaint, by=officer),
    }


def end(complaint, officer, how):
    complaint = steps.classify(complaint, officer)  # registered with a subject
    if how == "closed":
        complaint = steps.resolve(complaint, officer)
        services.complaint_close(
            complaint=complaint,
            cause_id=steps.cause_for(complaint, officer),
            satisfaction=Satisfaction.SATISFIED,
            by=officer,
        )
    elif how == "ruled":
        complaint = steps.refer(steps.unresolve(complaint, officer), officer)
        _ruling(complaint, officer, None)
    elif how == "withdrawn":
        complaint = steps.notify(complaint, officer)
        services.complaint_withdraw_on_behalf(complaint=complaint, reason="x", by=officer)
    elif how == "not_admissible":
        services.complaint_declare_not_admissible(complaint=complaint, reasons="x", by=officer)
    return steps.fresh(complaint)


@pytest.mark.parametrize("how", ["closed", "ruled", "withdrawn", "not_admissible"])
def test_r7_4_a_final_complaint_is_read_only_for_every_step(
    complaint, officer, respondent, second_officer, how
):
    services.proposal_make(complaint=complaint, text="Korting.", by=officer)
    complaint = end(complaint, officer, how)
    assert complaint.status in (Status.CLOSED, Status.WITHDRAWN, Status.NOT_ADMISSIBLE)
    not_refused = []
    # a complaint declared not admissible may still go to the disputes body (and
    # its case file be exported): those two steps are its only way on
    # (test_referral_without_judgment.py).
    still_open = {"referral_record", "case_file_export"} if how == "not_admissible" else set()
    for name, step in every_step(complaint, officer, respondent, second_officer).items():
        if name in still_open:
            continue
        with unchanged(complaint):
            try:
                step()
            except DomainError:
                continue
            not_refused.append(name)
    assert not_refused == []
    assert steps.fresh(complaint).status == complaint.status
