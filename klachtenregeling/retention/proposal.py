"""What a destruction list may contain (R-8.5): the complaints that ended before the review
and within the periods of the reports it discussed. Reads only; the pure rule first."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import DateField, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.constants import FINAL_STATUSES
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.core.errors import DomainError
from klachtenregeling.reviews.models import Review

from .models import DestructionList, Hold
from .workflow import ACTIVE

NO_REVIEW = _(
    "There is no recorded review of this period: there is nothing to base the destruction on."
)


@dataclass(frozen=True)
class Coverage:
    """The days whose ended complaints a review covers: within its reports' periods, and
    before the day it was held."""

    start: date
    end: date


def covered(*, held_on: date, periods: list[tuple[date, date]]) -> Coverage | None:
    """The review's coverage, or None when it has nothing to base a destruction on."""
    if not periods:
        return None
    start = min(p[0] for p in periods)
    end = min(max(p[1] for p in periods), held_on - timedelta(days=1))
    return Coverage(start, end) if start <= end else None


def coverage_of(review: Review | None) -> Coverage:
    """Refused (DomainError) for no review, or a review whose reports cover no past day."""
    if review is None:
        raise DomainError(NO_REVIEW)
    found = covered(
        held_on=review.held_on,
        periods=list(review.reports.values_list("period_start", "period_end")),
    )
    if found is None:
        raise DomainError(NO_REVIEW)
    return found


def review_for_period(organisation, *, start: date, end: date) -> Review | None:
    """The latest review whose coverage includes the whole period, if any."""
    for review in Review.objects.filter(organisation=organisation, held_on__gt=end).order_by(
        "-held_on", "-pk"
    ):
        found = covered(
            held_on=review.held_on,
            periods=list(review.reports.values_list("period_start", "period_end")),
        )
        if found and found.start <= start and end <= found.end:
            return review
    return None


def ended_complaints(organisation, coverage: Coverage) -> QuerySet[Complaint]:
    """Ended complaints of the organisation whose end falls in the coverage, annotated with
    `ended_on` (the statistics row's date; else the day it was closed, in Amsterdam)."""
    return (
        Complaint.objects.filter(organisation=organisation, status__in=FINAL_STATUSES)
        .annotate(
            ended_on=Coalesce(
                "statistic__ended_on",
                TruncDate("closed_at", tzinfo=clock.AMSTERDAM),
                output_field=DateField(),
            )
        )
        .filter(ended_on__gte=coverage.start, ended_on__lte=coverage.end)
    )


def candidates(organisation, coverage: Coverage) -> QuerySet[Complaint]:
    """What a new list proposes: not on another list that is still running."""
    return (
        ended_complaints(organisation, coverage)
        .exclude(destruction_items__destruction_list__status__in=ACTIVE)
        .values("pk", "reference", "received_at", "ended_on", "status", "statistic__outcome")
        .order_by("ended_on", "pk")
    )


def open_hold_labels(complaint_ids: list[int]) -> dict[int, str]:
    """The open holds of these complaints, as one text per complaint."""
    from .constants import HoldKind

    labels: dict[int, list[str]] = {}
    for complaint_id, kind in Hold.objects.filter(
        complaint_id__in=complaint_ids, lifted_at__isnull=True
    ).values_list("complaint_id", "kind"):
        labels.setdefault(complaint_id, []).append(str(HoldKind(kind).label))
    return {pk: "; ".join(texts) for pk, texts in labels.items()}


def still_destroyable(item, destruction_list) -> str:
    """Checked again at the moment of destruction: '' when it may go, else why not."""
    if item.complaint_id is None:
        return str(_("The complaint no longer exists."))
    return refusals([item.complaint_id], destruction_list).get(item.complaint_id, "")


def refusals(complaint_ids, destruction_list) -> dict[int, str]:
    """The batch form of `still_destroyable`: complaint id → why it may not go now (absent
    when it may): not an ended complaint the review covers, or under an open hold."""
    ids = list(complaint_ids)
    coverage = Coverage(destruction_list.period_start, destruction_list.period_end)
    covered_ids = set(
        ended_complaints(destruction_list.organisation, coverage)
        .filter(pk__in=ids)
        .values_list("pk", flat=True)
    )
    held = open_hold_labels(ids)
    found = {}
    for pk in ids:
        if pk not in covered_ids:
            found[pk] = str(_("The complaint is not an ended complaint covered by the review."))
        elif pk in held:
            found[pk] = str(_("Held: %(reasons)s.") % {"reasons": held[pk]})
    return found


def lists_of(organisation) -> QuerySet[DestructionList]:
    return (
        DestructionList.objects.filter(organisation=organisation)
        .defer("statement_pdf")
        .select_related("review", "created_by", "confirmed_by", "second_confirmed_by")
    )


def reviews_to_destroy_after(organisation) -> list[Review]:
    """Reviews a list can follow (their reports cover at least one past day)."""
    return [
        review
        for review in Review.objects.filter(organisation=organisation).prefetch_related("reports")
        if covered(
            held_on=review.held_on,
            periods=[(r.period_start, r.period_end) for r in review.reports.all()],
        )
    ]
