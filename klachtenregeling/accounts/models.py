"""Staff users. Each belongs to one organisation and has one or more roles.

Complainants are not users: they reach their own complaint through a secure link.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
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
        _("complaints officer"), default=False, help_text=_("Handles complaints (R-1.4).")
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
        help_text=_("Manages settings and users; sees no complaint content (R-6.1)."),
    )

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
