"""Fixed lists of the compliance check (issue 14): the status of one rule for one complaint."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    """How one rule of the regulation stands for one complaint, worst last."""

    MET = "met", _("met")
    NOT_APPLICABLE = "not_applicable", _("not applicable")
    NOT_YET_DUE = "not_yet_due", _("not yet due")
    AT_RISK = "at_risk", _("at risk")
    BREACHED = "breached", _("breached")


# The statuses the monitoring command reports.
ALARMING = frozenset({Verdict.AT_RISK, Verdict.BREACHED})
