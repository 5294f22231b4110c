"""Reads of retention (R-8.5): the holds of a complaint and what blocks its destruction."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from klachtenregeling.accounts import policies
from klachtenregeling.complaints.constants import FINAL_STATUSES
from klachtenregeling.complaints.models import Complaint

from .constants import HoldKind, ItemResult
from .models import DestructionList, Hold


def holds_of(complaint) -> QuerySet[Hold]:
    return Hold.objects.filter(complaint=complaint).select_related("set_by", "lifted_by")


def open_holds(complaint) -> QuerySet[Hold]:
    return holds_of(complaint).filter(lifted_at__isnull=True)


def has_open_hold(complaint) -> bool:
    return Hold.objects.filter(complaint=complaint, lifted_at__isnull=True).exists()


def has_open_referral_hold(complaint) -> bool:
    return Hold.objects.filter(
        complaint=complaint, kind=HoldKind.REFERRAL, lifted_at__isnull=True
    ).exists()


@dataclass(frozen=True)
class Blocker:
    kind: str
    label: str
    hold: Hold | None = None


def blockers(complaint) -> list[Blocker]:
    """Every reason the complaint may not be destroyed now; empty when it may.

    "Not ended" is derived from the status (never stored, so never out of step); the
    others are the open Hold rows.
    """
    found = []
    if complaint.status not in FINAL_STATUSES:
        found.append(Blocker(HoldKind.NOT_ENDED, str(HoldKind.NOT_ENDED.label)))
    for hold in open_holds(complaint):
        found.append(Blocker(hold.kind, str(HoldKind(hold.kind).label), hold))
    return found


def complaints_for_hold_admin(user, *, reference: str = "") -> QuerySet[Complaint]:
    """The admin's list: reference and dates only (R-6.1), never about the admin (R-5.4)."""
    if not user.organisation_id or not policies.can(
        user, policies.ORGANISATION_ADMINISTER, user.organisation
    ):
        return Complaint.objects.none()
    rows = Complaint.objects.filter(organisation_id=user.organisation_id).exclude(
        respondent_id=user.pk
    )
    if reference:
        rows = rows.filter(reference__icontains=reference.strip()[:20])
    return rows.only("reference", "received_at", "closed_at", "status").order_by(
        "-received_at", "pk"
    )


@dataclass(frozen=True)
class Progress:
    done: int
    total: int


def destruction_progress(destruction_list: DestructionList) -> Progress:
    """How many of the lines to destroy (not held, not left out) the task has handled
    (destroyed or skipped), in one query."""
    counts = destruction_list.items.filter(held="", excluded=False).aggregate(
        total=Count("pk"), done=Count("pk", filter=~Q(result=ItemResult.PENDING))
    )
    return Progress(done=counts["done"], total=counts["total"])
