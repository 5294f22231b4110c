from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageKind(models.TextChoices):
    """Every kind of outgoing message; each has templates in notifications/<kind>/."""

    ACKNOWLEDGEMENT = "acknowledgement", _("acknowledgement of receipt")
    NEW_COMPLAINT = "new_complaint", _("new complaint for the officer")
    OFFICER_NEEDED = "officer_needed", _("request to appoint an officer")
