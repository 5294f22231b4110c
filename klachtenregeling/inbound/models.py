"""Incoming e-mail: the organisation's mailbox and every message taken from it.

A message is stored once per organisation: `dedupe_key` is its Message-ID, or the SHA-256
of the raw message when it has none (README, "E-mail"). The raw bytes are kept as received:
a message that could not be read waits, raw, for a retry (30 days), and a complaint
registered from a message keeps the `.eml` as its original (R-1.1).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import AuthMethod, MailKind, MailStatus, Security, Source, TriageReason


class Mailbox(models.Model):
    """The organisation's IMAP mailbox for complaints (one per organisation)."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="mailbox"
    )
    address = models.EmailField(
        _("e-mail address"),
        help_text=_("The address complaints are sent to, e.g. klachten@example.nl."),
    )
    host = models.CharField(_("IMAP server"), max_length=200)
    port = models.PositiveIntegerField(_("port"), default=993)
    security = models.CharField(
        _("encryption"), max_length=10, choices=Security.choices, default=Security.SSL
    )
    username = models.CharField(_("user name"), max_length=200)
    auth_method = models.CharField(
        _("sign-in method"), max_length=10, choices=AuthMethod.choices, default=AuthMethod.PASSWORD
    )
    # The password or the OAuth2 access token; never shown again once saved.
    secret = models.TextField(blank=True)
    folder = models.CharField(_("folder to read"), max_length=200, default="INBOX")
    move_to = models.CharField(
        _("move imported mail to"),
        max_length=200,
        default="Verwerkt",
        help_text=_("A folder on the server; it is created when missing."),
    )
    enabled = models.BooleanField(_("fetch mail automatically"), default=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    def __str__(self) -> str:
        return self.address


class InboundMail(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    # The Message-ID without brackets, or "sha256:<digest of the raw message>".
    dedupe_key = models.CharField(max_length=300)
    message_id = models.CharField(max_length=300, blank=True)
    sha256 = models.CharField(max_length=64)
    raw = models.BinaryField()
    size = models.PositiveIntegerField()
    source = models.CharField(max_length=10, choices=Source.choices)
    # When the message arrived: the server's INTERNALDATE, else its Date header, else import.
    received_at = models.DateTimeField(_("received"))
    imported_at = models.DateTimeField()
    from_name = models.CharField(max_length=200, blank=True)
    from_address = models.CharField(_("from"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    # The text as shown: plain text, or HTML made text by the sanitiser (parsing.py).
    text = models.TextField(blank=True)
    # [{"filename", "content_type", "size"}] and the ones refused, with the reason.
    attachments = models.JSONField(default=list)
    kind = models.CharField(max_length=12, choices=MailKind.choices)
    status = models.CharField(max_length=12, choices=MailStatus.choices)
    triage_reason = models.CharField(
        max_length=20, choices=TriageReason.choices, blank=True, default=""
    )
    # A reference typed in the subject ("noemt KL-…"): shown, never trusted.
    mentioned_reference = models.CharField(max_length=20, blank=True)
    # destroying a complaint destroys the messages in its dossier with it.
    complaint = models.ForeignKey(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="inbound_mails",
    )
    question = models.ForeignKey(
        "questions.Question", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # officers named in the message do not see it in the inbox.
    named_officers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    # A bounce: the outgoing message it reports.
    bounced_message = models.ForeignKey(
        "notifications.OutboxMessage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bounces",
    )
    error = models.CharField(max_length=500, blank=True)
    discard_reason = models.CharField(_("reason"), max_length=500, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "dedupe_key"], name="inboundmail_unique_per_org"
            ),
            models.CheckConstraint(
                condition=Q(status__in=MailStatus.values), name="inboundmail_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MailKind.values), name="inboundmail_kind_valid"
            ),
        ]
        indexes = [
            models.Index(
                fields=["organisation", "status", "received_at"], name="inbound_org_status"
            ),
        ]

    def __str__(self) -> str:
        return self.subject or self.dedupe_key
