"""The anonymous statistics row of an ended complaint (R-8.1, R-3.2, R-3.3, R-8.3).

`record_end` is called by every service that ends a complaint, inside its transaction
and after the complaint row was locked and its final status set, so that exactly one row
exists per ended complaint and none for an open one. The row copies facts, never text.
"""

from datetime import date

from klachtenregeling.audit import events
from klachtenregeling.complaints.constants import FINAL_STATUSES, Satisfaction
from klachtenregeling.complaints.selectors import term_outcome_for
from klachtenregeling.core import clock
from klachtenregeling.handling.models import Referral

from . import rules
from .constants import EngagementKind
from .models import ComplaintStatistic, StatisticConcern, StatisticExtension


def record_end(complaint) -> ComplaintStatistic:
    """Write the statistics row of `complaint`, which has just reached a final status."""
    if complaint.status not in FINAL_STATUSES or complaint.closed_at is None:
        raise ValueError("only an ended complaint is counted")
    judgment = complaint.judgments.order_by("-version").first()
    referral = Referral.objects.filter(complaint=complaint).first()
    outcome = rules.outcome_of(
        status=complaint.status,
        verdict=judgment.verdict if judgment else None,
        referred=referral is not None,
    )
    received_on = clock.local_date(complaint.received_at)
    ended_on = clock.local_date(complaint.closed_at)
    extensions = list(complaint.extensions.order_by("number"))
    subjects = list(complaint.subjects.all())
    statistic = ComplaintStatistic.objects.create(
        organisation_id=complaint.organisation_id,
        complaint=complaint,
        received_on=received_on,
        ended_on=max(ended_on, received_on),
        channel=complaint.channel,
        engagement_kind=(
            EngagementKind.LINKED if complaint.engagement_id else EngagementKind.DESCRIBED
        ),
        outcome=outcome,
        ruling_outcome=referral.ruling_outcome if referral is not None else "",
        handling_days=max((ended_on - received_on).days, 0),
        term_outcome=term_outcome_for(complaint),
        extensions_count=len(extensions),
        cause_id=complaint.cause_id,
        satisfaction=complaint.satisfaction or Satisfaction.UNKNOWN,
        recommendations_count=len(judgment.recommendations) if judgment else 0,
        recorded_at=clock.now(),
    )
    statistic.subjects.set(subjects)
    StatisticConcern.objects.bulk_create(
        StatisticConcern(statistic=statistic, concern=c.concern) for c in complaint.concerns.all()
    )
    StatisticExtension.objects.bulk_create(
        StatisticExtension(statistic=statistic, number=e.number, reason_category=e.reason_category)
        for e in extensions
    )
    events.statistics_recorded(complaint, outcome=outcome, subjects=subjects)
    return statistic


def end_recorded(complaint) -> bool:
    """Whether the complaint's end was counted already: a complaint declared not admissible
    that then went to the disputes body (R-4.3) is counted once, as not admissible (the
    organisation's own end of it; the rows are append-only)."""
    return ComplaintStatistic.objects.filter(complaint=complaint).exists()


def record_imported(
    *,
    organisation,
    received_on: date,
    ended_on: date,
    channel: str,
    outcome: str,
    term_outcome: str,
    satisfaction: str = Satisfaction.UNKNOWN,
    subjects=(),
    concerns=(),
    extension_reasons=(),
    cause=None,
    ruling_outcome: str = "",
    engagement_kind: str = EngagementKind.DESCRIBED,
) -> ComplaintStatistic:
    """The statistics row of a complaint that no longer exists in this system: the figures
    of complaints destroyed after an earlier review (R-8.5), or handled before the system
    was used. There is no complaint (complaint=None) and nothing personal; the handling
    time is counted from the dates as record_end does. Used by the demo and the tests."""
    statistic = ComplaintStatistic.objects.create(
        organisation=organisation,
        complaint=None,
        received_on=received_on,
        ended_on=ended_on,
        channel=channel,
        engagement_kind=engagement_kind,
        outcome=outcome,
        ruling_outcome=ruling_outcome,
        handling_days=(ended_on - received_on).days,
        term_outcome=term_outcome,
        extensions_count=len(extension_reasons),
        cause=cause,
        satisfaction=satisfaction,
        recorded_at=clock.now(),
    )
    statistic.subjects.set(subjects)
    StatisticConcern.objects.bulk_create(
        StatisticConcern(statistic=statistic, concern=concern) for concern in concerns
    )
    StatisticExtension.objects.bulk_create(
        StatisticExtension(statistic=statistic, number=number, reason_category=reason)
        for number, reason in enumerate(extension_reasons, start=1)
    )
    return statistic
