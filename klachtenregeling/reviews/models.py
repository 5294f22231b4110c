"""The (at least) yearly review of the reports and recommendations with staff designated by
the officer, and the board's decision (R-8.4). A recorded review is never edited: a
correction is a note. Writes happen only in services.py."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.append_only import AppendOnlyModel

USER = settings.AUTH_USER_MODEL


class Review(AppendOnlyModel):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="reviews"
    )
    held_on = models.DateField(_("date of the meeting"))
    attendees = models.ManyToManyField(USER, related_name="reviews_attended")
    reports = models.ManyToManyField("reports.Report", related_name="reviews")
    recommendations = models.ManyToManyField(
        "improvements.Recommendation", blank=True, related_name="reviews"
    )
    submitted_to_board = models.BooleanField(_("submitted to the board"), default=False)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "held_on"], name="review_org_held")]

    def __str__(self) -> str:
        return str(self.held_on)


class ReviewDecision(AppendOnlyModel):
    """A decision taken at the review, one per item."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField(_("decision"))

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="review_decision_number")
        ]


class ReviewNote(AppendOnlyModel):
    """A correction or addition to a recorded review (the review itself is never changed)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("note"))
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["review", "at", "pk"]


class BoardDecision(AppendOnlyModel):
    """The board's decision on a review submitted to it (R-8.4)."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="board_decision")
    decided_on = models.DateField(_("date of the decision"))
    text = models.TextField(_("decision of the board"))
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("decision of the board")
