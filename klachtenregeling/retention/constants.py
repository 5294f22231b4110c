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


class ListStatus(models.TextChoices):
    """A destruction list's states (workflow.py has the steps between them)."""

    DRAFT = "draft", _("draft")
    CONFIRMED = "confirmed", _("confirmed, cooling-off period running")
    DESTROYING = "destroying", _("being destroyed")
    DESTROYED = "destroyed", _("destroyed")
    CANCELLED = "cancelled", _("cancelled")


class ItemResult(models.TextChoices):
    """What destruction did with one line of the list."""

    PENDING = "", _("not yet destroyed")
    DESTROYED = "destroyed", _("destroyed")
    SKIPPED = "skipped", _("skipped")


# after the second confirmation either confirmer may cancel during the organisation's
# cooling-off period (Organisation.destruction_cooling_off_days, 7 days by default), 1-60.
COOLING_OFF_RANGE = (1, 60)
# Complaints destroyed per batch: each batch is loaded, destroyed and forgotten.
DESTRUCTION_BATCH = 500
