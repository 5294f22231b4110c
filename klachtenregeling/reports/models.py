"""The anonymous statistics of ended complaints and the finalised periodic reports (Art. 8).

A statistics row is written in the same transaction as the step that ends a complaint
(reports/statistics.py). It holds no names, texts, e-mail addresses or reference
number, so it stays when the complaint is destroyed after its review (R-8.5), and the
reports of past periods keep their figures. Finalised reports are frozen: a new version
is a new row, never an edit.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.constants import Channel, Concern, ExtensionReason, Satisfaction
from klachtenregeling.complaints.rules.deadlines import TermOutcome
from klachtenregeling.core.append_only import AppendOnlyModel
from klachtenregeling.handling.constants import RulingOutcome

from .constants import EngagementKind, Outcome, PeriodKind

# Term outcomes an ended complaint can have (the running ones belong to open complaints).
ENDED_TERM_OUTCOMES = [
    TermOutcome.WITHIN_ORIGINAL,
    TermOutcome.WITHIN_EXTENDED,
    TermOutcome.LATE,
    TermOutcome.NO_DECISION,
]


class ComplaintStatistic(AppendOnlyModel):
    """One ended complaint, anonymously: what the reports count (R-8.1, R-3.2, R-3.3)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="statistics"
    )
    # Only to keep one row per complaint while it exists; emptied when it is destroyed.
    complaint = models.OneToOneField(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statistic",
    )
    received_on = models.DateField(_("received"))
    ended_on = models.DateField(_("ended"))
    channel = models.CharField(max_length=10, choices=Channel.choices)
    engagement_kind = models.CharField(max_length=10, choices=EngagementKind.choices)
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    ruling_outcome = models.CharField(max_length=20, choices=RulingOutcome.choices, blank=True)
    handling_days = models.PositiveIntegerField()
    term_outcome = models.CharField(
        max_length=20, choices=[(t.value, t.label) for t in ENDED_TERM_OUTCOMES]
    )
    extensions_count = models.PositiveSmallIntegerField(default=0)
    cause = models.ForeignKey(
        "organisations.Cause",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statistics",
    )
    satisfaction = models.CharField(max_length=20, choices=Satisfaction.choices)
    recommendations_count = models.PositiveSmallIntegerField(default=0)
    subjects = models.ManyToManyField(
        "organisations.Subject", blank=True, related_name="statistics"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("complaint statistic")
        ordering = ["ended_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=Outcome.values), name="statistic_outcome_valid"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__gte=models.F("received_on")),
                name="statistic_ended_after_received",
            ),
            models.CheckConstraint(
                condition=Q(outcome="referred") | Q(ruling_outcome=""),
                name="statistic_ruling_only_when_referred",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "ended_on"], name="statistic_org_ended"),
            models.Index(fields=["organisation", "received_on"], name="statistic_org_received"),
        ]

    def __str__(self) -> str:
        return f"{self.outcome} {self.ended_on}"


class StatisticConcern(AppendOnlyModel):
    """One R-1.2 concern the ended complaint named (a row each, for counting)."""

    statistic = models.ForeignKey(
        ComplaintStatistic, on_delete=models.CASCADE, related_name="concerns"
    )
    concern = models.CharField(max_length=20, choices=Concern.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statistic", "concern"], name="statistic_concern_once")
        ]


class StatisticExtension(AppendOnlyModel):
    """One extension of the term (R-5.5), by its reason category."""

    statistic = models.ForeignKey(
        ComplaintStatistic, on_delete=models.CASCADE, related_name="extensions"
    )
    number = models.PositiveSmallIntegerField()
    reason_category = models.CharField(max_length=20, choices=ExtensionReason.choices)

    class Meta:
        ordering = ["statistic", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["statistic", "number"], name="statistic_extension_number"
            )
        ]


class Report(AppendOnlyModel):
    """A finalised periodic report (R-8.3): figures, text and recommendations, frozen.

    `content` is the canonical JSON of what was finalised and `sha256` its digest; a
    correction is a new version of the same period, never an edit.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="reports"
    )
    period_kind = models.CharField(max_length=10, choices=PeriodKind.choices)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    version = models.PositiveSmallIntegerField(default=1)
    introduction = models.TextField(_("text of the report"), blank=True)
    content = models.JSONField()
    sha256 = models.CharField(max_length=64)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    finalised_at = models.DateTimeField()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-period_end", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "period_start", "period_end", "version"],
                name="report_version_once",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="report_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period_start} to {self.period_end} v{self.version}"
