"""The dossier: an append-only, ordered record of everything that happened (R-7.4), and the
access log of who read it (R-6.2).

Rows are only ever inserted (events.py, access.py); database triggers refuse updates and
deletes (triggers.py) except the one erasure path (erasure.py), and every case event seals
the one before it with a SHA-256 hash chain (chain.py, `manage.py verify_dossier`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from klachtenregeling.core.append_only import AppendOnlyError, AppendOnlyModel

from .constants import AccessKind, ActorRole, EventType

__all__ = ["AccessLogEntry", "AppendOnlyError", "CaseEvent", "ErasureGrant", "RefusedAccess"]


class CaseEvent(AppendOnlyModel):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    # PROTECT: a complaint with a dossier cannot be deleted by accident; destruction
    # after the yearly review goes through erasure.erase_dossier.
    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="events"
    )
    seq = models.PositiveIntegerField()
    type = models.CharField(max_length=40, choices=EventType.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_role = models.CharField(max_length=20, choices=ActorRole.choices)
    visible_to_complainant = models.BooleanField(default=False)
    data = models.JSONField(default=dict)
    # The hash chain (chain.py): the previous event's hash, and this event's hash over it
    # and its own content. Changing or removing an event breaks every link after it.
    prev_sha256 = models.CharField(max_length=64, editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    # Which formula `sha256` follows (chain.py): 1 before migration 0009, 2 since.
    chain_version = models.PositiveSmallIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["complaint", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "seq"], name="caseevent_unique_seq"),
            models.CheckConstraint(condition=Q(type__in=EventType.values), name="caseevent_type"),
            models.CheckConstraint(
                condition=Q(actor_role__in=ActorRole.values), name="caseevent_actor_role"
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "type", "at"], name="caseevent_org_type_at"),
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id}#{self.seq} {self.type}"


class AccessLogEntry(AppendOnlyModel):
    """One read of a dossier, an attachment, a statement or a letter (R-6.2): who, as what,
    what, when and from which address. No complaint content."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="reads"
    )
    kind = models.CharField(max_length=40, choices=AccessKind.choices)
    at = models.DateTimeField()
    # A staff member, or None for the complainant (then `link_id` names the personal link).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_role = models.CharField(max_length=20, choices=ActorRole.choices)
    link_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The attachment or letter read (its id); empty for a page.
    object_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=AccessKind.values), name="access_kind"),
            models.CheckConstraint(
                condition=Q(actor_role__in=ActorRole.values), name="access_actor_role"
            ),
            models.CheckConstraint(
                condition=Q(actor__isnull=False) | Q(link_id__isnull=False), name="access_who"
            ),
        ]
        indexes = [
            models.Index(
                fields=["organisation", "complaint", "at"], name="access_org_complaint_at"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class ErasureGrant(models.Model):
    """Lets the database delete the dossier and access log of one complaint. It exists only
    inside the transaction of erasure.erase_dossier (R-8.5), which removes it again; the
    append-only triggers check for it. DO_NOTHING: destruction deletes the complaint row
    itself under its grant (the record triggers, record_guards.py), then the grant, before
    the deferred foreign key is checked at commit."""

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.DO_NOTHING, related_name="+"
    )
    reason = models.TextField()
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"erasure of complaint {self.complaint_id}"


class RefusedAccess(AppendOnlyModel):
    """The security log (issue 15): a signed-in staff member asked for a complaint URL (a
    page, a letter, an attachment) that is not theirs and got "not found". Who, when and
    which path (without its query string); nothing of the complaint, not even whether it
    exists. `alerted` marks the refusal that made the administrators get an alert."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    path = models.CharField(max_length=500)
    alerted = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "at"], name="refused_org_at"),
            models.Index(fields=["user", "at"], name="refused_user_at"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.path} {self.at:%Y-%m-%d %H:%M}"
