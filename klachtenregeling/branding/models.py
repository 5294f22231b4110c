"""The organisation's house style on its public pages: logo and two colours.

Writes happen only in services.py. The logo is stored privately (outside the web root)
and served by a public view for that organisation only.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

HEX_COLOUR_REGEX = r"^#[0-9a-f]{6}$"


def logo_path(instance: "Branding", filename: str) -> str:
    # A random name: the uploaded file name is never used on disk.
    return f"logos/{instance.organisation_id}/{uuid.uuid4().hex}"


class Branding(models.Model):
    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="branding",
    )
    logo = models.FileField(upload_to=logo_path, max_length=200, blank=True)
    logo_content_type = models.CharField(max_length=20, blank=True)
    logo_sha256 = models.CharField(max_length=64, blank=True)
    # Empty: the application's own colours. Stored as "#rrggbb", lower case.
    primary_colour = models.CharField(_("primary colour"), max_length=7, blank=True)
    accent_colour = models.CharField(_("accent colour"), max_length=7, blank=True)
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("house style")
        constraints = [
            models.CheckConstraint(
                condition=Q(primary_colour="") | Q(primary_colour__regex=HEX_COLOUR_REGEX),
                name="branding_primary_colour_hex",
            ),
            models.CheckConstraint(
                condition=Q(accent_colour="") | Q(accent_colour__regex=HEX_COLOUR_REGEX),
                name="branding_accent_colour_hex",
            ),
            models.CheckConstraint(
                condition=Q(logo="") | Q(logo_content_type__in=["image/png", "image/jpeg"]),
                name="branding_logo_type",
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation_id)

    @property
    def stamp(self) -> str:
        """Changes whenever the style changes: part of the stylesheet's and logo's address."""
        return f"{self.updated_at:%Y%m%d%H%M%S%f}"[:20] if self.updated_at else "0"
