"""The outbox: every outgoing message, written in the transaction of the change that causes it."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.mail import ascii_domain, sender_domain

from .constants import MessageKind


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("could not be delivered")
    # Issue 16: a complainant without e-mail gets the message as a letter, printed and
    # posted by an officer ("Te versturen per post").
    POST = "post", _("to be sent by post")
    POSTED = "posted", _("posted")


class OutboxMessage(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
    )
    kind = models.CharField(max_length=50, choices=MessageKind.choices)
    recipient_role = models.CharField(max_length=20)
    to_email = models.EmailField(blank=True)  # empty: a letter by post (issue 16)
    # Where a reply goes: the handling officer, never the person complained about.
    reply_to = models.EmailField(blank=True)
    language = models.CharField(max_length=2)
    subject = models.CharField(max_length=200)
    body_text = models.TextField()
    body_html = models.TextField()
    # Issue 19: a new complaint's mails are composed by the worker, not in the complainant's
    # request. Until then subject and body are empty and `intent` holds what the composer
    # needs beyond the complaint (e.g. the officer's id); compose.py renders them once.
    composed = models.BooleanField(default=True)
    intent = models.JSONField(default=dict, blank=True)
    # A letter (PDF) sent along, e.g. the judgment.
    attachment = models.ForeignKey(
        "complaints.Attachment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Issue 16: the message as a letter (PDF) to print and post, and when it was posted.
    letter = models.ForeignKey(
        "complaints.Attachment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    posted_on = models.DateField(null=True, blank=True)
    posted_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()
    next_attempt_at = models.DateTimeField()
    lease_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DeliveryStatus.values), name="outbox_status_valid"
            )
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["complaint", "created_at"], name="outbox_complaint"),
            # The officers' "to be sent by post" list.
            models.Index(
                fields=["organisation", "created_at"],
                condition=Q(status="post"),
                name="outbox_to_post",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_role}"

    @property
    def message_id(self) -> str:
        """A stable Message-ID on the sender's domain: a retried delivery is recognisably
        the same message (so not email.utils.make_msgid, which is new on every call)."""
        domain = ascii_domain(sender_domain())
        return f"<outbox-{self.pk}-{self.created_at:%Y%m%d%H%M%S}@{domain}>"
