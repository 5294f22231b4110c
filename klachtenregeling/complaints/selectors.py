"""Reads of complaints, already scoped by the policy: no query crosses organisations."""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.dateparse import parse_date

from klachtenregeling.accounts import policies
from klachtenregeling.audit.constants import EventType
from klachtenregeling.audit.models import CaseEvent
from klachtenregeling.core import clock
from klachtenregeling.core.errors import NotPermitted
from klachtenregeling.organisations.models import Subject

from .constants import FINAL_STATUSES, OPEN_STATUSES, ComplianceStatus, Due, Status
from .models import Complaint
from .rules.deadlines import ExtensionFact, TermOutcome, term_outcome
from .workflow import HEARING_ALLOWED

WORD = re.compile(r"\w+")
REFERENCE_PATTERN = re.compile(r"^\s*KL-\d{4}-\d{1,9}\s*$", re.IGNORECASE)
# The expression the PostgreSQL GIN index (migration 0002) is built on; a query
# must use exactly this expression for the index to apply.
SEARCH_VECTOR = SearchVector(
    "complainant_name", "on_behalf_of", "description", "desired_outcome", config="dutch"
)


DUE_SOON_DAYS = 7  # "due this week": the deadline is within the coming seven days


@dataclass(frozen=True)
class DashboardFilter:
    status: str = ""
    subject_id: int | None = None
    query: str = ""
    due: str = ""


def _awaiting_answer():
    """A party was invited to give an account and has not answered yet (R-5.2)."""
    from klachtenregeling.handling.selectors import outstanding_invitations

    return Exists(outstanding_invitations().filter(complaint=OuterRef("pk")))


def _awaiting_an_account(complaints: QuerySet[Complaint]) -> QuerySet[Complaint]:
    """Those of `complaints` that wait for a party's account: only complaints in the
    hearing can (an index range), each asked once."""
    return complaints.filter(status__in=sorted(HEARING_ALLOWED)).filter(_awaiting_answer())


# Complaint.urgency 0 is "awaiting a judgment" (a status in AWAITING_JUDGMENT): the
# filters below then read the officer's index in deadline order.
AWAITING = Q(urgency=0)


# Issue 14: an open complaint with a rule breached or at risk (Complaint.attention is its
# stored compliance status while open): a range of the index complaint_officer_attention.
NEEDS_ATTENTION = Q(attention__lt=ComplianceStatus.FINE)


def _overdue(today) -> Q:
    """The term of R-5.5 passed without a judgment (R-7.1)."""
    return AWAITING & Q(deadline__lt=today)


def _due_this_week(today) -> Q:
    return AWAITING & Q(deadline__gte=today, deadline__lt=today + timedelta(days=DUE_SOON_DAYS))


def _due(queryset: QuerySet[Complaint], due: str) -> QuerySet[Complaint]:
    today = clock.today()
    if due == Due.OVERDUE:
        return queryset.filter(_overdue(today))
    if due == Due.THIS_WEEK:
        return queryset.filter(_due_this_week(today))
    if due == Due.AWAITING_ANSWER:
        return _awaiting_an_account(queryset)
    if due == Due.COMPLIANCE:
        return queryset.filter(NEEDS_ATTENTION)
    return queryset


def complaints_handled_by(user) -> QuerySet[Complaint]:
    """The complaints `user` handles: assigned to them and not about them (R-5.4, R-6.1)."""
    if not (user.is_authenticated and user.is_officer and user.organisation_id):
        return Complaint.objects.none()
    return Complaint.objects.filter(
        organisation_id=user.organisation_id, assigned_officer=user
    ).exclude(respondent=user)


def search(queryset: QuerySet[Complaint], query: str) -> QuerySet[Complaint]:
    """A reference finds that complaint; other words search names and texts.

    PostgreSQL: Dutch full-text search (stemming, websearch syntax) on an index.
    SQLite: a case-insensitive substring match.
    """
    query = query.strip()
    if not query:
        return queryset
    if REFERENCE_PATTERN.match(query):
        return queryset.filter(reference__iexact=query)
    if connection.vendor == "postgresql":
        words = WORD.findall(query)[:10]
        if not words:
            return queryset.none()
        # Every word, as a prefix of a (stemmed) word: "jan" finds "Janssen".
        terms = " & ".join(f"{word}:*" for word in words)
        return queryset.annotate(search=SEARCH_VECTOR).filter(
            search=SearchQuery(terms, config="dutch", search_type="raw")
        )
    text = Q()
    for field in ("complainant_name", "on_behalf_of", "description", "desired_outcome"):
        text |= Q(**{f"{field}__icontains": query})
    return queryset.filter(text)


def complaint_list_for_officer(user, filters: DashboardFilter) -> QuerySet[Complaint]:
    """The officer's dashboard rows: open complaints with a rule breached, then at risk,
    then the other open ones, the finished ones last; within each, most urgent first by
    deadline."""
    queryset = complaints_handled_by(user)
    if filters.status in Status.values:
        queryset = queryset.filter(status=filters.status)
    if filters.subject_id:
        queryset = queryset.filter(subjects=filters.subject_id)
    queryset = _due(queryset, filters.due)
    queryset = search(queryset, filters.query)
    # Breach and at risk first (Complaint.attention: the stored compliance status while
    # open, issue 14), then most urgent (Complaint.urgency: awaiting a judgment, other
    # open, finished), by deadline: the index complaint_officer_attention. Whether a
    # party's account is awaited is asked for the rows of one page only
    # (mark_awaiting_answer).
    return (
        queryset.select_related("engagement")
        .prefetch_related(Prefetch("subjects", queryset=Subject.objects.only("id", "name")))
        .order_by("attention", "urgency", "deadline", "pk")
    )


def mark_awaiting_answer(complaints) -> list[Complaint]:
    """Set `.awaiting_answer` on each complaint of a page (one query for the page)."""
    from klachtenregeling.handling.selectors import outstanding_invitations

    complaints = list(complaints)
    waiting = set(
        outstanding_invitations()
        .filter(complaint__in=[c.pk for c in complaints])
        .values_list("complaint_id", flat=True)
    )
    for complaint in complaints:
        complaint.awaiting_answer = complaint.pk in waiting
    return complaints


def officer_counts(user) -> dict[str, int]:
    """Counts for the dashboard header, over the officer's own complaints only."""
    today = clock.today()
    handled = complaints_handled_by(user).filter(status__in=OPEN_STATUSES)  # what counts
    counts = handled.aggregate(
        open=Count("pk"),
        overdue=Count("pk", filter=_overdue(today)),
        due_this_week=Count("pk", filter=_due_this_week(today)),
        received=Count("pk", filter=Q(status=Status.RECEIVED)),
        compliance=Count("pk", filter=NEEDS_ATTENTION),
    )
    counts["awaiting_answer"] = _awaiting_an_account(handled).count()
    return counts


def subjects_for_officer_filter(user) -> QuerySet[Subject]:
    """Subjects of the officer's organisation (names are settings, not complaint content)."""
    if not user.organisation_id:
        return Subject.objects.none()
    return Subject.objects.filter(organisation_id=user.organisation_id)


def complaint_for(user, reference: str, action: str = policies.COMPLAINT_VIEW) -> Complaint:
    """One complaint by reference, if `user` may perform `action` on it; otherwise NotPermitted."""
    complaint = (
        Complaint.objects.filter(organisation_id=user.organisation_id, reference=reference)
        .select_related("organisation", "engagement__client", "respondent", "assigned_officer")
        .first()
    )
    if complaint is None:
        raise NotPermitted("not found")
    policies.require(user, action, complaint)
    return complaint


def dossier(complaint: Complaint) -> QuerySet[CaseEvent]:
    """The complete, ordered record of the complaint (R-7.4)."""
    return complaint.events.select_related("actor").order_by("seq")


def unassigned_for_admin(user) -> QuerySet[Complaint]:
    """Complaints waiting for an officer (R-5.4), for the admin: reference and dates only."""
    if not user.organisation_id or not policies.can(
        user, policies.COMPLAINT_LIST_UNASSIGNED, user.organisation
    ):
        return Complaint.objects.none()
    return (
        Complaint.objects.filter(
            organisation_id=user.organisation_id,
            assigned_officer__isnull=True,
            status__in=OPEN_STATUSES,
        )
        .exclude(respondent=user)
        .only("id", "organisation_id", "reference", "received_at", "deadline", "respondent_id")
        .order_by("received_at")
    )


def open_complaints_handled_by(officer) -> QuerySet[Complaint]:
    return Complaint.objects.filter(assigned_officer=officer, status__in=OPEN_STATUSES)


def undelivered_messages(complaint: Complaint) -> list:
    """Messages about the complaint that could not be delivered, for the officer to follow up."""
    from klachtenregeling.notifications.models import DeliveryStatus

    return list(
        complaint.messages.filter(status=DeliveryStatus.FAILED).only(
            "kind", "recipient_role", "to_email", "created_at", "last_error"
        )
    )


DECISIONS = (EventType.JUDGMENT_ISSUED, EventType.NOT_ADMISSIBLE)


def term_outcome_for(complaint: Complaint) -> TermOutcome:
    """R-5.5, computed from the dossier alone: the first decision (judgment or not
    admissible) against the original deadline and each extension as announced."""
    events = list(
        complaint.events.filter(type__in=[*DECISIONS, EventType.DEADLINE_EXTENDED])
        .only("type", "at", "data")
        .order_by("seq")
    )
    decision = next((e for e in events if e.type in DECISIONS), None)
    extensions = [
        ExtensionFact(
            announced_on=clock.local_date(e.at),
            previous_deadline=parse_date(e.data["previous_deadline"]),
            new_deadline=parse_date(e.data["new_deadline"]),
        )
        for e in events
        if e.type == EventType.DEADLINE_EXTENDED
    ]
    return term_outcome(
        original_deadline=complaint.original_deadline,
        extensions=extensions,
        decided_on=clock.local_date(decision.at) if decision else None,
        ended=complaint.status in FINAL_STATUSES,
        today=clock.today(),
    )
