"""Retention (R-8.5): holds that block destruction, each complaint's file key, and the record
that remains when a complaint is destroyed."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .constants import STORED_KINDS, HoldKind


class Hold(models.Model):
    """One reason not to destroy a complaint, from when it was set until it was lifted."""

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="holds"
    )
    kind = models.CharField(max_length=20, choices=HoldKind.choices)
    reason = models.TextField(blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    set_at = models.DateTimeField()
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["set_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in STORED_KINDS]), name="hold_kind_stored"
            ),
            models.CheckConstraint(
                condition=Q(lifted_at__isnull=True) | Q(lifted_at__gte=models.F("set_at")),
                name="hold_lifted_after_set",
            ),
            # The referral flow owns one hold at a time.
            models.UniqueConstraint(
                fields=["complaint"],
                condition=Q(kind=HoldKind.REFERRAL, lifted_at__isnull=True),
                name="hold_one_open_referral",
            ),
        ]
        indexes = [models.Index(fields=["complaint", "lifted_at"], name="hold_open")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.set_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return self.lifted_at is None


class ComplaintKey(models.Model):
    """The data key of one complaint's files, wrapped by the key-encryption key (keys.py).

    Deleting this row is what destroys the files' content everywhere (crypto-shredding),
    so it is removed together with the complaint, never kept with a "destroyed" mark.
    """

    complaint = models.OneToOneField(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="file_key"
    )
    wrapped_key = models.BinaryField()
    kek_id = models.CharField(max_length=16)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"key of complaint {self.complaint_id}"


class DestructionRecord(models.Model):
    """What remains of a destroyed complaint (R-8.5): no personal data, no content.

    The final SHA-256 of the dossier's hash chain proves what existed without revealing it.
    The confirming people and the review/list are filled in by the destruction list.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField(max_length=20)
    received_on = models.DateField()
    ended_on = models.DateField(null=True)
    status = models.CharField(max_length=20)
    dossier_events = models.PositiveIntegerField()
    dossier_sha256 = models.CharField(max_length=64, blank=True)
    destroyed_at = models.DateTimeField()
    destroyed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["destroyed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"], name="destruction_record_once"
            )
        ]

    def __str__(self) -> str:
        return self.reference
