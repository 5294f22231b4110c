"""Reads of the access log (R-6.2), scoped by the policy."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from klachtenregeling.accounts import policies
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core.errors import NotPermitted

from .models import AccessLogEntry, RefusedAccess

# How many reads the dossier page shows; the rest is one click away.
RECENT = 10


def reads_of(user, complaint) -> QuerySet[AccessLogEntry]:
    """Who read the complaint, newest first: for the officer who may see the dossier."""
    policies.require(user, policies.COMPLAINT_VIEW, complaint)
    return complaint.reads.select_related("actor").order_by("-at", "-pk")


@dataclass(frozen=True)
class RecentReads:
    entries: list[AccessLogEntry]
    total: int


def recent_reads(user, complaint) -> RecentReads:
    """The newest reads for the dossier page, and how many there are in all."""
    reads = reads_of(user, complaint)
    return RecentReads(entries=list(reads[:RECENT]), total=reads.count())


def complaint_for_access_export(user, reference: str) -> Complaint:
    """The complaint whose access log `user` (an organisation admin) may export."""
    complaint = Complaint.objects.filter(
        organisation_id=user.organisation_id, reference=reference.strip().upper()
    ).first()
    if complaint is None or not policies.can(user, policies.COMPLAINT_EXPORT_ACCESS_LOG, complaint):
        raise NotPermitted("not found")
    return complaint


def reads_for_export(complaint) -> QuerySet[AccessLogEntry]:
    """Oldest first, as a log reads (after complaint_for_access_export checked the policy)."""
    return complaint.reads.select_related("actor").order_by("at", "pk")


def organisation_administered_by(user):
    """The organisation whose security log `user` may read: their own, as its admin."""
    if user.organisation is None:
        raise NotPermitted("organisation admins only")
    policies.require(user, policies.ORGANISATION_ADMINISTER, user.organisation)
    return user.organisation


def refusals_in(organisation, *, user_id: int | None = None) -> QuerySet[RefusedAccess]:
    """The security log of the organisation, newest first, of one staff member if given."""
    rows = RefusedAccess.objects.filter(organisation=organisation).select_related("user")
    if user_id is not None:
        rows = rows.filter(user_id=user_id)
    return rows.order_by("-at", "-pk")


def refused_users(organisation) -> list:
    """The staff members with at least one refusal, for the filter."""
    ids = RefusedAccess.objects.filter(organisation=organisation).values("user_id")
    return sorted(get_user_model().objects.filter(pk__in=ids), key=lambda u: u.display_name.lower())
