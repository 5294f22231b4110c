"""Staff users. Each belongs to one organisation and has one or more roles.

Complainants are not users: they reach their own complaint through a secure link.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("Empty only for platform administrators."),
    )
    is_officer = models.BooleanField(
        _("complaints officer"), default=False, help_text=_("Handles complaints (article 1).")
    )
    is_employee = models.BooleanField(
        _("staff member"),
        default=True,
        help_text=_("Works under the organisation's responsibility; complaints can be about them."),
    )
    is_board = models.BooleanField(_("board member"), default=False)
    is_org_admin = models.BooleanField(
        _("organisation administrator"),
        default=False,
        help_text=_("Manages settings and users; sees no complaint content (article 6)."),
    )
    # The language last chosen with the language switch while signed in (or when making
    # a calendar address): things read outside the app, like the calendar feed, use it.
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Language of the calendar feed; empty: the site's language."),
    )
    # Raised by "log out everywhere" (services.user_logout_everywhere): it is part of the
    # session hash, so every session made before no longer matches and ends.
    session_generation = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "username"]
        indexes = [models.Index(fields=["organisation", "is_officer"], name="user_org_officer")]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def _session_hash(self, secret=None) -> str:
        return salted_hmac(
            "klachtenregeling.accounts.User.session",
            f"{self.password}\x00{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def get_session_auth_hash(self) -> str:
        """Changes with the password and with every "log out everywhere"."""
        return self._session_hash()

    def get_session_auth_fallback_hash(self):
        for fallback_secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret=fallback_secret)
