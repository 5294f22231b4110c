"""Reads of recommendations (R-3.5), already scoped by the policy: the officers see all of
their organisation's, everyone else only their own."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from klachtenregeling.accounts import policies
from klachtenregeling.core.errors import NotPermitted

from . import rules
from .constants import FINISHED, Source
from .models import Recommendation

# Pseudo-statuses of the list's filter besides the real ones.
OVERDUE = "overdue"
OWNER_LEFT = "left"


@dataclass(frozen=True)
class Filters:
    status: str = ""
    owner_id: int | None = None
    source: str = ""
    query: str = ""


def _left(organisation_id: int) -> Q:
    """Owners who no longer work here (inactive, or moved to another organisation)."""
    return (
        Q(owner__isnull=True)
        | Q(owner__is_active=False)
        | ~Q(owner__organisation_id=organisation_id)
    )


def recommendations_visible_to(user) -> QuerySet[Recommendation]:
    if user.organisation_id is None:
        return Recommendation.objects.none()
    mine = Recommendation.objects.filter(organisation_id=user.organisation_id)
    if not policies.can(user, policies.RECOMMENDATION_LIST_ALL, user.organisation):
        mine = mine.filter(owner=user)
    return mine.select_related("owner", "owner__organisation", "report", "judgment__complaint")


def recommendation_list_for(user, filters: Filters, *, today: date) -> QuerySet[Recommendation]:
    rows = recommendations_visible_to(user)
    if filters.status == OVERDUE:
        rows = rows.filter(due_date__lt=today).exclude(status__in=FINISHED)
    elif filters.status == OWNER_LEFT:
        rows = rows.filter(_left(user.organisation_id)).exclude(status__in=FINISHED)
    elif filters.status:
        rows = rows.filter(status=filters.status)
    if filters.owner_id:
        rows = rows.filter(owner_id=filters.owner_id)
    if filters.source:
        rows = rows.filter(source=filters.source)
    if filters.query:
        rows = rows.filter(text__icontains=filters.query)
    return rows.order_by("due_date", "pk")


def recommendation_for(user, recommendation_id: int) -> Recommendation:
    """One recommendation the user may see (an officer of its organisation or its owner)."""
    found = recommendations_visible_to(user).filter(pk=recommendation_id).first()
    if found is None:
        raise NotPermitted("no such recommendation")
    return found


def owners_for_filter(user):
    """The people who own one of the recommendations the user sees."""
    from klachtenregeling.accounts.models import User

    return User.objects.filter(pk__in=recommendations_visible_to(user).values("owner_id")).order_by(
        "first_name", "last_name", "username"
    )


def decorate(recommendations, user, *, today: date) -> list[Recommendation]:
    """What a page shows beside each row: overdue, the owner left, where it came from.

    The complaint's reference only to an officer who may see that complaint (R-6.1)."""
    rows = list(recommendations)
    for r in rows:
        r.overdue = rules.is_overdue(due_date=r.due_date, status=r.status, today=today)
        r.finished = r.status in FINISHED
        r.owner_left = r.owner_id is not None and rules.owner_has_left(r.owner, r.organisation_id)
        complaint = r.judgment.complaint if r.judgment_id else None
        r.complaint_reference = (
            complaint.reference
            if complaint is not None and policies.can(user, policies.COMPLAINT_VIEW, complaint)
            else ""
        )
        r.from_report = r.source == Source.REPORT
    return rows


@dataclass(frozen=True)
class Counts:
    open: int
    overdue: int
    owner_left: int = 0


def counts_for_owner(user, *, today: date) -> Counts:
    mine = Recommendation.objects.filter(owner=user).exclude(status__in=FINISHED)
    return Counts(**mine.aggregate(open=Count("pk"), overdue=Count("pk", filter=_overdue(today))))


def counts_for_organisation(organisation, *, today: date) -> Counts:
    unfinished = Recommendation.objects.filter(organisation=organisation).exclude(
        status__in=FINISHED
    )
    return Counts(
        **unfinished.aggregate(
            open=Count("pk"),
            overdue=Count("pk", filter=_overdue(today)),
            owner_left=Count("pk", filter=_left(organisation.pk)),
        )
    )


def _overdue(today: date) -> Q:
    return Q(due_date__lt=today)


def open_for_owner(user) -> QuerySet[Recommendation]:
    return (
        Recommendation.objects.filter(owner=user, organisation_id=user.organisation_id)
        .exclude(status__in=FINISHED)
        .select_related("owner", "report", "judgment__complaint")
        .order_by("due_date", "pk")
    )


def overdue_of_organisation(organisation, *, today: date) -> QuerySet[Recommendation]:
    """For the daily digest: unfinished recommendations past their due date."""
    return (
        Recommendation.objects.filter(organisation=organisation, due_date__lt=today)
        .exclude(status__in=FINISHED)
        .select_related("owner")
        .order_by("due_date", "pk")
    )
