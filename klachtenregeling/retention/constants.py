from django.db import models
from django.utils.translation import gettext_lazy as _


class HoldKind(models.TextChoices):
    """Why a complaint may not be destroyed (R-8.5, R-4.3).

    REFERRAL and MANUAL are stored as Hold rows. NOT_ENDED is never stored: it is derived
    from the complaint's status (selectors.holds_blocking), so it cannot go out of step
    with the workflow.
    """

    REFERRAL = "referral", _("referral to the disputes body running")
    NOT_ENDED = "not_ended", _("complaint not ended")
    MANUAL = "manual", _("set by hand")


STORED_KINDS = (HoldKind.REFERRAL, HoldKind.MANUAL)
MAX_REASON_LENGTH = 2000
