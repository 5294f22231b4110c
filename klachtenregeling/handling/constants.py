"""Fixed lists of the handling procedure (Art. 5). Stored values are English."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Party(models.TextChoices):
    """The two sides heard (R-5.2) and who signs besides the officer (R-5.7)."""

    COMPLAINANT = "complainant", _("complainant")
    RESPONDENT = "respondent", _("person complained about")


class Via(models.TextChoices):
    """How a statement or signature reached the dossier, and how its author was authenticated."""

    PERSONAL_LINK = "personal_link", _("through the personal link")
    LOG_IN = "log_in", _("logged in")
    PHONE = "phone", _("by phone, recorded by the officer")
    WRITING = "writing", _("in writing, recorded by the officer")


class Verdict(models.TextChoices):
    """R-5.6: the judgment on whether the complaint is well-founded."""

    WELL_FOUNDED = "well_founded", _("well-founded")
    PARTLY = "partly_well_founded", _("partly well-founded")
    UNFOUNDED = "unfounded", _("unfounded")


class Answer(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")


class PaperAnswer(models.TextChoices):
    """The complainant's answer as the officer records it from a letter or a call."""

    ACCEPTED = "accepted", _("accepted (signed judgment received)")
    DECLINED = "declined", _("declined")
    PROPOSAL = "proposal", _("a new proposal")


class Signer(models.TextChoices):
    COMPLAINANT = "complainant", _("complainant")
    OFFICER = "officer", _("complaints officer")
    RESPONDENT = "respondent", _("person complained about")


class RulingOutcome(models.TextChoices):
    UPHELD = "upheld", _("complaint upheld")
    PARTLY_UPHELD = "partly_upheld", _("complaint partly upheld")
    REJECTED = "rejected", _("complaint rejected")
    SETTLED = "settled", _("settled")
    NOT_ADMISSIBLE = "not_admissible", _("not admissible for the disputes body")


MAX_TEXT = 10_000
MAX_RECOMMENDATIONS = 20
