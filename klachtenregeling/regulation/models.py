"""The organisation's wording of the regulation and every version it published (R-4.1).

Writes happen only in services.py. A published version is never changed or removed:
old versions stay readable and downloadable, and a complaint records the version that
applied when it was received.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.append_only import AppendOnlyModel

from .constants import LANGUAGES, Article


class ArticleText(models.Model):
    """An organisation's own wording of one article in one language; else the default applies."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    article = models.CharField(max_length=20, choices=Article.choices)
    language = models.CharField(max_length=2)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "article", "language"], name="articletext_unique"
            ),
            models.CheckConstraint(
                condition=Q(article__in=Article.values), name="articletext_article_valid"
            ),
            models.CheckConstraint(
                condition=Q(language__in=LANGUAGES), name="articletext_language_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} ({self.language})"


class RegulationVersion(AppendOnlyModel):
    """One published regulation: the text exactly as published and the values it states."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="regulation_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Kept as text as well: who published stays readable whatever happens to the user.
    published_by_name = models.CharField(max_length=200, blank=True)
    reason = models.CharField(_("what changed"), max_length=300, blank=True)
    # The term this version states, and that complaints received under it get.
    term_days = models.PositiveSmallIntegerField()
    parameters = models.JSONField()  # rules.parameters.Parameters.as_dict()
    articles = models.JSONField()  # {language: [{key, number, title, body}, ...]}, filled in
    text = models.TextField()  # rendering.canonical_text: every language, as published
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("regulation version")
        verbose_name_plural = _("regulation versions")
        ordering = ["organisation", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "number"], name="regulationversion_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(term_days__gte=1, term_days__lte=365),
                name="regulationversion_term_days_range",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "published_at"], name="regulationversion_in_force")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} v{self.number}"

    def articles_in(self, language: str) -> list[dict]:
        return self.articles.get(language) or self.articles.get(LANGUAGES[0], [])
