"""The complaint and what belongs to it. Writes happen only in services.py."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.append_only import AppendOnlyModel

from .constants import (
    ATTENTION_FINISHED,
    AWAITING_JUDGMENT,
    OPEN_STATUSES,
    REGISTERED_CHANNELS,
    AttachmentKind,
    Channel,
    ComplianceStatus,
    Concern,
    ExtensionReason,
    Language,
    Satisfaction,
    Status,
)

# How urgent a complaint is for its officer: the term of runs until the
# judgment, so those come first (0), then the other open ones (1), the finished ones last
# (2). Computed and stored by the database itself from the status (never out of date), so
# the dashboard's "most urgent first" is an index scan, also at a million complaints.
URGENCY = models.Case(
    models.When(status__in=sorted(AWAITING_JUDGMENT), then=models.Value(0)),
    models.When(status__in=sorted(OPEN_STATUSES), then=models.Value(1)),
    default=models.Value(2),
)

# Issue 14: the dashboard's "breach and at risk first". An open complaint ranks by its
# stored compliance status (0 breached, 1 at risk, 2 in order); a finished one comes after
# all open ones (a breach there is history, shown in its compliance view, not work to do).
# Stored by the database from the status and the compliance status, so the officer's first
# page is an index scan of complaint_officer_attention.
ATTENTION = models.Case(
    models.When(status__in=sorted(OPEN_STATUSES), then=models.F("compliance_status")),
    default=models.Value(ATTENTION_FINISHED),
)


class Complaint(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="complaints"
    )
    reference = models.CharField(_("reference"), max_length=20)
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    received_at = models.DateTimeField(_("received"))
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.NL)

    complainant_name = models.CharField(_("name"), max_length=200)
    # Issue 16: an e-mail address or a postal address (or both). Without e-mail, every
    # message to the complainant becomes a letter to post (notifications/post.py).
    complainant_email = models.EmailField(_("e-mail"), blank=True)
    address_street = models.CharField(_("street"), max_length=200, blank=True)
    address_number = models.CharField(_("house number"), max_length=20, blank=True)
    address_postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    address_city = models.CharField(_("town"), max_length=100, blank=True)
    # An address abroad, as the lines of the envelope (country included).
    address_foreign = models.TextField(_("address abroad"), blank=True)
    complainant_phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_representative = models.BooleanField(default=False)
    on_behalf_of = models.CharField(_("on behalf of"), max_length=200, blank=True)

    engagement = models.ForeignKey(
        "engagements.Engagement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    engagement_description = models.TextField(blank=True)
    description = models.TextField(_("description"))
    desired_outcome = models.TextField(_("desired outcome"), blank=True)
    subjects = models.ManyToManyField(
        "organisations.Subject", blank=True, related_name="complaints"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints_about",
    )
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints_handled",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    urgency = models.GeneratedField(
        expression=URGENCY, output_field=models.PositiveSmallIntegerField(), db_persist=True
    )
    original_deadline = models.DateField(_("original deadline"))
    deadline = models.DateField(_("deadline"))
    # Issue 14: the worst verdict of the compliance checks (compliance/stored.py), written
    # with every case event in the step's own transaction and daily by the scheduler (time
    # alone can make a rule at risk or breached). The rule is its internal id, shown
    # to users as its article title only. Recomputable from the dossier at any moment.
    compliance_status = models.PositiveSmallIntegerField(
        choices=ComplianceStatus.choices, default=ComplianceStatus.FINE
    )
    compliance_rule = models.CharField(max_length=10, blank=True)
    compliance_checked_at = models.DateTimeField(null=True, blank=True)
    # When the stored status last became "breached" (None when it is not): the
    # administrator's digest names the complaints that became breached since the last one.
    compliance_breached_at = models.DateTimeField(null=True, blank=True)
    # Every rule's verdict at `compliance_checked_at`, one code each ("R-5.5:b :y ..."),
    # so the period's compliance table counts them with one grouped query; and whether time
    # alone can change them (an open complaint, or a rule still due by a date), i.e. whether
    # they need the daily recheck. A NULL `compliance_checked_at` means "check again".
    compliance_verdicts = models.CharField(max_length=300, blank=True, editable=False)
    compliance_recheck = models.BooleanField(default=True, editable=False)
    attention = models.GeneratedField(
        expression=ATTENTION, output_field=models.PositiveSmallIntegerField(), db_persist=True
    )
    # A form's one-time token or an API Idempotency-Key: a repeated submit finds
    # the complaint it already made instead of filing a second one.
    # NULL (not "") when absent, so the partial unique constraint ignores it.
    submission_key = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001
    # SHA-256 of the submitted content: a key reused for other content is refused.
    submission_digest = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Raised by every workflow step: a form loaded before another step is refused.
    version = models.PositiveIntegerField(default=1)
    # Holds on destruction (a running referral, R-4.3; by hand) are rows: retention.Hold.
    respondent_notified_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # the cause category (a managed list) and, optionally, in the officer's words.
    cause = models.ForeignKey(
        "organisations.Cause",
        verbose_name=_("cause"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    root_cause = models.TextField(_("cause in words"), blank=True)
    satisfaction = models.CharField(
        _("satisfaction of the complainant"),
        max_length=20,
        choices=Satisfaction.choices,
        blank=True,
    )
    # the published regulation that applied when the complaint was received.
    regulation_version = models.ForeignKey(
        "regulation.RegulationVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"], name="complaint_unique_reference"
            ),
            models.UniqueConstraint(
                fields=["organisation", "year", "number"], name="complaint_unique_number"
            ),
            models.UniqueConstraint(
                fields=["organisation", "submission_key"],
                condition=Q(submission_key__isnull=False),
                name="complaint_unique_submission_key",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="complaint_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="complaint_channel_valid"
            ),
            # linked to its engagement, or the engagement is described.
            models.CheckConstraint(
                condition=Q(engagement__isnull=False) | ~Q(engagement_description=""),
                name="complaint_engagement_known_or_described",
            ),
            # Issue 16: the complainant can be reached by e-mail or by post.
            models.CheckConstraint(
                condition=~Q(complainant_email="")
                | ~Q(address_postcode="")
                | ~Q(address_foreign=""),
                name="complaint_email_or_postal_address",
            ),
            # a representative states on whose behalf they complain.
            models.CheckConstraint(
                condition=Q(is_representative=False) | ~Q(on_behalf_of=""),
                name="complaint_representative_names_client",
            ),
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("original_deadline")),
                name="complaint_deadline_not_before_original",
            ),
            # Final statuses carry the moment they were reached.
            models.CheckConstraint(
                condition=Q(
                    status__in=["closed", "withdrawn", "not_admissible"], closed_at__isnull=False
                )
                | (
                    ~Q(status__in=["closed", "withdrawn", "not_admissible"])
                    & Q(closed_at__isnull=True)
                ),
                name="complaint_closed_at_iff_final",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organisation", "assigned_officer", "status", "deadline"],
                name="complaint_officer_queue",
            ),
            models.Index(
                fields=["organisation", "assigned_officer", "urgency", "deadline", "id"],
                name="complaint_officer_urgency",
            ),
            # Issue 14: "breach and at risk first", then most urgent, by deadline.
            models.Index(
                fields=[
                    "organisation",
                    "assigned_officer",
                    "attention",
                    "urgency",
                    "deadline",
                    "id",
                ],
                name="complaint_officer_attention",
            ),
            # The administrator's digest of new breaches (reminders/services.py).
            models.Index(
                fields=["organisation", "compliance_breached_at"],
                condition=Q(compliance_breached_at__isnull=False),
                name="complaint_org_breached",
            ),
            # The daily recheck of the stored compliance verdicts (compliance/stored.py).
            models.Index(
                fields=["compliance_checked_at"],
                condition=Q(compliance_recheck=True) | Q(compliance_checked_at__isnull=True),
                name="complaint_compliance_recheck",
            ),
            # Issue 19: the officer's ended tab, most recently ended first, read from the
            # top of this index instead of sorting the officer's whole history (closed_at is
            # set exactly when the status is final: complaint_closed_at_iff_final).
            models.Index(
                fields=["organisation", "assigned_officer", "closed_at", "id"],
                condition=Q(closed_at__isnull=False),
                name="complaint_officer_ended",
            ),
            models.Index(fields=["organisation", "received_at"], name="complaint_org_received"),
            models.Index(fields=["organisation", "status", "deadline"], name="complaint_org_due"),
            models.Index(fields=["respondent"], name="complaint_respondent"),
            # "Lost my link" finds a complainant's complaints by e-mail address.
            models.Index(
                models.F("organisation"), Upper("complainant_email"), name="complaint_org_email"
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def by_post(self) -> bool:
        """No e-mail address: every message to the complainant is a letter (issue 16)."""
        return not self.complainant_email

    @property
    def postal_lines(self) -> list[str]:
        """The address block below the name, as on the envelope."""
        if self.address_foreign.strip():
            return [line.strip() for line in self.address_foreign.splitlines() if line.strip()]
        if not self.address_postcode:
            return []
        return [
            f"{self.address_street} {self.address_number}".strip(),
            f"{self.address_postcode}  {self.address_city.upper()}",
        ]

    @property
    def received_time_known(self) -> bool:
        """A complaint the officer registered (a letter, an e-mail received elsewhere) has a
        day of receipt, not a time: nobody entered one."""
        return self.channel not in REGISTERED_CHANNELS


class ComplaintConcern(models.Model):
    """One of the R-1.2 concerns a complaint names (a row each, so reports can count them)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="concerns")
    concern = models.CharField(max_length=20, choices=Concern.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["complaint", "concern"], name="concern_unique"),
            models.CheckConstraint(condition=Q(concern__in=Concern.values), name="concern_valid"),
        ]
        indexes = [models.Index(fields=["concern"], name="concern_value")]

    def __str__(self) -> str:
        return self.concern


def attachment_path(instance: "Attachment", filename: str) -> str:
    # A random name: the client's file name is never used on disk.
    return f"attachments/{instance.complaint.organisation_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=20, choices=AttachmentKind.choices)
    file = models.FileField(upload_to=attachment_path, max_length=200)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "filename"]
        indexes = [models.Index(fields=["complaint", "uploaded_at"], name="attachment_complaint")]

    def __str__(self) -> str:
        return self.filename


class Extension(AppendOnlyModel):
    """R-5.5: the term was extended, with reasons, and the complainant told in writing.

    Every deadline is kept: the original on the complaint, each later one here.
    """

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="extensions")
    number = models.PositiveSmallIntegerField()
    previous_deadline = models.DateField()
    new_deadline = models.DateField(_("new deadline"))
    reason = models.TextField(_("reasons"))
    reason_category = models.CharField(
        _("kind of reason"),
        max_length=20,
        choices=ExtensionReason.choices,
        default=ExtensionReason.OTHER,
    )
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    extended_at = models.DateTimeField()
    # The letter to the complainant stating the reasons and the new date.
    letter = models.ForeignKey(Attachment, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("extension of the term")
        ordering = ["complaint", "number"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "number"], name="extension_number"),
            models.CheckConstraint(
                condition=Q(new_deadline__gt=models.F("previous_deadline")),
                name="extension_moves_deadline_later",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.previous_deadline} → {self.new_deadline}"


class ReferenceCounter(models.Model):
    """The last reference number issued per organisation and year (row-locked when used)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="counter_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


def pending_upload_path(instance: "PendingUpload", filename: str) -> str:
    # A random name: the client's file name is never used on disk.
    return f"pending/{uuid.uuid4().hex}"


class PendingUpload(models.Model):
    """A file that passed the checks on a form that was sent back with an error (issue 17):
    kept for the same browser session so that nobody has to choose it again, encrypted with
    a key that only that session holds, and removed once the form is sent or after
    `PENDING_UPLOAD_HOURS` (complaints/pending_uploads.py)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    form = models.CharField(max_length=40)  # which form ("complaint", "registration")
    field = models.CharField(max_length=40)  # which of its file fields
    file = models.FileField(upload_to=pending_upload_path, max_length=200)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["created_at"], name="pending_upload_created")]

    def __str__(self) -> str:
        return self.filename
