"""Reads of the access log (R-6.2), scoped by the policy."""

from dataclasses import dataclass

from django.db.models import QuerySet

from klachtenregeling.accounts import policies
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core.errors import NotPermitted

from .models import AccessLogEntry

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
