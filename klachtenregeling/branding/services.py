"""Changing the house style: the only writer of Branding (one transaction, no loose files)."""

from typing import IO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput

from .logos import check_logo
from .models import Branding, logo_path
from .rules import colour_problem, parse_colour


def branding_update(
    *,
    organisation,
    by,
    primary_colour: str,
    accent_colour: str,
    logo: IO[bytes] | None = None,
    remove_logo: bool = False,
) -> Branding:
    """Set the colours (each readable with white text, WCAG AA) and the logo (PNG/JPEG)."""
    if not by.is_superuser:
        policies.require(by, policies.BRANDING_EDIT, organisation)
    errors: dict[str, list] = {}
    for field, value in (("primary_colour", primary_colour), ("accent_colour", accent_colour)):
        if problem := colour_problem(value):
            errors[field] = [problem]
    checked = None
    if logo is not None:
        try:
            checked = check_logo(logo)
        except InvalidInput as error:
            errors.update(error.errors)
    if logo is not None and remove_logo:
        errors.setdefault("remove_logo", []).append(
            _("Upload a new logo or remove the current one, not both.")
        )
    if errors:
        raise InvalidInput(errors)
    written = None
    try:
        with transaction.atomic():
            branding, _created = Branding.objects.select_for_update().get_or_create(
                organisation=organisation, defaults={"updated_at": clock.now()}
            )
            previous = branding.logo.name
            if checked is not None:
                written = default_storage.save(
                    logo_path(branding, "logo"), ContentFile(checked.content)
                )
                branding.logo.name = written
                branding.logo_content_type = checked.content_type
                branding.logo_sha256 = checked.sha256
            elif remove_logo:
                branding.logo = ""
                branding.logo_content_type = branding.logo_sha256 = ""
            branding.primary_colour = parse_colour(primary_colour) or ""
            branding.accent_colour = parse_colour(accent_colour) or ""
            branding.updated_at = clock.now()
            branding.updated_by = by
            branding.save()
            if previous and previous != branding.logo.name:
                transaction.on_commit(lambda: default_storage.delete(previous))
    except Exception:
        if written:
            default_storage.delete(written)
        raise
    return branding
