"""Fixed lists of the anonymous statistics and the periodic report (R-8.1, R-8.3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    """How a complaint ended, as the reports count it."""

    WELL_FOUNDED = "well_founded", _("well-founded")
    PARTLY = "partly_well_founded", _("partly well-founded")
    UNFOUNDED = "unfounded", _("unfounded")
    WITHDRAWN = "withdrawn", _("withdrawn")
    NOT_ADMISSIBLE = "not_admissible", _("not admissible")
    REFERRED = "referred", _("referred to the disputes body")


class EngagementKind(models.TextChoices):
    """R-2.1: the complaint named an engagement known to the system, or described it."""

    LINKED = "linked", _("engagement on record")
    DESCRIBED = "described", _("engagement described")


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", _("quarter")
    HALF_YEAR = "half_year", _("half year")
    YEAR = "year", _("year")
    CUSTOM = "custom", _("a period of your choice")


# what an officer writes when finalising a report.
MAX_INTRODUCTION = 20_000
MAX_RECOMMENDATIONS = 20
MAX_RECOMMENDATION_LENGTH = 2_000
