"""Filters of the report's tables: numbers, shares and changes in the page's language."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value) -> str:
    """A count, a number of days or a share; an empty figure is a dash."""
    if value is None:
        return "—"
    return number_format(
        value, decimal_pos=1 if isinstance(value, float) else None, force_grouping=True
    )


@register.filter
def change(value) -> str:
    """+3, 0, or -2 written with a real minus sign (U+2212), so it reads as one."""
    if value is None:
        return "—"
    if value > 0:
        return f"+{figure(value)}"
    if value < 0:
        return f"\N{MINUS SIGN}{figure(-value)}"
    return "0"
