"""What the scheduler has already sent: one row per occasion, so that it is sent only once.

The occasion is in `key` (unique), e.g. the complaint and the deadline a reminder is
about: a new deadline after an extension is a new occasion.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .constants import ReminderKind


class SentReminder(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    key = models.CharField(max_length=100, unique=True)
    complaint = models.ForeignKey(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The date the occasion is about (the deadline, the due date of an account, the day of
    # a digest), so that "already sent?" is an indexed anti-join for many complaints.
    occasion_date = models.DateField()
    sent_at = models.DateTimeField()
    # The messages written to the outbox, and for a digest the complaints it named.
    data = models.JSONField(default=dict)

    class Meta:
        ordering = ["sent_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ReminderKind.values), name="sentreminder_kind"
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "kind", "sent_at"], name="reminder_org"),
            models.Index(fields=["complaint", "kind", "occasion_date"], name="reminder_occasion"),
        ]

    def __str__(self) -> str:
        return self.key


class CalendarFeed(models.Model):
    """An officer's secret calendar address (iCalendar) of their deadlines (R-7.1).

    The token is shown once when made; only its SHA-256 is stored. Making a new one
    ends the old address.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_sha256 = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"calendar of user {self.user_id}"
