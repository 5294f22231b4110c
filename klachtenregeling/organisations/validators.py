from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# First path segments the application uses itself; an organisation cannot take them.
RESERVED_SLUGS = frozenset(
    {"api", "beheer", "i18n", "inloggen", "uitloggen", "werk", "static", "agenda"}
)


def validate_not_reserved(value: str) -> None:
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is reserved; choose another."), params={"slug": value})


def validate_days_off(value: str) -> None:
    """R-5.5: the extra days off by decree, one date a line."""
    from klachtenregeling.complaints.rules.days_off import parse_extra_days

    _days, wrong = parse_extra_days(value)
    if wrong:
        raise ValidationError(
            _("“%(line)s” is not a date. Write one date a line, e.g. 24-12-2026."),
            params={"line": wrong[0]},
        )
