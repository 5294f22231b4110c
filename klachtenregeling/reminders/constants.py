from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    """The periodic messages of R-7.1 and R-5.2; each is sent once per occasion."""

    DEADLINE = "deadline", _("reminder of the deadline to the officer")
    OVERDUE_DIGEST = "overdue_digest", _("daily overview of overdue complaints")
    STATEMENT = "statement", _("reminder to give an account")
    DEADLINE_PASSED = "deadline_passed", _("alert to the administrator: term passed")
    # the complainant, when the judgment was not answered after the set period.
    ANSWER = "answer", _("reminder to answer the judgment")
    # the officers and administrators, when the yearly review is coming due.
    REVIEW_DUE = "review_due", _("reminder of the yearly review")
    # Issue 14: the administrators, once a day, of complaints that became breached.
    COMPLIANCE_DIGEST = "compliance_digest", _("daily overview of new breaches")
