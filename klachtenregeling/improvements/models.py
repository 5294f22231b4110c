"""Recommendations followed up as actions (R-3.5): from a judgment (R-5.6) or from a
periodic report (R-8.3). Each has an owner, a due date and a status, and every change
is a row of its history. Writes happen only in services.py."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.append_only import AppendOnlyModel

from .constants import RecommendationStatus, Source

USER = settings.AUTH_USER_MODEL


class Recommendation(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="recommendations"
    )
    text = models.TextField(_("recommendation"))
    source = models.CharField(max_length=10, choices=Source.choices)
    # The judgment that made it; emptied when its complaint is destroyed.
    judgment = models.ForeignKey(
        "handling.Judgment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendation_actions",
    )
    report = models.ForeignKey(
        "reports.Report",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendation_actions",
    )
    number = models.PositiveSmallIntegerField(help_text="Its place in the judgment or report.")
    owner = models.ForeignKey(
        USER,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations_owned",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.OPEN,
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    # Raised by every change: a form loaded before another change is refused.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RecommendationStatus.values),
                name="recommendation_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(source__in=Source.values), name="recommendation_source_valid"
            ),
            models.CheckConstraint(
                condition=~Q(source="report") | Q(report__isnull=False),
                name="recommendation_report_named",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status", "due_date"], name="recommendation_due"),
            models.Index(fields=["owner", "status", "due_date"], name="recommendation_owner"),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class RecommendationChange(AppendOnlyModel):
    """One step in a recommendation's history: made, assigned, its status changed, a note."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="changes"
    )
    at = models.DateTimeField()
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status_from = models.CharField(max_length=20, blank=True)
    status_to = models.CharField(max_length=20, blank=True)
    owner = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("change of a recommendation")
        ordering = ["recommendation", "at", "pk"]
