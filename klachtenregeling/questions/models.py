"""A question sent from the regulation page (R-4.1). A question is not a complaint.

It is confidential: only the organisation's officers see it. With the sender's consent
an officer can have it handled as a complaint; the complaint then follows the procedure
like any other and the question keeps a reference to it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import QuestionStatus


class Question(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="questions"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    text = models.TextField(_("question"))
    language = models.CharField(max_length=2, default="nl")
    # "If this turns out to be a complaint, it may be handled as one."
    consent_to_complaint = models.BooleanField(_("may be handled as a complaint"), default=False)
    received_at = models.DateTimeField(_("received"))
    status = models.CharField(
        max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.OPEN
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    complaint = models.OneToOneField(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="from_question",
    )
    converted_at = models.DateTimeField(null=True, blank=True)
    converted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A one-time key per form: a double submit finds the question it already made.
    submission_key = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001
    submission_digest = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "submission_key"],
                condition=Q(submission_key__isnull=False),
                name="question_unique_submission_key",
            ),
            models.CheckConstraint(
                condition=Q(status__in=QuestionStatus.values), name="question_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="answered") | (Q(answered_at__isnull=False) & ~Q(answer="")),
                name="question_answered_has_answer",
            ),
            models.CheckConstraint(
                condition=~Q(status="converted")
                | (Q(complaint__isnull=False) & Q(consent_to_complaint=True)),
                name="question_converted_with_consent",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status", "received_at"], name="question_inbox")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}:{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == QuestionStatus.OPEN
