"""The articles of the published regulation (R-4.1), in the order they are published."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Article(models.TextChoices):
    """One part of the regulation. The introduction has no number; the others are Art. 1-8."""

    INTRO = "intro", _("Introduction")
    DEFINITIONS = "definitions", _("Definitions")
    SCOPE = "scope", _("Scope")
    AIMS = "aims", _("Aims")
    INFORMATION = "information", _("Information and escalation")
    PROCEDURE = "procedure", _("Internal procedure")
    CONFIDENTIALITY = "confidentiality", _("Confidentiality and free of charge")
    RESPONSIBILITIES = "responsibilities", _("Responsibilities")
    REGISTRATION = "registration", _("Registration and retention")


ARTICLE_ORDER: tuple[str, ...] = tuple(Article.values)
# Art. 1 ... Art. 8; the introduction is not numbered.
ARTICLE_NUMBER: dict[str, int | None] = {
    key: (None if key == Article.INTRO else index) for index, key in enumerate(ARTICLE_ORDER)
}
LANGUAGES: tuple[str, ...] = ("nl", "en")
LANGUAGE_NAMES = {"nl": _("Dutch"), "en": _("English")}
# In messages about a text: "Article 5 (...), the Dutch text".
TEXT_NAMES = {"nl": _("the Dutch text"), "en": _("the English text")}
MAX_TITLE_LENGTH = 120
MAX_BODY_LENGTH = 6000
