"""An oral complaint before it is confirmed in writing (R-1.1, second sentence).

It is not a complaint yet: no reference, no term. On confirmation the record becomes a
Complaint through the registration service (received = the confirmation), so a
complaint's sealed fields are never changed; the record keeps its own small history,
which goes into the complaint's dossier as its first event.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .constants import ConfirmedHow, HowTold, LetterKind, RecordEventType, RecordStatus


class OralComplaintRecord(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="oral_records"
    )
    # The officer who wrote it down handles it until it is confirmed; never the person
    # complained about.
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="oral_records"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="oral_records_about",
    )
    told_on = models.DateField()
    how_told = models.CharField(max_length=10, choices=HowTold.choices)
    complainant_name = models.CharField(max_length=200)
    complainant_email = models.EmailField(blank=True)
    # The rest of the complaint as registration takes it (complaints.rules.intake.ComplaintDraft).
    draft = models.JSONField()
    # The text as the officer wrote it down, and as the complainant confirmed it.
    recorded_text = models.TextField()
    confirmed_text = models.TextField(blank=True)
    status = models.CharField(
        max_length=15, choices=RecordStatus.choices, default=RecordStatus.AWAITING
    )
    # The personal confirmation link: only its hash; used once.
    token_sha256 = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField()
    reminded_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_how = models.CharField(max_length=10, choices=ConfirmedHow.choices, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    complaint = models.OneToOneField(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="oral_record",
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["sent_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RecordStatus.values), name="oral_record_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=RecordStatus.CONFIRMED)
                | (Q(confirmed_at__isnull=False) & Q(complaint__isnull=False)),
                name="oral_record_confirmed_has_complaint",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status", "sent_at"], name="oral_record_open"),
        ]

    def __str__(self) -> str:
        return f"oral record {self.pk} ({self.status})"


class OralRecordEvent(models.Model):
    """One step of a record, in order; never changed."""

    record = models.ForeignKey(OralComplaintRecord, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=20, choices=RecordEventType.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    data = models.JSONField(default=dict)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.record_id} {self.type}"


class OralRecordLetter(models.Model):
    """A letter about the record to a complainant without e-mail (or one who asked for
    post): the PDF as made, kept with the record (and destroyed with it, R-8.5), until the
    officer marks it posted; the date of posting is in the record's history."""

    record = models.ForeignKey(
        OralComplaintRecord, on_delete=models.CASCADE, related_name="letters"
    )
    kind = models.CharField(max_length=15, choices=LetterKind.choices)
    pdf = models.BinaryField()
    created_at = models.DateTimeField()
    posted_on = models.DateField(null=True, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=LetterKind.values), name="oral_letter_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(posted_on__isnull=True) | Q(posted_by__isnull=False),
                name="oral_letter_posted_by_someone",
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(posted_on__isnull=True),
                name="oral_letter_to_post",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record_id} {self.kind}"

    @property
    def filename(self) -> str:
        return f"mondelinge-klacht-{self.kind.replace('_', '-')}-{self.created_at:%Y%m%d}.pdf"
