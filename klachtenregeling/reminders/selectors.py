"""Reads for the reminders and the calendar, scoped by the policy (R-6.1)."""

from dataclasses import dataclass

from django.db.models import QuerySet

from klachtenregeling.accounts import policies
from klachtenregeling.complaints.constants import AWAITING_JUDGMENT
from klachtenregeling.complaints.selectors import complaints_handled_by
from klachtenregeling.handling.selectors import outstanding_invitations

from . import tokens
from .models import CalendarFeed

MAX_ENTRIES = 2000


@dataclass(frozen=True)
class CalendarEntries:
    judgments: QuerySet
    accounts: QuerySet


def calendar_entries(user) -> CalendarEntries:
    """The deadlines of the complaints `user` handles (never those about them, R-5.4)."""
    handled = complaints_handled_by(user)
    return CalendarEntries(
        judgments=handled.filter(status__in=AWAITING_JUDGMENT)
        .only("pk", "reference", "deadline")
        .order_by("deadline")[:MAX_ENTRIES],
        accounts=outstanding_invitations()
        .filter(complaint__in=handled.values("pk"))
        .select_related("complaint")
        .only("pk", "party", "due_date", "complaint__reference")
        .order_by("due_date")[:MAX_ENTRIES],
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
