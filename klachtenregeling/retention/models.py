"""Retention (R-8.5): holds that block destruction, each complaint's file key, and the record
that remains when a complaint is destroyed."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .constants import STORED_KINDS, HoldKind, ItemResult, ListStatus


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
    review = models.ForeignKey(
        "reviews.Review", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    destruction_list = models.ForeignKey(
        "DestructionList", null=True, blank=True, on_delete=models.PROTECT, related_name="records"
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


class DestructionList(models.Model):
    """The complaints proposed for destruction after a review (R-8.5), with four eyes and a
    cooling-off period. Its steps are in workflow.py; writes only in destruction.py."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="destruction_lists"
    )
    review = models.ForeignKey(
        "reviews.Review", on_delete=models.PROTECT, related_name="destruction_lists"
    )
    # The period the review's reports covered (what the list may contain).
    period_start = models.DateField()
    period_end = models.DateField()
    status = models.CharField(max_length=20, choices=ListStatus.choices, default=ListStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    second_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    second_confirmed_at = models.DateTimeField(null=True, blank=True)
    cooling_off_until = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # The destroying task's last sign of life (a batch done, or enqueued again): a list
    # "destroying" without one for a while lost its task, and the scheduler enqueues it again.
    progress_at = models.DateTimeField(null=True, blank=True)
    destroyed_at = models.DateTimeField(null=True, blank=True)
    # The statement of destruction (verklaring van vernietiging): kept permanently.
    statement_pdf = models.BinaryField(null=True, blank=True, editable=False)
    statement_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ListStatus.values), name="destruction_list_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(second_confirmed_by__isnull=True)
                | ~Q(second_confirmed_by=models.F("confirmed_by")),
                name="destruction_list_four_eyes",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review} ({self.status})"


class DestructionListItem(models.Model):
    """One proposed complaint: what identifies it (no personal data) and what became of it."""

    destruction_list = models.ForeignKey(
        DestructionList, on_delete=models.CASCADE, related_name="items"
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="destruction_items",
    )
    reference = models.CharField(max_length=20)
    received_on = models.DateField()
    ended_on = models.DateField()
    outcome = models.CharField(max_length=30)
    # Why it could not be selected when proposed (an open hold); it stays on the list.
    held = models.CharField(max_length=200, blank=True)
    excluded = models.BooleanField(default=False)
    exclusion_reason = models.TextField(blank=True)
    excluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    result = models.CharField(
        max_length=10, choices=ItemResult.choices, default=ItemResult.PENDING, blank=True
    )
    skip_reason = models.CharField(max_length=300, blank=True)
    record = models.ForeignKey(
        DestructionRecord, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["ended_on", "reference", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["destruction_list", "reference"], name="destruction_item_once"
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def selected(self) -> bool:
        return not self.held and not self.excluded
