from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# First path segments the application uses itself; an organisation cannot take them.
RESERVED_SLUGS = frozenset(
    {"api", "beheer", "i18n", "inloggen", "uitloggen", "werk", "static", "agenda"}
)


def validate_not_reserved(value: str) -> None:
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is reserved; choose another."), params={"slug": value})
