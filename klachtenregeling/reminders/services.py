"""The scheduler's round of reminders (R-7.1, R-5.2). Each occasion is sent once.

Every reminder is one transaction: the SentReminder row (unique per occasion), the
outbox message(s) and, for a passed term, the case event. Two schedulers running at
once cannot both send: the second insert of the same key fails and is rolled back.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, Max, OuterRef
from django.utils.text import Truncator

from klachtenregeling.accounts import policies
from klachtenregeling.accounts.models import User
from klachtenregeling.accounts.selectors import admins_of, officers_of
from klachtenregeling.audit import events
from klachtenregeling.complaints.constants import AWAITING_JUDGMENT, ComplianceStatus, Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.handling import selectors as handling_selectors
from klachtenregeling.handling.rules import referral as referral_rules
from klachtenregeling.handling.selectors import outstanding_invitations
from klachtenregeling.improvements import selectors as recommendation_selectors
from klachtenregeling.notifications import procedure_messages, reminder_messages
from klachtenregeling.organisations.models import Organisation
from klachtenregeling.reviews import rules as review_rules
from klachtenregeling.reviews import selectors as review_selectors

from . import rules, tokens
from .constants import ReminderKind
from .models import CalendarFeed, SentReminder

logger = logging.getLogger(__name__)
CHUNK = 500


@dataclass
class RoundReport:
    """What one round sent, per kind (for the scheduler's log and the tests)."""

    sent: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str) -> None:
        self.sent[kind] = self.sent.get(kind, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.sent.values())


def _once(
    *, organisation, kind, key, occasion_date, send, complaint=None, user=None, data=None
) -> bool:
    """Send (`send()` returns the outbox messages) unless this occasion was already sent."""
    try:
        with transaction.atomic():
            if complaint is not None:
                Complaint.objects.select_for_update().filter(pk=complaint.pk).exists()
            if SentReminder.objects.filter(key=key).exists():
                return False
            messages = [m for m in send() if m is not None]
            SentReminder.objects.create(
                organisation=organisation,
                kind=kind,
                key=key,
                complaint=complaint,
                user=user,
                occasion_date=occasion_date,
                sent_at=clock.now(),
                data={**(data or {}), "message_ids": [m.pk for m in messages]},
            )
    except IntegrityError:
        logger.info("reminder %s was sent by another scheduler", key)
        return False
    return True


def _already(keys: list[str]) -> set[str]:
    return set(SentReminder.objects.filter(key__in=keys).values_list("key", flat=True))


def _awaiting(organisation):
    return Complaint.objects.filter(
        organisation=organisation, status__in=AWAITING_JUDGMENT
    ).select_related("organisation", "assigned_officer", "respondent")


def _not_yet_sent(kind: str, date_field: str, **same) -> Exists:
    """No SentReminder of `kind` about this complaint and its current `date_field` yet
    (and `same` fields, e.g. the same officer): an indexed anti-join (reminder_occasion),
    so a round costs what is new, not all."""
    return ~Exists(
        SentReminder.objects.filter(
            complaint=OuterRef("pk"),
            kind=kind,
            occasion_date=OuterRef(date_field),
            **{field: OuterRef(value) for field, value in same.items()},
        )
    )


def _deadline_reminders(organisation, today, report: RoundReport) -> None:
    candidates = _awaiting(organisation).filter(
        # Per officer: after a hand-over the new officer is reminded too.
        _not_yet_sent(ReminderKind.DEADLINE, "deadline", user="assigned_officer"),
        assigned_officer__isnull=False,
        deadline__range=rules.reminder_window(today, organisation.reminder_days),
    )
    for complaint in list(candidates):
        days_left = (complaint.deadline - today).days
        if _once(
            organisation=organisation,
            kind=ReminderKind.DEADLINE,
            key=rules.deadline_key(complaint.pk, complaint.assigned_officer_id, complaint.deadline),
            occasion_date=complaint.deadline,
            complaint=complaint,
            user=complaint.assigned_officer,
            data={"deadline": complaint.deadline.isoformat(), "days_left": days_left},
            send=lambda c=complaint, d=days_left: [
                reminder_messages.deadline_reminder(c, days_left=d)
            ],
        ):
            report.add(ReminderKind.DEADLINE)


def _statement_reminders(organisation, today, report: RoundReport) -> None:
    candidates = list(
        outstanding_invitations()
        .filter(
            complaint__organisation=organisation,
            due_date__range=rules.reminder_window(today, organisation.statement_reminder_days),
        )
        .select_related(
            "complaint__organisation", "complaint__assigned_officer", "complaint__respondent"
        )
    )
    done = _already([rules.statement_key(i.pk, i.due_date) for i in candidates])
    for invitation in candidates:
        key = rules.statement_key(invitation.pk, invitation.due_date)
        if key in done:
            continue
        complaint = invitation.complaint
        if _once(
            organisation=organisation,
            kind=ReminderKind.STATEMENT,
            key=key,
            occasion_date=invitation.due_date,
            complaint=complaint,
            data={"invitation_id": invitation.pk, "party": invitation.party},
            send=lambda c=complaint, i=invitation: [reminder_messages.statement_reminder(c, i)],
        ):
            report.add(ReminderKind.STATEMENT)


def _answer_reminders(organisation, today, report: RoundReport) -> None:
    """R-5.7: a complainant who did not answer the current judgment within the set period
    is reminded once; the mail says from when the complaint may be closed without it."""
    candidates = (
        Complaint.objects.filter(organisation=organisation, status=Status.JUDGED)
        .annotate(judged_at=Max("judgments__issued_at"))
        # sent on or before today minus the period: a cheap first cut, the rule decides
        .filter(
            judged_at__lt=clock.start_of_day(
                today - timedelta(days=organisation.answer_reminder_days - 1)
            )
        )
        .select_related("organisation", "assigned_officer", "respondent")
    )
    for complaint in candidates:
        judgment = handling_selectors.current_judgment(complaint)
        dates = handling_selectors.answer_dates(complaint)
        if judgment.answers.exists() or dates.remind_on > today:
            continue
        if _once(
            organisation=organisation,
            kind=ReminderKind.ANSWER,
            key=rules.answer_key(judgment.pk),
            occasion_date=dates.remind_on,
            complaint=complaint,
            data={"judgment_id": judgment.pk, "close_from": dates.close_from.isoformat()},
            send=lambda c=complaint, d=dates: [
                reminder_messages.answer_reminder(c, close_from=d.close_from)
            ],
        ):
            report.add(ReminderKind.ANSWER)


def _passed_deadlines(organisation, today, report: RoundReport) -> None:
    # Terms that passed stay candidates until judged: those whose current deadline was
    # already reported are left out in the query.
    candidates = _awaiting(organisation).filter(
        _not_yet_sent(ReminderKind.DEADLINE_PASSED, "deadline"),
        deadline__range=rules.passed_alert_window(today),
    )
    pks = list(candidates.values_list("pk", flat=True))
    admins = list(admins_of(organisation))
    for start in range(0, len(pks), CHUNK):
        for complaint in _awaiting(organisation).filter(pk__in=pks[start : start + CHUNK]):
            _report_passed(organisation, complaint, admins, report)


def _report_passed(organisation, complaint, admins, report: RoundReport) -> None:
    def send():
        messages = reminder_messages.deadline_passed(complaint, admins)
        events.deadline_passed(complaint, alerted=len(messages))
        # the complainant need not wait: the way to the disputes body is open.
        told = procedure_messages.referral_info(complaint, reason=referral_rules.TERM_PASSED)
        return [*messages, told]

    if _once(
        organisation=organisation,
        kind=ReminderKind.DEADLINE_PASSED,
        key=rules.passed_key(complaint.pk, complaint.deadline),
        occasion_date=complaint.deadline,
        complaint=complaint,
        data={"deadline": complaint.deadline.isoformat()},
        send=send,
    ):
        report.add(ReminderKind.DEADLINE_PASSED)


def _overdue_digests(organisation, today, report: RoundReport) -> None:
    """Once a day, one digest per person: the officer's overdue complaints (R-7.1), the
    recipient's own overdue recommendations and, for an officer, all overdue ones of the
    organisation (R-3.5), and an overdue yearly review for officers and admins (R-8.4)."""
    already = set(
        SentReminder.objects.filter(
            organisation=organisation, kind=ReminderKind.OVERDUE_DIGEST, occasion_date=today
        ).values_list("user_id", flat=True)
    )
    complaints = _overdue_complaints(organisation, today, already)
    recommendations = _overdue_recommendations(organisation, today)
    due = review_selectors.review_due(organisation, today=today)
    review_overdue = due if due is not None and due.overdue else None
    officers = list(officers_of(organisation))
    wanted = set(complaints) | set(recommendations["own"])
    if recommendations["all"] or review_overdue:
        wanted |= {officer.pk for officer in officers}
    if review_overdue:
        wanted |= set(admins_of(organisation).values_list("pk", flat=True))
    recipients = User.objects.filter(
        pk__in=wanted - already, organisation=organisation, is_active=True
    )
    for user in recipients:
        if not user.email:
            continue
        rows = complaints.get(user.pk, []) if user.is_officer else []
        own = recommendations["own"].get(user.pk, [])
        # An officer hears of the organisation's other overdue ones (their own are above).
        others = (
            [r for r in recommendations["all"] if r["owner_id"] != user.pk]
            if user.is_officer
            else []
        )
        review = review_overdue if (user.is_officer or user.is_org_admin) else None
        if not (rows or own or others or review):
            continue
        if _once(
            organisation=organisation,
            kind=ReminderKind.OVERDUE_DIGEST,
            key=rules.digest_key(user.pk, today),
            occasion_date=today,
            user=user,
            data={
                "complaints": [row["id"] for row in rows],
                "recommendations": sorted({r["id"] for r in [*own, *others]}),
                "review_overdue": review is not None,
            },
            send=lambda u=user, r=rows, o=own, a=others, v=review: [
                reminder_messages.overdue_digest(
                    u, r, own_recommendations=o, all_recommendations=a, review_due=v
                )
            ],
        ):
            report.add(ReminderKind.OVERDUE_DIGEST)


def _overdue_complaints(organisation, today, already) -> dict[int, list]:
    """R-7.1: per officer (who had no digest today), their overdue complaints."""
    overdue = (
        _awaiting(organisation)
        .filter(deadline__lt=today, assigned_officer__isnull=False)
        .exclude(assigned_officer_id__in=already)
        .order_by("deadline", "pk")
        .values_list("assigned_officer_id", "pk", "reference", "deadline")
    )
    per_officer: dict[int, list] = {}
    for officer_id, pk, reference, deadline in overdue:
        per_officer.setdefault(officer_id, []).append(
            {
                "id": pk,
                "reference": reference,
                "deadline": deadline,
                "days": (today - deadline).days,
            }
        )
    return per_officer


def _overdue_recommendations(organisation, today) -> dict:
    """R-3.5: overdue recommendations, per owner and all of them (for the officers)."""
    own: dict[int, list] = {}
    every = []
    for recommendation in recommendation_selectors.overdue_of_organisation(
        organisation, today=today
    ):
        row = {
            "id": recommendation.pk,
            "text": Truncator(recommendation.text).chars(120),
            "due_date": recommendation.due_date,
            "owner": recommendation.owner.display_name if recommendation.owner else "—",
            "owner_id": recommendation.owner_id,
        }
        every.append(row)
        if recommendation.owner_id is not None:
            own.setdefault(recommendation.owner_id, []).append(row)
    return {"own": own, "all": every}


def _review_reminders(organisation, today, report: RoundReport) -> None:
    """R-8.4: the officers and the administrators are reminded once per occasion (a new
    review is a new occasion) when the yearly review is coming due."""
    due = review_selectors.review_due(organisation, today=today)
    if due is None or not due.remind:
        return
    recipients = [*officers_of(organisation), *admins_of(organisation)]
    keys = {
        user.pk: review_rules.reminder_key(organisation.pk, user.pk, due.start)
        for user in recipients
    }
    done = _already(list(keys.values()))
    for user in {user.pk: user for user in recipients}.values():
        if keys[user.pk] in done or not user.email:
            continue
        if _once(
            organisation=organisation,
            kind=ReminderKind.REVIEW_DUE,
            key=keys[user.pk],
            occasion_date=due.start,
            user=user,
            data={"start": due.start.isoformat(), "due_by": due.due_by.isoformat()},
            send=lambda u=user: [reminder_messages.review_due(u, due)],
        ):
            report.add(ReminderKind.REVIEW_DUE)


def _compliance_digests(organisation, today, report: RoundReport) -> None:
    """Issue 14: once a day, each administrator hears of the complaints that became
    breached (Complaint.compliance_breached_at, kept by compliance/stored.py) since their
    last digest: reference and article title only, never a complaint about themselves."""
    from klachtenregeling.compliance.rules import TITLES

    already = set(
        SentReminder.objects.filter(
            organisation=organisation, kind=ReminderKind.COMPLIANCE_DIGEST, occasion_date=today
        ).values_list("user_id", flat=True)
    )
    admins = [a for a in admins_of(organisation).exclude(pk__in=already) if a.email]
    if not admins:
        return
    last = dict(
        SentReminder.objects.filter(
            organisation=organisation,
            kind=ReminderKind.COMPLIANCE_DIGEST,
            user__in=admins,
        )
        .order_by()
        .values("user_id")
        .annotate(at=Max("sent_at"))
        .values_list("user_id", "at")
    )
    # Without an earlier digest (a new administrator, a first installation): the breaches
    # of the last few days, not every old one.
    floor = clock.start_of_day(today - timedelta(days=rules.PASSED_ALERT_DAYS))
    since = {admin.pk: max(last.get(admin.pk) or floor, floor) for admin in admins}
    candidates = list(
        Complaint.objects.filter(
            organisation=organisation,
            compliance_status=ComplianceStatus.BREACHED,
            compliance_breached_at__gt=min(since.values()),
        )
        .order_by("compliance_breached_at", "pk")
        .values_list(
            "pk", "reference", "compliance_rule", "compliance_breached_at", "respondent_id"
        )
    )
    for admin in admins:
        rows = [
            {"id": pk, "reference": reference, "title": TITLES.get(rule, "")}
            for pk, reference, rule, at, respondent in candidates
            if respondent != admin.pk and at > since[admin.pk]
        ]
        if not rows:
            continue
        if _once(
            organisation=organisation,
            kind=ReminderKind.COMPLIANCE_DIGEST,
            key=rules.compliance_digest_key(admin.pk, today),
            occasion_date=today,
            user=admin,
            data={"complaints": [row["id"] for row in rows]},
            send=lambda a=admin, r=rows: [reminder_messages.compliance_digest(a, r)],
        ):
            report.add(ReminderKind.COMPLIANCE_DIGEST)


def reminders_send_due() -> RoundReport:
    """One round: whatever is due now and was not sent before. Safe to run at any time,
    as often as wanted (from the scheduler every few minutes, or from cron)."""
    report = RoundReport()
    now = clock.now()
    if not rules.sending_hours(now):
        return report
    today = clock.local_date(now)
    for organisation in Organisation.objects.all():
        _deadline_reminders(organisation, today, report)
        _statement_reminders(organisation, today, report)
        _answer_reminders(organisation, today, report)
        _passed_deadlines(organisation, today, report)
        _overdue_digests(organisation, today, report)
        _review_reminders(organisation, today, report)
        _compliance_digests(organisation, today, report)
    return report


def calendar_feed_issue(*, user) -> str:
    """A new secret calendar address for an officer; an earlier one stops working.
    Returns the token (shown once)."""
    policies.require(user, policies.CALENDAR_USE, user.organisation)
    token = tokens.new_token()
    with transaction.atomic():
        CalendarFeed.objects.filter(user=user).delete()
        CalendarFeed.objects.create(
            user=user, token_sha256=tokens.digest(token), created_at=clock.now()
        )
    return token


def calendar_feed_revoke(*, user) -> bool:
    """Stop the officer's calendar address; True when there was one."""
    deleted, _ = CalendarFeed.objects.filter(user=user).delete()
    return bool(deleted)


def calendar_feed_used(feed) -> None:
    CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=clock.now())
