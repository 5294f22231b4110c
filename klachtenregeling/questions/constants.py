from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_QUESTION_LENGTH = 5_000
MAX_ANSWER_LENGTH = 10_000


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("waiting for an answer")
    ANSWERED = "answered", _("answered")
    CONVERTED = "converted", _("handled as a complaint")
