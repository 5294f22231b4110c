"""Reads of complaints, already scoped by the policy: no query crosses organisations."""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.db.models import BooleanField, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.dateparse import parse_date

from klachtenregeling.accounts import policies
from klachtenregeling.audit.constants import EventType
from klachtenregeling.audit.models import CaseEvent
from klachtenregeling.core import clock
from klachtenregeling.core.errors import NotPermitted
from klachtenregeling.organisations.models import Subject

from . import fulltext
from .constants import FINAL_STATUSES, OPEN_STATUSES, ComplianceStatus, Due, Status
from .models import Complaint
from .rules.deadlines import ExtensionFact, TermOutcome, term_outcome
from .workflow import HEARING_ALLOWED

WORD = re.compile(r"\w+")
REFERENCE_PATTERN = re.compile(r"^\s*KL-\d{4}-\d{1,9}\s*$", re.IGNORECASE)
DUE_SOON_DAYS = 7  # "due this week": the deadline is within the coming seven days


@dataclass(frozen=True)
class DashboardFilter:
    status: str = ""
    subject_id: int | None = None
    query: str = ""
    due: str = ""
    # "open" (the default) or "ended": the closed, withdrawn and not admissible ones.
    view: str = "open"

    @property
    def ended(self) -> bool:
        return self.view == "ended" or self.status in FINAL_STATUSES


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
    """A reference finds that complaint; other words search names and texts, on an index.

    Every word must occur, each as the start of a word ("jan" finds "Janssen"),
    case-insensitively. PostgreSQL: Dutch full-text search (stemmed words) on the stored
    vector of migration 0016. SQLite: the FTS5 index of fulltext.py (diacritics folded, no
    stemming). Only narrows `queryset`: the caller's scope stays (R-5.4, R-6.1).
    """
    query = query.strip()
    if not query:
        return queryset
    if REFERENCE_PATTERN.match(query):
        return queryset.filter(reference__iexact=query)
    words = WORD.findall(query)[:10]
    if not words:
        return queryset.none()
    if connection.vendor == "postgresql":
        terms = " & ".join(f"{word}:*" for word in words)
        # The stored vector column of migration 0016 (GIN-indexed; not in the model).
        return queryset.filter(
            RawSQL("search_nl @@ to_tsquery('dutch'::regconfig, %s)", [terms], BooleanField())
        )
    # Fixed SQL; the user's words are one parameter, quoted as FTS5 strings.
    matching = RawSQL(fulltext.MATCHING_IDS, [fulltext.match_expression(words)])  # noqa: S611  # nosec B611
    # `id + 0`: SQLite then reads the caller's (indexed, scoped) rows and checks each
    # against the matching ids, instead of looking up every complaint with a common word
    # by its id (at 100,000 complaints: 21,000 lookups for "factuur", 3-5x slower).
    return queryset.alias(fulltext_id=F("pk") + 0).filter(fulltext_id__in=matching)


# What a row of the dashboard shows (complaints/officer/_results.html and its filters):
# a complaint has some eighty columns, and building them all is most of the page's cost.
LIST_COLUMNS = (
    "id",
    "reference",
    "complainant_name",
    "on_behalf_of",
    "status",
    "deadline",
    "closed_at",
    "attention",
    "compliance_status",
    "compliance_rule",
)


def complaint_list_for_officer(user, filters: DashboardFilter) -> QuerySet[Complaint]:
    """The officer's dashboard rows: open complaints with a rule breached, then at risk,
    then the other open ones, the finished ones last; within each, most urgent first by
    deadline."""
    queryset = complaints_handled_by(user).filter(
        status__in=FINAL_STATUSES if filters.ended else OPEN_STATUSES
    )
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
    # (mark_awaiting_answer). Ended complaints: the most recently ended first.
    queryset = queryset.only(*LIST_COLUMNS).prefetch_related(
        Prefetch("subjects", queryset=Subject.objects.only("id", "name"))
    )
    if filters.ended:  # closed_at: what the index complaint_officer_ended holds
        return queryset.filter(closed_at__isnull=False).order_by("-closed_at", "-pk")
    return queryset.order_by("attention", "urgency", "deadline", "pk")


def mark_verdicts(complaints) -> list[Complaint]:
    """Set `.verdict` on each ended complaint of a page: the label of its last judgment,
    or "" when it ended without one (one query for the page)."""
    from klachtenregeling.handling.models import Judgment

    complaints = list(complaints)
    verdicts = {}
    for judgment in Judgment.objects.filter(complaint__in=[c.pk for c in complaints]).order_by(
        "complaint", "version"
    ):
        verdicts[judgment.complaint_id] = judgment.get_verdict_display()
    for complaint in complaints:
        complaint.verdict = verdicts.get(complaint.pk, "")
    return complaints


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


# The "ended" tab counts up to this many and then shows "999+": an officer's finished
# complaints only grow (years of history), and counting them all on every dashboard view
# would read that whole history (issue 19).
ENDED_COUNT_CAP = 999


def officer_counts(user) -> dict[str, int | str]:
    """Counts for the dashboard header, over the officer's own complaints only. They read
    the open complaints (the index on officer and status) and at most ENDED_COUNT_CAP + 1
    finished ones, never the officer's whole history: two queries (issue 19)."""
    today = clock.today()
    open_ones = complaints_handled_by(user).filter(status__in=OPEN_STATUSES)
    counts: dict[str, int | str] = dict(
        open_ones.aggregate(
            open=Count("pk"),
            overdue=Count("pk", filter=_overdue(today)),
            due_this_week=Count("pk", filter=_due_this_week(today)),
            received=Count("pk", filter=Q(status=Status.RECEIVED)),
            compliance=Count("pk", filter=NEEDS_ATTENTION),
            # Only complaints in the hearing can wait for an account, each asked once.
            awaiting_answer=Count(
                "pk", filter=Q(status__in=sorted(HEARING_ALLOWED)) & Q(_awaiting_answer())
            ),
        )
    )
    ended = (
        complaints_handled_by(user)
        .filter(closed_at__isnull=False)  # = a final status; the index complaint_officer_ended
        .order_by()
        .values("pk")[: ENDED_COUNT_CAP + 1]
        .count()
    )
    counts["ended"] = f"{ENDED_COUNT_CAP}+" if ended > ENDED_COUNT_CAP else ended
    return counts


def list_total(filters: DashboardFilter, counts: dict[str, int | str]) -> int | None:
    """The number of rows of complaint_list_for_officer(filters), when one of the header's
    counters (officer_counts) already is that number; None when it must be counted. Spares
    the paginator a count of its own on the first page and the counters' filters."""
    if filters.query or filters.subject_id:
        return None
    if filters.ended:
        if filters.due or filters.status or isinstance(counts["ended"], str):
            return None
        return counts["ended"]
    if filters.status and filters.due:
        return None
    if filters.status:
        return counts["received"] if filters.status == Status.RECEIVED else None
    return counts[DUE_COUNTERS[filters.due]] if filters.due in DUE_COUNTERS else None


# Which counter of officer_counts counts each urgency filter of the open view ("": all).
DUE_COUNTERS = {
    "": "open",
    Due.OVERDUE: "overdue",
    Due.THIS_WEEK: "due_this_week",
    Due.AWAITING_ANSWER: "awaiting_answer",
    Due.COMPLIANCE: "compliance",
}


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
