"""Fixed lists of oral complaints (R-1.1, second sentence)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecordStatus(models.TextChoices):
    AWAITING = "awaiting", _("awaiting confirmation")
    CONFIRMED = "confirmed", _("confirmed: a complaint")
    NOT_CONFIRMED = "not_confirmed", _("not confirmed")


class HowTold(models.TextChoices):
    PHONE = "phone", _("by phone")
    IN_PERSON = "in_person", _("in person")


class ConfirmedHow(models.TextChoices):
    LINK = "link", _("through the personal link")
    PAPER = "paper", _("on paper")


class RecordEventType(models.TextChoices):
    RECORDED = "recorded", _("put in writing by the officer")
    SENT = "sent", _("written record sent for confirmation")
    LETTER = "letter", _("letter made, to be posted")
    POSTED = "posted", _("letter posted")
    REMINDED = "reminded", _("reminder sent")
    CONFIRMED = "confirmed", _("confirmed by the complainant")
    CORRECTED = "corrected", _("corrected and confirmed by the complainant")
    LINK_REFUSED = "link_refused", _("a used link was tried again")
    NOT_CONFIRMED = "not_confirmed", _("closed as not confirmed")


class LetterKind(models.TextChoices):
    """The letters to a complainant without e-mail (issue 16), printed and posted by the
    officer from the list "Te versturen per post"."""

    RECORD = "record", _("the written record, to confirm")
    REMINDER = "reminder", _("reminder to confirm")
    NOT_CONFIRMED = "not_confirmed", _("closed as not confirmed")
