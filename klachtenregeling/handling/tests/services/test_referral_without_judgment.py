"""R-4.3 without a judgment: "the company responded, or had four weeks to respond".

A complaint whose (extended) term passed without a judgment, or one declared not
admissible, may go to the disputes body: the complainant is told on their page and by
mail, the officer records the referral and the ruling, and the case file is exported.
"""

import io
import zipfile
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import Status
from klachtenregeling.core import clock
from klachtenregeling.core.errors import TransitionRefused
from klachtenregeling.handling import selectors, services
from klachtenregeling.handling.constants import RulingOutcome
from klachtenregeling.handling.rules import referral as referral_rules
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.reports.constants import Outcome
from klachtenregeling.reports.models import ComplaintStatistic
from klachtenregeling.retention.selectors import has_open_referral_hold

from .. import steps
from ..steps import unchanged


@pytest.fixture
def late(at, submit, officer, staff_member):
    """In handling since 2 March 2026: the term ends Monday 30 March."""
    with at("2026-03-02 10:00"):
        return steps.start(submit(respondent_id=staff_member.pk), officer)


def refer_on(complaint, officer, day: date):
    return services.referral_record(
        complaint=complaint, referred_on=day, body_reference="GC-9", by=officer
    )


@pytest.mark.parametrize(
    ("status", "today", "reason"),
    [
        (Status.RECEIVED, date(2026, 3, 30), None),  # the deadline day itself: term runs
        (Status.RECEIVED, date(2026, 3, 31), referral_rules.TERM_PASSED),
        (Status.IN_HANDLING, date(2026, 3, 31), referral_rules.TERM_PASSED),
        (Status.HEARING, date(2026, 4, 30), referral_rules.TERM_PASSED),
        (Status.JUDGED, date(2026, 4, 30), None),  # a judgment: the complainant answers first
        (Status.UNRESOLVED, date(2026, 3, 1), referral_rules.NOT_RESOLVED),
        (Status.NOT_ADMISSIBLE, date(2026, 3, 1), referral_rules.NOT_ADMISSIBLE),
        (Status.REFERRED, date(2026, 4, 30), None),  # already there
        (Status.WITHDRAWN, date(2026, 4, 30), None),
        (Status.CLOSED, date(2026, 4, 30), None),
    ],
)
def test_r4_3_route_to_the_disputes_body_is_open_when(status, today, reason):
    deadline = date(2026, 3, 30)
    assert referral_rules.route_reason(status=status, deadline=deadline, today=today) == reason
    assert referral_rules.referral_open(status=status, deadline=deadline, today=today) is (
        reason is not None
    )


def test_r4_3_no_referral_while_the_term_runs(at, late, officer):
    with (
        at("2026-03-30 16:00"),
        unchanged(late),
        pytest.raises(TransitionRefused) as refused,
        translation.override("nl"),
    ):
        refer_on(late, officer, date(2026, 3, 30))
    with translation.override("nl"):
        assert "30 maart 2026" in str(refused.value)
    with at("2026-03-30 16:00"), unchanged(late), pytest.raises(TransitionRefused):
        services.case_file_export(complaint=late, by=officer)


def test_r4_3_an_extended_term_keeps_the_route_closed_until_it_passes(at, late, officer):
    with at("2026-03-25 09:00"):
        complaint_services.complaint_extend_deadline(
            complaint=late,
            new_deadline=date(2026, 4, 13),
            reason="Een getuige moet nog gehoord worden.",
            by=officer,
        )
    with at("2026-04-01 09:00"), pytest.raises(TransitionRefused):
        refer_on(late, officer, date(2026, 4, 1))
    with at("2026-04-14 09:00"):
        refer_on(late, officer, date(2026, 4, 14))
    assert steps.fresh(late).status == Status.REFERRED


def test_r4_3_term_passed_without_judgment_complainant_told_by_mail_and_page(
    at, client, late, officer, org_admin
):
    with at("2026-03-30 18:00"):
        call_command("scheduler", "--once", verbosity=0)
    assert not OutboxMessage.objects.filter(kind=MessageKind.REFERRAL_INFO).exists()
    with at("2026-03-31 08:00"):
        call_command("scheduler", "--once", verbosity=0)
        call_command("scheduler", "--once", verbosity=0)  # told once
    [info] = OutboxMessage.objects.filter(kind=MessageKind.REFERRAL_INFO)
    assert (info.recipient_role, info.to_email) == (ActorRole.COMPLAINANT, late.complainant_email)
    assert "30 maart 2026" in info.body_text
    assert "geen oordeel" in info.body_text
    assert late.organisation.disputes_body_name in info.body_text
    assert late.organisation.disputes_body_url in info.body_html

    with at("2026-03-31 09:00"):
        client.get(steps_link_url(late))
        page = client.get(reverse("portal:status", args=[late.organisation.slug]))
    text = page.content.decode()
    assert "zonder oordeel" in text
    assert late.organisation.disputes_body_address in text


def steps_link_url(complaint) -> str:
    from klachtenregeling.portal import tokens

    token = tokens.issue(complaint, purpose="test")
    return reverse("portal:enter", args=[complaint.organisation.slug]) + f"?t={token}"


def test_r4_3_referral_and_ruling_after_the_term_passed_without_judgment(at, late, officer):
    with at("2026-04-02 10:00"):
        mark = steps.mark(late)
        referral = refer_on(late, officer, date(2026, 4, 1))
        complaint = steps.fresh(late)
        assert complaint.status == Status.REFERRED
        assert has_open_referral_hold(complaint)
        [event] = steps.events_since(complaint, mark, EventType.REFERRED)
        assert event.data["status_from"] == Status.IN_HANDLING
        # Received 2 March, referred 1 April: the company had its four weeks.
        assert event.data["conditions"] == {
            "written": True,
            "responded": True,
            "within_year": True,
        }
        case_file = services.case_file_export(complaint=complaint, by=officer)
        names = zipfile.ZipFile(io.BytesIO(case_file.content)).namelist()
        assert "manifest.json" in names
    with at("2026-06-01 10:00"):
        complaint = steps.classify(complaint, officer)
        services.ruling_record(
            complaint=complaint,
            ruling_on=date(2026, 5, 28),
            outcome=RulingOutcome.UPHELD,
            text="De commissie acht de klacht gegrond: er kwam geen oordeel.",
            cause_id=steps.cause_for(complaint, officer),
            by=officer,
        )
    complaint = steps.fresh(complaint)
    assert complaint.status == Status.CLOSED
    assert not has_open_referral_hold(complaint)
    assert referral.pk == complaint.referral.pk
    assert ComplaintStatistic.objects.get(complaint=complaint).outcome == Outcome.REFERRED


def test_r4_3_not_admissible_complaint_goes_to_the_disputes_body(at, client, late, officer):
    with at("2026-03-10 10:00"):
        complaint = steps.classify(late, officer)
        mark = steps.mark(complaint)
        services.complaint_declare_not_admissible(
            complaint=complaint, reasons="Dit gaat over een andere organisatie.", by=officer
        )
    [mail] = [
        m for m in steps.messages_since(complaint, mark) if m.kind == MessageKind.NOT_ADMISSIBLE
    ]
    assert complaint.organisation.disputes_body_name in mail.body_text
    assert "bindende uitspraak" in mail.body_text
    complaint = steps.fresh(complaint)
    assert ComplaintStatistic.objects.get(complaint=complaint).outcome == Outcome.NOT_ADMISSIBLE
    procedure = selectors.procedure(complaint)
    assert procedure.may_refer and procedure.may_export_case_file
    assert procedure.route_reason == referral_rules.NOT_ADMISSIBLE

    with at("2026-03-10 11:00"):
        client.get(steps_link_url(complaint))
        page = client.get(reverse("portal:status", args=[complaint.organisation.slug]))
    assert "niet als klacht behandelen" in page.content.decode()

    with at("2026-03-12 10:00"):
        case_file = services.case_file_export(complaint=complaint, by=officer)
        assert "manifest.json" in zipfile.ZipFile(io.BytesIO(case_file.content)).namelist()
        mark = steps.mark(complaint)
        refer_on(complaint, officer, date(2026, 3, 11))
    complaint = steps.fresh(complaint)
    assert (complaint.status, complaint.closed_at) == (Status.REFERRED, None)
    [event] = steps.events_since(complaint, mark, EventType.REFERRED)
    assert event.data["status_from"] == Status.NOT_ADMISSIBLE
    # The letter that it is not admissible was the company's response; four weeks had not
    # passed, so that condition holds through the response.
    assert event.data["conditions"]["responded"] is True
    with at("2026-05-01 10:00"):
        services.ruling_record(
            complaint=complaint,
            ruling_on=date(2026, 4, 30),
            outcome=RulingOutcome.REJECTED,
            text="De commissie is het eens met de organisatie.",
            cause_id=steps.cause_for(complaint, officer),
            by=officer,
        )
    complaint = steps.fresh(complaint)
    assert complaint.status == Status.CLOSED and complaint.closed_at is not None
    # Counted once, as the organisation ended it: not admissible (statistics are append-only).
    assert ComplaintStatistic.objects.get(complaint=complaint).outcome == Outcome.NOT_ADMISSIBLE
    assert clock.local_date(complaint.closed_at) == date(2026, 5, 1)
