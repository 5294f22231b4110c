"""Fixed lists of the recommendations followed up as actions (R-3.5, R-8.3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    JUDGMENT = "judgment", _("judgment on a complaint")
    REPORT = "report", _("periodic report")


class RecommendationStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DECLINED = "declined", _("declined")
    # A revised judgment replaced the judgment that made it.
    SUPERSEDED = "superseded", _("replaced by a revised judgment")


FINISHED = frozenset(
    {RecommendationStatus.DONE, RecommendationStatus.DECLINED, RecommendationStatus.SUPERSEDED}
)
