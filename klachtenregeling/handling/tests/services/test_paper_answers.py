"""R-5.7 on paper: an answer given by letter or phone, a signature on paper bound to the
current judgment, the reminder, and "no answer" (R-4.3: the disputes body stays open)."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import translation

from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.complaints.constants import AttachmentKind, Satisfaction, Status
from klachtenregeling.complaints.rules.days_off import NO_MOVE, DaysOffRule
from klachtenregeling.core.errors import InvalidInput, TransitionRefused
from klachtenregeling.handling import selectors, services
from klachtenregeling.handling.constants import Answer, PaperAnswer, Signer, Via
from klachtenregeling.handling.rules.answers import answer_dates, paper_signature_version_error
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.reports.models import ComplaintStatistic
from tests import samples

from .. import steps
from ..steps import unchanged


def scan():
    return ("oordeel-getekend.pdf", io.BytesIO(samples.pdf()))


@pytest.fixture
def judged(at, submit, officer, respondent):
    """Received 16 February 2026; the judgment (version 1) sent on Monday 2 March 2026."""
    with at("2026-02-16 10:00"):
        complaint = steps.start(submit(respondent_id=respondent.pk), officer)
    with at("2026-03-02 10:00"):
        complaint = steps.hear_both(complaint, officer)
        steps.judge(complaint, officer)
    return steps.fresh(complaint)


@pytest.mark.parametrize(
    ("judged_on", "moves", "remind_on", "close_from"),
    [
        (date(2026, 3, 2), False, date(2026, 3, 16), date(2026, 3, 30)),  # 14 + 14 days
        (date(2026, 3, 7), False, date(2026, 3, 21), date(2026, 4, 4)),  # a Saturday
        (date(2026, 3, 7), True, date(2026, 3, 21), date(2026, 4, 7)),  # past Easter Monday
    ],
)
def test_r5_7_reminder_and_no_answer_dates(judged_on, moves, remind_on, close_from):
    dates = answer_dates(
        judged_on=judged_on,
        reminder_days=14,
        no_answer_days=14,
        days_off=DaysOffRule() if moves else NO_MOVE,
    )
    assert (dates.remind_on, dates.close_from) == (remind_on, close_from)


@pytest.mark.parametrize(
    ("signed", "current", "problem"),
    [(2, 2, None), (1, 2, "older_version"), (3, 2, "unknown_version"), (0, 1, "older_version")],
)
def test_r5_7_a_paper_signature_binds_to_the_current_version(signed, current, problem):
    assert paper_signature_version_error(signed_version=signed, current_version=current) == problem


def test_r5_7_accepted_on_paper_signs_with_the_scan_and_resolves(at, judged, officer, respondent):
    with at("2026-03-05 10:00"):
        mark = steps.mark(judged)
        answered = services.judgment_answer_record(
            complaint=judged,
            answer=PaperAnswer.ACCEPTED,
            via=Via.WRITING,
            signed_version=1,
            document=scan(),
            by=officer,
        )
        judgment = selectors.current_judgment(judged)
        [signature] = judgment.signatures.all()
        assert (signature.signer, signature.via) == (Signer.COMPLAINANT, Via.WRITING)
        assert signature.text_sha256 == judgment.text_sha256
        assert answered.via == Via.WRITING
        [event] = steps.events_since(judged, mark, EventType.JUDGMENT_ANSWERED)
        assert event.actor == officer and event.actor_role == ActorRole.OFFICER
        scan_row = judged.attachments.get(pk=event.data["document_id"])
        assert scan_row.kind == AttachmentKind.SUPPORTING
        # The person complained about signed on paper too; the officer signs logged in.
        services.paper_signature_record(
            complaint=judged, signed_version=1, document=scan(), by=officer
        )
        services.judgment_sign(complaint=judged, shown_sha256=judgment.text_sha256, by=officer)
    complaint = steps.fresh(judged)
    assert complaint.status == Status.RESOLVED
    respondent_signature = judgment.signatures.get(signer=Signer.RESPONDENT)
    assert (respondent_signature.user, respondent_signature.via) == (respondent, Via.WRITING)


def test_r5_7_a_scan_of_an_older_judgment_is_refused(at, judged, officer):
    with at("2026-03-04 10:00"):
        steps.judge(judged, officer, reasoning="Herzien: deels terecht.")  # version 2
        complaint = steps.fresh(judged)
        with (
            unchanged(complaint),
            pytest.raises(InvalidInput) as refused,
            translation.override("nl"),
        ):
            services.judgment_answer_record(
                complaint=complaint,
                answer=PaperAnswer.ACCEPTED,
                via=Via.WRITING,
                signed_version=1,
                document=scan(),
                by=officer,
            )
    [message] = refused.value.errors["signed_version"]
    with translation.override("nl"):
        assert "versie 2" in str(message) and "4 maart 2026" in str(message)


def test_r5_7_acceptance_needs_the_signed_scan(at, judged, officer):
    with at("2026-03-04 10:00"), unchanged(judged), pytest.raises(InvalidInput) as refused:
        services.judgment_answer_record(
            complaint=judged,
            answer=PaperAnswer.ACCEPTED,
            via=Via.PHONE,
            signed_version=1,
            by=officer,
        )
    assert "document" in refused.value.errors


def test_r4_3_declined_by_phone_is_not_resolved_and_the_complainant_told(at, judged, officer):
    with at("2026-03-04 10:00"):
        mark = steps.mark(judged)
        services.judgment_answer_record(
            complaint=judged,
            answer=PaperAnswer.DECLINED,
            via=Via.PHONE,
            comment="Belde: niet akkoord.",
            by=officer,
        )
    complaint = steps.fresh(judged)
    assert complaint.status == Status.UNRESOLVED
    assert selectors.current_judgment(complaint).answers.get().answer == Answer.DECLINED
    kinds = {m.kind for m in steps.messages_since(complaint, mark)}
    assert MessageKind.REFERRAL_INFO in kinds


def test_r5_7_a_new_proposal_is_noted_and_keeps_the_judgment_open(at, judged, officer):
    with at("2026-03-04 10:00"):
        with unchanged(judged), pytest.raises(InvalidInput):
            services.judgment_answer_record(
                complaint=judged, answer=PaperAnswer.PROPOSAL, via=Via.WRITING, by=officer
            )
        mark = steps.mark(judged)
        services.judgment_answer_record(
            complaint=judged,
            answer=PaperAnswer.PROPOSAL,
            via=Via.WRITING,
            comment="Half de factuur terug.",
            by=officer,
        )
    complaint = steps.fresh(judged)
    assert complaint.status == Status.JUDGED
    [note] = steps.events_since(complaint, mark, EventType.NOTE_ADDED)
    assert "Half de factuur terug." in note.data["text"]


def test_r5_7_reminder_after_fourteen_days_once(at, smtp_server, judged, officer):
    with at("2026-03-15 09:00"):
        call_command("scheduler", "--once", verbosity=0)
    assert not OutboxMessage.objects.filter(kind=MessageKind.ANSWER_REMINDER).exists()
    with at("2026-03-16 09:00"):
        call_command("scheduler", "--once", verbosity=0)
        call_command("scheduler", "--once", verbosity=0)
    [reminder] = OutboxMessage.objects.filter(kind=MessageKind.ANSWER_REMINDER)
    assert reminder.to_email == judged.complainant_email
    assert "30 maart 2026" in reminder.body_text


def test_r5_7_no_answer_closing_refused_before_the_period_with_the_date(at, judged, officer):
    cause = steps.cause_for(judged, officer)
    with (
        at("2026-03-29 16:00"),
        unchanged(judged),
        pytest.raises(TransitionRefused) as refused,
        translation.override("nl"),
    ):
        services.complaint_close_no_answer(
            complaint=judged, cause_id=cause, satisfaction=Satisfaction.UNKNOWN, by=officer
        )
    with translation.override("nl"):
        assert "30 maart 2026" in str(refused.value)


def test_r5_7_r3_2_r3_3_no_answer_closes_with_a_letter_naming_the_disputes_body(
    at, judged, officer
):
    cause = steps.cause_for(judged, officer)
    with at("2026-03-30 09:00"):
        mark = steps.mark(judged)
        services.complaint_close_no_answer(
            complaint=judged, cause_id=cause, satisfaction=Satisfaction.UNKNOWN, by=officer
        )
    complaint = steps.fresh(judged)
    assert complaint.status == Status.CLOSED
    assert (complaint.cause_id, complaint.satisfaction) == (cause, Satisfaction.UNKNOWN)
    [event] = steps.events_since(complaint, mark, EventType.CLOSED)
    assert event.data["no_answer"] is True and event.data["satisfaction"] == "unknown"
    [mail] = [
        m
        for m in steps.messages_since(complaint, mark)
        if m.kind == MessageKind.CLOSED and m.recipient_role == ActorRole.COMPLAINANT
    ]
    assert complaint.organisation.disputes_body_name in mail.body_text
    assert mail.attachment is not None and "geen-reactie" in mail.attachment.filename
    assert ComplaintStatistic.objects.filter(complaint=complaint).exists()


def test_r5_7_no_answer_closing_refused_after_an_answer(at, judged, officer):
    with at("2026-03-20 10:00"):
        services.judgment_answer_record(
            complaint=judged, answer=PaperAnswer.DECLINED, via=Via.PHONE, by=officer
        )
    complaint = steps.fresh(judged)
    with at("2026-04-20 10:00"), unchanged(complaint), pytest.raises(TransitionRefused):
        services.complaint_close_no_answer(
            complaint=complaint,
            cause_id=steps.cause_for(complaint, officer),
            satisfaction=Satisfaction.UNKNOWN,
            by=officer,
        )
