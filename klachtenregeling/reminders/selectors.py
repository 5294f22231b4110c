"""Reads for the reminders and the calendar, scoped by the policy (R-6.1)."""

from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from klachtenregeling.accounts import policies
from klachtenregeling.complaints.constants import AWAITING_JUDGMENT
from klachtenregeling.complaints.models import Extension
from klachtenregeling.complaints.selectors import complaints_handled_by
from klachtenregeling.handling.models import HearingInvitation
from klachtenregeling.handling.selectors import outstanding_invitations

from . import tokens
from .models import CalendarFeed

MAX_ENTRIES = 2000


@dataclass(frozen=True)
class CalendarEntries:
    judgments: QuerySet
    accounts: QuerySet


def calendar_entries(user) -> CalendarEntries:
    """The deadlines of the complaints `user` handles (never those about them, R-5.4).

    Each carries its version, from stored data only (so every read gives the same feed):
    `sequence`, how often the date changed, and `changed_at`, when it last did. A judgment
    moves with each extension of the term (R-5.5); an account with each new invitation of
    the same party."""
    handled = complaints_handled_by(user)
    last_extension = Extension.objects.filter(complaint=OuterRef("pk")).order_by("-number")
    earlier_invitations = (
        HearingInvitation.objects.filter(
            complaint=OuterRef("complaint"),
            party=OuterRef("party"),
            invited_at__lt=OuterRef("invited_at"),
        )
        .order_by()
        .values("complaint")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return CalendarEntries(
        judgments=handled.filter(status__in=AWAITING_JUDGMENT)
        .annotate(
            sequence=Coalesce(Subquery(last_extension.values("number")[:1]), 0),
            changed_at=Coalesce(
                Subquery(last_extension.values("extended_at")[:1]), F("received_at")
            ),
        )
        .only("pk", "reference", "deadline", "received_at")
        .order_by("deadline", "pk")[:MAX_ENTRIES],
        accounts=outstanding_invitations()
        .filter(complaint__in=handled.values("pk"))
        .annotate(sequence=Coalesce(Subquery(earlier_invitations), 0))
        .select_related("complaint")
        .only("pk", "party", "due_date", "invited_at", "complaint__reference")
        .order_by("due_date", "pk")[:MAX_ENTRIES],
    )


def feed_for_token(token: str) -> CalendarFeed | None:
    """The feed of an active officer for a token, or None (unknown, malformed, ended)."""
    if not token or len(token) > 100:
        return None
    feed = (
        CalendarFeed.objects.select_related("user__organisation")
        .filter(token_sha256=tokens.digest(token))
        .first()
    )
    if feed is None or not policies.can(feed.user, policies.CALENDAR_USE, feed.user.organisation):
        return None
    return feed


def calendar_feed_of(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()
