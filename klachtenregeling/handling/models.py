"""The documents of the procedure (Art. 5): statements, proposals, judgments, signatures,
the referral. Statements, judgments and signatures are never changed: a correction
or revision is a new row. Writes happen only in services/."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.append_only import AppendOnlyModel

from .constants import Answer, Party, RulingOutcome, Signer, Verdict, Via

COMPLAINT = "complaints.Complaint"
USER = settings.AUTH_USER_MODEL


class HearingInvitation(models.Model):
    """R-5.2: a party is invited to give their account by a due date."""

    complaint = models.ForeignKey(COMPLAINT, on_delete=models.CASCADE, related_name="invitations")
    party = models.CharField(max_length=20, choices=Party.choices)
    due_date = models.DateField(_("answer by"))
    invited_at = models.DateTimeField()
    invited_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["invited_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(party__in=Party.values), name="invitation_party")
        ]
        indexes = [
            models.Index(fields=["complaint", "party"], name="invitation_complaint"),
            # The scheduler's statement reminders look up invitations by due date.
            models.Index(fields=["due_date"], name="invitation_due"),
        ]

    def __str__(self) -> str:
        return f"{self.party} by {self.due_date}"


class Statement(AppendOnlyModel):
    """A party's account (hoor en wederhoor, R-5.2). A correction is a new statement."""

    complaint = models.ForeignKey(COMPLAINT, on_delete=models.CASCADE, related_name="statements")
    party = models.CharField(max_length=20, choices=Party.choices)
    text = models.TextField(_("account"))
    via = models.CharField(max_length=20, choices=Via.choices)
    given_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )

    class Meta:
        verbose_name = _("statement")
        ordering = ["given_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(party__in=Party.values), name="statement_party"),
            models.CheckConstraint(condition=Q(via__in=Via.values), name="statement_via"),
        ]
        indexes = [models.Index(fields=["complaint", "party"], name="statement_complaint")]


class HearingWaiver(AppendOnlyModel):
    """The officer records why a side was not heard (then a judgment may still be given)."""

    complaint = models.ForeignKey(COMPLAINT, on_delete=models.CASCADE, related_name="waivers")
    party = models.CharField(max_length=20, choices=Party.choices)
    reason = models.TextField(_("why this side was not heard"))
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("hearing waiver")
        ordering = ["recorded_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(party__in=Party.values), name="waiver_party")
        ]


class Proposal(models.Model):
    """R-5.3: a proposed solution and the complainant's answer to it."""

    complaint = models.ForeignKey(COMPLAINT, on_delete=models.CASCADE, related_name="proposals")
    text = models.TextField(_("proposed solution"))
    proposed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    proposed_role = models.CharField(max_length=20)
    proposed_at = models.DateTimeField()
    answer = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    answer_comment = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["proposed_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(answer="") & Q(answered_at__isnull=True))
                | (Q(answer__in=Answer.values) & Q(answered_at__isnull=False)),
                name="proposal_answer_complete",
            )
        ]

    def __str__(self) -> str:
        return f"proposal {self.pk}"


class Judgment(AppendOnlyModel):
    """R-5.6: the written judgment. A revision is a new version; signatures bind to one version."""

    complaint = models.ForeignKey(COMPLAINT, on_delete=models.CASCADE, related_name="judgments")
    version = models.PositiveSmallIntegerField()
    verdict = models.CharField(_("judgment"), max_length=30, choices=Verdict.choices)
    reasoning = models.TextField(_("reasoning"))
    # One recommendation per item, so each can be followed up.
    recommendations = models.JSONField(default=list)
    text_sha256 = models.CharField(max_length=64)
    issued_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField()
    letter = models.ForeignKey(
        "complaints.Attachment", null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("judgment")
        ordering = ["complaint", "version"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "version"], name="judgment_version"),
            models.CheckConstraint(
                condition=Q(verdict__in=Verdict.values), name="judgment_verdict"
            ),
        ]


class JudgmentAnswer(AppendOnlyModel):
    """The complainant's answer to a judgment: settled (then they sign) or not (R-4.3)."""

    judgment = models.ForeignKey(Judgment, on_delete=models.CASCADE, related_name="answers")
    answer = models.CharField(max_length=10, choices=Answer.choices)
    comment = models.TextField(blank=True)
    via = models.CharField(max_length=20, choices=Via.choices)
    answered_at = models.DateTimeField()

    class Meta:
        verbose_name = _("answer to a judgment")
        ordering = ["answered_at", "pk"]


class Signature(AppendOnlyModel):
    """R-5.7: who signed which exact judgment text, when, and how they were authenticated."""

    judgment = models.ForeignKey(Judgment, on_delete=models.CASCADE, related_name="signatures")
    signer = models.CharField(max_length=20, choices=Signer.choices)
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(max_length=200)
    signed_at = models.DateTimeField()
    via = models.CharField(max_length=20, choices=Via.choices)
    text_sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("signature")
        ordering = ["signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["judgment", "signer"], name="signature_once"),
            models.CheckConstraint(condition=Q(signer__in=Signer.values), name="signature_signer"),
        ]


class Referral(models.Model):
    """R-4.3: the complaint went to the disputes body; its ruling closes the case."""

    complaint = models.OneToOneField(COMPLAINT, on_delete=models.CASCADE, related_name="referral")
    body_name = models.CharField(max_length=200)
    referred_on = models.DateField(_("submitted to the disputes body on"))
    body_reference = models.CharField(
        _("case number at the disputes body"), max_length=100, blank=True
    )
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    ruling_on = models.DateField(_("date of the ruling"), null=True, blank=True)
    ruling_outcome = models.CharField(
        _("ruling"), max_length=20, choices=RulingOutcome.choices, blank=True
    )
    ruling_text = models.TextField(_("summary of the ruling"), blank=True)
    ruling_document = models.ForeignKey(
        "complaints.Attachment", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(ruling_on__isnull=True) & Q(ruling_outcome=""))
                | (Q(ruling_on__isnull=False) & Q(ruling_outcome__in=RulingOutcome.values)),
                name="referral_ruling_complete",
            )
        ]

    def __str__(self) -> str:
        return f"referral of complaint {self.complaint_id}"


class AttachmentShare(models.Model):
    """Issue 17: the officer's choice, per attachment, to share it with the person
    complained about — one row per choice (shared or no longer shared), so the rows are the
    log of who chose what when; the latest row of an attachment holds."""

    complaint = models.ForeignKey(COMPLAINT, on_delete=models.CASCADE, related_name="shares")
    attachment = models.ForeignKey(
        "complaints.Attachment", on_delete=models.CASCADE, related_name="shares"
    )
    shared = models.BooleanField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["complaint", "at"], name="share_complaint")]

    def __str__(self) -> str:
        return f"{self.attachment_id}: {'shared' if self.shared else 'not shared'}"
